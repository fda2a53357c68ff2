//! A user comment in the timeline: rendered Markdown and its "…" menu (Edit, Quote, Copy
//! reference link, Delete). An edit in progress is kept in session storage and reopened after a
//! reload; a 409 on save (someone else edited the comment) keeps the text and offers to re-read
//! the comment. The permalink's comment is scrolled to and highlighted.

use super::drafts;
use super::entries::Slot;
use super::feed::Feed;
use super::header::copy_to_clipboard;
use super::state::CaseCtx;
use super::time::When;
use crate::components::markdown::Markdown;
use crate::components::markdown_editor::MarkdownEditor;
use crate::components::{Avatar, AvatarSize, ConfirmModal, ContextMenu, MenuItem};
use crate::context::use_loc;
use casebook_api::comment::{Attachment, AttachmentPatchRequest, AttachmentPayload};
use casebook_api::validate::check_comment;
use leptos::html::{Li, Textarea};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// `existing` with `text` appended as a Markdown quote, separated by a blank line.
pub fn append_quote(existing: &str, text: &str) -> String {
    let quoted: Vec<String> = text
        .trim_end()
        .lines()
        .map(|l| format!("> {l}").trim_end().to_string())
        .collect();
    let mut out = existing.trim_end().to_string();
    if !out.is_empty() {
        out.push_str("\n\n");
    }
    out.push_str(&quoted.join("\n"));
    out.push_str("\n\n");
    out
}

/// The Markdown text of a user comment.
fn text_of(a: &Attachment) -> String {
    match &a.payload {
        AttachmentPayload::User { comment } => comment.clone(),
        _ => String::new(),
    }
}

/// One user comment.
#[component]
pub fn CommentRow(
    /// The comment's id (its content is read from the feed's cache).
    id: String,
    /// The case state.
    ctx: CaseCtx,
    /// The feed.
    feed: Feed,
    /// The permalink's comment id.
    target: Signal<Option<String>>,
    /// The new-comment text (Quote appends to it).
    new_draft: RwSignal<String>,
    /// The new-comment textarea.
    new_ref: NodeRef<Textarea>,
) -> impl IntoView {
    let loc = use_loc();
    let cid = StoredValue::new(id.clone());
    let comment = Memo::new(move |_| {
        cid.with_value(|id| {
            feed.comments.with(|c| match c.get(id) {
                Some(Slot::Loaded(a)) => Some(a.clone()),
                _ => None,
            })
        })
    });
    let key = drafts::key(
        &loc.get_untracked().space,
        &ctx.id(),
        &format!("comment-{id}"),
    );
    let saved = drafts::load(&key);
    let editing = RwSignal::new(saved.is_some());
    let draft = RwSignal::new(saved.unwrap_or_default());
    let error = RwSignal::new(None::<String>);
    let conflict = RwSignal::new(false);
    {
        let key = key.clone();
        Effect::new(move |_| {
            let t = draft.get();
            if editing.get_untracked() {
                drafts::save(&key, &t);
            }
        });
    }
    let save = {
        let key = key.clone();
        Action::new_local(move |text: &String| {
            let text = text.clone();
            let key = key.clone();
            let current = comment.get_untracked();
            async move {
                let Some(c) = current else { return };
                let req = AttachmentPatchRequest {
                    id: c.id.clone(),
                    version: c.version.clone(),
                    owner: c.owner,
                    payload: AttachmentPayload::User { comment: text },
                };
                let client = ctx.client.get_untracked();
                match client.update_comment(&ctx.id(), &req).await {
                    Ok(case) => {
                        let _ = ctx.apply(Ok(case), "save the comment");
                        let _ = feed.refresh_comment(&c.id).await;
                        drafts::clear(&key);
                        conflict.set(false);
                        editing.set(false);
                    }
                    Err(e) if e.is_conflict() => conflict.set(true),
                    Err(e) => ctx.toaster.error("Could not save the comment", e.message()),
                }
            }
        })
    };
    let submit = Callback::new(move |_| match check_comment(&draft.get_untracked()) {
        Err(e) => error.set(Some(e.message)),
        Ok(t) => {
            error.set(None);
            save.dispatch(t);
        }
    });
    let reread = move |_| {
        spawn_local(async move {
            match feed.refresh_comment(&cid.get_value()).await {
                Ok(()) => conflict.set(false),
                Err(e) => ctx.toaster.error("Could not read the comment", e.message()),
            }
        })
    };
    let cancel = {
        let key = key.clone();
        move |_| {
            drafts::clear(&key);
            editing.set(false);
            conflict.set(false);
            error.set(None);
        }
    };
    let confirm_delete = RwSignal::new(false);
    let delete = Action::new_local(move |_: &()| {
        let client = ctx.client.get_untracked();
        let id = cid.get_value();
        async move {
            match client.delete_comment(&ctx.id(), &id).await {
                Ok(()) => {
                    feed.comments.update(|c| {
                        c.insert(id.clone(), Slot::Missing);
                    });
                    ctx.toaster.success("Comment deleted");
                    let _ = ctx.refetch("read the case again").await;
                }
                Err(e) => ctx
                    .toaster
                    .error("Could not delete the comment", e.message()),
            }
        }
    });
    let on_edit = Callback::new(move |_| {
        draft.set(
            comment
                .get_untracked()
                .map(|c| text_of(&c))
                .unwrap_or_default(),
        );
        editing.set(true);
    });
    let on_quote = Callback::new(move |_| {
        let text = comment
            .get_untracked()
            .map(|c| text_of(&c))
            .unwrap_or_default();
        new_draft.update(|d| *d = append_quote(d, &text));
        if let Some(t) = new_ref.get_untracked() {
            let _ = t.focus();
            t.scroll_into_view();
        }
    });
    let on_copy = Callback::new(move |_| {
        let path = loc.get_untracked().comment(&ctx.id(), &cid.get_value());
        let origin = web_sys::window()
            .and_then(|w| w.location().origin().ok())
            .unwrap_or_default();
        spawn_local(async move {
            if copy_to_clipboard(format!("{origin}{path}")).await {
                ctx.toaster
                    .success("Reference link copied to the clipboard");
            } else {
                ctx.toaster
                    .error("Could not copy", "The browser refused clipboard access.");
            }
        });
    });
    let row = NodeRef::<Li>::new();
    let is_target =
        Memo::new(move |_| target.with(|t| t.as_deref() == Some(cid.get_value().as_str())));
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) {
            return true;
        }
        match (is_target.get(), row.get()) {
            (true, Some(el)) => {
                let opts = web_sys::ScrollIntoViewOptions::new();
                opts.set_block(web_sys::ScrollLogicalPosition::Center);
                el.scroll_into_view_with_scroll_into_view_options(&opts);
                true
            }
            _ => false,
        }
    });
    let author = move || {
        comment.with(|c| {
            c.as_ref()
                .map(|c| c.created_by.display_name().to_string())
                .unwrap_or_default()
        })
    };
    view! {
        <li
            class="cb-comment"
            class:cb-comment--highlight=move || is_target.get()
            id=format!("comment-{id}")
            node_ref=row
            data-testid="comment"
            data-comment-id=id.clone()
        >
            <div class="cb-comment__avatar"><Avatar name=Signal::derive(author) size=AvatarSize::Large decorative=true/></div>
            <article class="cb-panel cb-comment__panel" aria-label=move || format!("Comment by {}", author())>
                <header class="cb-panel__header">
                    <span class="cb-panel__title">
                        <strong>{author}</strong>
                        " commented "
                        {move || comment.with(|c| c.as_ref().map(|c| view! { <When at=c.created_at/> }))}
                        {move || comment.with(|c| c.as_ref().and_then(|c| c.updated_at)).map(|_| view! {
                            <span class="cb-text-subdued">" · edited"</span>
                        })}
                    </span>
                    <span class="cb-panel__spacer"></span>
                    <ContextMenu
                        trigger=|| view! { <span aria-hidden="true">"⋯"</span> }
                        aria_label="Comment actions"
                        test_id="comment-actions"
                        trigger_class="cb-icon-btn"
                        align_right=true
                    >
                        // Editing and quoting need `create_comment`, deleting `delete_cases`.
                        {ctx.caps.with(|c| c.create_comment).then(|| view! {
                            <MenuItem on_select=on_edit test_id="comment-edit">"Edit"</MenuItem>
                            <MenuItem on_select=on_quote test_id="comment-quote">"Quote"</MenuItem>
                        })}
                        <MenuItem on_select=on_copy test_id="comment-copy-link">"Copy reference link"</MenuItem>
                        {ctx.caps.with(|c| c.delete_cases).then(|| view! {
                            <MenuItem on_select=Callback::new(move |_| confirm_delete.set(true)) danger=true test_id="comment-delete">
                                "Delete"
                            </MenuItem>
                        })}
                    </ContextMenu>
                </header>
                <div class="cb-panel__body">
                    <Show
                        when=move || editing.get()
                        fallback=move || view! {
                            <Markdown text=Signal::derive(move || comment.with(|c| c.as_ref().map(text_of).unwrap_or_default()))/>
                        }
                    >
                        <Show when=move || conflict.get()>
                            <div class="cb-callout cb-callout--warning" role="alert" data-testid="comment-conflict">
                                "Someone else changed this comment. Your text is kept: read the latest version, then save again. "
                                <button type="button" class="cb-btn cb-btn--link" on:click=reread>"Reload comment"</button>
                            </div>
                        </Show>
                        <MarkdownEditor value=draft id=format!("cb-edit-{}", cid.get_value()) label="Edit comment" hide_label=true
                            on_submit=submit error=error test_id="comment-edit-input"/>
                        <div class="cb-editor-actions">
                            <button type="button" class="cb-btn cb-btn--empty" on:click=cancel.clone()>"Cancel"</button>
                            <button type="button" class="cb-btn cb-btn--fill" data-testid="comment-save"
                                disabled=move || save.pending().get() on:click=move |_| submit.run(())>
                                "Save"
                            </button>
                        </div>
                    </Show>
                </div>
            </article>
            <ConfirmModal open=confirm_delete title="Delete this comment?"
                body="The comment will be removed from the case. This cannot be undone."
                confirm_label="Delete" danger=true test_id="delete-comment-modal"
                on_confirm=Callback::new(move |_| { delete.dispatch(()); })/>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::append_quote;

    #[test]
    fn quotes_every_line_after_a_blank_line() {
        assert_eq!(append_quote("", "a\nb"), "> a\n> b\n\n");
        assert_eq!(append_quote("hi\n", "x\n\ny"), "hi\n\n> x\n>\n> y\n\n");
    }
}
