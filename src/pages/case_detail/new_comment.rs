//! The new-comment box under the timeline: a Markdown editor with preview (Ctrl/Cmd+Enter
//! sends), the draft kept in session storage, and the status button beside "Add comment"
//! (Mark in progress / Close case / Reopen case), like Kibana.

use super::drafts;
use super::state::CaseCtx;
use crate::components::markdown_editor::MarkdownEditor;
use crate::context::use_loc;
use casebook_api::Status;
use casebook_api::comment::{AttachmentPayload, AttachmentRequest};
use casebook_api::validate::check_comment;
use leptos::html::Textarea;
use leptos::prelude::*;

/// The status the button next to "Add comment" moves the case to, and its words.
pub fn next_status(current: Status) -> (Status, &'static str) {
    match current {
        Status::Open => (Status::InProgress, "Mark in progress"),
        Status::InProgress => (Status::Closed, "Close case"),
        Status::Closed => (Status::Open, "Reopen case"),
    }
}

/// The new-comment box.
#[component]
pub fn NewComment(
    /// The case state.
    ctx: CaseCtx,
    /// The text (shared with Quote).
    draft: RwSignal<String>,
    /// The textarea (focused after Quote).
    node_ref: NodeRef<Textarea>,
) -> impl IntoView {
    let key = drafts::key(&use_loc().get_untracked().space, &ctx.id(), "comment");
    if let Some(saved) = drafts::load(&key)
        && draft.with_untracked(String::is_empty)
    {
        draft.set(saved);
    }
    {
        let key = key.clone();
        Effect::new(move |_| drafts::save(&key, &draft.get()));
    }
    let error = RwSignal::new(None::<String>);
    let add = Action::new_local(move |text: &String| {
        let req = AttachmentRequest {
            owner: ctx.case.with_untracked(|c| c.owner),
            payload: AttachmentPayload::User {
                comment: text.clone(),
            },
        };
        let key = key.clone();
        async move {
            let client = ctx.client.get_untracked();
            let r = client.add_comment(&ctx.id(), &req).await;
            if ctx.apply(r, "add the comment").is_ok() {
                draft.set(String::new());
                drafts::clear(&key);
            }
        }
    });
    let submit = Callback::new(move |_| {
        if add.pending().get_untracked() {
            return;
        }
        match check_comment(&draft.get_untracked()) {
            Err(e) => error.set(Some(e.message)),
            Ok(text) => {
                error.set(None);
                add.dispatch(text);
            }
        }
    });
    // Clear the message as soon as the text becomes valid again.
    Effect::new(move |_| {
        if draft.with(|d| !d.trim().is_empty()) && error.get_untracked().is_some() {
            error.set(None);
        }
    });
    let set_status = Action::new_local(move |s: &Status| {
        let s = *s;
        async move { ctx.patch("change the status", |p| p.status = Some(s)).await }
    });
    let next = Memo::new(move |_| next_status(ctx.case.with(|c| c.status)));
    let can_comment = move || ctx.caps.with(|c| c.create_comment);
    // Reopening a closed case is its own sub-feature (`case_reopen`).
    let can_move = move || {
        ctx.caps
            .with(|c| c.update_cases && (next.with(|n| n.0) != Status::Open || c.case_reopen))
    };
    view! {
        <Show when=move || !can_comment() && !can_move()>
            <p class="cb-text-subdued cb-read-only-note" data-testid="read-only-note">
                "You can read this case but not comment on it or change it."
            </p>
        </Show>
        <div class="cb-new-comment" data-testid="new-comment" hidden=move || !can_comment() && !can_move()>
            <Show when=can_comment>
            <MarkdownEditor
                value=draft
                id="cb-new-comment"
                label="Add a comment"
                placeholder="Add a comment… Markdown is supported."
                node_ref
                on_submit=submit
                error=error
                disabled=Signal::derive(move || add.pending().get())
                test_id="new-comment-input"
            />
            </Show>
            <div class="cb-editor-actions">
                <Show when=can_move>
                <button
                    type="button"
                    class="cb-btn cb-btn--empty"
                    data-testid="status-action"
                    disabled=move || set_status.pending().get()
                    on:click=move |_| {
                        set_status.dispatch(next.get_untracked().0);
                    }
                >
                    {move || next.get().1}
                </button>
                </Show>
                <Show when=can_comment>
                <button
                    type="button"
                    class="cb-btn cb-btn--fill"
                    data-testid="add-comment"
                    disabled=move || add.pending().get() || draft.with(|d| d.trim().is_empty())
                    on:click=move |_| submit.run(())
                >
                    {move || if add.pending().get() { "Adding…" } else { "Add comment" }}
                </button>
                </Show>
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_button_cycles() {
        assert_eq!(next_status(Status::Open).1, "Mark in progress");
        assert_eq!(next_status(Status::InProgress).0, Status::Closed);
        assert_eq!(next_status(Status::Closed).1, "Reopen case");
    }
}
