//! What the activity feed holds and how pages merge: the filter, the comment cache's slots,
//! which comments a page needs, and merging fetched entries without duplicates. Pure, tested
//! natively.

use casebook_api::comment::Attachment;
use casebook_api::user_action::{UserAction, UserActionAction, UserActionFindType, UserActionType};
use std::collections::HashSet;

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
