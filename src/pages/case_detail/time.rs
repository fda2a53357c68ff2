//! Dates on the case page: absolute ("Nov 23, 2026 @ 20:10", the browser's local time) and
//! relative ("5 minutes ago"), in a `<time>` element whose tooltip gives the exact moment.

use chrono::{DateTime, Utc};
#[cfg(not(target_arch = "wasm32"))]
use chrono::{Datelike, Timelike};
use leptos::prelude::*;

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Calendar parts of a moment in the viewer's time zone (UTC natively).
fn local_parts(dt: &DateTime<Utc>) -> (i32, u32, u32, u32, u32) {
    #[cfg(target_arch = "wasm32")]
    {
        let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(
            dt.timestamp_millis() as f64
        ));
        (
            d.get_full_year() as i32,
            d.get_month(),
            d.get_date(),
            d.get_hours(),
            d.get_minutes(),
        )
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        (dt.year(), dt.month0(), dt.day(), dt.hour(), dt.minute())
    }
}

/// "Nov 23, 2026 @ 20:10" from calendar parts (month 0-based).
pub fn format_parts(year: i32, month0: u32, day: u32, hour: u32, minute: u32) -> String {
    let month = MONTHS.get(month0 as usize).copied().unwrap_or("?");
    format!("{month} {day}, {year} @ {hour:02}:{minute:02}")
}

/// The absolute date shown to people, in their time zone.
pub fn format_date(dt: &DateTime<Utc>) -> String {
    let (y, m, d, h, min) = local_parts(dt);
    format_parts(y, m, d, h, min)
}

/// Milliseconds since the epoch, now.
pub fn now_ms() -> i64 {
    #[cfg(target_arch = "wasm32")]
    {
        js_sys::Date::now() as i64
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        Utc::now().timestamp_millis()
    }
}

/// "just now", "5 minutes ago", "yesterday", "3 days ago"; the absolute date past 30 days.
pub fn relative(dt: &DateTime<Utc>, now_ms: i64) -> String {
    let secs = (now_ms - dt.timestamp_millis()).max(0) / 1000;
    let plural = |n: i64, unit: &str| {
        if n == 1 {
            format!("1 {unit} ago")
        } else {
            format!("{n} {unit}s ago")
        }
    };
    match secs {
        0..=44 => "just now".into(),
        45..=3_599 => plural((secs / 60).max(1), "minute"),
        3_600..=86_399 => plural(secs / 3_600, "hour"),
        86_400..=172_799 => "yesterday".into(),
        172_800..=2_591_999 => plural(secs / 86_400, "day"),
        _ => format!("on {}", format_date(dt)),
    }
}

/// A moment shown relative to now ("5 minutes ago") with the exact date as tooltip, or as the
/// exact date itself.
#[component]
pub fn When(
    /// The moment.
    at: DateTime<Utc>,
    /// Shows the exact date instead of a relative one ("Closed on …").
    #[prop(optional)]
    absolute: bool,
) -> impl IntoView {
    let exact = format_date(&at);
    let text = if absolute {
        exact.clone()
    } else {
        relative(&at, now_ms())
    };
    view! {
        <time datetime=at.to_rfc3339() title=exact>
            {text}
        </time>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn absolute() {
        assert_eq!(format_parts(2026, 10, 23, 8, 5), "Nov 23, 2026 @ 08:05");
        let dt = Utc.with_ymd_and_hms(2024, 1, 2, 3, 4, 5).unwrap();
        assert_eq!(format_date(&dt), "Jan 2, 2024 @ 03:04");
    }

    #[test]
    fn relative_ranges() {
        let dt = Utc.with_ymd_and_hms(2024, 1, 2, 3, 4, 5).unwrap();
        let at = |s: i64| dt.timestamp_millis() + s * 1000;
        assert_eq!(relative(&dt, at(3)), "just now");
        assert_eq!(relative(&dt, at(-30)), "just now");
        assert_eq!(relative(&dt, at(60)), "1 minute ago");
        assert_eq!(relative(&dt, at(7_200)), "2 hours ago");
        assert_eq!(relative(&dt, at(90_000)), "yesterday");
        assert_eq!(relative(&dt, at(5 * 86_400)), "5 days ago");
        assert_eq!(relative(&dt, at(40 * 86_400)), "on Jan 2, 2024 @ 03:04");
    }
}
