//! A Markdown editor: a labelled textarea with Write / Preview tabs, an inline error and an
//! optional Ctrl/Cmd+Enter shortcut. The text lives in a signal the parent owns, so switching
//! tabs, failing a save or a 409 never loses what was typed.

use crate::components::markdown::Markdown;
use leptos::ev::KeyboardEvent;
use leptos::html::Textarea;
use leptos::prelude::*;

/// Whether a key event is the "send" shortcut (Ctrl+Enter, or Cmd+Enter on macOS).
pub fn is_submit_shortcut(key: &str, ctrl: bool, meta: bool) -> bool {
    key == "Enter" && (ctrl || meta)
}

/// A Markdown textarea with a preview tab.
#[component]
pub fn MarkdownEditor(
    /// The text (owned by the parent; drafts and retries keep it).
    value: RwSignal<String>,
    /// The textarea's id; the preview, error and tabs derive their ids from it.
    #[prop(into)]
    id: String,
    /// The field's label.
    #[prop(into)]
    label: String,
    /// Show the label only to screen readers (the surrounding UI already says what this is).
    #[prop(optional)]
    hide_label: bool,
    /// Placeholder text.
    #[prop(optional, into)]
    placeholder: String,
    /// Visible rows of the textarea.
    #[prop(default = 6)]
    rows: u32,
    /// Called on Ctrl/Cmd+Enter.
    #[prop(optional, into)]
    on_submit: Option<Callback<()>>,
    /// A validation or server message shown under the field.
    #[prop(optional, into)]
    error: Signal<Option<String>>,
    /// The textarea, for focusing or inserting text (quotes).
    #[prop(optional)]
    node_ref: NodeRef<Textarea>,
    /// Disables typing (while saving).
    #[prop(optional, into)]
    disabled: Signal<bool>,
    /// `data-testid` of the textarea.
    #[prop(optional, into)]
    test_id: String,
) -> impl IntoView {
    let preview = RwSignal::new(false);
    let error_id = format!("{id}-error");
    let preview_id = format!("{id}-preview");
    let write_tab = format!("{id}-tab-write");
    let preview_tab = format!("{id}-tab-preview");
    let hint_id = format!("{id}-hint");
    let has_submit = on_submit.is_some();
    let on_keydown = move |ev: KeyboardEvent| {
        if let Some(cb) = on_submit
            && is_submit_shortcut(&ev.key(), ev.ctrl_key(), ev.meta_key())
        {
            ev.prevent_default();
            cb.run(());
        }
    };
    let described = {
        let error_id = error_id.clone();
        let hint_id = hint_id.clone();
        move || {
            if error.with(Option::is_some) {
                format!("{hint_id} {error_id}")
            } else {
                hint_id.clone()
            }
        }
    };
    let min_height = format!("calc({rows} * 1.5em + 18px)");
    view! {
        <div class="cb-md-editor" class:cb-md-editor--invalid=move || error.with(Option::is_some)>
            <div class="cb-md-editor__bar">
                <label for=id.clone() class="cb-md-editor__label" class:cb-visually-hidden=hide_label>
                    {label}
                </label>
                <div class="cb-md-editor__tabs" role="tablist" aria-label="Editor mode">
                    <button
                        type="button"
                        role="tab"
                        id=write_tab.clone()
                        class="cb-md-editor__tab"
                        aria-selected=move || (!preview.get()).to_string()
                        aria-controls=id.clone()
                        on:click=move |_| preview.set(false)
                    >
                        "Write"
                    </button>
                    <button
                        type="button"
                        role="tab"
                        id=preview_tab.clone()
                        class="cb-md-editor__tab"
                        aria-selected=move || preview.get().to_string()
                        aria-controls=preview_id.clone()
                        on:click=move |_| preview.set(true)
                    >
                        "Preview"
                    </button>
                </div>
            </div>
            <textarea
                id=id.clone()
                class="cb-textarea cb-md-editor__input"
                node_ref=node_ref
                rows=rows
                placeholder=placeholder
                hidden=move || preview.get()
                aria-invalid=move || error.with(Option::is_some).to_string()
                aria-describedby=described
                data-testid=test_id
                disabled=move || disabled.get()
                bind:value=value
                on:keydown=on_keydown
            ></textarea>
            <div
                id=preview_id.clone()
                class="cb-md-editor__preview"
                role="tabpanel"
                aria-labelledby=preview_tab
                hidden=move || !preview.get()
                style:min-height=min_height
            >
                {move || {
                    if value.with(|v| v.trim().is_empty()) {
                        view! { <p class="cb-text-subdued">"Nothing to preview"</p> }.into_any()
                    } else {
                        view! { <Markdown text=value/> }.into_any()
                    }
                }}
            </div>
            <div class="cb-md-editor__hint" id=hint_id>
                "Markdown supported"
                {has_submit.then_some(" · Ctrl+Enter to send")}
            </div>
            {move || {
                error
                    .get()
                    .map(|e| {
                        view! {
                            <div class="cb-field__error" id=error_id.clone() role="alert">
                                {e}
                            </div>
                        }
                    })
            }}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn submit_shortcut() {
        assert!(is_submit_shortcut("Enter", true, false));
        assert!(is_submit_shortcut("Enter", false, true));
        assert!(!is_submit_shortcut("Enter", false, false));
        assert!(!is_submit_shortcut("a", true, false));
    }
}
