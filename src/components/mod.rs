//! Generic widgets shared by pages. One family per file; props documented with `///`.
//! Pages own data; components receive plain values, signals and callbacks.

pub mod toaster;

pub use toaster::{Toaster, Toasts};
