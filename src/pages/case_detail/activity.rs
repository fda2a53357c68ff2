//! The Activity feed: one timeline of comments and user actions, with the All / Comments /
//! History filter (counts from `_stats`), Oldest / Newest first, and paging ("Show more", 20–100
//! per page) so a case with 10,000 entries opens as fast as one with ten. The state and its
//! loading rules are in [`super::feed`].

use super::entries::{Filter, PAGE_SIZES};
use super::feed::Feed;
use super::new_comment::NewComment;
use super::state::CaseCtx;
use super::timeline::TimelineRow;
use casebook_api::find::SortOrder;
use casebook_api::user_action::UserActionStats;
use leptos::html::Textarea;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The Activity feed with its filter bar and the new-comment box.
#[component]
pub fn Activity(
    /// The case state.
    ctx: CaseCtx,
    /// The comment of a permalink, to scroll to and highlight.
    target: Signal<Option<String>>,
) -> impl IntoView {
    let feed = Feed::new(ctx);
    let stats = LocalResource::new(move || {
        ctx.writes.track();
        ctx.reloads.track();
        let client = ctx.client.get();
        let id = ctx.id();
        async move { client.user_action_stats(&id).await.unwrap_or_default() }
    });
    // Start over when the view changes or after "Reload".
    Effect::new(move |_| {
        feed.filter.track();
        feed.order.track();
        feed.per_page.track();
        ctx.reloads.track();
        feed.restart(target.get_untracked());
    });
    // Follow this page's own writes.
    Effect::new(move |prev: Option<u64>| {
        let w = ctx.writes.get();
        if prev.is_some_and(|p| p != w) {
            feed.catch_up();
        }
        w
    });
    // A permalink to another comment of the same case.
    Effect::new(move |prev: Option<Option<String>>| {
        let t = target.get();
        if let (Some(p), Some(id)) = (&prev, &t)
            && p.as_ref() != Some(id)
        {
            let id = id.clone();
            spawn_local(async move { feed.seek(id).await });
        }
        t
    });
    let new_draft = RwSignal::new(String::new());
    let new_ref = NodeRef::<Textarea>::new();
    let names = Memo::new(move |_| ctx.names());
    view! {
        <section class="cb-activity" aria-labelledby="cb-activity-title">
            <h2 class="cb-visually-hidden" id="cb-activity-title">"Activity"</h2>
            <FilterBar feed stats=Signal::derive(move || stats.get().unwrap_or_default())/>
            {move || feed.error.get().map(|e| view! {
                <div class="cb-callout cb-callout--danger" role="alert">
                    "The activity could not be loaded: " {e}
                    <button type="button" class="cb-btn cb-btn--link" on:click=move |_| feed.restart(None)>"Try again"</button>
                </div>
            })}
            <Show when=move || feed.ready.get() fallback=|| view! { <FeedSkeleton/> }>
                <ol class="cb-timeline" data-testid="timeline">
                    <For each=move || feed.items.get() key=|a| a.id.clone() let:ua>
                        <TimelineRow ua ctx feed names target new_draft new_ref/>
                    </For>
                </ol>
                <Pager feed/>
                <ol class="cb-timeline" data-testid="timeline-latest" hidden=move || feed.tail.with(Vec::is_empty)>
                    <For each=move || feed.tail.get() key=|a| a.id.clone() let:ua>
                        <TimelineRow ua ctx feed names target new_draft new_ref/>
                    </For>
                </ol>
                <Show when=move || feed.items.with(Vec::is_empty) && !feed.loading.get()>
                    <p class="cb-timeline__empty cb-text-subdued">
                        {move || match feed.filter.get() {
                            Filter::Comments => "No comments yet.",
                            _ => "No activity yet.",
                        }}
                    </p>
                </Show>
            </Show>
            <NewComment ctx draft=new_draft node_ref=new_ref/>
        </section>
    }
}

/// All / Comments / History with counts, and the sort order.
#[component]
fn FilterBar(feed: Feed, stats: Signal<UserActionStats>) -> impl IntoView {
    let button = move |f: Filter, label: &'static str, count: fn(&UserActionStats) -> usize| {
        view! {
            <button
                type="button"
                class="cb-button-group__item"
                aria-pressed=move || (feed.filter.get() == f).to_string()
                data-testid=format!("filter-{}", label.to_lowercase())
                on:click=move |_| feed.filter.set(f)
            >
                {label} " " <span class="cb-count">{move || stats.with(count)}</span>
            </button>
        }
    };
    view! {
        <div class="cb-activity__bar">
            <div class="cb-button-group" role="group" aria-label="Show in the activity">
                {button(Filter::All, "All", |s| s.total)}
                {button(Filter::Comments, "Comments", |s| s.total_comments)}
                {button(Filter::History, "History", |s| s.total_other_actions)}
            </div>
            <label class="cb-inline-field">
                <span class="cb-visually-hidden">"Sort activity"</span>
                <select class="cb-select cb-select--compact" data-testid="activity-sort"
                    on:change=move |ev| feed.order.set(if event_target_value(&ev) == "desc" { SortOrder::Desc } else { SortOrder::Asc })>
                    <option value="asc" selected=move || feed.order.get() == SortOrder::Asc>"Oldest first"</option>
                    <option value="desc" selected=move || feed.order.get() == SortOrder::Desc>"Newest first"</option>
                </select>
            </label>
        </div>
    }
}

/// "Show more" and the page size.
#[component]
fn Pager(feed: Feed) -> impl IntoView {
    let left = move || feed.gap();
    view! {
        <div class="cb-pager">
            <Show when=move || { left() > 0 }>
                <button type="button" class="cb-btn cb-btn--empty" data-testid="show-more"
                    disabled=move || feed.loading.get() on:click=move |_| feed.more()>
                    {move || if feed.loading.get() { "Loading…".to_string() } else { format!("Show more ({} more)", left()) }}
                </button>
            </Show>
            <label class="cb-inline-field cb-text-subdued">
                "Per page "
                <select class="cb-select cb-select--compact" data-testid="per-page"
                    on:change=move |ev| {
                        if let Ok(n) = event_target_value(&ev).parse() {
                            feed.per_page.set(n)
                        }
                    }>
                    {PAGE_SIZES.map(|n| view! { <option value=n.to_string() selected=move || feed.per_page.get() == n>{n}</option> }).collect_view()}
                </select>
            </label>
        </div>
    }
}

/// Grey rows while the first page loads.
#[component]
fn FeedSkeleton() -> impl IntoView {
    view! {
        <div class="cb-timeline" aria-busy="true" aria-label="Loading the activity">
            <div class="cb-skeleton cb-skeleton--row"></div>
            <div class="cb-skeleton cb-skeleton--card"></div>
            <div class="cb-skeleton cb-skeleton--row"></div>
        </div>
    }
}
