//! The harness every fuzz target shares: an in-memory host storage behind the C ABI's
//! `ct_storage` callbacks, one dispatcher over the `ct_engine_*` exports, and the invariants
//! checked after every call.
//!
//! The targets go through the exported `extern "C"` functions, not the core's Rust API,
//! because the C ABI is the boundary a host crosses: its argument checks, its panic
//! boundary and its storage adapter are part of what is fuzzed.
//!
//! Invariants, beyond "no crash" (any panic, including one the C ABI would have caught and
//! returned as `CT_ERROR_PANIC`, aborts the run and saves the input):
//! - a success returns valid UTF-8 JSON in a NUL-terminated buffer; a failure writes no
//!   output and returns a code from the published set (`CT_ERROR_PANIC` never), whose field,
//!   when named, starts the message, and which carries a revision exactly when it is a
//!   conflict; only arguments that are not UTF-8 give `CT_ERROR_INVALID_ARGUMENT` (and for
//!   the string exports, always);
//! - a failure leaves storage byte-identical (a healthy storage never yields
//!   `CT_ERROR_STORAGE`); read operations never change storage;
//! - every key written starts with `org.capacitytracker:` and fits the host's limits
//!   (100 characters, values 99,000, counted in UTF-16 units as Java does);
//! - locks are never taken twice, are released in nesting order, and none is held after
//!   a call returns;
//! - a stored document reads back as the write returned it, and writing it back again is
//!   accepted and changes nothing but the revision (normalising is idempotent).
//!
//! Each target adds its own (see `targets`, `bulk` and fuzz/README.md): complete export and
//! traceless forgetting, backups that merge back and restore, bulk reports equal to their
//! JSON counterparts, and nothing lost or half-written when a storage callback fails.

mod baseline;
mod bulk;
mod harness;
mod script;
mod targets;

pub use baseline::{baseline, baseline_with_big_board, BASELINE};
pub use bulk::{fuzz_iteration_report_bulk, fuzz_multi_project_report_bulk};
pub use harness::{take_buffer, Call, Fault, FaultKind, Harness, Op, Outcome};
pub use script::Script;
pub use targets::{fuzz_import, fuzz_operation, fuzz_privacy, fuzz_storage_faults, fuzz_stored_values, places_naming, FAULT_OPS};
