//! Paging under the table: rows per page (10/25/50/100), "Showing 1–10 of 1,234 cases", and the
//! page buttons with ellipses (first, last and a window around the current page).

use super::metrics::format_count;
use super::state::PER_PAGE_OPTIONS;
use leptos::prelude::*;

/// The page buttons to show: `Some(n)` a page, `None` an ellipsis.
pub fn page_items(current: usize, count: usize) -> Vec<Option<usize>> {
    if count <= 7 {
        return (1..=count).map(Some).collect();
    }
    let (mut lo, mut hi) = (current.max(1) as isize - 1, current as isize + 1);
    let last_inner = count as isize - 1;
    if lo < 2 {
        hi += 2 - lo;
        lo = 2;
    }
    if hi > last_inner {
        lo -= hi - last_inner;
        hi = last_inner;
    }
    // An ellipsis standing for a single page is just that page.
    if lo == 3 {
        lo = 2;
    }
    if hi == last_inner - 1 {
        hi = last_inner;
    }
    let (lo, hi) = (lo.max(2) as usize, hi as usize);
    let mut out = vec![Some(1)];
    if lo > 2 {
        out.push(None);
    }
    out.extend((lo..=hi).map(Some));
    if hi < count - 1 {
        out.push(None);
    }
    out.push(Some(count));
    out
}

/// "Showing 11–20 of 1,234 cases".
pub fn range_text(page: usize, per_page: usize, total: usize) -> String {
    if total == 0 {
        return "No cases".into();
    }
    let first = (page - 1) * per_page + 1;
    let last = (page * per_page).min(total);
    let noun = if total == 1 { "case" } else { "cases" };
    format!(
        "Showing {}–{} of {} {noun}",
        format_count(first as i64),
        format_count(last as i64),
        format_count(total as i64)
    )
}

/// The paging bar.
#[component]
pub fn Pagination(
    /// Current page (from 1).
    #[prop(into)]
    page: Signal<usize>,
    /// Number of pages.
    #[prop(into)]
    count: Signal<usize>,
    /// Rows per page.
    #[prop(into)]
    per_page: Signal<usize>,
    /// Total matches (`None` while unknown).
    #[prop(into)]
    total: Signal<Option<usize>>,
    /// Called with a page to go to.
    on_page: Callback<usize>,
    /// Called with a new page size.
    on_per_page: Callback<usize>,
) -> impl IntoView {
    let go = move |p: usize| on_page.run(p);
    view! {
        <nav class="cb-pagination" aria-label="Pagination" data-testid="cases-pagination">
            <label class="cb-pagination__size">
                <span>"Rows per page"</span>
                <select
                    class="cb-select"
                    data-testid="per-page"
                    prop:value=move || per_page.get().to_string()
                    on:change=move |ev| {
                        if let Ok(n) = event_target_value(&ev).parse() {
                            on_per_page.run(n);
                        }
                    }
                >
                    {PER_PAGE_OPTIONS
                        .map(|n| view! { <option value=n.to_string()>{n}</option> })
                        .collect_view()}
                </select>
            </label>
            <span class="cb-pagination__range" data-testid="cases-range">
                {move || total.get().map(|t| range_text(page.get(), per_page.get(), t))}
            </span>
            <div class="cb-pagination__pages">
                <button
                    type="button"
                    class="cb-pagination__btn"
                    aria-label="Previous page"
                    data-testid="page-prev"
                    disabled=move || { page.get() <= 1 }
                    on:click=move |_| go(page.get_untracked() - 1)
                >
                    "‹"
                </button>
                {move || {
                    let current = page.get();
                    page_items(current, count.get())
                        .into_iter()
                        .map(|item| match item {
                            Some(n) => view! {
                                <button
                                    type="button"
                                    class="cb-pagination__btn"
                                    class:cb-pagination__btn--current=n == current
                                    aria-current=(n == current).then_some("page")
                                    aria-label=format!("Page {n}")
                                    data-testid=format!("page-{n}")
                                    on:click=move |_| go(n)
                                >
                                    {n}
                                </button>
                            }
                            .into_any(),
                            None => view! { <span class="cb-pagination__gap" aria-hidden="true">"…"</span> }
                                .into_any(),
                        })
                        .collect_view()
                }}
                <button
                    type="button"
                    class="cb-pagination__btn"
                    aria-label="Next page"
                    data-testid="page-next"
                    disabled=move || { page.get() >= count.get() }
                    on:click=move |_| go(page.get_untracked() + 1)
                >
                    "›"
                </button>
            </div>
        </nav>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(v: Vec<Option<usize>>) -> String {
        v.into_iter()
            .map(|i| i.map_or("…".into(), |n| n.to_string()))
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn few_pages_are_all_shown() {
        assert_eq!(show(page_items(1, 1)), "1");
        assert_eq!(show(page_items(3, 7)), "1 2 3 4 5 6 7");
    }

    #[test]
    fn many_pages_get_ellipses_around_a_window() {
        assert_eq!(show(page_items(1, 100)), "1 2 3 4 … 100");
        assert_eq!(show(page_items(2, 100)), "1 2 3 4 … 100");
        assert_eq!(show(page_items(50, 100)), "1 … 49 50 51 … 100");
        assert_eq!(show(page_items(99, 100)), "1 … 97 98 99 100");
        assert_eq!(show(page_items(100, 100)), "1 … 97 98 99 100");
        assert_eq!(show(page_items(5, 8)), "1 … 4 5 6 7 8");
    }

    #[test]
    fn range_text_counts_rows() {
        assert_eq!(range_text(1, 10, 0), "No cases");
        assert_eq!(range_text(1, 10, 1), "Showing 1–1 of 1 case");
        assert_eq!(range_text(3, 10, 25), "Showing 21–25 of 25 cases");
        assert_eq!(
            range_text(1, 100, 100_000),
            "Showing 1–100 of 100,000 cases"
        );
    }
}
