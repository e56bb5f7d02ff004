//! Who may read and change what: the document the plugin consults before every call.
//! Off by default: with permissions disabled, every logged-in user may use the app, as
//! Jira's own board permissions already decide who sees a board.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::documents::json;

pub const SCHEMA: u32 = 1;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Grant {
    #[serde(default)]
    pub users: Vec<String>,
    #[serde(default)]
    pub groups: Vec<String>,
}

impl Grant {
    fn allows(&self, user: &str, groups: &[String]) -> bool {
        self.users.iter().any(|u| u == user) || self.groups.iter().any(|g| groups.contains(g))
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BoardGrants {
    #[serde(default)]
    pub read: Grant,
    #[serde(default)]
    pub write: Grant,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PermissionsDoc {
    #[serde(default = "schema")]
    pub schema: u32,
    #[serde(default)]
    pub revision: u64,
    #[serde(default)]
    pub enabled: bool,
    #[serde(default)]
    pub boards: BTreeMap<String, BoardGrants>,
    #[serde(default)]
    pub templates: Grant,
    #[serde(default)]
    pub reports: Grant,
    #[serde(default)]
    pub rest: Grant,
}

fn schema() -> u32 {
    SCHEMA
}

impl Default for PermissionsDoc {
    fn default() -> Self {
        PermissionsDoc {
            schema: SCHEMA,
            revision: 0,
            enabled: false,
            boards: BTreeMap::new(),
            templates: Grant::default(),
            reports: Grant::default(),
            rest: Grant::default(),
        }
    }
}

/// An access question from the plugin.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AccessQuery {
    pub user: String,
    #[serde(default)]
    pub groups: Vec<String>,
    /// Jira administrators may always do everything (they could change the permissions).
    #[serde(default)]
    pub admin: bool,
    pub action: AccessAction,
    #[serde(default)]
    pub board_id: Option<String>,
    /// For the days-off actions: whose days off.
    #[serde(default)]
    pub account_key: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum AccessAction {
    ReadBoard,
    WriteBoard,
    ManageTemplates,
    ManageReports,
    UseRest,
    /// A person's days off (`accountKey`), read for a board (`boardId`) they are on.
    ReadDaysOff,
    /// A person's days off (`accountKey`), changed for a board (`boardId`) they are on.
    WriteDaysOff,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AccessAnswer {
    pub allowed: bool,
    pub reason: String,
}

impl PermissionsDoc {
    pub fn parse(text: &str) -> Result<PermissionsDoc> {
        let doc: PermissionsDoc = json::parse(text, "")?;
        if doc.schema != SCHEMA {
            return Err(Error::validation("schema", format!("unsupported schema {}; this engine reads schema {SCHEMA}", doc.schema)));
        }
        let check_grant = |g: &Grant, field: &str| -> Result<()> {
            for (i, u) in g.users.iter().enumerate() {
                crate::documents::settings::check_account_key(u, &format!("{field}.users[{i}]"))?;
            }
            for (i, n) in g.groups.iter().enumerate() {
                json::text(n, &format!("{field}.groups[{i}]"), 1, crate::documents::ids::MAX_GROUP_NAME_CHARS)?;
            }
            Ok(())
        };
        for (id, b) in &doc.boards {
            if id.is_empty() || id.len() > 40 {
                return Err(Error::validation(format!("boards.{id}"), "a board id must be 1 to 40 characters"));
            }
            check_grant(&b.read, &format!("boards.{id}.read"))?;
            check_grant(&b.write, &format!("boards.{id}.write"))?;
        }
        check_grant(&doc.templates, "templates")?;
        check_grant(&doc.reports, "reports")?;
        check_grant(&doc.rest, "rest")?;
        Ok(doc)
    }

    /// Whether `query` is allowed, and why. Writing a board implies reading it; a board with
    /// no grants of its own is open to every user once permissions are enabled only for
    /// reading, and to nobody but administrators for writing.
    ///
    /// Days off are personal: people may always read and change their own; anyone else
    /// only for a board the person is a member of (`on_board`, which the caller finds out),
    /// as reading or writing that board allows.
    pub fn check(&self, q: &AccessQuery, on_board: bool) -> AccessAnswer {
        let yes = |reason: &str| AccessAnswer { allowed: true, reason: reason.into() };
        let no = |reason: String| AccessAnswer { allowed: false, reason };
        if !self.enabled {
            return yes("permissions are not enabled: every logged-in user may use Capacity Tracker");
        }
        if q.admin {
            return yes("Jira administrators may always use Capacity Tracker");
        }
        let board = q.board_id.as_deref().and_then(|b| self.boards.get(b));
        let granted = |g: &Grant| g.allows(&q.user, &q.groups);
        let days_off = matches!(q.action, AccessAction::ReadDaysOff | AccessAction::WriteDaysOff);
        if days_off {
            let person = q.account_key.as_deref().unwrap_or_default();
            if person == q.user {
                return yes("people may always read and change their own days off");
            }
            let Some(board_id) = q.board_id.as_deref() else {
                return no(format!("only {person} and Jira administrators may see or change {person}'s days off outside a board"));
            };
            if !on_board {
                return no(format!("{person} is not a member of board {board_id}"));
            }
        }
        match q.action {
            AccessAction::ReadBoard | AccessAction::ReadDaysOff => match board {
                None => yes("the board has no read restriction"),
                Some(b) if granted(&b.read) || granted(&b.write) => yes("granted by the board's read or write list"),
                Some(_) => no(format!("{} is not on the board's read or write list", q.user)),
            },
            AccessAction::WriteBoard | AccessAction::WriteDaysOff => match board {
                Some(b) if granted(&b.write) => yes("granted by the board's write list"),
                _ => no(format!("{} is not on the board's write list", q.user)),
            },
            AccessAction::ManageTemplates if granted(&self.templates) => yes("granted by the templates list"),
            AccessAction::ManageReports if granted(&self.reports) => yes("granted by the reports list"),
            AccessAction::UseRest if granted(&self.rest) => yes("granted by the REST list"),
            AccessAction::ManageTemplates => no(format!("{} may not manage templates", q.user)),
            AccessAction::ManageReports => no(format!("{} may not manage multi-project reports", q.user)),
            AccessAction::UseRest => no(format!("{} may not use the REST API with credentials (scripts and integrations): not on the REST list", q.user)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ask(doc: &PermissionsDoc, user: &str, groups: &[&str], action: AccessAction, board: Option<&str>) -> bool {
        doc.check(
            &AccessQuery { user: user.into(), groups: groups.iter().map(|g| g.to_string()).collect(), admin: false, action, board_id: board.map(Into::into), account_key: None },
            false,
        )
        .allowed
    }

    fn ask_days_off(doc: &PermissionsDoc, user: &str, person: &str, action: AccessAction, board: Option<&str>, on_board: bool) -> bool {
        doc.check(&AccessQuery { user: user.into(), groups: vec![], admin: false, action, board_id: board.map(Into::into), account_key: Some(person.into()) }, on_board).allowed
    }

    #[test]
    fn days_off_are_their_owners_and_their_boards_writers() {
        let doc = PermissionsDoc::parse(r#"{"enabled":true,"boards":{"1":{"read":{"users":["reader"]},"write":{"users":["lead"]}}}}"#).unwrap();
        use AccessAction::{ReadDaysOff, WriteDaysOff};
        for action in [ReadDaysOff, WriteDaysOff] {
            assert!(ask_days_off(&doc, "ann", "ann", action, None, false), "one's own, anywhere");
            assert!(!ask_days_off(&doc, "lead", "ann", action, None, false), "someone else's outside a board");
            assert!(!ask_days_off(&doc, "lead", "ann", action, Some("1"), false), "not on the board");
            assert!(ask_days_off(&doc, "lead", "ann", action, Some("1"), true), "the board's writer");
        }
        assert!(ask_days_off(&doc, "reader", "ann", ReadDaysOff, Some("1"), true));
        assert!(!ask_days_off(&doc, "reader", "ann", WriteDaysOff, Some("1"), true));
        assert!(ask_days_off(&doc, "anyone", "ann", ReadDaysOff, Some("2"), true), "a board without grants is readable");
        assert!(!ask_days_off(&doc, "anyone", "ann", WriteDaysOff, Some("2"), true));
        assert!(ask_days_off(&PermissionsDoc::default(), "x", "ann", WriteDaysOff, None, false), "disabled: everyone");
    }

    #[test]
    fn disabled_permissions_allow_everything() {
        let doc = PermissionsDoc::default();
        assert!(ask(&doc, "x", &[], AccessAction::WriteBoard, Some("1")));
    }

    #[test]
    fn board_lists_decide_when_enabled() {
        let doc = PermissionsDoc::parse(
            r#"{"enabled":true,"boards":{"1":{"read":{"groups":["jira-users"]},"write":{"users":["lead"]}}},"templates":{"groups":["planners"]}}"#,
        )
        .unwrap();
        assert!(ask(&doc, "anyone", &["jira-users"], AccessAction::ReadBoard, Some("1")));
        assert!(!ask(&doc, "anyone", &[], AccessAction::ReadBoard, Some("1")));
        assert!(ask(&doc, "lead", &[], AccessAction::ReadBoard, Some("1")));
        assert!(ask(&doc, "lead", &[], AccessAction::WriteBoard, Some("1")));
        assert!(!ask(&doc, "anyone", &["jira-users"], AccessAction::WriteBoard, Some("1")));
        assert!(ask(&doc, "x", &[], AccessAction::ReadBoard, Some("2")));
        assert!(!ask(&doc, "x", &[], AccessAction::WriteBoard, Some("2")));
        assert!(ask(&doc, "p", &["planners"], AccessAction::ManageTemplates, None));
        assert!(!ask(&doc, "p", &["planners"], AccessAction::ManageReports, None));
    }
}
