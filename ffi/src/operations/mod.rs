//! Every engine operation, one export each. They share one shape: the engine, the string
//! arguments as (pointer, length) in UTF-8, and `out` last for the document returned; the
//! checks and the panic boundary live in `engine::call`.
//!
//! Documents are the JSON of docs/json-api.md, carried through unchanged: the core parses,
//! validates and renders them.
//!
//! - `board`: board settings, days off, the iteration report;
//! - `shared`: iteration teams, templates, holiday calendars, report definitions and the
//!   multi-project report;
//! - `access`: permissions and `ct_engine_check_access`;
//! - `privacy`: a person's data, the inventory, export and import of everything;
//! - `member`: the small member query, its numbers in `ct_member_capacity`.

// Declared in the order of the header (cbindgen follows it; the blank lines keep rustfmt
// from sorting them).
mod board;

mod shared;

mod access;

mod privacy;

mod member;

pub use access::*;
pub use board::*;
pub use member::*;
pub use privacy::*;
pub use shared::*;
