//! The case description: rendered Markdown, edited in place with a preview. An unsaved edit is
//! kept in session storage and offered again after a reload ("You have unsaved edits…").

use super::drafts;
use super::state::CaseCtx;
use super::time::When;
use crate::components::markdown::Markdown;
use crate::components::markdown_editor::MarkdownEditor;
use crate::components::{Avatar, AvatarSize};
use crate::context::use_loc;
use casebook_api::validate::check_description;
use leptos::prelude::*;

/// The description panel at the top of the activity.
#[component]
pub fn Description(
    /// The case state.
    ctx: CaseCtx,
) -> impl IntoView {
    let case = ctx.case;
    let key = drafts::key(&use_loc().get_untracked().space, &ctx.id(), "description");
    let saved = drafts::load(&key).filter(|d| case.with_untracked(|c| &c.description != d));
    let restored = saved.is_some();
    let editing = RwSignal::new(restored);
    let draft = RwSignal::new(saved.unwrap_or_default());
    let error = RwSignal::new(None::<String>);
    let notice = RwSignal::new(restored);
    {
        let key = key.clone();
        Effect::new(move |_| {
            let text = draft.get();
            if editing.get_untracked() {
                drafts::save(&key, &text);
            }
        });
    }
    let save = {
        let key = key.clone();
        Action::new_local(move |text: &String| {
            let text = text.clone();
            let key = key.clone();
            async move {
                if ctx
                    .patch("save the description", |p| p.description = Some(text))
                    .await
                    .is_ok()
                {
                    drafts::clear(&key);
                    editing.set(false);
                    notice.set(false);
                }
            }
        })
    };
    let submit = Callback::new(move |_| match check_description(&draft.get_untracked()) {
        Err(e) => error.set(Some(e.message)),
        Ok(text) if case.with_untracked(|c| c.description == text) => {
            editing.set(false);
            notice.set(false);
        }
        Ok(text) => {
            error.set(None);
            save.dispatch(text);
        }
    });
    let cancel = {
        let key = key.clone();
        move |_| {
            drafts::clear(&key);
            editing.set(false);
            notice.set(false);
            error.set(None);
        }
    };
    let start = move |_| {
        draft.set(case.with_untracked(|c| c.description.clone()));
        error.set(None);
        editing.set(true);
    };
    let author = move || case.with(|c| c.created_by.display_name().to_string());
    view! {
        <section class="cb-panel cb-description" aria-label="Description" data-testid="description">
            <header class="cb-panel__header">
                <Avatar name=Signal::derive(author) size=AvatarSize::Small decorative=true/>
                <span class="cb-panel__title">
                    <strong>{author}</strong>
                    " added the description "
                    {move || view! { <When at=case.with(|c| c.created_at)/> }}
                </span>
                <span class="cb-panel__spacer"></span>
                <Show when=move || !editing.get() && ctx.can_update()>
                    <button type="button" class="cb-icon-btn" aria-label="Edit description"
                        data-testid="edit-description" on:click=start>
                        "✎"
                    </button>
                </Show>
            </header>
            <div class="cb-panel__body">
                <Show
                    when=move || editing.get()
                    fallback=move || view! {
                        <Markdown text=Signal::derive(move || case.with(|c| c.description.clone()))/>
                    }
                >
                    <Show when=move || notice.get()>
                        <div class="cb-callout cb-callout--info" role="status">
                            "You have unsaved edits for the description."
                        </div>
                    </Show>
                    <MarkdownEditor
                        value=draft
                        id="cb-description-editor"
                        label="Description"
                        hide_label=true
                        rows=8
                        on_submit=submit
                        error=error
                        test_id="description-input"
                    />
                    <div class="cb-editor-actions">
                        <button type="button" class="cb-btn cb-btn--empty" on:click=cancel.clone()>"Cancel"</button>
                        <button type="button" class="cb-btn cb-btn--fill" data-testid="description-save"
                            disabled=move || save.pending().get() on:click=move |_| submit.run(())>
                            "Save"
                        </button>
                    </div>
                </Show>
            </div>
        </section>
    }
}
