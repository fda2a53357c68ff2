//! The pieces every Stack Management list page shares: the list request that refetches after
//! each change, the admin table (column headers, a hidden "Actions" header, the rows), the list
//! loaded into it (skeleton rows while loading, a danger callout when the request fails), the
//! fill button in the page header and what its flyout shows.

use crate::client::ClientResult;
use crate::components::SkeletonRows;
use crate::pages::settings::widgets::{Callout, Tone};
use leptos::prelude::*;
use std::future::Future;

/// What a list page's flyout shows: a new item or a stored one.
#[derive(Clone, Debug, PartialEq)]
pub enum Panel<T> {
    /// A new item.
    Create,
    /// A stored item (opened read-only where it can't be changed).
    Edit(T),
}

impl<T> Panel<T> {
    /// The stored item, if any.
    pub fn stored(self) -> Option<T> {
        match self {
            Panel::Create => None,
            Panel::Edit(t) => Some(t),
        }
    }
}

/// A request for a page's list and the function that fetches it again (after a change).
pub fn refetched<T, Fut>(
    fetch: impl Fn() -> Fut + 'static,
) -> (LocalResource<T>, impl Fn() + Copy + 'static)
where
    T: 'static,
    Fut: Future<Output = T> + 'static,
{
    let version = RwSignal::new(0u32);
    let resource = LocalResource::new(move || {
        version.track();
        fetch()
    });
    (resource, move || version.update(|v| *v += 1))
}

/// The keys (names, identifiers) of the list loaded so far, without subscribing; empty while
/// loading or after an error. A new item's key must differ from these.
pub fn loaded_keys<T: Clone + 'static>(
    resource: LocalResource<ClientResult<Vec<T>>>,
    key: impl Fn(T) -> String,
) -> Vec<String> {
    resource
        .get_untracked()
        .and_then(Result::ok)
        .unwrap_or_default()
        .into_iter()
        .map(key)
        .collect()
}

/// `<table class="cb-table cb-admin-table">` with one header per column, then the hidden
/// "Actions" header, and the rows as its body.
#[component]
pub fn AdminTable(
    /// `data-testid` of the table.
    test_id: &'static str,
    /// The column headers, before the actions column.
    columns: &'static [&'static str],
    /// The rows (`<tr>`s).
    children: Children,
) -> impl IntoView {
    view! {
        <table class="cb-table cb-admin-table" data-testid=test_id>
            <thead>
                <tr>
                    {columns
                        .iter()
                        .map(|c| view! { <th scope="col" class="cb-table__head">{*c}</th> })
                        .collect_view()}
                    <th scope="col" class="cb-table__head cb-table__cell--actions">
                        <span class="cb-visually-hidden">"Actions"</span>
                    </th>
                </tr>
            </thead>
            <tbody>{children()}</tbody>
        </table>
    }
}

/// A list resource shown by `show` once loaded; skeleton rows until then (and, inside a
/// `Transition`, the previous list while it refetches); "The {what} could not be loaded."
/// with the error when the request failed.
#[component]
pub fn LoadedList<T, F>(
    /// The request.
    resource: LocalResource<ClientResult<T>>,
    /// What is loaded, plural and lowercase ("roles"), for the error title.
    what: &'static str,
    /// Skeleton rows while loading.
    rows: usize,
    /// Skeleton columns while loading.
    columns: usize,
    /// The loaded list's view.
    show: F,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    F: Fn(T) -> AnyView + Send + Sync + 'static,
{
    view! {
        <Transition fallback=move || view! { <SkeletonRows rows columns/> }>
            {move || resource.get().map(|r| match r {
                Ok(list) => show(list),
                Err(e) => view! {
                    <Callout tone=Tone::Danger title=format!("The {what} could not be loaded.")>{e.message()}</Callout>
                }
                .into_any(),
            })}
        </Transition>
    }
}

/// The page header's `cb-btn--fill` button that starts creating something.
#[component]
pub fn CreateButton(
    /// `data-testid`.
    test_id: &'static str,
    /// The text ("Create role").
    label: &'static str,
    /// What a click does.
    on_click: Callback<()>,
) -> impl IntoView {
    view! {
        <button type="button" class="cb-btn cb-btn--fill" data-testid=test_id on:click=move |_| on_click.run(())>
            {label}
        </button>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_edits_have_a_stored_item() {
        assert_eq!(Panel::<u8>::Create.stored(), None);
        assert_eq!(Panel::Edit(3).stored(), Some(3));
    }
}
