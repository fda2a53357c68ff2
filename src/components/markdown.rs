//! Safe Markdown: case descriptions and comments rendered with pulldown-cmark.
//!
//! Rules, whatever a title, description or comment contains:
//! - raw HTML (blocks and inline tags) is shown as escaped text, never injected;
//! - links and images keep only `http:`, `https:`, `mailto:` or relative URLs; anything else
//!   (`javascript:`, `data:`, `vbscript:`, unknown schemes) loses its link and keeps its text;
//! - links open with `rel="noopener noreferrer nofollow"`; external ones in a new tab.
//!
//! The output is therefore safe for `inner_html`. No HTML sanitizer is needed in the wasm: the
//! renderer never emits markup that did not come from Markdown syntax.

use leptos::prelude::*;
use pulldown_cmark::{CowStr, Event, LinkType, Options, Parser, Tag, TagEnd};

/// The URL schemes links and images may use. Relative URLs (no scheme) are also allowed.
const ALLOWED_SCHEMES: [&str; 3] = ["http", "https", "mailto"];

/// Returns the URL to use for a link or image, or `None` when it must be dropped.
///
/// Browsers ignore tabs and newlines anywhere in a URL and leading control characters or spaces,
/// so `java\tscript:` is a `javascript:` URL: those are removed before the scheme is read. A
/// colon before the first `/`, `?` or `#` marks a scheme, which must be one of
/// [`ALLOWED_SCHEMES`].
pub fn safe_url(url: &str) -> Option<String> {
    let cleaned: String = url
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect::<String>()
        .trim_matches(|c: char| c.is_control() || c == ' ')
        .to_string();
    let end = cleaned.find(['/', '?', '#']).unwrap_or(cleaned.len());
    match cleaned[..end].find(':') {
        None => Some(cleaned),
        Some(i) => {
            let scheme = cleaned[..i].to_ascii_lowercase();
            ALLOWED_SCHEMES
                .contains(&scheme.as_str())
                .then_some(cleaned)
        }
    }
}

/// Escapes text for an HTML attribute value in double quotes.
fn escape_attr(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The opening `<a>` for a vetted URL. External links open in a new tab.
fn anchor(href: &str, title: &str) -> String {
    let external = href.contains(':') || href.starts_with("//");
    let mut a = format!("<a href=\"{}\"", escape_attr(href));
    if !title.is_empty() {
        a.push_str(&format!(" title=\"{}\"", escape_attr(title)));
    }
    a.push_str(" rel=\"noopener noreferrer nofollow\"");
    if external {
        a.push_str(" target=\"_blank\"");
    }
    a.push('>');
    a
}

/// Renders Markdown to HTML that is safe to inject (see the module rules).
pub fn render_markdown(src: &str) -> String {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_GFM;
    // Whether each open link / image was kept, so its end tag follows the same choice.
    let mut links: Vec<bool> = Vec::new();
    let mut images: Vec<bool> = Vec::new();
    let events = Parser::new_ext(src, options).filter_map(|event| match event {
        // Raw HTML becomes text: push_html escapes Text.
        Event::Html(h) | Event::InlineHtml(h) => Some(Event::Text(h)),
        Event::Start(Tag::HtmlBlock) => Some(Event::Start(Tag::Paragraph)),
        Event::End(TagEnd::HtmlBlock) => Some(Event::End(TagEnd::Paragraph)),
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            ..
        }) => {
            let href = if link_type == LinkType::Email {
                format!("mailto:{dest_url}")
            } else {
                dest_url.to_string()
            };
            let kept = safe_url(&href);
            links.push(kept.is_some());
            // The anchor is built here from escaped parts; it is the only raw HTML emitted.
            kept.map(|h| Event::InlineHtml(CowStr::from(anchor(&h, &title))))
        }
        Event::End(TagEnd::Link) => links
            .pop()
            .unwrap_or(false)
            .then_some(Event::InlineHtml(CowStr::Borrowed("</a>"))),
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) => match safe_url(&dest_url) {
            Some(url) => {
                images.push(true);
                Some(Event::Start(Tag::Image {
                    link_type,
                    dest_url: CowStr::from(url),
                    title,
                    id,
                }))
            }
            None => {
                // The alt text stays as plain text.
                images.push(false);
                None
            }
        },
        Event::End(TagEnd::Image) => images.pop().unwrap_or(false).then_some(event),
        other => Some(other),
    });
    let mut html = String::with_capacity(src.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events);
    html
}

/// Markdown shown as formatted text (a description or a comment).
#[component]
pub fn Markdown(
    /// The Markdown source.
    #[prop(into)]
    text: Signal<String>,
    /// Extra classes for the wrapper.
    #[prop(optional, into)]
    class: String,
) -> impl IntoView {
    let html = Memo::new(move |_| text.with(|t| render_markdown(t)));
    view! { <div class=format!("cb-markdown {class}") inner_html=move || html.get()></div> }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// No executable markup: no `<script`, no event-handler attribute, no dangerous URL.
    fn assert_inert(html: &str) {
        let lower = html.to_ascii_lowercase();
        assert!(!lower.contains("<script"), "script tag in {html}");
        assert!(!lower.contains("<img src=\"x\""), "raw img in {html}");
        assert!(!lower.contains("<iframe"), "iframe in {html}");
        assert!(!lower.contains("<svg"), "svg in {html}");
        assert!(!lower.contains("href=\"javascript"), "js href in {html}");
        assert!(!lower.contains("src=\"javascript"), "js src in {html}");
        assert!(!lower.contains("href=\"data:"), "data href in {html}");
        assert!(!lower.contains("src=\"data:"), "data src in {html}");
        assert!(!lower.contains("href=\"vbscript"), "vbscript in {html}");
        // Event handlers can only appear inside a tag; every `<` we emit starts a known tag.
        for (i, _) in lower.match_indices('<') {
            let tag = &lower[i..lower[i..].find('>').map(|j| i + j).unwrap_or(lower.len())];
            // Attribute values are quoted and escaped: only names outside quotes count.
            let names: String = tag.split('"').step_by(2).collect();
            assert!(!names.contains(" on"), "event handler attribute in {tag}");
        }
    }

    #[test]
    fn script_tags_are_text() {
        let html = render_markdown("hello <script>alert(1)</script>");
        assert_inert(&html);
        assert!(
            html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{html}"
        );
    }

    #[test]
    fn html_blocks_are_text() {
        let html = render_markdown("<div onclick=\"x()\">\n<script>alert(1)</script>\n</div>");
        assert_inert(&html);
        assert!(html.contains("&lt;div onclick="), "{html}");
        assert!(html.starts_with("<p>"), "{html}");
    }

    #[test]
    fn img_onerror_is_text() {
        let html = render_markdown("<img src=x onerror=window.__pwned=1>");
        assert_inert(&html);
        assert!(
            html.contains("&lt;img src=x onerror=window.__pwned=1&gt;"),
            "{html}"
        );
        let inline = render_markdown("before <img src=x onerror=alert(1)> after");
        assert_inert(&inline);
    }

    #[test]
    fn javascript_links_keep_only_their_text() {
        for src in [
            "[x](javascript:alert(1))",
            "[x](JavaScript:alert(1))",
            "[x](  javascript:alert(1))",
            "[x](java&#x09;script:alert(1))",
            "[x](&#106;avascript:alert(1))",
            "[x](vbscript:msgbox)",
            "[x](data:text/html;base64,PHNjcmlwdD4=)",
            "[x][r]\n\n[r]: javascript:alert(1)",
        ] {
            let html = render_markdown(src);
            assert_inert(&html);
            assert!(!html.contains("<a"), "{src} -> {html}");
            assert!(html.contains('x'), "{src} -> {html}");
        }
    }

    #[test]
    fn dangerous_images_keep_only_their_alt_text() {
        let html =
            render_markdown("![alt text](javascript:alert(1)) ![b](data:image/png;base64,AA)");
        assert_inert(&html);
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("alt text"), "{html}");
        let ok = render_markdown("![pic](https://example.com/a.png \"t\")");
        assert!(
            ok.contains("<img src=\"https://example.com/a.png\" alt=\"pic\" title=\"t\" />"),
            "{ok}"
        );
    }

    #[test]
    fn autolinks() {
        let html = render_markdown("<javascript:alert(1)> and <https://example.com> and <a@b.co>");
        assert_inert(&html);
        assert!(html.contains("javascript:alert(1)"), "text kept: {html}");
        assert!(
            html.contains("<a href=\"https://example.com\" rel=\"noopener noreferrer nofollow\" target=\"_blank\">https://example.com</a>"),
            "{html}"
        );
        assert!(html.contains("<a href=\"mailto:a@b.co\""), "{html}");
        let gfm = render_markdown("see www.example.com or https://x.org");
        assert_inert(&gfm);
    }

    #[test]
    fn safe_links_survive_with_escaped_attributes() {
        let html = render_markdown("[a](https://e.com/?q=\"><script> \"ti\\\"tle\")");
        assert_inert(&html);
        let rel = render_markdown("[case](/app/security/cases/abc)");
        assert!(
            rel.contains(
                "<a href=\"/app/security/cases/abc\" rel=\"noopener noreferrer nofollow\">case</a>"
            ),
            "{rel}"
        );
        let title = render_markdown("[a](https://e.com \"x\\\" onmouseover=\\\"alert(1)\")");
        assert_inert(&title);
        assert!(
            title.contains("title=\"x&quot; onmouseover=&quot;alert(1)\""),
            "{title}"
        );
    }

    #[test]
    fn html_in_code_stays_code() {
        let html = render_markdown(
            "`<b>x</b>`\n\n```\n<script>alert(1)</script>\n```\n\n    <i>indented</i>",
        );
        assert_inert(&html);
        assert!(html.contains("<code>&lt;b&gt;x&lt;/b&gt;</code>"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
        assert!(html.contains("&lt;i&gt;indented&lt;/i&gt;"), "{html}");
    }

    #[test]
    fn nested_html_in_links_and_emphasis() {
        let html =
            render_markdown("**<img src=x onerror=alert(1)>** [<script>x</script>](https://a.b)");
        assert_inert(&html);
        let nested = render_markdown("[outer [inner](javascript:a)](https://ok.com)");
        assert_inert(&nested);
        let unbalanced = render_markdown("[a](javascript:x) [b](https://ok) [c](vbscript:y)");
        assert_inert(&unbalanced);
        assert_eq!(
            unbalanced.matches("<a ").count(),
            unbalanced.matches("</a>").count()
        );
    }

    #[test]
    fn ordinary_markdown_renders() {
        let html = render_markdown(
            "# Title\n\n*em* **strong** ~~del~~\n\n- [x] done\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n> quoted",
        );
        assert!(html.contains("<h1>Title</h1>"));
        assert!(html.contains("<em>em</em>"));
        assert!(html.contains("<del>del</del>"));
        assert!(html.contains("<table>"));
        assert!(html.contains("<blockquote>"));
        assert!(html.contains("checkbox"));
    }

    #[test]
    fn url_filter() {
        assert_eq!(safe_url("https://a.b/c"), Some("https://a.b/c".into()));
        assert_eq!(safe_url("HTTP://a"), Some("HTTP://a".into()));
        assert_eq!(safe_url("mailto:a@b"), Some("mailto:a@b".into()));
        assert_eq!(safe_url("/rel/path?x=a:b"), Some("/rel/path?x=a:b".into()));
        assert_eq!(safe_url("#frag"), Some("#frag".into()));
        assert_eq!(
            safe_url("//cdn.example.com/x"),
            Some("//cdn.example.com/x".into())
        );
        for bad in [
            "javascript:alert(1)",
            " \u{1}javascript:x",
            "jav\tascript:x",
            "jav\nascript:x",
            "data:text/html,x",
            "vbscript:x",
            "file:///etc/passwd",
            "blob:https://a/b",
        ] {
            assert_eq!(safe_url(bad), None, "{bad:?}");
        }
    }
}
