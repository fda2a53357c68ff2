//! Toasts: short messages in the corner for results and errors that must not block the page.
//! The [`Toaster`] is provided as context by `App`; anything can push to it.

use leptos::prelude::*;

/// How a toast looks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ToastKind {
    /// Something worked.
    Success,
    /// Something failed.
    Danger,
    /// Something to know.
    Info,
}

/// One toast.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Toast {
    id: u64,
    kind: ToastKind,
    title: String,
    text: Option<String>,
}

/// The toast queue.
#[derive(Clone, Copy)]
pub struct Toaster {
    toasts: RwSignal<Vec<Toast>>,
    next: StoredValue<u64>,
}

impl Default for Toaster {
    fn default() -> Self {
        Self::new()
    }
}

impl Toaster {
    /// An empty queue.
    pub fn new() -> Self {
        Self {
            toasts: RwSignal::new(vec![]),
            next: StoredValue::new(0),
        }
    }

    /// Pushes a toast; it disappears by itself after a few seconds (errors stay longer).
    pub fn push(&self, kind: ToastKind, title: impl Into<String>, text: Option<String>) {
        let id = self.next.get_value();
        self.next.set_value(id + 1);
        self.toasts.update(|t| {
            t.push(Toast {
                id,
                kind,
                title: title.into(),
                text,
            })
        });
        let toasts = self.toasts;
        let ms = if kind == ToastKind::Danger {
            10_000
        } else {
            5_000
        };
        set_timeout(
            move || toasts.update(|t| t.retain(|x| x.id != id)),
            std::time::Duration::from_millis(ms),
        );
    }

    /// A success toast.
    pub fn success(&self, title: impl Into<String>) {
        self.push(ToastKind::Success, title, None);
    }

    /// An error toast with the server's message.
    pub fn error(&self, title: impl Into<String>, detail: impl Into<String>) {
        self.push(ToastKind::Danger, title, Some(detail.into()));
    }

    fn dismiss(&self, id: u64) {
        self.toasts.update(|t| t.retain(|x| x.id != id));
    }
}

/// The toaster from context.
pub fn use_toaster() -> Toaster {
    expect_context::<Toaster>()
}

/// Renders the queue (once, in `App`).
#[component]
pub fn Toasts() -> impl IntoView {
    let toaster = use_toaster();
    view! {
        <div class="cb-toasts" role="region" aria-live="polite" aria-label="Notifications">
            <For each=move || toaster.toasts.get() key=|t| t.id let:t>
                <div
                    class="cb-toast"
                    class:cb-toast--success=t.kind == ToastKind::Success
                    class:cb-toast--danger=t.kind == ToastKind::Danger
                    role=if t.kind == ToastKind::Danger { "alert" } else { "status" }
                    data-testid="toast"
                >
                    <div class="cb-toast__title">{t.title.clone()}</div>
                    {t.text.clone().map(|x| view! { <div class="cb-toast__text">{x}</div> })}
                    <button
                        class="cb-toast__close"
                        aria-label="Dismiss"
                        on:click=move |_| toaster.dismiss(t.id)
                    >
                        "×"
                    </button>
                </div>
            </For>
        </div>
    }
}
