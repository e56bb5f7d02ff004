//! The shapes of the ids and keys that name documents, in one place: the engine checks them,
//! and hands the same rules to the plugin (path parameters, the panel's data attributes) and
//! the browser (as regular expressions), so no other layer writes them again.

use serde::Serialize;

use crate::error::{Error, Result};
use crate::documents::settings::MAX_ACCOUNT_KEY_CHARS;

/// Longest board id: ids are Jira board ids or names of the host's choosing.
pub const MAX_BOARD_ID_CHARS: usize = 40;
/// Longest iteration id (a sprint's or version's id).
pub const MAX_ITERATION_ID_CHARS: usize = 40;
/// Longest id of a shared document: template, holiday calendar, report definition.
pub const MAX_DOCUMENT_ID_CHARS: usize = 60;
/// Longest role id (roles are named within one board's settings).
pub const MAX_ROLE_ID_CHARS: usize = 40;
/// Longest Jira project key (Jira allows 255 characters).
pub const MAX_PROJECT_KEY_CHARS: usize = 255;
/// Longest Jira group name (Jira allows 255 characters).
pub const MAX_GROUP_NAME_CHARS: usize = 255;

/// One kind of id: which characters, how many, and the field name errors use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct IdRule {
    /// The field errors name (`boardId`, `templateId`, …).
    #[serde(skip)]
    pub field: &'static str,
    /// A regular expression for the whole value, in the syntax JavaScript, Java and most
    /// engines share; `None` where any characters but controls are allowed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pattern: Option<&'static str>,
    /// Fewest characters (Unicode scalar values, as Java counts code points).
    pub min_chars: usize,
    /// Most characters.
    pub max_chars: usize,
    /// The rule in words, as error messages give it.
    pub description: &'static str,
}

const ID_CHARS: &str = "A-Z, a-z, 0-9, _ and -";

/// Board ids: `^[A-Za-z0-9_-]{1,40}$`.
pub const BOARD_ID: IdRule = IdRule {
    field: "boardId",
    pattern: Some("^[A-Za-z0-9_-]{1,40}$"),
    min_chars: 1,
    max_chars: MAX_BOARD_ID_CHARS,
    description: "1 to 40 characters of A-Z, a-z, 0-9, _ and -",
};
/// Iteration (sprint or version) ids: `^[A-Za-z0-9_-]{1,40}$`.
pub const ITERATION_ID: IdRule = IdRule { field: "iterationId", ..BOARD_ID };
/// A Kanban board's saved date range: `^[A-Za-z0-9_-]{1,30}$`, short enough that the
/// iteration id a report gives it (`range-<id>`, see `reports::period`) is an iteration id.
pub const RANGE_ID: IdRule = IdRule {
    field: "rangeId",
    pattern: Some("^[A-Za-z0-9_-]{1,30}$"),
    min_chars: 1,
    max_chars: 30,
    description: "1 to 30 characters of A-Z, a-z, 0-9, _ and -",
};
/// Role ids: `^[A-Za-z0-9_-]{1,40}$`.
pub const ROLE_ID: IdRule = IdRule { field: "roleId", max_chars: MAX_ROLE_ID_CHARS, ..BOARD_ID };
/// Jira project keys: an upper-case letter, then upper-case letters, digits or `_` — the
/// keys Jira makes (it upper-cases them), up to 255 characters.
pub const PROJECT_KEY: IdRule = IdRule {
    field: "projectKey",
    pattern: Some("^[A-Z][A-Z0-9_]{0,254}$"),
    min_chars: 1,
    max_chars: MAX_PROJECT_KEY_CHARS,
    description: "a Jira project key: an upper-case letter, then upper-case letters, digits or _ (up to 255)",
};
/// Template, holiday calendar and report definition ids: `^[A-Za-z0-9_-]{1,60}$`.
pub const DOCUMENT_ID: IdRule = IdRule {
    field: "documentId",
    pattern: Some("^[A-Za-z0-9_-]{1,60}$"),
    min_chars: 1,
    max_chars: MAX_DOCUMENT_ID_CHARS,
    description: "1 to 60 characters of A-Z, a-z, 0-9, _ and -",
};
/// Account keys (Jira user keys): 1 to 255 characters, no control characters, no
/// surrounding white space. Keys too long for a storage key are stored under a fingerprint.
pub const ACCOUNT_KEY: IdRule = IdRule {
    field: "accountKey",
    pattern: None,
    min_chars: 1,
    max_chars: MAX_ACCOUNT_KEY_CHARS,
    description: "1 to 255 characters without control characters or surrounding spaces",
};

/// The rule for a field name, as the bindings ask for it: `boardId`, `iterationId`,
/// `templateId` / `calendarId` / `reportId` / `documentId`, `accountKey`.
pub fn rule(field: &str) -> Option<IdRule> {
    Some(match field {
        "boardId" => BOARD_ID,
        "iterationId" => ITERATION_ID,
        "templateId" | "calendarId" | "reportId" | "documentId" => IdRule { field: "documentId", ..DOCUMENT_ID },
        "accountKey" => ACCOUNT_KEY,
        "projectKey" => PROJECT_KEY,
        "rangeId" => RANGE_ID,
        _ => return None,
    })
}

impl IdRule {
    /// Checks `value`, naming `field` in the error.
    ///
    /// ```
    /// use capacity_core::ids::BOARD_ID;
    /// assert!(BOARD_ID.check("DEMO-1", "boardId").is_ok());
    /// assert!(BOARD_ID.check("1/2", "boardId").is_err());
    /// ```
    pub fn check(&self, value: &str, field: &str) -> Result<()> {
        if self.pattern.is_none() {
            crate::documents::settings::check_account_key(value, field)?;
            return Ok(());
        }
        let n = value.chars().count();
        if self.field == "projectKey" {
            let mut chars = value.chars();
            let ok = (self.min_chars..=self.max_chars).contains(&n)
                && chars.next().is_some_and(|c| c.is_ascii_uppercase())
                && chars.all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_');
            return if ok {
                Ok(())
            } else {
                Err(Error::validation(field, format!("must be a Jira project key like DEMO, got {value:?}")))
            };
        }
        let ok = (self.min_chars..=self.max_chars).contains(&n) && value.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
        if ok {
            Ok(())
        } else {
            Err(Error::validation(field, format!("must be {} to {} characters of {ID_CHARS}, got {value:?}", self.min_chars, self.max_chars)))
        }
    }
}

/// Checks an id or key by its field name (see [`rule`]); an unknown field name is an
/// invalid-argument error.
///
/// ```
/// assert!(capacity_core::ids::check_id("templateId", "squad").is_ok());
/// assert!(capacity_core::ids::check_id("accountKey", " alice").is_err());
/// assert!(capacity_core::ids::check_id("projectKey", "DEMO").is_ok());
/// assert!(capacity_core::ids::check_id("projectKey", "1DEMO").is_err());
/// ```
pub fn check_id(field: &str, value: &str) -> Result<()> {
    match rule(field) {
        Some(r) => r.check(value, field),
        None => Err(Error::invalid_argument(format!("there is no id rule for {field:?}; ask for boardId, iterationId, templateId, calendarId, reportId, accountKey or projectKey"))),
    }
}

/// Every rule as one JSON object, keyed by field name, for the plugin and the browser:
/// `{"boardId":{"pattern":"^[A-Za-z0-9_-]{1,40}$","minChars":1,"maxChars":40,"description":"…"},…}`.
pub fn rules_json() -> String {
    let all = serde_json::json!({
        "boardId": BOARD_ID,
        "iterationId": ITERATION_ID,
        "documentId": DOCUMENT_ID,
        "accountKey": ACCOUNT_KEY,
        "projectKey": PROJECT_KEY,
        "rangeId": RANGE_ID,
    });
    all.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The pattern and the check are two spellings of one rule: they must agree.
    fn pattern_matches(pattern: &str, value: &str) -> bool {
        // The patterns use one shape only: ^[A-Za-z0-9_-]{1,N}$.
        let max: usize = pattern.trim_start_matches("^[A-Za-z0-9_-]{1,").trim_end_matches("}$").parse().unwrap();
        (1..=max).contains(&value.chars().count()) && value.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    }

    #[test]
    fn patterns_and_checks_agree() {
        let samples = ["1", "DEMO_board-2", &"a".repeat(40), &"a".repeat(41), &"a".repeat(60), &"a".repeat(61), "", "1 2", "1/2", "é", "1.0"];
        for rule in [BOARD_ID, ITERATION_ID, DOCUMENT_ID] {
            for s in samples {
                assert_eq!(rule.check(s, "x").is_ok(), pattern_matches(rule.pattern.unwrap(), s), "{} {s:?}", rule.field);
            }
        }
    }

    #[test]
    fn the_engine_checks_the_same_rules() {
        use crate::{Engine, MemoryStorage};
        let engine = Engine::new();
        let mut s = MemoryStorage::default();
        for id in ["ok", &"a".repeat(40), &"a".repeat(41), "1/2", ""] {
            assert_eq!(engine.get_board_settings(&mut s, id).is_ok(), check_id("boardId", id).is_ok(), "{id:?}");
            assert_eq!(engine.get_iteration_team(&mut s, "1", id).is_ok(), check_id("iterationId", id).is_ok(), "{id:?}");
        }
        for id in ["ok", &"a".repeat(60), &"a".repeat(61), "1/2", ""] {
            assert_eq!(engine.list_templates(&mut s).is_ok() && crate::documents::calendars::check_id(id, "templateId").is_ok(), check_id("templateId", id).is_ok(), "{id:?}");
        }
        for key in ["alice", " alice", "al\u{0}ice", &"k".repeat(255), &"k".repeat(256), "\u{a0}alice"] {
            assert_eq!(engine.get_days_off(&mut s, key).is_ok(), check_id("accountKey", key).is_ok(), "{key:?}");
        }
    }

    #[test]
    fn errors_name_the_field_asked_for() {
        let e = check_id("reportId", "1/2").unwrap_err();
        assert_eq!(e.field(), Some("reportId"));
        assert!(check_id("nope", "x").is_err());
    }

    #[test]
    fn rules_are_json_for_the_browser() {
        let v: serde_json::Value = serde_json::from_str(&rules_json()).unwrap();
        assert_eq!(v["boardId"]["pattern"], "^[A-Za-z0-9_-]{1,40}$");
        assert_eq!(v["accountKey"]["maxChars"], 255);
        assert!(v["accountKey"].get("pattern").is_none());
    }
}
