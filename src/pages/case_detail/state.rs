//! The case page's shared state: the case as last read, the conflict flag, a write counter the
//! activity feed follows, and the lookups (users, custom field labels) sentences need.
//!
//! Rules: every case save goes through [`CaseCtx::patch`], which sends the version last read; a
//! 409 raises the conflict banner and returns the error so the editor stays open with the typed
//! text. Every successful write replaces the case (new version) and bumps [`CaseCtx::writes`].

use super::activity_text::Names;
use crate::client::{Client, ClientError};
use crate::components::toaster::Toaster;
use casebook_api::configure::Configuration;
use casebook_api::security::{CaseUsers, CasesCapabilities};
use casebook_api::{Case, CasePatch};
use leptos::prelude::*;

/// Shared state of one open case. Cheap to copy.
#[derive(Clone, Copy)]
pub struct CaseCtx {
    /// The case as last read or written.
    pub case: RwSignal<Case>,
    /// Set when a save hit a 409: someone else changed the case.
    pub conflict: RwSignal<bool>,
    /// Bumped after each successful write by this page (the feed fetches what is new).
    pub writes: RwSignal<u64>,
    /// Bumped on "Reload": the feed starts over.
    pub reloads: RwSignal<u64>,
    /// Participants, assignees and reporter (names for uids).
    pub users: LocalResource<Option<CaseUsers>>,
    /// The owner's settings (custom field definitions).
    pub config: LocalResource<Option<Configuration>>,
    /// The space's client.
    pub client: Signal<Client>,
    /// Toasts.
    pub toaster: Toaster,
    /// What the user may do with this solution's cases (controls for the rest are hidden).
    pub caps: Signal<CasesCapabilities>,
}

impl CaseCtx {
    /// State for a freshly loaded case.
    pub fn new(
        case: Case,
        client: Signal<Client>,
        toaster: Toaster,
        caps: Signal<CasesCapabilities>,
    ) -> Self {
        let owner = case.owner;
        let id = case.id.clone();
        let case = RwSignal::new(case);
        let writes = RwSignal::new(0u64);
        let reloads = RwSignal::new(0u64);
        let users = LocalResource::new(move || {
            writes.track();
            reloads.track();
            let c = client.get();
            let id = id.clone();
            async move { c.case_users(&id).await.ok() }
        });
        let config = LocalResource::new(move || {
            let c = client.get();
            async move { c.configuration(owner).await.ok().flatten() }
        });
        Self {
            case,
            conflict: RwSignal::new(false),
            writes,
            reloads,
            users,
            config,
            client,
            toaster,
            caps,
        }
    }

    /// Whether the user may change the case's fields (`update_cases`).
    pub fn can_update(&self) -> bool {
        self.caps.with(|c| c.update_cases)
    }

    /// The case id.
    pub fn id(&self) -> String {
        self.case.with_untracked(|c| c.id.clone())
    }

    /// Records a write's answer: the new case, or the conflict / error shown to the user.
    pub fn apply(self, result: Result<Case, ClientError>, what: &str) -> Result<(), ClientError> {
        match result {
            Ok(c) => {
                self.case.set(c);
                self.writes.update(|w| *w += 1);
                Ok(())
            }
            Err(e) if e.is_conflict() => {
                self.conflict.set(true);
                Err(e)
            }
            Err(e) => {
                self.toaster.error(format!("Could not {what}"), e.message());
                Err(e)
            }
        }
    }

    /// Saves fields of the case with the version last read. `what` completes "Could not …".
    pub async fn patch(
        self,
        what: &str,
        edit: impl FnOnce(&mut CasePatch),
    ) -> Result<(), ClientError> {
        let (id, version) = self
            .case
            .with_untracked(|c| (c.id.clone(), c.version.clone()));
        let mut p = CasePatch {
            id,
            version,
            ..Default::default()
        };
        edit(&mut p);
        let client = self.client.get_untracked();
        let r = client.update_cases(vec![p]).await.and_then(|mut v| {
            v.pop()
                .ok_or_else(|| ClientError::Decode("the update answered no case".into()))
        });
        self.apply(r, what)
    }

    /// Reads the case again after a write that answers no case (comment deletion).
    pub async fn refetch(self, what: &str) -> Result<(), ClientError> {
        let client = self.client.get_untracked();
        let r = client.get_case(&self.id()).await;
        self.apply(r, what)
    }

    /// "Reload" after a conflict: the latest case, the feed from the start; editors keep their
    /// text (they own it), so the user can save again on top of the new version.
    pub async fn reload(self) {
        let client = self.client.get_untracked();
        match client.get_case(&self.id()).await {
            Ok(c) => {
                self.case.set(c);
                self.conflict.set(false);
                self.reloads.update(|r| *r += 1);
            }
            Err(e) => self.toaster.error("Could not reload the case", e.message()),
        }
    }

    /// Names for uids and custom field keys, from what is loaded so far.
    pub fn names(&self) -> Names {
        let mut names = Names::default();
        if let Some(Some(u)) = self.users.get() {
            let all = u
                .participants
                .iter()
                .chain(&u.assignees)
                .chain(&u.unassigned_users)
                .chain(std::iter::once(&u.reporter));
            for cu in all {
                let uid = cu.uid.clone().or_else(|| cu.user.profile_uid.clone());
                if let Some(uid) = uid
                    && (cu.user.full_name.is_some() || cu.user.username.is_some())
                {
                    names.users.insert(uid, cu.user.display_name().to_string());
                }
            }
        }
        if let Some(Some(c)) = self.config.get() {
            for f in c.custom_fields {
                names.fields.insert(f.key, f.label);
            }
        }
        names
    }
}
