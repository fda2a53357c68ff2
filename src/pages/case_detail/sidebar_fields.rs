//! Sidebar blocks edited in place: tags, category and the owner's custom fields. Each shows its
//! value and a pencil; editing validates with the API's messages and keeps the typed value when
//! the save fails (a 409 raises the page's conflict banner).

use super::sidebar::SideBlock;
use super::state::CaseCtx;
use crate::components::Tag;
use crate::components::custom_field::{CustomFieldInput, FieldDraft, display_value, field_value};
use crate::components::tag_input::TagInput;
use casebook_api::configure::{CustomFieldDefinition, CustomFieldType};
use casebook_api::validate::{check_category, check_tags};
use leptos::prelude::*;

/// Save / Cancel under an inline editor.
#[component]
fn EditActions(
    /// Saves.
    on_save: Callback<()>,
    /// Leaves without saving.
    on_cancel: Callback<()>,
    /// A save is running.
    #[prop(into)]
    pending: Signal<bool>,
    /// `data-testid` of the Save button.
    #[prop(into)]
    save_id: String,
) -> impl IntoView {
    view! {
        <div class="cb-editor-actions cb-editor-actions--compact">
            <button type="button" class="cb-btn cb-btn--empty cb-btn--small" on:click=move |_| on_cancel.run(())>
                "Cancel"
            </button>
            <button type="button" class="cb-btn cb-btn--fill cb-btn--small" data-testid=save_id
                disabled=move || pending.get() on:click=move |_| on_save.run(())>
                "Save"
            </button>
        </div>
    }
}

/// A pencil button.
fn pencil(
    label: &'static str,
    test_id: &'static str,
    on: impl Fn() + Send + Sync + 'static,
) -> impl IntoView {
    view! {
        <button type="button" class="cb-icon-btn cb-icon-btn--small" aria-label=label data-testid=test_id on:click=move |_| on()>
            "✎"
        </button>
    }
}

/// Tags: badges, edited with the tag input.
#[component]
pub fn TagsBlock(ctx: CaseCtx) -> impl IntoView {
    let editing = RwSignal::new(false);
    let draft = RwSignal::new(Vec::<String>::new());
    let error = RwSignal::new(None::<String>);
    let owner = ctx.case.with_untracked(|c| c.owner);
    let options = LocalResource::new(move || {
        let c = ctx.client.get();
        async move { c.tags(owner).await.unwrap_or_default() }
    });
    let save = Action::new_local(move |tags: &Vec<String>| {
        let tags = tags.clone();
        async move {
            if ctx
                .patch("change the tags", |p| p.tags = Some(tags))
                .await
                .is_ok()
            {
                editing.set(false);
            }
        }
    });
    let on_save = Callback::new(move |_| match check_tags(&draft.get_untracked()) {
        Err(e) => error.set(Some(e.message)),
        Ok(t) if ctx.case.with_untracked(|c| c.tags == t) => editing.set(false),
        Ok(t) => {
            error.set(None);
            save.dispatch(t);
        }
    });
    let start = move || {
        draft.set(ctx.case.with_untracked(|c| c.tags.clone()));
        error.set(None);
        editing.set(true);
    };
    view! {
        <SideBlock title="Tags" test_id="sidebar-tags"
            actions=std::sync::Arc::new(move || view! { <Show when=move || !editing.get() && ctx.can_update()>{pencil("Edit tags", "edit-tags", start)}</Show> }.into_any())>
            <Show
                when=move || editing.get()
                fallback=move || view! {
                    <div class="cb-tags" data-testid="tags">
                        {move || ctx.case.with(|c| c.tags.clone()).into_iter()
                            .map(|t| view! { <Tag label=t/> }).collect_view()}
                        <Show when=move || ctx.case.with(|c| c.tags.is_empty())>
                            <span class="cb-text-subdued">"No tags"</span>
                        </Show>
                    </div>
                }
            >
                <label class="cb-visually-hidden" for="cb-sidebar-tags">"Tags"</label>
                <TagInput values=draft id="cb-sidebar-tags" test_id="tags-input" placeholder="Add tags"
                    suggestions=Signal::derive(move || options.get().unwrap_or_default())
                    invalid=Signal::derive(move || error.with(Option::is_some))
                    described_by="cb-sidebar-tags-error"/>
                {move || error.get().map(|e| view! { <div class="cb-field__error" id="cb-sidebar-tags-error">{e}</div> })}
                <EditActions on_save on_cancel=Callback::new(move |_| editing.set(false))
                    pending=save.pending() save_id="tags-save"/>
            </Show>
        </SideBlock>
    }
}

/// The category: text with suggestions, or removed.
#[component]
pub fn CategoryBlock(ctx: CaseCtx) -> impl IntoView {
    let editing = RwSignal::new(false);
    let draft = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let owner = ctx.case.with_untracked(|c| c.owner);
    let options = LocalResource::new(move || {
        let c = ctx.client.get();
        async move { c.categories(owner).await.unwrap_or_default() }
    });
    let save = Action::new_local(move |cat: &Option<String>| {
        let cat = cat.clone();
        async move {
            if ctx
                .patch("change the category", |p| p.category = Some(cat))
                .await
                .is_ok()
            {
                editing.set(false);
            }
        }
    });
    let on_save = Callback::new(move |_| {
        let text = draft.get_untracked();
        let value = if text.trim().is_empty() {
            Ok(None)
        } else {
            check_category(&text).map(Some)
        };
        match value {
            Err(e) => error.set(Some(e.message)),
            Ok(v) if ctx.case.with_untracked(|c| c.category == v) => editing.set(false),
            Ok(v) => {
                error.set(None);
                save.dispatch(v);
            }
        }
    });
    let start = move || {
        draft.set(
            ctx.case
                .with_untracked(|c| c.category.clone().unwrap_or_default()),
        );
        error.set(None);
        editing.set(true);
    };
    view! {
        <SideBlock title="Category" test_id="sidebar-category"
            actions=std::sync::Arc::new(move || view! { <Show when=move || !editing.get() && ctx.can_update()>{pencil("Edit category", "edit-category", start)}</Show> }.into_any())>
            <Show
                when=move || editing.get()
                fallback=move || view! {
                    <p class="cb-side-block__value" data-testid="category">
                        {move || ctx.case.with(|c| c.category.clone()).unwrap_or_else(|| "No category".into())}
                    </p>
                }
            >
                <input class="cb-input" type="text" list="cb-sidebar-category-options" aria-label="Category"
                    placeholder="Leave empty for none" data-testid="category-input"
                    aria-invalid=move || error.with(Option::is_some).to_string()
                    bind:value=draft/>
                <datalist id="cb-sidebar-category-options">
                    {move || options.get().unwrap_or_default().into_iter().map(|c| view! { <option value=c></option> }).collect_view()}
                </datalist>
                {move || error.get().map(|e| view! { <div class="cb-field__error">{e}</div> })}
                <EditActions on_save on_cancel=Callback::new(move |_| editing.set(false))
                    pending=save.pending() save_id="category-save"/>
            </Show>
        </SideBlock>
    }
}

/// The owner's custom fields, each editable.
#[component]
pub fn CustomFieldsBlock(ctx: CaseCtx) -> impl IntoView {
    let defs = move || {
        ctx.config
            .get()
            .flatten()
            .map(|c| c.custom_fields)
            .unwrap_or_default()
    };
    view! {
        {move || {
            let defs = defs();
            (!defs.is_empty()).then(|| view! {
                <section class="cb-side-block" data-testid="sidebar-custom-fields">
                    <div class="cb-side-block__header"><h3 class="cb-side-block__title">"Custom fields"</h3></div>
                    {defs.into_iter().map(|def| view! { <CustomFieldRow ctx def/> }).collect_view()}
                </section>
            })
        }}
    }
}

/// One custom field: a switch that saves at once, or a value with an inline editor.
#[component]
fn CustomFieldRow(ctx: CaseCtx, def: CustomFieldDefinition) -> impl IntoView {
    let def = StoredValue::new(def);
    let current = Memo::new(move |_| {
        let key = def.with_value(|d| d.key.clone());
        ctx.case
            .with(|c| c.custom_fields.iter().find(|f| f.key() == key).cloned())
    });
    let editing = RwSignal::new(false);
    let draft = RwSignal::new(FieldDraft::Text(String::new()));
    let error = RwSignal::new(None::<String>);
    let save = Action::new_local(move |d: &FieldDraft| {
        let d = d.clone();
        async move {
            match def.with_value(|def| field_value(def, &d)) {
                Err(e) => error.set(Some(e)),
                Ok(v) => {
                    error.set(None);
                    if ctx
                        .patch("change the custom field", |p| {
                            p.custom_fields = Some(vec![v])
                        })
                        .await
                        .is_ok()
                    {
                        editing.set(false);
                    }
                }
            }
        }
    });
    let id = def.with_value(|d| format!("cb-sidebar-cf-{}", d.key));
    let label = def.with_value(|d| d.label.clone());
    if def.with_value(|d| d.kind) == CustomFieldType::Toggle {
        // A switch saves on change; the draft follows the case.
        Effect::new(move |_| {
            draft.set(FieldDraft::from_value(
                &def.get_value(),
                current.get().as_ref(),
            ))
        });
        Effect::new(move |prev: Option<FieldDraft>| {
            let d = draft.get();
            if prev.is_some_and(|p| p != d)
                && d != FieldDraft::from_value(&def.get_value(), current.get_untracked().as_ref())
            {
                save.dispatch(d.clone());
            }
            d
        });
        return view! {
            <div class="cb-side-field" data-testid=format!("cf-{}", def.with_value(|d| d.key.clone()))>
                <fieldset class="cb-bare-fieldset" disabled=move || !ctx.can_update()>
                    <CustomFieldInput def=def.get_value() draft id error/>
                </fieldset>
            </div>
        }
        .into_any();
    }
    let start = move || {
        draft.set(FieldDraft::from_value(
            &def.get_value(),
            current.get_untracked().as_ref(),
        ));
        error.set(None);
        editing.set(true);
    };
    view! {
        <div class="cb-side-field" data-testid=format!("cf-{}", def.with_value(|d| d.key.clone()))>
            <div class="cb-side-field__header">
                <label class="cb-side-field__label" for=id.clone()>{label}</label>
                <Show when=move || !editing.get() && ctx.can_update()>{pencil("Edit field", "edit-custom-field", start)}</Show>
            </div>
            <Show
                when=move || editing.get()
                fallback=move || view! { <p class="cb-side-block__value">{move || display_value(current.get().as_ref())}</p> }
            >
                <CustomFieldInput def=def.get_value() draft id=id.clone() error/>
                <EditActions on_save=Callback::new(move |_| { save.dispatch(draft.get_untracked()); })
                    on_cancel=Callback::new(move |_| editing.set(false))
                    pending=save.pending() save_id="custom-field-save"/>
            </Show>
        </div>
    }
    .into_any()
}
