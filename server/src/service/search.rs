//! Translates Kibana's `search` (Elasticsearch `simple_query_string`) into an FTS5 expression:
//! whitespace-separated terms combined by `defaultSearchOperator`, `"quoted phrases"`, `term*`
//! prefixes, `-term` exclusions and `+term` requirements. A search that is a case id also
//! matches that id; `#12` or `12` also matches incremental id 12.

use crate::store::SearchExpr;
use casebook_api::find::{SearchField, SearchOperator};

struct Term {
    words: Vec<String>,
    prefix: bool,
    negated: bool,
    required: bool,
}

fn tokens(s: &str) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    for ch in s.chars() {
        match ch {
            '"' => {
                if quoted || !cur.trim().is_empty() {
                    out.push((std::mem::take(&mut cur), quoted));
                }
                quoted = !quoted;
            }
            c if c.is_whitespace() && !quoted => {
                if !cur.is_empty() {
                    out.push((std::mem::take(&mut cur), false));
                }
            }
            c => cur.push(c),
        }
    }
    if !cur.is_empty() {
        out.push((cur, quoted));
    }
    out
}

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn parse(s: &str) -> Vec<Term> {
    tokens(s)
        .into_iter()
        .filter_map(|(raw, quoted)| {
            let (mut body, mut negated, mut required) = (raw.as_str(), false, false);
            if !quoted {
                if let Some(r) = body.strip_prefix('-') {
                    body = r;
                    negated = true;
                } else if let Some(r) = body.strip_prefix('+') {
                    body = r;
                    required = true;
                }
            }
            let prefix = !quoted && body.ends_with('*');
            let words = words(body);
            (!words.is_empty()).then_some(Term {
                words,
                prefix,
                negated,
                required,
            })
        })
        .collect()
}

fn phrase(t: &Term) -> String {
    let p = format!("\"{}\"", t.words.join(" "));
    if t.prefix { format!("{p} *") } else { p }
}

fn looks_like_id(s: &str) -> bool {
    s.len() == 36
        && s.chars().all(|c| c.is_ascii_hexdigit() || c == '-')
        && s.matches('-').count() == 4
}

/// Builds the store's search expression.
pub fn build(search: &str, fields: &[SearchField], op: SearchOperator) -> SearchExpr {
    let text_fields: Vec<&str> = if fields.is_empty() {
        vec!["title", "description"]
    } else {
        fields
            .iter()
            .filter_map(|f| match f {
                SearchField::Title => Some("title"),
                SearchField::Description => Some("description"),
                SearchField::IncrementalId => None,
            })
            .collect()
    };
    let terms = parse(search);
    let cols = format!("{{{}}}", text_fields.join(" "));
    let scoped = |e: String| format!("{cols} : ({e})");
    let mut expr = SearchExpr::default();
    if !text_fields.is_empty() {
        let required: Vec<String> = terms.iter().filter(|t| t.required).map(phrase).collect();
        let optional: Vec<String> = terms
            .iter()
            .filter(|t| !t.required && !t.negated)
            .map(phrase)
            .collect();
        let joiner = if op == SearchOperator::And {
            " AND "
        } else {
            " OR "
        };
        let mut parts = required;
        if !optional.is_empty() && (op == SearchOperator::And || parts.is_empty()) {
            parts.push(format!("({})", optional.join(joiner)));
        }
        if !parts.is_empty() {
            expr.fts = Some(scoped(parts.join(" AND ")));
        }
        let negated: Vec<String> = terms.iter().filter(|t| t.negated).map(phrase).collect();
        if !negated.is_empty() {
            expr.fts_not = Some(scoped(negated.join(" OR ")));
        }
    }
    let trimmed = search.trim();
    if looks_like_id(trimmed) {
        expr.id = Some(trimmed.to_string());
    }
    if fields.is_empty() || fields.contains(&SearchField::IncrementalId) {
        expr.incremental_id = trimmed
            .strip_prefix('#')
            .unwrap_or(trimmed)
            .parse::<i64>()
            .ok()
            .filter(|n| *n > 0);
    }
    expr
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn or_by_default_with_prefixes_and_negation() {
        let e = build("malware phish* -test", &[], SearchOperator::Or);
        assert_eq!(
            e.fts.as_deref(),
            Some("{title description} : ((\"malware\" OR \"phish\" *))")
        );
        assert_eq!(
            e.fts_not.as_deref(),
            Some("{title description} : (\"test\")")
        );
        assert_eq!(e.incremental_id, None);
    }

    #[test]
    fn and_operator_phrases_and_fields() {
        let e = build(
            "\"lateral movement\" host-1",
            &[SearchField::Title],
            SearchOperator::And,
        );
        assert_eq!(
            e.fts.as_deref(),
            Some("{title} : ((\"lateral movement\" AND \"host 1\"))")
        );
    }

    #[test]
    fn ids_and_incremental_ids() {
        let id = "6b9f3f5e-2a47-4b1e-9f57-1b2c3d4e5f60";
        assert_eq!(build(id, &[], SearchOperator::Or).id.as_deref(), Some(id));
        assert_eq!(
            build("#42", &[], SearchOperator::Or).incremental_id,
            Some(42)
        );
        assert_eq!(
            build("#42", &[SearchField::Title], SearchOperator::Or).incremental_id,
            None
        );
    }

    #[test]
    fn fts_syntax_cannot_be_injected() {
        let e = build("a\" OR NEAR(x) {title}: *", &[], SearchOperator::Or);
        let fts = e.fts.unwrap();
        assert!(!fts.contains("NEAR("), "{fts}");
    }
}
