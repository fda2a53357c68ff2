//! Answers of the costly read-only statements of a search (its hit count, the creation second
//! of its page's last match), kept until the next commit. A common term's count visits up to
//! 10,000 full-text matches; the same search asked again (the table refetching, the next
//! page, another analyst on the same incident) then costs a map look-up. Every commit of the
//! store's writer moves the generation on, which drops every answer kept before it.

use crate::store::StoreResult;
use std::collections::HashMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

/// Most answers kept at once; past it the map starts over (searches are few and repetitive).
const MAX_ENTRIES: usize = 1024;

/// The memo of one store. `Memo::default()` starts empty at generation 0.
#[derive(Default)]
pub struct Memo {
    generation: AtomicU64,
    entries: Mutex<Entries>,
}

#[derive(Default)]
struct Entries {
    generation: u64,
    answers: HashMap<String, Option<i64>>,
}

impl Memo {
    /// Called after every commit (and bulk load): every answer kept so far may be wrong now.
    pub fn invalidate(&self) {
        self.generation.fetch_add(1, Ordering::Release);
    }

    /// The answer of the statement `key` (its SQL and arguments), computed by `run` unless it
    /// was computed since the last commit.
    pub fn answer(
        &self,
        key: String,
        run: impl FnOnce() -> StoreResult<Option<i64>>,
    ) -> StoreResult<Option<i64>> {
        // Read before the statement runs: the writer moves it on only after a commit, so the
        // statement's snapshot holds at least every commit this generation counts.
        let at = self.generation.load(Ordering::Acquire);
        {
            let e = self.entries.lock().expect("memo poisoned");
            if e.generation == at
                && let Some(v) = e.answers.get(&key)
            {
                return Ok(*v);
            }
        }
        let v = run()?;
        let mut e = self.entries.lock().expect("memo poisoned");
        if e.generation < at || e.answers.len() >= MAX_ENTRIES {
            e.generation = at;
            e.answers.clear();
        }
        // A reader that started before a newer commit must not store its older answer.
        if e.generation == at {
            e.answers.insert(key, v);
        }
        Ok(v)
    }
}

#[cfg(test)]
mod tests {
    use super::Memo;
    use std::cell::Cell;

    #[test]
    fn answers_are_kept_until_the_next_commit() {
        let memo = Memo::default();
        let runs = Cell::new(0);
        let ask = |v: i64| {
            memo.answer("count".into(), || {
                runs.set(runs.get() + 1);
                Ok(Some(v))
            })
            .unwrap()
        };
        assert_eq!(ask(1), Some(1));
        assert_eq!(ask(2), Some(1), "kept: no commit in between");
        assert_eq!(runs.get(), 1);
        memo.invalidate();
        assert_eq!(ask(3), Some(3), "recomputed after a commit");
        assert_eq!(runs.get(), 2);
        let other = memo.answer("other".into(), || Ok(None)).unwrap();
        assert_eq!(other, None);
        assert_eq!(ask(4), Some(3));
    }

    #[test]
    fn an_answer_computed_across_a_commit_is_not_kept() {
        let memo = Memo::default();
        // The commit lands while the statement runs: its answer may predate it.
        let v = memo
            .answer("count".into(), || {
                memo.invalidate();
                Ok(Some(1))
            })
            .unwrap();
        assert_eq!(v, Some(1));
        let v = memo.answer("count".into(), || Ok(Some(2))).unwrap();
        assert_eq!(v, Some(2));
    }
}
