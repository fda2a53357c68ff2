//! The connectors table: name, type, how many cases use it, and the row actions (test, edit,
//! delete). On narrow screens each row becomes a card (see `style/settings.css`).

use casebook_api::actions::ActionConnector;
use casebook_api::connector::ConnectorType;
use leptos::prelude::*;

/// What people call a connector type id (the id itself for types cases don't know).
pub fn type_label(id: &str) -> String {
    ConnectorType::parse(id).map_or_else(|| id.to_string(), |t| t.label().to_string())
}

/// The table.
#[component]
pub fn ConnectorsTable(
    /// The connectors.
    connectors: Vec<ActionConnector>,
    /// Opens the edit flyout.
    on_edit: Callback<ActionConnector>,
    /// Opens the test tab.
    on_test: Callback<ActionConnector>,
    /// Asks to delete.
    on_delete: Callback<ActionConnector>,
    /// Whether the user may edit and delete (`actions` all); readers may only test.
    #[prop(into)]
    can_manage: Signal<bool>,
) -> impl IntoView {
    let rows = connectors
        .into_iter()
        .map(|c| {
            let (edit, test, delete, name_edit) = (c.clone(), c.clone(), c.clone(), c.clone());
            let used = c.referenced_by_count.unwrap_or(0);
            view! {
                <tr class="cb-table__row" data-testid="connector-row">
                    <td class="cb-table__cell" data-label="Name">
                        <button
                            type="button"
                            class="cb-btn cb-btn--link cb-table__name"
                            on:click=move |_| {
                                if can_manage.get_untracked() {
                                    on_edit.run(name_edit.clone())
                                } else {
                                    on_test.run(name_edit.clone())
                                }
                            }
                        >
                            {c.name.clone()}
                        </button>
                        {c.is_missing_secrets.then(|| view! { <span class="cb-badge cb-badge--warning">"Missing secrets"</span> })}
                    </td>
                    <td class="cb-table__cell" data-label="Type">{type_label(&c.connector_type_id)}</td>
                    <td class="cb-table__cell cb-table__cell--num" data-label="Used by" data-testid="connector-used-by">
                        {match used {
                            1 => "1 case".to_string(),
                            n => format!("{n} cases"),
                        }}
                    </td>
                    <td class="cb-table__cell cb-table__cell--actions" data-label="Actions">
                        <button
                            type="button"
                            class="cb-btn cb-btn--small cb-btn--empty"
                            aria-label=format!("Test {}", c.name)
                            data-testid="connector-test"
                            on:click=move |_| on_test.run(test.clone())
                        >
                            "Test"
                        </button>
                        <button
                            type="button"
                            class="cb-btn cb-btn--small cb-btn--empty"
                            hidden=move || !can_manage.get()
                            aria-label=format!("Edit {}", c.name)
                            data-testid="connector-edit"
                            on:click=move |_| on_edit.run(edit.clone())
                        >
                            "Edit"
                        </button>
                        <button
                            type="button"
                            class="cb-btn cb-btn--small cb-btn--empty cb-btn--danger"
                            hidden=move || !can_manage.get()
                            aria-label=format!("Delete {}", c.name)
                            data-testid="connector-delete"
                            on:click=move |_| on_delete.run(delete.clone())
                        >
                            "Delete"
                        </button>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="cb-table cb-connectors-table" data-testid="connectors-table">
            <thead>
                <tr>
                    <th scope="col" class="cb-table__head">"Name"</th>
                    <th scope="col" class="cb-table__head">"Type"</th>
                    <th scope="col" class="cb-table__head cb-table__cell--num">"Used by"</th>
                    <th scope="col" class="cb-table__head cb-table__cell--actions">
                        <span class="cb-visually-hidden">"Actions"</span>
                    </th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_have_kibana_labels() {
        assert_eq!(type_label(".servicenow-sir"), "ServiceNow SecOps");
        assert_eq!(type_label(".slack"), ".slack");
    }
}
