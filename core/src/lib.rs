//! Capacity Tracker's engine: team capacity for an iteration against the workload
//! assigned to each member, from board settings kept in the host's key-value storage.
//!
//! The crate does no I/O of its own. It persists only through [`Storage`], which the host
//! implements (SAL `PluginSettings` in Jira, a database table in the standalone host, C
//! callbacks in a C host), and it is reached through [`Engine`], whose operations speak the
//! JSON documents described in `docs/json-api.md`.
#![forbid(unsafe_code)]

mod access;
mod backup;
pub mod calendar;
mod capacity_index;
pub mod calendars;
pub mod days_off;
pub mod overrides;
pub mod permissions;
mod privacy;
pub mod report_defs;
pub mod templates;
mod docstore;
mod engine;
mod error;
pub mod fast_request;
pub mod ids;
pub mod json;
pub mod multi;
pub mod report;
pub mod settings;
mod shared_docs;
mod store;
mod team;
pub mod units;
pub mod workload;

pub use access::{AccessHost, Decision, GroupList};
pub use engine::{Engine, MAX_BOARD_ID_CHARS};
pub use error::{Error, ErrorCode, Result};
pub use store::{java_length, MemoryStorage, Storage, StorageError, KEY_PREFIX, MAX_KEY_CHARS, MAX_VALUE_CHARS};

/// The engine's version, as built.
pub fn version() -> &'static str {
    env!("CARGO_PKG_VERSION")
}
