//! One row of the activity timeline: a user comment (see [`super::comment`]) or a sentence
//! with the actor's avatar, name and time. Comment edits and deleted comments show nothing.

use super::activity_text::{Frag, Names, RowKind, describe};
use super::comment::CommentRow;
use super::entries::Slot;
use super::feed::Feed;
use super::state::CaseCtx;
use super::time::When;
use crate::components::{Avatar, AvatarSize};
use casebook_api::user_action::UserAction;
use leptos::html::Textarea;
use leptos::prelude::*;

/// A timeline entry.
#[component]
pub fn TimelineRow(
    /// The user action.
    ua: UserAction,
    /// The case state.
    ctx: CaseCtx,
    /// The feed (comment cache).
    feed: Feed,
    /// Names of users and custom fields.
    names: Memo<Names>,
    /// The permalink's comment id.
    target: Signal<Option<String>>,
    /// The new-comment text (Quote appends to it).
    new_draft: RwSignal<String>,
    /// The new-comment textarea (focused after Quote).
    new_ref: NodeRef<Textarea>,
) -> impl IntoView {
    // The kind of row never depends on names; only a sentence's words do.
    match describe(&ua, &Names::default()) {
        RowKind::Hidden => ().into_any(),
        RowKind::Comment(id) => {
            let cid = id.clone();
            // Re-render only when the comment appears or disappears; its row reads the content.
            let exists = Memo::new(move |_| {
                feed.comments
                    .with(|c| matches!(c.get(&cid), Some(Slot::Loaded(_))))
            });
            view! {
                <Show when=move || exists.get()>
                    <CommentRow id=id.clone() ctx feed target new_draft new_ref/>
                </Show>
            }
            .into_any()
        }
        RowKind::Sentence(_) => {
            let who = ua.created_by.display_name().to_string();
            let at = ua.created_at;
            let kind = ua.kind.as_str();
            let ua = StoredValue::new(ua);
            let words = move || match ua.with_value(|u| describe(u, &names.get())) {
                RowKind::Sentence(frags) => frags
                    .into_iter()
                    .map(|f| match f {
                        Frag::Text(t) => view! { <span>{t}</span> }.into_any(),
                        Frag::Em(t) => {
                            view! { <strong class="cb-timeline__value">{t}</strong> }.into_any()
                        }
                    })
                    .collect_view()
                    .into_any(),
                _ => ().into_any(),
            };
            view! {
                <li class="cb-timeline__event" data-testid="timeline-event" data-type=kind>
                    <Avatar name=who.clone() size=AvatarSize::Small decorative=true/>
                    <div class="cb-timeline__text">
                        <strong>{who}</strong>
                        " "
                        {words}
                        " "
                        <span class="cb-text-subdued cb-timeline__time"><When at/></span>
                    </div>
                </li>
            }
            .into_any()
        }
    }
}
