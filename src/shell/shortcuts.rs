//! Keyboard shortcuts, and the `?` overlay listing them.
//!
//! The shell listens to `keydown` on the window and turns keys into [`Action`]s with
//! [`KeySequence`] (pure, unit tested). Keys are ignored while the user types (input, textarea,
//! select, contenteditable), with Ctrl/Alt/Meta held, inside an open menu, or while a modal is
//! open.
//!
//! | keys            | action                                                         |
//! |-----------------|----------------------------------------------------------------|
//! | `?`             | show / hide the shortcut overlay                               |
//! | `/`             | focus the page's search box: the element with `data-shortcut="search"` |
//! | `c`             | go to "Create case" of the current solution                    |
//! | `g s`/`g o`/`g m` | go to the Security / Observability / Stack Management cases (same space) |
//! | `j` / `k`       | next / previous row of the page's table                        |
//! | `Enter`         | open the selected row                                          |
//!
//! **Contract for tables** (`j`/`k`/`Enter`): the shell does not know the rows. It publishes
//! every such press through [`use_table_keys`], a signal of [`TableKeyPress`] whose `seq`
//! grows with each press (so pressing `j` twice changes it twice). A page with a table reacts
//! in an effect: move its selected row, scroll it into view, open it on `Enter`. `Enter` is only
//! published when focus is not on a control (link, button, ...), which handles Enter itself.
//! A page may instead handle keydown itself; use [`is_typing_target`] to skip typing.

use crate::components::{Modal, ModalSize};
use crate::routes::Solution;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;

/// How long after `g` the second key of a "go to" sequence is accepted.
pub const SEQUENCE_TIMEOUT_MS: f64 = 1500.0;

/// What a shortcut does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Show or hide the overlay.
    ToggleHelp,
    /// Focus `[data-shortcut="search"]`.
    FocusSearch,
    /// Open the create form.
    CreateCase,
    /// Open a solution's case list.
    GoTo(Solution),
    /// A table key (see the module docs).
    Table(TableKey),
}

/// A key for the page's table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TableKey {
    /// `j`: the next row.
    Next,
    /// `k`: the previous row.
    Previous,
    /// `Enter`: open the selected row.
    Open,
}

/// One table key press; `seq` grows with every press.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TableKeyPress {
    /// The key.
    pub key: TableKey,
    /// Press counter.
    pub seq: u64,
}

/// Turns key presses into actions, remembering a pending `g`.
#[derive(Clone, Copy, Debug, Default)]
pub struct KeySequence {
    pending_g: Option<f64>,
}

impl KeySequence {
    /// Interprets `key` (a `KeyboardEvent.key`) pressed at `now_ms`.
    pub fn press(&mut self, key: &str, now_ms: f64) -> Option<Action> {
        if let Some(at) = self.pending_g.take()
            && now_ms - at <= SEQUENCE_TIMEOUT_MS
        {
            return match key {
                "s" => Some(Action::GoTo(Solution::Security)),
                "o" => Some(Action::GoTo(Solution::Observability)),
                "m" => Some(Action::GoTo(Solution::Management)),
                _ => None,
            };
        }
        match key {
            "g" => {
                self.pending_g = Some(now_ms);
                None
            }
            "?" => Some(Action::ToggleHelp),
            "/" => Some(Action::FocusSearch),
            "c" => Some(Action::CreateCase),
            "j" => Some(Action::Table(TableKey::Next)),
            "k" => Some(Action::Table(TableKey::Previous)),
            "Enter" => Some(Action::Table(TableKey::Open)),
            _ => None,
        }
    }
}

/// The overlay's rows: keys and what they do.
pub const SHORTCUTS: &[(&[&str], &str)] = &[
    (&["?"], "Show or hide this list"),
    (&["/"], "Search cases"),
    (&["c"], "Create a case"),
    (&["g", "s"], "Go to Security cases"),
    (&["g", "o"], "Go to Observability cases"),
    (&["g", "m"], "Go to Stack Management cases"),
    (&["j"], "Next case in the list"),
    (&["k"], "Previous case in the list"),
    (&["Enter"], "Open the selected case"),
    (&["Esc"], "Close a dialog or menu"),
];

/// Whether the overlay is open (context provided by the shell).
#[derive(Clone, Copy)]
pub struct ShortcutHelp(pub RwSignal<bool>);

/// Table key presses (context provided by the shell); see the module docs.
#[derive(Clone, Copy)]
pub struct TableKeys(pub RwSignal<Option<TableKeyPress>>);

/// The `j`/`k`/`Enter` presses meant for the page's table.
pub fn use_table_keys() -> Signal<Option<TableKeyPress>> {
    let TableKeys(s) = expect_context::<TableKeys>();
    s.into()
}

/// Whether keys typed on `target` are text input (so shortcuts must not fire).
pub fn is_typing_target(target: Option<web_sys::EventTarget>) -> bool {
    let Some(el) = target.and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else {
        return false;
    };
    matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
        || el
            .closest("[contenteditable]:not([contenteditable='false'])")
            .ok()
            .flatten()
            .is_some()
}

/// Whether focus is on a control that handles Enter itself.
fn is_control(target: Option<&web_sys::Element>) -> bool {
    target.is_some_and(|el| {
        el.closest("a, button, summary, [role='button'], [role='menuitem'], [role='checkbox'], [role='tab']")
            .ok()
            .flatten()
            .is_some()
    })
}

/// Whether shortcuts should stay quiet for this event (see the module docs).
fn suppressed(ev: &web_sys::KeyboardEvent) -> bool {
    if ev.default_prevented() || ev.ctrl_key() || ev.meta_key() || ev.alt_key() || ev.is_composing()
    {
        return true;
    }
    if is_typing_target(ev.target()) {
        return true;
    }
    let target = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
    if target
        .as_ref()
        .is_some_and(|el| el.closest("[role='menu']").ok().flatten().is_some())
    {
        return true;
    }
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("[aria-modal='true']").ok().flatten())
        .is_some()
}

/// Listens to the window's keydown for the shell's lifetime and runs `on_action`.
pub fn listen(on_action: impl Fn(Action) + 'static) {
    let seq = StoredValue::new(KeySequence::default());
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if suppressed(&ev) {
            return;
        }
        let key = ev.key();
        if key == "Enter" {
            let target = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
            if is_control(target.as_ref()) {
                return;
            }
        }
        let now = js_sys::Date::now();
        let mut s = seq.get_value();
        let action = s.press(&key, now);
        seq.set_value(s);
        if let Some(a) = action {
            if !matches!(a, Action::Table(_)) {
                ev.prevent_default();
            }
            on_action(a);
        }
    });
    on_cleanup(move || handle.remove());
}

/// Focuses the page's search box, if it has one.
pub fn focus_search() {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("[data-shortcut='search']").ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// The overlay listing [`SHORTCUTS`].
#[component]
pub fn ShortcutHelpModal() -> impl IntoView {
    let ShortcutHelp(open) = expect_context::<ShortcutHelp>();
    view! {
        <Modal open title="Keyboard shortcuts" size=ModalSize::Medium test_id="shortcut-help">
            <table class="cb-shortcuts">
                <tbody>
                    {SHORTCUTS
                        .iter()
                        .map(|(keys, what)| {
                            view! {
                                <tr>
                                    <td class="cb-shortcuts__keys">
                                        {keys
                                            .iter()
                                            .enumerate()
                                            .map(|(i, k)| {
                                                view! {
                                                    {(i > 0).then_some(" then ")}
                                                    <kbd class="cb-kbd">{*k}</kbd>
                                                }
                                            })
                                            .collect_view()}
                                    </td>
                                    <td>{*what}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </Modal>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn single_keys() {
        let mut s = KeySequence::default();
        assert_eq!(s.press("?", 0.0), Some(Action::ToggleHelp));
        assert_eq!(s.press("/", 0.0), Some(Action::FocusSearch));
        assert_eq!(s.press("c", 0.0), Some(Action::CreateCase));
        assert_eq!(s.press("j", 0.0), Some(Action::Table(TableKey::Next)));
        assert_eq!(s.press("k", 0.0), Some(Action::Table(TableKey::Previous)));
        assert_eq!(s.press("Enter", 0.0), Some(Action::Table(TableKey::Open)));
        assert_eq!(s.press("x", 0.0), None);
    }

    #[test]
    fn go_to_sequences() {
        let mut s = KeySequence::default();
        assert_eq!(s.press("g", 0.0), None);
        assert_eq!(
            s.press("o", 500.0),
            Some(Action::GoTo(Solution::Observability))
        );
        assert_eq!(s.press("g", 1000.0), None);
        assert_eq!(
            s.press("m", 1100.0),
            Some(Action::GoTo(Solution::Management))
        );
        assert_eq!(s.press("g", 2000.0), None);
        assert_eq!(s.press("s", 2100.0), Some(Action::GoTo(Solution::Security)));
    }

    #[test]
    fn a_sequence_expires_or_is_cancelled() {
        let mut s = KeySequence::default();
        s.press("g", 0.0);
        // Too late: `o` is just `o` (nothing).
        assert_eq!(s.press("o", SEQUENCE_TIMEOUT_MS + 1.0), None);
        s.press("g", 10_000.0);
        // Another key cancels the sequence and is swallowed.
        assert_eq!(s.press("c", 10_100.0), None);
        assert_eq!(s.press("c", 10_200.0), Some(Action::CreateCase));
        // `g g` keeps nothing pending.
        s.press("g", 20_000.0);
        assert_eq!(s.press("g", 20_100.0), None);
        assert_eq!(s.press("o", 20_200.0), None);
    }

    #[test]
    fn every_listed_shortcut_is_understood() {
        for (keys, _) in SHORTCUTS {
            if keys == &["Esc"] {
                continue;
            }
            let mut s = KeySequence::default();
            let mut last = None;
            for k in *keys {
                last = s.press(k, 0.0);
            }
            assert!(last.is_some(), "{keys:?}");
        }
    }
}
