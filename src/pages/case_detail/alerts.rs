//! The Alerts tab: the alerts attached to the case, oldest first, with their index and when they
//! were attached.

use super::state::CaseCtx;
use super::time::When;
use leptos::prelude::*;

/// The list of attached alerts.
#[component]
pub fn AlertsTab(
    /// The case state.
    ctx: CaseCtx,
) -> impl IntoView {
    let alerts = LocalResource::new(move || {
        ctx.writes.track();
        ctx.reloads.track();
        let c = ctx.client.get();
        let id = ctx.id();
        async move { c.case_alerts(&id).await }
    });
    view! {
        <section class="cb-panel" aria-label="Alerts" data-testid="alerts-tab">
            <Transition fallback=|| view! { <div class="cb-skeleton cb-skeleton--card"></div> }>
                {move || alerts.get().map(|r| match r {
                    Err(e) => view! {
                        <div class="cb-callout cb-callout--danger" role="alert">{e.message()}</div>
                    }.into_any(),
                    Ok(list) if list.is_empty() => view! {
                        <div class="cb-empty">
                            <h2 class="cb-empty__title">"No alerts"</h2>
                            <p class="cb-text-subdued">"Alerts attached to this case from the Alerts page or a rule appear here."</p>
                        </div>
                    }.into_any(),
                    Ok(list) => view! {
                        <div class="cb-table-wrap">
                            <table class="cb-table">
                                <caption class="cb-visually-hidden">"Attached alerts"</caption>
                                <thead><tr><th scope="col">"Alert ID"</th><th scope="col">"Index"</th><th scope="col">"Attached"</th></tr></thead>
                                <tbody>
                                    {list.into_iter().map(|a| view! {
                                        <tr data-testid="alert-row">
                                            <td class="cb-mono">{a.id}</td>
                                            <td>{a.index}</td>
                                            <td><When at=a.attached_at/></td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </div>
                    }.into_any(),
                })}
            </Transition>
        </section>
    }
}
