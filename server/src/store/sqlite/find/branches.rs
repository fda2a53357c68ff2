//! Special shapes of the page branches of [`super::page_of`]: a walk of one tag's rows, and the
//! split of a several-valued filter into one branch per value.

use super::filter::{Where, only_tags};
use crate::store::CaseFilter;
use crate::store::sqlite::cases::status_code;
use casebook_api::{Owner, Status};

/// Most values of a filter split into branches of their own ([`by_value`]).
const MAX_SPLIT: usize = 8;

/// The filter as the parts whose branches make up a page sorted by `col`: `f` itself, or,
/// for a createdAt page (without a search) filtered by several severities, categories or
/// reporters, one filter per value. Each value has its own `(space, owner, value, created_at)`
/// index, walked in order and stopped at the window; the values together have none, and a
/// walk of the creation index checks every case until enough match (at a million cases, high
/// and critical behind 270,000 newer low cases: 40 ms a branch). A case has one value of
/// each, so the parts never share a case.
pub fn by_value(f: &CaseFilter, col: &str) -> Vec<CaseFilter> {
    if col != "created_at" || f.search.is_some() {
        return vec![f.clone()];
    }
    /// One filter per value of `values`, each set by `set` on a copy of `f`; `None` unless
    /// there are 2 to [`MAX_SPLIT`] values.
    fn split<T: Clone>(
        f: &CaseFilter,
        values: &[T],
        set: fn(&mut CaseFilter, T),
    ) -> Option<Vec<CaseFilter>> {
        (2..=MAX_SPLIT).contains(&values.len()).then(|| {
            let one = |v: &T| {
                let mut part = f.clone();
                set(&mut part, v.clone());
                part
            };
            values.iter().map(one).collect()
        })
    }
    split(f, &f.severities, |p, v| p.severities = vec![v])
        .or_else(|| split(f, &f.categories, |p, v| p.categories = vec![v]))
        .or_else(|| split(f, &f.reporters, |p, v| p.reporters = vec![v]))
        .unwrap_or_else(|| vec![f.clone()])
}

/// The branch of one owner and status when the filter is one tag and nothing else (no
/// search) and the sort is updatedAt: the tag's rows carry the case's `updated_at` (schema
/// migration 9), so the branch walks them in the page's order and stops at the window, where
/// the cases' index would be walked past every untagged case, or every tagged case sorted.
pub fn tag_walk(
    w: &mut Where,
    space: &str,
    f: &CaseFilter,
    owner: Owner,
    status: Option<Status>,
    (col, dir): (&str, &str),
    window: i64,
) -> Option<String> {
    let status = status?;
    let [tag] = f.tags.as_slice() else {
        return None;
    };
    if col != "updated_at" || f.search.is_some() || !only_tags(f) {
        return None;
    }
    let (sp, ow) = (w.arg(space.to_string()), w.arg(owner.as_str().to_string()));
    let (tg, st, lim) = (
        w.arg(tag.clone()),
        w.arg(status_code(status)),
        w.arg(window),
    );
    Some(format!(
        "SELECT * FROM (SELECT t.case_rowid AS rid, t.updated_at AS k FROM case_tags t \
         INDEXED BY case_tags_updated WHERE t.space = {sp} AND t.owner = {ow} AND t.tag = {tg} \
         AND t.status = {st} ORDER BY t.updated_at {dir}, t.case_rowid {dir} LIMIT {lim})"
    ))
}
