//! The activity feed's state and loading.
//!
//! Loading rules: a page of user actions is fetched, then the comments it shows (one GET each,
//! in parallel; there is no bulk attachment read yet) before the rows appear, so rows never jump.
//! Oldest first also shows the latest page under "Show more", so recent activity and a comment
//! just added are in view. After this page's own writes only what is new is fetched (the tail
//! when oldest first, the head when newest first); "Reload" starts over. A permalink loads pages
//! until its comment is found. Answers for an older view (filter/order changed) are dropped.

use super::entries::{Filter, PAGE_SIZES, Slot, append_new, comment_ids, prepend_new};
use super::state::CaseCtx;
use crate::client::{ClientError, ClientResult};
use casebook_api::find::SortOrder;
use casebook_api::limits::MAX_USER_ACTIONS_PER_PAGE;
use casebook_api::user_action::UserAction;
use futures::future::join_all;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::{HashMap, HashSet};

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
    /// An empty feed of the case (nothing loaded until [`Feed::restart`]).
    pub fn new(ctx: CaseCtx) -> Self {
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
    pub async fn seek(self, target: String) {
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
