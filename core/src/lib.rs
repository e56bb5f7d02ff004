//! Capacity Tracker's engine: team capacity for an iteration against the workload
//! assigned to each member, from board settings kept in the host's key-value storage.
//!
//! The crate does no I/O of its own. It persists only through [`Storage`], which the host
//! implements (SAL `PluginSettings` in Jira, a database table in the standalone host, C
//! callbacks in a C host), and it is reached through [`Engine`], whose operations speak the
//! JSON documents described in `docs/json-api.md`.
//!
//! The folders say what each part is (see `core/README.md`):
//! - [`engine`](Engine): the operations every binding calls, and only these;
//! - [`documents`]: the stored JSON documents, read and checked where JSON becomes types;
//! - [`items`]: work items as callers send them (JSON, the quick reader, bulk arrays) and
//!   the one module that checks them;
//! - `capacity`: calendars and member day capacity (internal);
//! - [`reports`]: the iteration report and the multi-project report;
//! - `storage`: documents over the host's key-value storage (internal; its contract is
//!   re-exported here).
#![forbid(unsafe_code)]

mod capacity;
pub mod documents;
mod engine;
mod error;
pub mod items;
pub mod reports;
mod storage;

pub use documents::ids;
pub use engine::{AccessHost, Decision, GroupList};
pub use engine::{Engine, MemberFigures, MAX_BOARD_ID_CHARS};
pub use error::{Error, ErrorCode, Result};
pub use storage::store::{java_length, MemoryStorage, Storage, StorageError, KEY_PREFIX, MAX_KEY_CHARS, MAX_VALUE_CHARS};

/// Hooks for the fuzz targets (`fuzz/`), which check internals against each other; not
/// part of the API.
#[doc(hidden)]
pub mod fuzzing {
    pub use crate::reports::quick_reader::check_against_usual_reading as quick_reader_agrees;
}

/// The engine's version, as built.
pub fn version() -> &'static str {
    engine::VERSION
}
