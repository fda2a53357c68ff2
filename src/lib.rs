//! Casebook UI: a Leptos client-side app compatible with Kibana's Cases UI.
//!
//! Built for `wasm32-unknown-unknown` by Trunk (see `Trunk.toml`); it also compiles natively so
//! the pure logic (routes, query parsing) runs under plain `cargo test`.

mod app;
pub mod client;
pub mod components;
pub mod context;
pub mod pages;
pub mod routes;
pub mod shell;

pub use app::App;
