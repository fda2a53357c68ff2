//! Answers of the costly read-only statements of a search (its hit count, the creation second
//! of its page's last match), kept until a commit changes what they read. A common term's
//! count visits up to 10,000 full-text matches; the same search asked again (the table
//! refetching, the next page, another analyst on the same incident) then costs a map look-up.
//! Answers read from the full-text index alone are dropped by commits that changed that index
//! (schema migration 10 counts its changes: adding a comment does not); every other answer by
//! every commit.

use crate::store::StoreResult;
use std::collections::HashMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

/// Most answers kept at once; past it the map starts over (searches are few and repetitive).
const MAX_ENTRIES: usize = 1024;

/// What an answer reads, and so which commits drop it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Reads {
    /// Only the full-text index.
    FullText,
    /// Anything.
    Everything,
}

/// The memo of one store. `Memo::default()` starts empty.
#[derive(Default)]
pub struct Memo {
    full_text: Part,
    everything: Part,
}

impl Memo {
    /// Called after every commit (and bulk load), telling whether it changed the full-text
    /// index: answers that read what it changed may be wrong now.
    pub fn invalidate(&self, full_text_changed: bool) {
        self.everything.invalidate();
        if full_text_changed {
            self.full_text.invalidate();
        }
    }

    /// The answer of the statement `key` (its SQL and arguments), which reads `reads`,
    /// computed by `run` unless it was computed since the last commit that changed that.
    pub fn answer(
        &self,
        reads: Reads,
        key: String,
        run: impl FnOnce() -> StoreResult<Option<i64>>,
    ) -> StoreResult<Option<i64>> {
        match reads {
            Reads::FullText => self.full_text.answer(key, run),
            Reads::Everything => self.everything.answer(key, run),
        }
    }
}

/// Answers invalidated together.
#[derive(Default)]
struct Part {
    generation: AtomicU64,
    entries: Mutex<Entries>,
}

#[derive(Default)]
struct Entries {
    generation: u64,
    answers: HashMap<String, Option<i64>>,
}

impl Part {
    fn invalidate(&self) {
        self.generation.fetch_add(1, Ordering::Release);
    }

    fn answer(
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
    use super::{Memo, Reads};
    use std::cell::Cell;

    #[test]
    fn answers_are_kept_until_a_commit_changes_what_they_read() {
        let memo = Memo::default();
        let runs = Cell::new(0);
        let ask = |reads: Reads, v: i64| {
            memo.answer(reads, format!("{reads:?}"), || {
                runs.set(runs.get() + 1);
                Ok(Some(v))
            })
            .unwrap()
        };
        assert_eq!(ask(Reads::FullText, 1), Some(1));
        assert_eq!(ask(Reads::Everything, 1), Some(1));
        assert_eq!(
            ask(Reads::FullText, 2),
            Some(1),
            "kept: no commit in between"
        );
        assert_eq!(ask(Reads::Everything, 2), Some(1));
        assert_eq!(runs.get(), 2);
        memo.invalidate(false);
        assert_eq!(ask(Reads::FullText, 3), Some(1), "the index did not change");
        assert_eq!(
            ask(Reads::Everything, 3),
            Some(3),
            "recomputed after any commit"
        );
        memo.invalidate(true);
        assert_eq!(
            ask(Reads::FullText, 4),
            Some(4),
            "recomputed: the index changed"
        );
        assert_eq!(ask(Reads::Everything, 4), Some(4));
        assert_eq!(runs.get(), 5);
    }

    #[test]
    fn an_answer_computed_across_a_commit_is_not_kept() {
        let memo = Memo::default();
        // The commit lands while the statement runs: its answer may predate it.
        let v = memo
            .answer(Reads::FullText, "count".into(), || {
                memo.invalidate(true);
                Ok(Some(1))
            })
            .unwrap();
        assert_eq!(v, Some(1));
        let v = memo.answer(Reads::FullText, "count".into(), || Ok(Some(2)));
        assert_eq!(v.unwrap(), Some(2));
    }
}
