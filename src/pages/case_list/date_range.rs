//! The created-date filter: quick presets (last 24 hours … last year, all time) and a custom
//! range of calendar days. Values are KQL date math (`now-7d`) or days (`2024-03-15`), exactly
//! what `_find`'s `from`/`to` take, so the URL stays readable and shareable.

use super::popover::{Popover, PopoverTrigger};
use leptos::prelude::*;

/// The quick ranges: label and `from` (`None` = all time); `to` is open.
pub const PRESETS: [(&str, Option<&str>); 6] = [
    ("Last 24 hours", Some("now-24h")),
    ("Last 7 days", Some("now-7d")),
    ("Last 30 days", Some("now-30d")),
    ("Last 90 days", Some("now-90d")),
    ("Last year", Some("now-1y")),
    ("All time", None),
];

/// The button text for a range.
pub fn range_label(from: Option<&str>, to: Option<&str>) -> String {
    match (from, to) {
        (None, None) => "All time".into(),
        (Some(f), None) => PRESETS
            .iter()
            .find(|(_, p)| *p == Some(f))
            .map(|(l, _)| l.to_string())
            .unwrap_or_else(|| format!("Since {f}")),
        (None, Some(t)) => format!("Until {t}"),
        (Some(f), Some(t)) => format!("{f} → {t}"),
    }
}

/// A value usable in `<input type=date>` (only plain days are).
pub fn as_day(v: Option<&str>) -> String {
    v.filter(|s| s.len() == 10 && s.as_bytes()[4] == b'-' && s.as_bytes()[7] == b'-')
        .unwrap_or_default()
        .to_string()
}

/// The created-date filter button.
#[component]
pub fn DateRangeFilter(
    /// Current `from`.
    #[prop(into)]
    from: Signal<Option<String>>,
    /// Current `to`.
    #[prop(into)]
    to: Signal<Option<String>>,
    /// Called with the new `(from, to)`.
    on_change: Callback<(Option<String>, Option<String>)>,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let label = move || range_label(from.get().as_deref(), to.get().as_deref());
    let active = move || from.with(Option::is_some) || to.with(Option::is_some);
    view! {
        <Popover open class="cb-filter-popover cb-date-popover" test_id="filter-date-popover">
            <PopoverTrigger slot>
                <button
                    type="button"
                    class="cb-filter-btn cb-filter-btn--date"
                    class:cb-filter-btn--active=active
                    aria-haspopup="true"
                    aria-expanded=move || open.get().to_string()
                    data-testid="filter-date"
                    title="Created date"
                    on:click=move |_| open.update(|o| *o = !*o)
                >
                    <svg class="cb-filter-btn__icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
                        <path
                            fill="currentColor"
                            d="M5 1.75a.75.75 0 0 0-1.5 0V3H3a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V5a2 2 0 0 0-2-2h-.5V1.75a.75.75 0 0 0-1.5 0V3H5V1.75zM2.5 7h11v6a.5.5 0 0 1-.5.5H3a.5.5 0 0 1-.5-.5V7z"
                        ></path>
                    </svg>
                    <span>{label}</span>
                    <span class="cb-filter-btn__caret" aria-hidden="true">"▾"</span>
                </button>
            </PopoverTrigger>
            {Suspend::new(super::lazy::date_range_panel(DateRangePanelProps { from, to, on_change, open }))}
        </Popover>
    }
}

/// The open date popover: the quick ranges and the custom range.
#[component]
pub fn DateRangePanel(
    /// Current `from`.
    from: Signal<Option<String>>,
    /// Current `to`.
    to: Signal<Option<String>>,
    /// Called with the new `(from, to)`.
    on_change: Callback<(Option<String>, Option<String>)>,
    /// Set to false to close.
    open: RwSignal<bool>,
) -> impl IntoView {
    // The panel is created on every open, so the custom inputs start from the current range.
    let custom_from = RwSignal::new(as_day(from.get_untracked().as_deref()));
    let custom_to = RwSignal::new(as_day(to.get_untracked().as_deref()));
    let pick = move |f: Option<&str>| {
        on_change.run((f.map(String::from), None));
        open.set(false);
    };
    let apply = move |_| {
        let f = custom_from.get_untracked();
        let t = custom_to.get_untracked();
        on_change.run(((!f.is_empty()).then_some(f), (!t.is_empty()).then_some(t)));
        open.set(false);
    };
    view! {
        <div class="cb-float__title">"Created"</div>
        <div class="cb-date-presets" role="group" aria-label="Quick ranges">
            {PRESETS
                .iter()
                .map(|(l, f)| {
                    let f = *f;
                    let current = move || from.get().as_deref() == f && to.with(Option::is_none);
                    view! {
                        <button
                            type="button"
                            class="cb-date-presets__item"
                            class:cb-date-presets__item--current=current
                            aria-pressed=move || current().to_string()
                            data-testid=format!("date-preset-{}", f.unwrap_or("all"))
                            on:click=move |_| pick(f)
                        >
                            {*l}
                        </button>
                    }
                })
                .collect_view()}
        </div>
        <div class="cb-float__title">"Custom range"</div>
        <div class="cb-date-custom">
            <label>
                <span>"From"</span>
                <input class="cb-input" type="date" data-testid="date-from" bind:value=custom_from/>
            </label>
            <label>
                <span>"To"</span>
                <input class="cb-input" type="date" data-testid="date-to" bind:value=custom_to/>
            </label>
            <button
                type="button"
                class="cb-btn cb-btn--fill"
                data-testid="date-apply"
                on:click=apply
            >
                "Apply"
            </button>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_name_presets_and_custom_ranges() {
        assert_eq!(range_label(None, None), "All time");
        assert_eq!(range_label(Some("now-7d"), None), "Last 7 days");
        assert_eq!(range_label(Some("now-3d"), None), "Since now-3d");
        assert_eq!(range_label(None, Some("2024-01-31")), "Until 2024-01-31");
        assert_eq!(
            range_label(Some("2024-01-01"), Some("2024-01-31")),
            "2024-01-01 → 2024-01-31"
        );
    }

    #[test]
    fn only_days_fill_the_date_inputs() {
        assert_eq!(as_day(Some("2024-03-15")), "2024-03-15");
        assert_eq!(as_day(Some("now-7d")), "");
        assert_eq!(as_day(None), "");
    }

    #[test]
    fn presets_are_valid_date_math() {
        let now = chrono::Utc::now();
        for (_, f) in PRESETS {
            if let Some(f) = f {
                assert!(
                    casebook_api::find::parse_date_math(f, now, false).is_some(),
                    "{f}"
                );
            }
        }
    }
}
