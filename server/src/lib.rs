//! Casebook's server: the Kibana Cases API over a pluggable store.
pub mod error;
pub mod service;
pub mod store;
