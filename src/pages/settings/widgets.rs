//! Small form pieces shared by the settings and connectors pages: a labelled row with help and
//! inline error, a described section (title and explanation beside the controls, like EUI's
//! `EuiDescribedFormGroup`), a checkbox and a callout.

use leptos::prelude::*;

/// A form row: label above the control, help text and the inline message below it.
#[component]
pub fn FormRow(
    /// The label text.
    #[prop(into)]
    label: String,
    /// The id of the control the label names.
    #[prop(into)]
    id: String,
    /// Shows the "required" mark.
    #[prop(optional)]
    required: bool,
    /// Shows "Optional" beside the label.
    #[prop(optional)]
    optional: bool,
    /// The inline message, if the value is invalid.
    #[prop(optional, into)]
    error: Signal<Option<String>>,
    /// Help text under the control.
    #[prop(optional, into)]
    help: Option<String>,
    /// The control.
    children: Children,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    let help_id = format!("{id}-help");
    view! {
        <div class="cb-field" class:cb-field--invalid=move || error.with(Option::is_some)>
            <div class="cb-field__label-row">
                <label class="cb-field__label" for=id>
                    {label}
                    {required
                        .then(|| {
                            view! {
                                <span class="cb-field__required" aria-hidden="true">
                                    " *"
                                </span>
                            }
                        })}
                </label>
                {optional.then(|| view! { <span class="cb-field__optional">"Optional"</span> })}
            </div>
            {children()}
            {help.map(|h| view! { <div class="cb-field__help" id=help_id>{h}</div> })}
            {move || {
                error
                    .get()
                    .map(|e| {
                        view! {
                            <div class="cb-field__error" id=error_id.clone() data-testid="field-error">
                                {e}
                            </div>
                        }
                    })
            }}
        </div>
    }
}

/// A settings section: title and explanation on the left, controls on the right (stacked on
/// narrow screens).
#[component]
pub fn DescribedSection(
    /// The section title.
    #[prop(into)]
    title: String,
    /// The explanation under the title.
    #[prop(into)]
    description: String,
    /// The heading's id (the section's accessible name).
    #[prop(into)]
    id: String,
    /// The controls.
    children: Children,
) -> impl IntoView {
    let labelled_by = id.clone();
    view! {
        <section class="cb-described" aria-labelledby=labelled_by>
            <div class="cb-described__text">
                <h2 class="cb-described__title" id=id>{title}</h2>
                <p class="cb-described__description">{description}</p>
            </div>
            <div class="cb-described__controls">{children()}</div>
        </section>
    }
}

/// A checkbox with its label to the right.
#[component]
pub fn Checkbox(
    /// Checked state.
    checked: RwSignal<bool>,
    /// The label.
    #[prop(into)]
    label: String,
    /// The input's id.
    #[prop(into)]
    id: String,
    /// `data-testid` of the input.
    #[prop(optional, into)]
    test_id: String,
    /// Disables the box.
    #[prop(optional, into)]
    disabled: Signal<bool>,
) -> impl IntoView {
    view! {
        <div class="cb-check">
            <input
                class="cb-check__input"
                type="checkbox"
                id=id.clone()
                data-testid=test_id
                prop:checked=move || checked.get()
                disabled=move || disabled.get()
                on:change=move |ev| checked.set(event_target_checked(&ev))
            />
            <label class="cb-check__label" for=id>{label}</label>
        </div>
    }
}

/// How a callout looks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    /// Something worked.
    Success,
    /// Something to check.
    Warning,
    /// Something failed.
    Danger,
}

impl Tone {
    fn class(self) -> &'static str {
        match self {
            Tone::Success => "cb-callout cb-callout--success",
            Tone::Warning => "cb-callout cb-callout--warning",
            Tone::Danger => "cb-callout cb-callout--danger",
        }
    }
}

/// A boxed message with a title and optional content.
#[component]
pub fn Callout(
    /// The look.
    tone: Tone,
    /// The title line.
    #[prop(into)]
    title: String,
    /// `data-testid`.
    #[prop(optional, into)]
    test_id: String,
    /// Details, actions.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let role = if tone == Tone::Danger {
        "alert"
    } else {
        "status"
    };
    view! {
        <div class=tone.class() role=role data-testid=test_id>
            <p class="cb-callout__title">{title}</p>
            {children.map(|c| view! { <div class="cb-callout__body">{c()}</div> })}
        </div>
    }
}
