//! A modal confirmation dialog (delete a comment, delete a case, drop typed text). Escape or the
//! backdrop cancels; focus moves into the dialog when it opens (to the safe button) and the
//! buttons are reachable with Tab.

use leptos::ev::KeyboardEvent;
use leptos::html::Button;
use leptos::prelude::*;

/// A confirmation dialog, shown while `open` is true.
#[component]
pub fn ConfirmDialog(
    /// Whether the dialog is shown; the dialog sets it to false when cancelled.
    open: RwSignal<bool>,
    /// The title.
    #[prop(into)]
    title: String,
    /// The explanation.
    #[prop(into)]
    body: String,
    /// The confirm button's text.
    #[prop(into)]
    confirm_label: String,
    /// The cancel button's text.
    #[prop(default = "Cancel".into(), into)]
    cancel_label: String,
    /// Styles the confirm button as destructive.
    #[prop(optional)]
    danger: bool,
    /// Called on confirm (the dialog closes itself).
    on_confirm: Callback<()>,
) -> impl IntoView {
    let cancel_ref = NodeRef::<Button>::new();
    Effect::new(move |_| {
        if open.get()
            && let Some(b) = cancel_ref.get()
        {
            let _ = b.focus();
        }
    });
    let on_keydown = move |ev: KeyboardEvent| {
        if ev.key() == "Escape" {
            ev.stop_propagation();
            open.set(false);
        }
    };
    let title_id = "cb-confirm-title";
    view! {
        <Show when=move || open.get()>
            <div class="cb-overlay" on:click=move |_| open.set(false)>
                <div
                    class="cb-dialog"
                    role="alertdialog"
                    aria-modal="true"
                    aria-labelledby=title_id
                    data-testid="confirm-dialog"
                    on:click=|ev| ev.stop_propagation()
                    on:keydown=on_keydown
                >
                    <h2 class="cb-dialog__title" id=title_id>{title.clone()}</h2>
                    <p class="cb-dialog__body">{body.clone()}</p>
                    <div class="cb-dialog__footer">
                        <button
                            type="button"
                            class="cb-btn cb-btn--empty"
                            node_ref=cancel_ref
                            on:click=move |_| open.set(false)
                        >
                            {cancel_label.clone()}
                        </button>
                        <button
                            type="button"
                            class="cb-btn cb-btn--fill"
                            class:cb-btn--danger=danger
                            data-testid="confirm-dialog-confirm"
                            on:click=move |_| {
                                open.set(false);
                                on_confirm.run(());
                            }
                        >
                            {confirm_label.clone()}
                        </button>
                    </div>
                </div>
            </div>
        </Show>
    }
}
