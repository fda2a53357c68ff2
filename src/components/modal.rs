//! [`Modal`] and [`ConfirmModal`]: dialogs over a dimmed page. Labelled by their title, focus
//! moves in when they open (to `[data-autofocus]`, else the first control of the body, else the
//! first button of the footer) and back to where it was when they close; Tab cycles inside;
//! Escape, the × button and a click on the backdrop close them.

use super::focus::{FOCUSABLE, active_element, contains, focusables, trap_tab};
use leptos::ev::{KeyboardEvent, MouseEvent};
use leptos::html::Div;
use leptos::prelude::*;
use std::sync::atomic::{AtomicU32, Ordering};

static NEXT_ID: AtomicU32 = AtomicU32::new(0);

/// A page-unique element id with `prefix`.
pub(crate) fn unique_id(prefix: &str) -> String {
    format!("{prefix}-{}", NEXT_ID.fetch_add(1, Ordering::Relaxed))
}

/// The width of a [`Modal`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ModalSize {
    /// 420px (confirmations).
    Small,
    /// 560px (the default).
    #[default]
    Medium,
    /// 800px (forms, previews).
    Large,
}

/// A dialog shown while `open` is true.
#[component]
pub fn Modal(
    /// Whether the modal is shown; the modal sets it to false when the user closes it.
    open: RwSignal<bool>,
    /// The heading; also the dialog's accessible name.
    #[prop(into)]
    title: Signal<String>,
    /// Called when the user closes the modal (Escape, ×, backdrop), after `open` is false.
    #[prop(optional, into)]
    on_close: Option<Callback<()>>,
    /// Buttons at the bottom, right-aligned.
    #[prop(optional, into)]
    footer: Option<ViewFn>,
    /// Width (default medium).
    #[prop(optional)]
    size: ModalSize,
    /// Uses `role="alertdialog"` (confirmations that interrupt the user).
    #[prop(optional)]
    alert: bool,
    /// `data-testid` of the dialog element (default `modal`).
    #[prop(optional, into)]
    test_id: Option<String>,
    /// The body.
    children: ChildrenFn,
) -> impl IntoView {
    let title_id = unique_id("cb-modal-title");
    let dialog_ref = NodeRef::<Div>::new();
    let restore = StoredValue::new_local(None::<web_sys::HtmlElement>);
    let close = move || {
        open.set(false);
        if let Some(cb) = on_close {
            cb.run(());
        }
    };

    // Focus moves in when the dialog mounts (its node ref is set each time it opens).
    Effect::new(move |_| {
        let Some(el) = dialog_ref.get() else { return };
        restore.set_value(active_element().filter(|a| !contains(&el, a)));
        let target = el
            .query_selector("[data-autofocus]")
            .ok()
            .flatten()
            .and_then(|e| leptos::wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
            .or_else(|| {
                el.query_selector(".cb-modal__body")
                    .ok()
                    .flatten()
                    .and_then(|b| focusables(&b, FOCUSABLE).into_iter().next())
            })
            .or_else(|| {
                el.query_selector(".cb-modal__footer")
                    .ok()
                    .flatten()
                    .and_then(|b| focusables(&b, FOCUSABLE).into_iter().next())
            });
        match target {
            Some(t) => drop(t.focus()),
            None => drop(el.focus()),
        }
    });
    // ... and back when it closes.
    Effect::new(move |was_open: Option<bool>| {
        let now = open.get();
        if was_open == Some(true) && !now {
            restore.with_value(|r| {
                if let Some(r) = r {
                    let _ = r.focus();
                }
            });
        }
        now
    });

    let on_keydown = move |ev: KeyboardEvent| {
        if ev.key() == "Escape" {
            ev.prevent_default();
            ev.stop_propagation();
            close();
        } else if let Some(el) = dialog_ref.get_untracked() {
            trap_tab(&el, &ev);
        }
    };
    let size_class = match size {
        ModalSize::Small => "cb-modal cb-modal--s",
        ModalSize::Medium => "cb-modal cb-modal--m",
        ModalSize::Large => "cb-modal cb-modal--l",
    };
    let test_id = test_id.unwrap_or_else(|| "modal".into());
    let footer = StoredValue::new(footer);
    let title_id = StoredValue::new(title_id);
    view! {
        <Show when=move || open.get()>
            <div class="cb-overlay" on:mousedown=move |_: MouseEvent| close()>
                <div
                    class=size_class
                    role=if alert { "alertdialog" } else { "dialog" }
                    aria-modal="true"
                    aria-labelledby=title_id.get_value()
                    tabindex="-1"
                    data-testid=test_id.clone()
                    node_ref=dialog_ref
                    on:mousedown=|ev: MouseEvent| ev.stop_propagation()
                    on:keydown=on_keydown
                >
                    <div class="cb-modal__header">
                        <h2 class="cb-modal__title" id=title_id.get_value()>
                            {move || title.get()}
                        </h2>
                        <button
                            type="button"
                            class="cb-modal__close"
                            aria-label="Close"
                            on:click=move |_| close()
                        >
                            "×"
                        </button>
                    </div>
                    <div class="cb-modal__body">{children()}</div>
                    {footer
                        .get_value()
                        .map(|f| view! { <div class="cb-modal__footer">{f.run()}</div> })}
                </div>
            </div>
        </Show>
    }
}

/// A yes/no question: "Delete case?" with Cancel and a confirm button. Focus starts on Cancel.
#[component]
pub fn ConfirmModal(
    /// Whether the modal is shown; it sets this to false on cancel and on confirm.
    open: RwSignal<bool>,
    /// The question ("Delete 3 cases?").
    #[prop(into)]
    title: Signal<String>,
    /// The consequences, one or two sentences.
    #[prop(optional, into)]
    body: Option<Signal<String>>,
    /// The confirm button's text ("Delete").
    #[prop(into)]
    confirm_label: Signal<String>,
    /// The cancel button's text (default "Cancel").
    #[prop(optional, into)]
    cancel_label: Option<Signal<String>>,
    /// Styles the confirm button as destructive.
    #[prop(optional, into)]
    danger: Signal<bool>,
    /// Called on confirm, after the modal closed.
    #[prop(into)]
    on_confirm: Callback<()>,
    /// Called on cancel (button, Escape, ×, backdrop).
    #[prop(optional, into)]
    on_cancel: Option<Callback<()>>,
    /// `data-testid` of the dialog (default `confirm-modal`; buttons get `-confirm`/`-cancel`).
    #[prop(optional, into)]
    test_id: Option<String>,
) -> impl IntoView {
    let test_id = test_id.unwrap_or_else(|| "confirm-modal".into());
    let confirm_id = format!("{test_id}-confirm");
    let cancel_id = format!("{test_id}-cancel");
    let cancel = move || {
        open.set(false);
        if let Some(cb) = on_cancel {
            cb.run(());
        }
    };
    let footer = ViewFn::from(move || {
        view! {
            <button
                type="button"
                class="cb-btn cb-btn--empty"
                data-autofocus
                data-testid=cancel_id.clone()
                on:click=move |_| cancel()
            >
                {move || cancel_label.map(|c| c.get()).unwrap_or_else(|| "Cancel".into())}
            </button>
            <button
                type="button"
                class="cb-btn cb-btn--fill"
                class:cb-btn--danger=move || danger.get()
                data-testid=confirm_id.clone()
                on:click=move |_| {
                    open.set(false);
                    on_confirm.run(());
                }
            >
                {move || confirm_label.get()}
            </button>
        }
    });
    view! {
        <Modal
            open
            title
            size=ModalSize::Small
            alert=true
            footer
            test_id
            on_close=Callback::new(move |_| {
                if let Some(cb) = on_cancel {
                    cb.run(());
                }
            })
        >
            {move || body.map(|b| view! { <p class="cb-modal__text">{move || b.get()}</p> })}
        </Modal>
    }
}
