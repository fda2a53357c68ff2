//! Generic widgets shared by pages. One family per file; props documented with `///`.
//! Pages own data; components receive plain values, signals and callbacks.

pub mod confirm_dialog;
pub mod custom_field;
pub mod markdown;
pub mod markdown_editor;
pub mod tag_input;
pub mod toaster;
pub mod user_picker;

pub use toaster::{Toaster, Toasts};
