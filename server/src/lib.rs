//! Casebook's server: the Kibana Cases API over a pluggable store, and the SPA's files.
//!
//! [`app`] builds the whole router from a state, so tests drive it without a socket.

pub mod auth;
pub mod connectors;
pub mod error;
pub mod headers;
pub mod routes;
pub mod service;
pub mod session;
pub mod state;
pub mod store;

pub use state::AppState;

/// The application router.
pub fn app(state: AppState) -> axum::Router {
    routes::router(state)
}

pub mod bench;
pub mod bootstrap;
pub mod cli;
pub mod seed;
