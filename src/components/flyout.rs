//! A flyout: a panel sliding over the right side of the page for a focused task (editing a custom
//! field, creating a connector), like EUI's `EuiFlyout`. It is a modal dialog: Escape or the
//! close button call `on_close`, focus moves into the panel when it opens and goes back to where
//! it was when it closes, and Tab stays inside the panel. The parent decides when to render it (usually inside a `<Show>`).
//!
//! Layout: a header with the title, a scrolling body (`children`) and an optional footer, which
//! the parent fills with [`FlyoutFooter`] so the actions stay visible while the body scrolls.

use super::focus::{active_element, trap_tab};
use leptos::ev::KeyboardEvent;
use leptos::html::Div;
use leptos::prelude::*;

/// The panel.
#[component]
pub fn Flyout(
    /// The heading.
    #[prop(into)]
    title: Signal<String>,
    /// Called on Escape, the close button or a click on the backdrop.
    on_close: Callback<()>,
    /// `data-testid` of the panel.
    #[prop(optional, into)]
    test_id: String,
    /// Id of the heading (the panel's accessible name); unique per page.
    #[prop(default = "cb-flyout-title".into(), into)]
    title_id: String,
    /// Wider panel for long forms.
    #[prop(optional)]
    wide: bool,
    /// The body, then optionally a [`FlyoutFooter`].
    children: Children,
) -> impl IntoView {
    let panel = NodeRef::<Div>::new();
    // Owned locally (DOM nodes are not Send); cleanups run before the owner drops its values.
    let previous = StoredValue::new_local(None::<web_sys::HtmlElement>);
    panel.on_load(move |el| {
        previous.set_value(active_element());
        let _ = el.focus();
    });
    on_cleanup(move || {
        if let Some(Some(el)) = previous.try_with_value(Clone::clone)
            && el.is_connected()
        {
            let _ = el.focus();
        }
    });
    // Escape is heard on the window: focus may have left the panel (a button that became
    // disabled while saving drops it on <body>). Dialogs on top handle their own Escape first.
    let escape = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" && !ev.default_prevented() {
            ev.prevent_default();
            on_close.run(());
        }
    });
    on_cleanup(move || escape.remove());
    let on_keydown = move |ev: KeyboardEvent| {
        if let Some(el) = panel.get_untracked() {
            trap_tab(&el, &ev);
        }
    };
    let labelled_by = title_id.clone();
    view! {
        <div class="cb-flyout-overlay" on:click=move |_| on_close.run(())></div>
        <div
            class="cb-flyout"
            class:cb-flyout--wide=wide
            role="dialog"
            aria-modal="true"
            aria-labelledby=labelled_by
            tabindex="-1"
            data-testid=test_id
            node_ref=panel
            on:keydown=on_keydown
        >
            <div class="cb-flyout__header">
                <h2 class="cb-flyout__title" id=title_id>{move || title.get()}</h2>
                <button
                    type="button"
                    class="cb-flyout__close"
                    aria-label="Close"
                    on:click=move |_| on_close.run(())
                >
                    "×"
                </button>
            </div>
            {children()}
        </div>
    }
}

/// The bottom bar of a [`Flyout`]: secondary actions on the left, primary on the right.
#[component]
pub fn FlyoutFooter(
    /// The buttons.
    children: Children,
) -> impl IntoView {
    view! { <div class="cb-flyout__footer">{children()}</div> }
}

/// The scrolling body of a [`Flyout`].
#[component]
pub fn FlyoutBody(
    /// The content.
    children: Children,
) -> impl IntoView {
    view! { <div class="cb-flyout__body">{children()}</div> }
}
