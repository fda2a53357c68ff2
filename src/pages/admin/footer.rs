//! The footer every Stack Management flyout ends with: Cancel (or Close when read-only) and
//! the submit button, disabled with its own label while the save runs.

use crate::components::flyout::FlyoutFooter;
use leptos::prelude::*;

/// The submit button's label for a form that creates (`create`) or edits ("Save changes").
pub fn save_label(creating: bool, create: &'static str) -> &'static str {
    if creating { create } else { "Save changes" }
}

/// Cancel/Close and the submit button of a flyout form.
#[component]
pub fn SaveFooter(
    /// Closes the flyout.
    on_close: Callback<()>,
    /// `data-testid` of the submit button.
    test_id: &'static str,
    /// Whether the save is running.
    #[prop(into)]
    pending: Signal<bool>,
    /// The submit button's label.
    label: &'static str,
    /// Its label while the save runs.
    #[prop(default = "Saving…")]
    pending_label: &'static str,
    /// Nothing to save: "Close" and no submit button.
    #[prop(optional)]
    read_only: bool,
) -> impl IntoView {
    view! {
        <FlyoutFooter>
            <button type="button" class="cb-btn cb-btn--empty" on:click=move |_| on_close.run(())>
                {if read_only { "Close" } else { "Cancel" }}
            </button>
            {(!read_only).then(|| view! {
                <button type="submit" class="cb-btn cb-btn--fill" data-testid=test_id disabled=move || pending.get()>
                    {move || if pending.get() { pending_label } else { label }}
                </button>
            })}
        </FlyoutFooter>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_save_changes() {
        assert_eq!(save_label(true, "Create role"), "Create role");
        assert_eq!(save_label(false, "Create role"), "Save changes");
    }
}
