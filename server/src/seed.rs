//! `casebook seed`: realistic demo data. (Placeholder: being written.)

use crate::store::sqlite::SqliteStore;

/// Seeds `n` cases into `space`.
pub async fn seed(_store: &SqliteStore, _space: &str, _n: usize) -> Result<String, String> {
    Err("seed is not implemented yet".into())
}
