//! The metrics bar above the list: open / in progress / closed counts and the mean time to
//! close (MTTR) of the solution's cases, from `GET /internal/cases/metrics`.
//!
//! The counts ignore the list's filters (like Kibana's panel); they refresh with the list after
//! a mutation. The bar keeps its height while loading so the table does not jump.

use crate::client::Client;
use casebook_api::Owner;
use casebook_api::metrics::CasesMetrics;
use leptos::prelude::*;

/// A duration in seconds for people: `2d 4h`, `3h 12m`, `45m`, `30s`.
pub fn format_duration(secs: i64) -> String {
    let secs = secs.max(0);
    let (d, h, m) = (secs / 86_400, secs % 86_400 / 3_600, secs % 3_600 / 60);
    match (d, h, m) {
        (0, 0, 0) => format!("{secs}s"),
        (0, 0, m) => format!("{m}m"),
        (0, h, 0) => format!("{h}h"),
        (0, h, m) => format!("{h}h {m}m"),
        (d, 0, _) => format!("{d}d"),
        (d, h, _) => format!("{d}d {h}h"),
    }
}

/// A count with thousands separators (`100,000`).
pub fn format_count(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0 { format!("-{out}") } else { out }
}

/// The four values the bar shows (`None` while loading or when the call failed).
fn cells(m: Option<&CasesMetrics>) -> [(&'static str, &'static str, Option<String>); 4] {
    let status = m.and_then(|m| m.status.clone());
    let count = |f: fn(&casebook_api::metrics::StatusCounts) -> i64| {
        status.as_ref().map(|s| format_count(f(s)))
    };
    let mttr = m.map(|m| match m.mttr {
        Some(Some(s)) => format_duration(s),
        _ => "—".to_string(),
    });
    [
        ("Open cases", "open", count(|s| s.open)),
        ("In progress cases", "in-progress", count(|s| s.in_progress)),
        ("Closed cases", "closed", count(|s| s.closed)),
        ("Average time to close", "mttr", mttr),
    ]
}

/// The metrics panel. `refresh` is bumped after each mutation.
#[component]
pub fn MetricsBar(
    /// The API client of the current space.
    client: Signal<Client>,
    /// The owner whose cases are counted.
    owner: Signal<Owner>,
    /// Changes whenever the list's data may have changed.
    refresh: Signal<u64>,
    /// False until the table's first page arrived (the table's request goes first).
    ready: Signal<bool>,
) -> impl IntoView {
    let metrics = LocalResource::new(move || {
        let (c, o, go) = (client.get(), owner.get(), ready.get());
        refresh.track();
        async move {
            if !go {
                return None;
            }
            c.cases_metrics(o).await.ok()
        }
    });
    // Keep the last figures while a refresh is in flight (no flashing dashes).
    let shown = RwSignal::new(None::<CasesMetrics>);
    Effect::new(move |_| {
        if let Some(Some(m)) = metrics.get() {
            shown.set(Some(m));
        }
    });
    view! {
        <dl class="cb-metrics" data-testid="cases-metrics">
            {move || {
                shown
                    .with(|m| cells(m.as_ref()))
                    .into_iter()
                    .map(|(label, key, value)| {
                        let loading = value.is_none();
                        view! {
                            <div class=format!("cb-metrics__item cb-metrics__item--{key}")>
                                <dt class="cb-metrics__label">{label}</dt>
                                <dd
                                    class="cb-metrics__value"
                                    class:cb-skeleton-text=loading
                                    data-testid=format!("metric-{key}")
                                >
                                    {value.unwrap_or_default()}
                                </dd>
                            </div>
                        }
                    })
                    .collect_view()
            }}
        </dl>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_like_kibana() {
        assert_eq!(format_duration(2 * 86_400 + 4 * 3_600 + 59), "2d 4h");
        assert_eq!(format_duration(86_400), "1d");
        assert_eq!(format_duration(3 * 3_600 + 12 * 60), "3h 12m");
        assert_eq!(format_duration(3_600), "1h");
        assert_eq!(format_duration(45 * 60 + 5), "45m");
        assert_eq!(format_duration(30), "30s");
        assert_eq!(format_duration(-5), "0s");
    }

    #[test]
    fn counts_have_separators() {
        assert_eq!(format_count(0), "0");
        assert_eq!(format_count(999), "999");
        assert_eq!(format_count(1_000), "1,000");
        assert_eq!(format_count(100_000), "100,000");
        assert_eq!(format_count(-1_234_567), "-1,234,567");
    }

    #[test]
    fn cells_show_a_dash_without_closed_cases() {
        let m = CasesMetrics {
            mttr: Some(None),
            status: Some(Default::default()),
        };
        let c = cells(Some(&m));
        assert_eq!(c[0].2.as_deref(), Some("0"));
        assert_eq!(c[3].2.as_deref(), Some("—"));
        assert!(cells(None).iter().all(|c| c.2.is_none()));
    }
}
