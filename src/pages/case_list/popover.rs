//! A popover anchored to a trigger, used by the filter buttons, the column picker and the action
//! menus of the case list.
//!
//! Rules: the panel is `position: fixed` next to its trigger (so the table's horizontal scroll
//! container cannot clip it), flips above the trigger or shifts left when it would leave the
//! viewport, follows the trigger on scroll and resize, closes on Escape (focus returns to the
//! trigger) and on a click outside; its first focusable element gets the focus when it opens.

use leptos::ev::KeyboardEvent;
use leptos::html::{Div, Span};
use leptos::prelude::*;

/// The element that opens the popover (usually a button toggling `open`).
#[slot]
pub struct PopoverTrigger {
    /// The trigger.
    children: ChildrenFn,
}

/// Where the panel goes, in viewport pixels.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Placement {
    /// Left edge.
    pub left: f64,
    /// Top edge.
    pub top: f64,
}

/// Places a `w`×`h` panel under the anchor `(left, top, right, bottom)`, aligned to its start
/// or end, inside a `vw`×`vh` viewport with an 8 px margin; above the anchor when there is no
/// room below but room above.
// Used by the browser glue below; natively only the tests call it.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub fn place(
    anchor: (f64, f64, f64, f64),
    size: (f64, f64),
    view: (f64, f64),
    end: bool,
) -> Placement {
    let (l, t, r, b) = anchor;
    let (w, h) = size;
    let (vw, vh) = view;
    let m = 8.0;
    let mut left = if end { r - w } else { l };
    left = left.min(vw - m - w).max(m);
    let below = b + 4.0;
    let top = if below + h > vh - m && t - 4.0 - h >= m {
        t - 4.0 - h
    } else {
        below
    };
    Placement { left, top }
}

#[cfg(target_arch = "wasm32")]
fn measure(trigger: &web_sys::Element, panel: &web_sys::Element, end: bool) -> Option<Placement> {
    // The viewport without its scrollbars (the page may scroll on <html> or on <body>).
    let w = web_sys::window()?;
    let doc = w.document()?;
    let root = doc.document_element()?;
    let body_w = doc.body().map_or(i32::MAX, |b| b.client_width());
    let vw = f64::from(root.client_width().min(body_w)).min(w.inner_width().ok()?.as_f64()?);
    let vh = f64::from(root.client_height()).min(w.inner_height().ok()?.as_f64()?);
    let a = trigger.get_bounding_client_rect();
    let p = panel.get_bounding_client_rect();
    Some(place(
        (a.left(), a.top(), a.right(), a.bottom()),
        (p.width(), p.height()),
        (vw, vh),
        end,
    ))
}

#[cfg(target_arch = "wasm32")]
fn focus_first(panel: &web_sys::Element) {
    use wasm_bindgen::JsCast;
    if let Ok(Some(el)) = panel.query_selector("input, button:not([disabled]), [tabindex='0']")
        && let Ok(el) = el.dyn_into::<web_sys::HtmlElement>()
    {
        let _ = el.focus();
    }
}

#[cfg(target_arch = "wasm32")]
fn focus_trigger(trigger: &web_sys::Element) {
    use wasm_bindgen::JsCast;
    if let Ok(Some(el)) = trigger.query_selector("button")
        && let Ok(el) = el.dyn_into::<web_sys::HtmlElement>()
    {
        let _ = el.focus();
    }
}

/// A trigger and, while `open`, a floating panel with `children`.
///
/// A closed popover costs one signal read: the panel, its effects and its window listeners
/// exist only while it is open (a table has one per row).
#[component]
pub fn Popover(
    /// Whether the panel is shown; the popover sets it to false when dismissed.
    open: RwSignal<bool>,
    /// Aligns the panel's right edge with the trigger's (for buttons at the right).
    #[prop(optional)]
    align_end: bool,
    /// Extra class on the panel.
    #[prop(optional, into)]
    class: String,
    /// `data-testid` of the panel.
    #[prop(optional, into)]
    test_id: String,
    /// The trigger.
    popover_trigger: PopoverTrigger,
    /// The panel's content.
    children: ChildrenFn,
) -> impl IntoView {
    let anchor = NodeRef::<Span>::new();
    let class = StoredValue::new(format!("cb-float {class}"));
    let test_id = StoredValue::new(test_id);
    let children = StoredValue::new(children);
    view! {
        <span class="cb-float-anchor" node_ref=anchor>
            {(popover_trigger.children)()}
            <Show when=move || open.get()>
                <FloatPanel
                    open
                    anchor
                    align_end
                    class=class.get_value()
                    test_id=test_id.get_value()
                    children=children.get_value()
                />
            </Show>
        </span>
    }
}

/// The open panel: placed next to `anchor`, dismissed by Escape or a click outside.
#[component]
fn FloatPanel(
    /// Set to false to close.
    open: RwSignal<bool>,
    /// The trigger's wrapper, to place the panel and give the focus back.
    anchor: NodeRef<Span>,
    /// Right-align with the trigger.
    align_end: bool,
    /// The panel's classes.
    class: String,
    /// `data-testid` of the panel.
    test_id: String,
    /// The content.
    children: ChildrenFn,
) -> impl IntoView {
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (align_end, anchor); // Only the browser measures and places the panel.
    let panel = NodeRef::<Div>::new();
    let placement = RwSignal::new(None::<Placement>);
    // Follows the trigger: on open, and on scroll and resize (a phone's keyboard resizes the
    // viewport when the panel's search field takes the focus, so closing then would be wrong).
    let place_now = move || {
        #[cfg(target_arch = "wasm32")]
        if let (Some(a), Some(p)) = (anchor.get_untracked(), panel.get_untracked()) {
            placement.set(measure(&a, &p, align_end));
        }
    };
    Effect::new(move |_| {
        if let Some(_p) = panel.get() {
            place_now();
            #[cfg(target_arch = "wasm32")]
            focus_first(&_p);
        }
    });
    let close = move || {
        open.set(false);
        #[cfg(target_arch = "wasm32")]
        if let Some(a) = anchor.get_untracked() {
            focus_trigger(&a);
        }
    };
    let dismiss = move || open.set(false);
    let scroll = window_event_listener(leptos::ev::scroll, move |_| place_now());
    let resize = window_event_listener(leptos::ev::resize, move |_| place_now());
    // Escape also closes when the focus left the panel (e.g. its focused button went away).
    let escape = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" {
            close();
        }
    });
    on_cleanup(move || {
        scroll.remove();
        resize.remove();
        escape.remove();
    });
    let style = move || match placement.get() {
        Some(p) => format!("left:{}px;top:{}px", p.left, p.top),
        // Measured on the next frame; hidden until then so it never flashes at 0,0.
        None => "left:0;top:0;visibility:hidden".into(),
    };
    let on_keydown = move |ev: KeyboardEvent| {
        if ev.key() == "Escape" {
            ev.stop_propagation();
            close();
        }
    };
    view! {
        <div class="cb-float__backdrop" on:click=move |_| dismiss()></div>
        <div
            class=class
            role="dialog"
            node_ref=panel
            style=style
            data-testid=test_id
            on:keydown=on_keydown
        >
            {children()}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const VIEW: (f64, f64) = (1000.0, 800.0);

    #[test]
    fn opens_below_aligned_to_the_start() {
        let p = place((100.0, 50.0, 180.0, 80.0), (200.0, 300.0), VIEW, false);
        assert_eq!(
            p,
            Placement {
                left: 100.0,
                top: 84.0
            }
        );
    }

    #[test]
    fn end_alignment_and_viewport_edges() {
        let p = place((900.0, 50.0, 980.0, 80.0), (200.0, 100.0), VIEW, true);
        assert_eq!(p.left, 780.0);
        // Start-aligned near the right edge shifts left to stay inside.
        let p = place((900.0, 50.0, 980.0, 80.0), (200.0, 100.0), VIEW, false);
        assert_eq!(p.left, 792.0);
        // End-aligned near the left edge stays inside too.
        let p = place((10.0, 50.0, 40.0, 80.0), (200.0, 100.0), VIEW, true);
        assert_eq!(p.left, 8.0);
    }

    #[test]
    fn flips_above_when_there_is_no_room_below() {
        let p = place((100.0, 700.0, 180.0, 730.0), (200.0, 300.0), VIEW, false);
        assert_eq!(p.top, 396.0);
        // No room above either: stays below.
        let p = place((100.0, 100.0, 180.0, 130.0), (200.0, 780.0), VIEW, false);
        assert_eq!(p.top, 134.0);
    }
}
