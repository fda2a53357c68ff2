//! How a case's status and severity look everywhere: [`StatusBadge`] (Kibana's colours: open =
//! primary, in progress = warning, closed = grey) and [`SeverityBadge`] (a coloured dot:
//! low green, medium yellow, high orange, critical red). Labels come from `casebook_api`.

use casebook_api::case::{Severity, Status};
use leptos::prelude::*;

/// The modifier class of a status (`cb-status--open`, `cb-status--in-progress`, ...).
pub fn status_class(status: Status) -> String {
    format!("cb-status--{}", status.as_str())
}

/// The modifier class of a severity (`cb-severity--low`, ...).
pub fn severity_class(severity: Severity) -> String {
    format!("cb-severity--{}", severity.as_str())
}

/// A case status as a coloured badge ("Open", "In progress", "Closed").
#[component]
pub fn StatusBadge(
    /// The status.
    #[prop(into)]
    status: Signal<Status>,
    /// `data-testid` of the badge (default `status-badge`).
    #[prop(optional, into)]
    test_id: Option<String>,
) -> impl IntoView {
    view! {
        <span
            class=move || format!("cb-badge cb-status {}", status_class(status.get()))
            data-status=move || status.get().as_str()
            data-testid=test_id.unwrap_or_else(|| "status-badge".into())
        >
            {move || status.get().label()}
        </span>
    }
}

/// A case severity as a coloured dot with its label ("Low", ..., "Critical").
#[component]
pub fn SeverityBadge(
    /// The severity.
    #[prop(into)]
    severity: Signal<Severity>,
    /// Shows only the dot (the label stays available to screen readers and as a tooltip).
    #[prop(optional, into)]
    dot_only: Signal<bool>,
    /// `data-testid` of the badge (default `severity-badge`).
    #[prop(optional, into)]
    test_id: Option<String>,
) -> impl IntoView {
    view! {
        <span
            class=move || format!("cb-severity {}", severity_class(severity.get()))
            data-severity=move || severity.get().as_str()
            data-testid=test_id.unwrap_or_else(|| "severity-badge".into())
            title=move || dot_only.get().then(|| severity.get().label())
        >
            <span class="cb-severity__dot" aria-hidden="true"></span>
            <span class="cb-severity__label" class:cb-visually-hidden=move || dot_only.get()>
                {move || severity.get().label()}
            </span>
        </span>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_follow_wire_names() {
        assert_eq!(status_class(Status::InProgress), "cb-status--in-progress");
        assert_eq!(status_class(Status::Closed), "cb-status--closed");
        assert_eq!(severity_class(Severity::Critical), "cb-severity--critical");
    }
}
