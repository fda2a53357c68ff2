//! The table's columns: which exist, which sort what, which are shown, and the column picker.
//!
//! Visibility is remembered per solution in localStorage as `id:1,id:0,…`; ids not in the
//! stored value (a column added later, a new custom field) take their default, so a stored
//! choice never hides a column the user has not seen yet. The selection checkbox, the name and
//! the actions menu are always shown.

use super::popover::{Popover, PopoverTrigger};
use casebook_api::configure::CustomFieldDefinition;
use casebook_api::find::SortField;
use leptos::prelude::*;

/// A column of the cases table.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Column {
    /// Title with `#incremental_id` (always shown).
    Name,
    /// Assignee avatars.
    Assignees,
    /// Tag badges.
    Tags,
    /// Alert count.
    Alerts,
    /// Comment count.
    Comments,
    /// Category.
    Category,
    /// Creation time.
    CreatedAt,
    /// Last update.
    UpdatedAt,
    /// Close time (hidden by default).
    ClosedAt,
    /// External incident (connector and link, or "Not pushed").
    ExternalIncident,
    /// Status badge.
    Status,
    /// Severity.
    Severity,
    /// A custom field's value, by key (hidden by default).
    Custom(String),
}

impl Column {
    /// The built-in columns in display order.
    pub const BUILT_IN: [Column; 12] = [
        Column::Name,
        Column::Assignees,
        Column::Tags,
        Column::Alerts,
        Column::Comments,
        Column::Category,
        Column::CreatedAt,
        Column::UpdatedAt,
        Column::ClosedAt,
        Column::ExternalIncident,
        Column::Status,
        Column::Severity,
    ];

    /// Stable id (storage, `data-testid`).
    pub fn id(&self) -> String {
        match self {
            Column::Name => "name".into(),
            Column::Assignees => "assignees".into(),
            Column::Tags => "tags".into(),
            Column::Alerts => "alerts".into(),
            Column::Comments => "comments".into(),
            Column::Category => "category".into(),
            Column::CreatedAt => "createdAt".into(),
            Column::UpdatedAt => "updatedAt".into(),
            Column::ClosedAt => "closedAt".into(),
            Column::ExternalIncident => "externalIncident".into(),
            Column::Status => "status".into(),
            Column::Severity => "severity".into(),
            Column::Custom(key) => format!("cf.{key}"),
        }
    }

    /// Header text of a built-in column (custom fields use their label).
    pub fn label(&self) -> &'static str {
        match self {
            Column::Name => "Name",
            Column::Assignees => "Assignees",
            Column::Tags => "Tags",
            Column::Alerts => "Alerts",
            Column::Comments => "Comments",
            Column::Category => "Category",
            Column::CreatedAt => "Created on",
            Column::UpdatedAt => "Updated on",
            Column::ClosedAt => "Closed on",
            Column::ExternalIncident => "External incident",
            Column::Status => "Status",
            Column::Severity => "Severity",
            Column::Custom(_) => "",
        }
    }

    /// The `_find` sort field of a sortable column.
    pub fn sort_field(&self) -> Option<SortField> {
        match self {
            Column::Name => Some(SortField::Title),
            Column::Category => Some(SortField::Category),
            Column::CreatedAt => Some(SortField::CreatedAt),
            Column::UpdatedAt => Some(SortField::UpdatedAt),
            Column::ClosedAt => Some(SortField::ClosedAt),
            Column::Status => Some(SortField::Status),
            Column::Severity => Some(SortField::Severity),
            _ => None,
        }
    }

    /// Whether the column shows before the user chooses.
    pub fn default_visible(&self) -> bool {
        !matches!(self, Column::ClosedAt | Column::Custom(_))
    }

    /// Whether the picker may hide it.
    pub fn hideable(&self) -> bool {
        *self != Column::Name
    }

    /// Numbers are right-aligned.
    pub fn numeric(&self) -> bool {
        matches!(self, Column::Alerts | Column::Comments)
    }
}

/// The columns of a solution: the built-in ones then one per custom field.
pub fn all_columns(custom: &[CustomFieldDefinition]) -> Vec<(Column, String)> {
    Column::BUILT_IN
        .iter()
        .map(|c| (c.clone(), c.label().to_string()))
        .chain(
            custom
                .iter()
                .map(|f| (Column::Custom(f.key.clone()), f.label.clone())),
        )
        .collect()
}

/// Which columns are shown: stored choices, else defaults.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Visibility {
    choices: Vec<(String, bool)>,
}

impl Visibility {
    /// Parses a stored value (`id:1,id:0`); junk is ignored.
    pub fn parse(raw: &str) -> Self {
        let choices = raw
            .split(',')
            .filter_map(|p| {
                let (id, on) = p.split_once(':')?;
                let on = match on {
                    "1" => true,
                    "0" => false,
                    _ => return None,
                };
                (!id.is_empty()).then(|| (id.to_string(), on))
            })
            .collect();
        Self { choices }
    }

    /// The stored form.
    pub fn render(&self) -> String {
        self.choices
            .iter()
            .map(|(id, on)| format!("{id}:{}", u8::from(*on)))
            .collect::<Vec<_>>()
            .join(",")
    }

    /// Whether `col` is shown.
    pub fn shows(&self, col: &Column) -> bool {
        if !col.hideable() {
            return true;
        }
        let id = col.id();
        self.choices
            .iter()
            .find(|(i, _)| *i == id)
            .map_or_else(|| col.default_visible(), |(_, on)| *on)
    }

    /// Shows or hides `col`.
    pub fn set(&mut self, col: &Column, on: bool) {
        let id = col.id();
        self.choices.retain(|(i, _)| *i != id);
        if on != col.default_visible() {
            self.choices.push((id, on));
        }
    }
}

/// The "Columns" button and its checklist.
#[component]
pub fn ColumnPicker(
    /// Every column with its header text.
    columns: Signal<Vec<(Column, String)>>,
    /// The current choices; the picker updates them.
    visibility: RwSignal<Visibility>,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let shown = move || {
        columns.with(|cs| {
            cs.iter()
                .filter(|(c, _)| visibility.with(|v| v.shows(c)))
                .count()
        })
    };
    view! {
        <Popover open align_end=true>
            <PopoverTrigger slot>
                <button
                type="button"
                class="cb-btn cb-btn--empty cb-btn--small"
                aria-haspopup="true"
                aria-expanded=move || open.get().to_string()
                data-testid="column-picker"
                on:click=move |_| open.update(|o| *o = !*o)
            >
                {move || format!("Columns ({})", shown())}
                </button>
            </PopoverTrigger>
            {Suspend::new(super::lazy::column_panel(ColumnPanelProps { columns, visibility }))}
        </Popover>
    }
}

/// The open column checklist.
#[component]
pub fn ColumnPanel(
    /// Every column with its header text.
    columns: Signal<Vec<(Column, String)>>,
    /// The current choices; the panel updates them.
    visibility: RwSignal<Visibility>,
) -> impl IntoView {
    view! {
        <div class="cb-float__title">"Columns"</div>
        <ul class="cb-checklist" role="group" aria-label="Columns">
            {move || {
                columns
                    .get()
                    .into_iter()
                    .filter(|(c, _)| c.hideable())
                    .map(|(col, label)| {
                        let c2 = col.clone();
                        let id = col.id();
                        view! {
                            <li>
                                <label class="cb-checklist__item">
                                    <input
                                        type="checkbox"
                                        data-testid=format!("column-toggle-{id}")
                                        prop:checked=move || visibility.with(|v| v.shows(&col))
                                        on:change=move |ev| {
                                            let on = event_target_checked(&ev);
                                            visibility.update(|v| v.set(&c2, on));
                                        }
                                    />
                                    <span>{label}</span>
                                </label>
                            </li>
                        }
                    })
                    .collect_view()
            }}
        </ul>
        <button
            type="button"
            class="cb-btn cb-btn--link"
            on:click=move |_| visibility.set(Visibility::default())
        >
            "Reset to default"
        </button>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_hide_closed_on_and_custom_fields() {
        let v = Visibility::default();
        assert!(v.shows(&Column::Name));
        assert!(v.shows(&Column::Status));
        assert!(!v.shows(&Column::ClosedAt));
        assert!(!v.shows(&Column::Custom("k".into())));
    }

    #[test]
    fn choices_round_trip_and_only_differences_are_stored() {
        let mut v = Visibility::default();
        v.set(&Column::ClosedAt, true);
        v.set(&Column::Tags, false);
        v.set(&Column::Status, true);
        assert_eq!(v.render(), "closedAt:1,tags:0");
        let again = Visibility::parse(&v.render());
        assert_eq!(again, v);
        assert!(again.shows(&Column::ClosedAt));
        assert!(!again.shows(&Column::Tags));
        v.set(&Column::ClosedAt, false);
        assert_eq!(v.render(), "tags:0");
    }

    #[test]
    fn the_name_cannot_be_hidden_and_junk_is_ignored() {
        let v = Visibility::parse("name:0,bogus,severity:2,:1,cf.risk:1");
        assert!(v.shows(&Column::Name));
        assert!(v.shows(&Column::Severity));
        assert!(v.shows(&Column::Custom("risk".into())));
        assert_eq!(v.render(), "name:0,cf.risk:1");
    }

    #[test]
    fn sortable_columns_map_to_find_fields() {
        assert_eq!(Column::Name.sort_field(), Some(SortField::Title));
        assert_eq!(Column::Tags.sort_field(), None);
        assert_eq!(Column::Custom("x".into()).id(), "cf.x");
    }
}
