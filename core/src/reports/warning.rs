//! A report's warnings: what explains a surprising number.

use serde::Serialize;

/// A warning of a report: a stable code (`nonMemberWork`, `holidayCalendarMissing`, ...)
/// and a message for people.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Warning {
    pub code: &'static str,
    pub message: String,
}

