//! The Activity feed: one timeline of comments and user actions, with the All / Comments /
//! History filter (counts from `_stats`), Oldest / Newest first, and paging ("Show more", 20–100
//! per page) so a case with 10,000 entries opens as fast as one with ten.
//!
//! Loading rules: a page of user actions is fetched, then the comments it shows (one GET each,
//! in parallel; there is no bulk attachment read yet) before the rows appear, so rows never jump.
//! After this page's own writes only what is new is fetched (the tail when oldest first, the head
//! when newest first); "Reload" starts over. A permalink loads pages until its comment is found.

use super::new_comment::NewComment;
use super::state::CaseCtx;
use super::timeline::TimelineRow;
use crate::client::{ClientError, ClientResult};
use casebook_api::comment::Attachment;
use casebook_api::find::SortOrder;
use casebook_api::limits::MAX_USER_ACTIONS_PER_PAGE;
use casebook_api::user_action::{
    UserAction, UserActionAction, UserActionFindType, UserActionStats, UserActionType,
};
use futures::future::join_all;
use leptos::html::Textarea;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::{HashMap, HashSet};

/// Which entries the feed shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Filter {
    /// Everything.
    All,
    /// User comments.
    Comments,
    /// Everything but comments.
    History,
}

impl Filter {
    /// The `types` of the user action find.
    pub fn types(self) -> Vec<UserActionFindType> {
        match self {
            Filter::All => vec![],
            Filter::Comments => vec![UserActionFindType::User],
            Filter::History => vec![UserActionFindType::Action],
        }
    }
}

/// A comment as the feed knows it.
#[derive(Clone, Debug, PartialEq)]
pub enum Slot {
    /// Read.
    Loaded(Attachment),
    /// Deleted (its "added" entry is hidden, like Kibana).
    Missing,
}

/// The page sizes offered.
pub const PAGE_SIZES: [usize; 3] = [20, 50, 100];

/// The user comment ids a page of actions shows (comment creations).
pub fn comment_ids(actions: &[UserAction]) -> Vec<String> {
    actions
        .iter()
        .filter(|a| a.kind == UserActionType::Comment && a.action == UserActionAction::Create)
        .filter(|a| a.payload["comment"]["type"] == "user")
        .filter_map(|a| a.comment_id.clone())
        .collect()
}

/// Appends the actions not already present (by id).
pub fn append_new(items: &mut Vec<UserAction>, fresh: Vec<UserAction>) {
    let seen: HashSet<String> = items.iter().map(|a| a.id.clone()).collect();
    items.extend(fresh.into_iter().filter(|a| !seen.contains(&a.id)));
}

/// Puts the actions not already present (by id) in front; returns how many were new.
pub fn prepend_new(items: &mut Vec<UserAction>, fresh: Vec<UserAction>) -> usize {
    let seen: HashSet<String> = items.iter().map(|a| a.id.clone()).collect();
    let new: Vec<UserAction> = fresh
        .into_iter()
        .filter(|a| !seen.contains(&a.id))
        .collect();
    let n = new.len();
    items.splice(0..0, new);
    n
}

/// The feed's state. Cheap to copy.
#[derive(Clone, Copy)]
pub struct Feed {
    /// The loaded entries from the start, in display order.
    pub items: RwSignal<Vec<UserAction>>,
    /// Oldest first only: the latest page, shown under "Show more" so recent activity (and a
    /// comment just added) is always in view. Merged into `items` when the gap closes.
    pub tail: RwSignal<Vec<UserAction>>,
    /// How many entries match the filter on the server.
    pub total: RwSignal<usize>,
    /// The comments the entries show, by id.
    pub comments: RwSignal<HashMap<String, Slot>>,
    /// A page is being fetched.
    pub loading: RwSignal<bool>,
    /// The first page has arrived (skeleton until then).
    pub ready: RwSignal<bool>,
    /// Why the last fetch failed.
    pub error: RwSignal<Option<String>>,
    /// Filter.
    pub filter: RwSignal<Filter>,
    /// Sort order.
    pub order: RwSignal<SortOrder>,
    /// Page size.
    pub per_page: RwSignal<usize>,
    /// Incremented on every restart: answers for an older generation are dropped.
    generation: StoredValue<u64>,
    ctx: CaseCtx,
}

impl Feed {
    fn new(ctx: CaseCtx) -> Self {
        Self {
            items: RwSignal::new(vec![]),
            tail: RwSignal::new(vec![]),
            total: RwSignal::new(0),
            comments: RwSignal::new(HashMap::new()),
            loading: RwSignal::new(false),
            ready: RwSignal::new(false),
            error: RwSignal::new(None),
            filter: RwSignal::new(Filter::All),
            order: RwSignal::new(SortOrder::Asc),
            per_page: RwSignal::new(PAGE_SIZES[0]),
            generation: StoredValue::new(0),
            ctx,
        }
    }

    /// Fetches `count` entries from `offset` (page-aligned underneath) in the feed's order.
    async fn fetch(self, offset: usize, count: usize) -> ClientResult<(Vec<UserAction>, usize)> {
        self.fetch_in(self.order.get_untracked(), offset, count)
            .await
    }

    /// Fetches `count` entries from `offset` in `order`, and the comments they show.
    async fn fetch_in(
        self,
        order: SortOrder,
        offset: usize,
        count: usize,
    ) -> ClientResult<(Vec<UserAction>, usize)> {
        let (actions, total) = self.find(order, offset, count).await?;
        self.load_comments(&actions).await?;
        Ok((actions, total))
    }

    /// One user action find: `count` entries from `offset` in `order` (no comment reads).
    async fn find(
        self,
        order: SortOrder,
        offset: usize,
        count: usize,
    ) -> ClientResult<(Vec<UserAction>, usize)> {
        let per_page = count.clamp(1, MAX_USER_ACTIONS_PER_PAGE);
        let page = offset / per_page + 1;
        let skip = offset % per_page;
        let client = self.ctx.client.get_untracked();
        let types = self.filter.get_untracked().types();
        let r = client
            .find_user_actions(&self.ctx.id(), &types, order, page, per_page)
            .await?;
        Ok((r.user_actions.into_iter().skip(skip).collect(), r.total))
    }

    /// Reads the comments `actions` show that are not cached yet, in parallel.
    async fn load_comments(self, actions: &[UserAction]) -> ClientResult<()> {
        let client = self.ctx.client.get_untracked();
        let id = self.ctx.id();
        let wanted: Vec<String> = self.comments.with_untracked(|c| {
            let mut ids = comment_ids(actions);
            ids.retain(|i| !c.contains_key(i));
            ids.dedup();
            ids
        });
        let reads = join_all(wanted.iter().map(|cid| client.get_comment(&id, cid))).await;
        let mut slots = Vec::with_capacity(wanted.len());
        for (cid, r) in wanted.into_iter().zip(reads) {
            match r {
                Ok(a) => slots.push((cid, Slot::Loaded(a))),
                Err(e) if e.status() == Some(404) => slots.push((cid, Slot::Missing)),
                Err(e) => return Err(e),
            }
        }
        self.comments.update(|c| c.extend(slots));
        Ok(())
    }

    fn failed(self, e: ClientError) {
        self.error.set(Some(e.message()));
        self.loading.set(false);
    }

    /// Starts over from the first page (filter, order, page size or reload changed).
    pub fn restart(self, target: Option<String>) {
        let generation = self.generation.get_value() + 1;
        self.generation.set_value(generation);
        self.loading.set(true);
        self.error.set(None);
        spawn_local(async move {
            let per_page = self.per_page.get_untracked();
            let order = self.order.get_untracked();
            // Oldest first also shows the latest page: both finds at once, then one round of
            // comment reads for the two.
            let (first, latest) = futures::join!(self.find(order, 0, per_page), async {
                match order {
                    SortOrder::Asc => self
                        .find(SortOrder::Desc, 0, per_page)
                        .await
                        .map(|(a, _)| Some(a)),
                    SortOrder::Desc => Ok(None),
                }
            });
            let loaded = match (first, latest) {
                (Ok((actions, total)), Ok(latest)) => {
                    let mut tail = latest.filter(|_| total > per_page).unwrap_or_default();
                    tail.reverse();
                    tail.retain(|t| !actions.iter().any(|a| a.id == t.id));
                    let both: Vec<UserAction> = actions.iter().chain(&tail).cloned().collect();
                    self.load_comments(&both)
                        .await
                        .map(|()| (actions, total, tail))
                }
                (Err(e), _) | (_, Err(e)) => Err(e),
            };
            match loaded {
                Ok((actions, total, tail)) if self.generation.get_value() == generation => {
                    self.items.set(actions);
                    self.tail.set(tail);
                    self.total.set(total);
                    self.ready.set(true);
                    self.loading.set(false);
                    if let Some(t) = target {
                        self.seek(t).await;
                    }
                }
                Ok(_) => {}
                Err(e) => self.failed(e),
            }
        });
    }

    /// Loads the next page ("Show more").
    pub fn more(self) {
        let generation = self.generation.get_value();
        self.loading.set(true);
        spawn_local(async move {
            let offset = self.items.with_untracked(Vec::len);
            match self.fetch(offset, self.per_page.get_untracked()).await {
                Ok((actions, total)) if self.generation.get_value() == generation => {
                    self.total.set(total);
                    self.grow(actions);
                    self.loading.set(false);
                }
                Ok(_) => {}
                Err(e) => self.failed(e),
            }
        });
    }

    fn gap_untracked(self) -> usize {
        self.total.get_untracked().saturating_sub(
            self.items.with_untracked(Vec::len) + self.tail.with_untracked(Vec::len),
        )
    }

    /// Entries not loaded yet between `items` and `tail`.
    pub fn gap(self) -> usize {
        self.total
            .get()
            .saturating_sub(self.items.with(Vec::len) + self.tail.with(Vec::len))
    }

    /// Appends entries fetched after `items`; when they reach the tail, the two join.
    fn grow(self, fresh: Vec<UserAction>) {
        let tail_ids: HashSet<String> = self
            .tail
            .with_untracked(|t| t.iter().map(|a| a.id.clone()).collect());
        let reached = fresh.iter().any(|a| tail_ids.contains(&a.id));
        let fresh: Vec<UserAction> = fresh
            .into_iter()
            .take_while(|a| !tail_ids.contains(&a.id))
            .collect();
        self.items.update(|i| append_new(i, fresh));
        let joined = self.items.with_untracked(Vec::len) + self.tail.with_untracked(Vec::len)
            >= self.total.get_untracked();
        if reached || joined {
            let tail = self.tail.try_update(std::mem::take).unwrap_or_default();
            self.items.update(|i| append_new(i, tail));
        }
    }

    /// Loads pages (100 at a time) until the comment `target` is in the feed, or all is loaded.
    async fn seek(self, target: String) {
        let has = |items: &Vec<UserAction>| {
            items
                .iter()
                .any(|a| a.comment_id.as_deref() == Some(&target))
        };
        while !self.items.with_untracked(has)
            && !self.tail.with_untracked(has)
            && self.gap_untracked() > 0
        {
            let offset = self.items.with_untracked(Vec::len);
            match self.fetch(offset, MAX_USER_ACTIONS_PER_PAGE).await {
                Ok((actions, total)) if !actions.is_empty() => {
                    self.total.set(total);
                    self.grow(actions);
                }
                Ok(_) => break,
                Err(e) => return self.failed(e),
            }
        }
    }

    /// Fetches what this page's own write added, without reloading what is shown.
    pub fn catch_up(self) {
        let generation = self.generation.get_value();
        spawn_local(async move {
            let per_page = self.per_page.get_untracked();
            let shown = self.items.with_untracked(Vec::len);
            let had_all =
                self.tail.with_untracked(Vec::is_empty) && shown >= self.total.get_untracked();
            let result = match self.order.get_untracked() {
                SortOrder::Asc if had_all => self.fetch(shown, per_page).await.map(|(a, t)| {
                    self.items.update(|i| append_new(i, a));
                    t
                }),
                SortOrder::Asc => match self.fetch_in(SortOrder::Desc, 0, per_page).await {
                    Ok((mut latest, t)) => {
                        latest.reverse();
                        let known: HashSet<String> = self.items.with_untracked(|i| {
                            self.tail.with_untracked(|tl| {
                                i.iter().chain(tl).map(|a| a.id.clone()).collect()
                            })
                        });
                        latest.retain(|a| !known.contains(&a.id));
                        self.tail.update(|tl| tl.extend(latest));
                        Ok(t)
                    }
                    Err(e) => Err(e),
                },
                SortOrder::Desc => self.fetch(0, per_page).await.map(|(a, t)| {
                    let full = a.len() == per_page;
                    let mut added = 0;
                    self.items.update(|i| added = prepend_new(i, a));
                    if full && added == per_page {
                        // More new entries than a page: simpler to start over.
                        self.restart(None);
                    }
                    t
                }),
            };
            match result {
                Ok(total) if self.generation.get_value() == generation => self.total.set(total),
                Ok(_) => {}
                Err(e) => self.failed(e),
            }
        });
    }

    /// Re-reads one comment (after an edit or a conflict).
    pub async fn refresh_comment(self, comment_id: &str) -> ClientResult<()> {
        let client = self.ctx.client.get_untracked();
        let a = client.get_comment(&self.ctx.id(), comment_id).await?;
        self.comments.update(|c| {
            c.insert(comment_id.to_string(), Slot::Loaded(a));
        });
        Ok(())
    }
}

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

#[cfg(test)]
mod tests {
    use super::*;
    use casebook_api::{Owner, User};
    use serde_json::json;

    fn ua(
        id: &str,
        kind: UserActionType,
        action: UserActionAction,
        payload: serde_json::Value,
    ) -> UserAction {
        UserAction {
            id: id.into(),
            version: "v".into(),
            action,
            kind,
            comment_id: Some(format!("c{id}")),
            created_at: chrono::Utc::now(),
            created_by: User::default(),
            owner: Owner::Cases,
            payload,
        }
    }

    #[test]
    fn only_user_comment_creations_need_reads() {
        let user = json!({"comment":{"type":"user","comment":"x"}});
        let alert = json!({"comment":{"type":"alert"}});
        let list = vec![
            ua(
                "1",
                UserActionType::Comment,
                UserActionAction::Create,
                user.clone(),
            ),
            ua("2", UserActionType::Comment, UserActionAction::Update, user),
            ua(
                "3",
                UserActionType::Comment,
                UserActionAction::Create,
                alert,
            ),
            ua("4", UserActionType::Tags, UserActionAction::Add, json!({})),
        ];
        assert_eq!(comment_ids(&list), ["c1"]);
    }

    #[test]
    fn merging_skips_what_is_shown() {
        let a = |id: &str| {
            ua(
                id,
                UserActionType::Title,
                UserActionAction::Update,
                json!({}),
            )
        };
        let mut items = vec![a("1"), a("2")];
        append_new(&mut items, vec![a("2"), a("3")]);
        assert_eq!(
            items.iter().map(|x| x.id.as_str()).collect::<Vec<_>>(),
            ["1", "2", "3"]
        );
        let n = prepend_new(&mut items, vec![a("9"), a("1")]);
        assert_eq!(n, 1);
        assert_eq!(items[0].id, "9");
    }

    #[test]
    fn filters_map_to_find_types() {
        assert!(Filter::All.types().is_empty());
        assert_eq!(Filter::Comments.types(), [UserActionFindType::User]);
        assert_eq!(Filter::History.types(), [UserActionFindType::Action]);
    }
}
