//! The JSON documents the engine stores, each read, checked and migrated where JSON
//! becomes types: board settings, days off, iteration teams, templates, holiday
//! calendars, report definitions, permissions and Kanban boards' saved date ranges, and the units their numbers are in.

pub mod calendars;
pub mod days_off;
pub mod ids;
pub(crate) mod json;
pub mod overrides;
pub mod permissions;
pub mod ranges;
pub mod report_defs;
pub mod settings;
pub mod templates;
pub mod units;
