//! The "Case closures" section: cases close only when someone closes them, or also
//! automatically after a successful push to an external system.

use super::draft::SettingsDraft;
use super::widgets::DescribedSection;
use casebook_api::configure::ClosureType;
use leptos::prelude::*;

/// The options, with their labels and test ids.
const OPTIONS: [(ClosureType, &str, &str); 2] = [
    (
        ClosureType::CloseByUser,
        "Close cases manually",
        "closure-close-by-user",
    ),
    (
        ClosureType::CloseByPushing,
        "Automatically close cases when pushing new incident to external system",
        "closure-close-by-pushing",
    ),
];

/// The section, editing `draft.closure_type`.
#[component]
pub fn ClosureSection(
    /// The page's draft.
    draft: RwSignal<SettingsDraft>,
) -> impl IntoView {
    view! {
        <DescribedSection
            id="cb-settings-closure"
            title="Case closures"
            description="Cases can be closed manually or automatically when pushed to an external \
                         system. Closing the incident in the external system never closes the case."
        >
            <fieldset class="cb-radio-group">
                <legend class="cb-visually-hidden">"When cases close"</legend>
                {OPTIONS
                    .map(|(value, label, test_id)| {
                        let id = format!("cb-{test_id}");
                        view! {
                            <div class="cb-radio">
                                <input
                                    class="cb-radio__input"
                                    type="radio"
                                    name="cb-closure"
                                    id=id.clone()
                                    data-testid=test_id
                                    prop:checked=move || draft.with(|d| d.closure_type == value)
                                    on:change=move |_| draft.update(|d| d.closure_type = value)
                                />
                                <label class="cb-radio__label" for=id>{label}</label>
                            </div>
                        }
                    })
                    .collect_view()}
            </fieldset>
        </DescribedSection>
    }
}
