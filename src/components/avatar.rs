//! [`Avatar`]: initials on a coloured circle (users) or rounded square (spaces), like EUI's.
//! The colour is derived from the name so a person keeps the same colour everywhere; pure
//! helpers ([`initials`], [`avatar_color`], [`display_name`]) are unit tested.

use casebook_api::user::User;
use leptos::prelude::*;

/// EUI's visualisation palette (the colours Kibana gives user avatars).
const PALETTE: [&str; 10] = [
    "#54B399", "#6092C0", "#D36086", "#9170B8", "#CA8EAE", "#D6BF57", "#B9A888", "#DA8B45",
    "#AA6556", "#E7664C",
];

/// How a user is named in the UI: full name, else username, else e-mail, else "Unknown".
pub fn display_name(user: &User) -> String {
    [&user.full_name, &user.username, &user.email]
        .into_iter()
        .flatten()
        .map(|s| s.trim())
        .find(|s| !s.is_empty())
        .unwrap_or("Unknown")
        .to_string()
}

/// Up to two initials: the first letters of the first two words ("Jane Doe" → "JD"), or the first
/// letter of a single word ("elastic" → "E"). An e-mail uses the part before `@`.
pub fn initials(name: &str) -> String {
    let name = name.split('@').next().unwrap_or(name);
    let mut words = name
        .split(|c: char| c.is_whitespace() || c == '.' || c == '_' || c == '-')
        .filter(|w| !w.is_empty());
    let first = words.next().and_then(|w| w.chars().next());
    let second = words.next().and_then(|w| w.chars().next());
    let out: String = first
        .into_iter()
        .chain(second)
        .flat_map(char::to_uppercase)
        .take(2)
        .collect();
    if out.is_empty() { "?".into() } else { out }
}

/// The background colour for a name: stable (a hash of the name into [`PALETTE`]).
pub fn avatar_color(name: &str) -> &'static str {
    // FNV-1a: stable across builds and platforms.
    let mut h: u32 = 0x811c_9dc5;
    for b in name.bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    PALETTE[(h as usize) % PALETTE.len()]
}

/// Black or white, whichever reads better on `#rrggbb` (white for anything unparsable).
pub fn text_color_on(bg: &str) -> &'static str {
    let hex = bg.trim_start_matches('#');
    let channel = |i: usize| {
        hex.get(i..i + 2)
            .and_then(|c| u8::from_str_radix(c, 16).ok())
            .map(|v| f64::from(v) / 255.0)
    };
    match (hex.len(), channel(0), channel(2), channel(4)) {
        (6, Some(r), Some(g), Some(b)) => {
            let luminance = 0.299 * r + 0.587 * g + 0.114 * b;
            if luminance > 0.6 {
                "#000000"
            } else {
                "#ffffff"
            }
        }
        _ => "#ffffff",
    }
}

/// Avatar shape and size.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum AvatarKind {
    /// A circle (people).
    #[default]
    User,
    /// A rounded square (spaces).
    Space,
}

/// Avatar size.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum AvatarSize {
    /// 16px, inline in text.
    Small,
    /// 24px (the default).
    #[default]
    Medium,
    /// 32px.
    Large,
}

/// Initials on a coloured background.
#[component]
pub fn Avatar(
    /// The name the initials and colour come from (also the tooltip).
    #[prop(into)]
    name: Signal<String>,
    /// Explicit initials (a space's), instead of deriving them from `name`.
    #[prop(optional, into)]
    initials_override: Option<Signal<Option<String>>>,
    /// Explicit background `#rrggbb` (a space's), instead of deriving it from `name`.
    #[prop(optional, into)]
    color: Option<Signal<Option<String>>>,
    /// Circle (user, default) or rounded square (space).
    #[prop(optional)]
    kind: AvatarKind,
    /// Size (default medium).
    #[prop(optional)]
    size: AvatarSize,
    /// Hides the avatar from screen readers when the name is printed next to it.
    #[prop(optional)]
    decorative: bool,
) -> impl IntoView {
    let bg = move || {
        color
            .and_then(|c| c.get())
            .unwrap_or_else(|| avatar_color(&name.get()).to_string())
    };
    let text = move || {
        initials_override
            .and_then(|i| i.get())
            .filter(|i| !i.trim().is_empty())
            .unwrap_or_else(|| initials(&name.get()))
    };
    let class = format!(
        "cb-avatar {} {}",
        match kind {
            AvatarKind::User => "cb-avatar--user",
            AvatarKind::Space => "cb-avatar--space",
        },
        match size {
            AvatarSize::Small => "cb-avatar--s",
            AvatarSize::Medium => "cb-avatar--m",
            AvatarSize::Large => "cb-avatar--l",
        }
    );
    view! {
        <span
            class=class
            style=move || {
                let bg = bg();
                format!("background-color: {bg}; color: {}", text_color_on(&bg))
            }
            title=move || name.get()
            role=(!decorative).then_some("img")
            aria-label=move || (!decorative).then(|| name.get())
            aria-hidden=decorative.then_some("true")
        >
            {text}
        </span>
    }
}

/// A user's avatar (name from [`display_name`]).
#[component]
pub fn UserAvatar(
    /// The user.
    #[prop(into)]
    user: Signal<User>,
    /// Size (default medium).
    #[prop(optional)]
    size: AvatarSize,
    /// Hides the avatar from screen readers when the name is printed next to it.
    #[prop(optional)]
    decorative: bool,
) -> impl IntoView {
    view! { <Avatar name=Signal::derive(move || display_name(&user.get())) size decorative/> }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user(full: Option<&str>, username: Option<&str>, email: Option<&str>) -> User {
        User {
            full_name: full.map(Into::into),
            username: username.map(Into::into),
            email: email.map(Into::into),
            profile_uid: None,
        }
    }

    #[test]
    fn initials_take_first_letters_of_two_words() {
        assert_eq!(initials("Jane Doe"), "JD");
        assert_eq!(initials("jane van doe"), "JV");
        assert_eq!(initials("elastic"), "E");
        assert_eq!(initials("jane.doe@example.com"), "JD");
        assert_eq!(initials("  "), "?");
        assert_eq!(initials("émile zola"), "ÉZ");
    }

    #[test]
    fn display_name_prefers_full_name() {
        assert_eq!(
            display_name(&user(Some("Jane Doe"), Some("jd"), None)),
            "Jane Doe"
        );
        assert_eq!(display_name(&user(Some(" "), Some("jd"), None)), "jd");
        assert_eq!(display_name(&user(None, None, Some("a@b.c"))), "a@b.c");
        assert_eq!(display_name(&user(None, None, None)), "Unknown");
    }

    #[test]
    fn colours_are_stable_and_readable() {
        assert_eq!(avatar_color("elastic"), avatar_color("elastic"));
        assert!(PALETTE.contains(&avatar_color("someone else")));
        assert_eq!(text_color_on("#ffffff"), "#000000");
        assert_eq!(text_color_on("#000000"), "#ffffff");
        assert_eq!(text_color_on("nonsense"), "#ffffff");
    }
}
