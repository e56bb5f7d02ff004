//! The authorisation decision, whole: "may this user do this action (on this board, for this
//! person)?" and "may this user run this multi-project report?", answered from the stored
//! permissions document with the host asked only what the engine cannot know — whether the
//! user is an administrator and whether they are in a group the relevant grants name.
//!
//! The host (the Jira plugin) no longer reads the permissions document, walks its grants or
//! works out which boards a report covers: it hands the engine an [`AccessHost`] and acts on
//! the [`Decision`].

use serde::{Deserialize, Serialize};

use crate::engine::Engine;
use crate::error::{Error, Result};
use crate::documents::ids;
use crate::documents::permissions::{AccessAction, AccessQuery, Grant, PermissionsDoc};
use crate::storage::store::Storage;

/// What the engine asks the host during an authorisation: its storage, and two facts about
/// the user that only the host knows. Called on the caller's thread, during the call.
pub trait AccessHost {
    /// The storage the permissions (and, for days off, the board) are read from.
    fn storage(&mut self) -> &mut dyn Storage;
    /// Whether the user is an administrator (who may always do everything). Asked at most
    /// once per call, and only when permissions are enabled.
    fn is_admin(&mut self) -> Result<bool>;
    /// Whether the user is in `group`. Asked only for the groups of the grants that decide
    /// the question, each at most once per call.
    fn is_member(&mut self, group: &str) -> Result<bool>;
    /// Whether this call came with the user's credentials on it (HTTP Basic, a personal
    /// access token) rather than from a logged-in browser session: a script or integration
    /// "using the REST API", which then needs the REST grant as well. Asked at most once per
    /// call, only when permissions are enabled and the user is not an administrator. Hosts
    /// without such calls (tests, C hosts) keep the default: a session.
    fn with_credentials(&mut self) -> Result<bool> {
        Ok(false)
    }
}

/// An [`AccessHost`] for hosts that know the user's groups up front (tests, C hosts).
///
/// ```
/// use capacity_core::{Engine, GroupList, MemoryStorage};
/// let engine = Engine::new();
/// let mut storage = MemoryStorage::default();
/// let mut host = GroupList { storage: &mut storage, admin: false, groups: &[] };
/// let d = engine.authorize(&mut host, "bob", "writeBoard", Some("42"), None).unwrap();
/// assert!(d.allowed, "permissions are off until an administrator stores them");
/// ```
pub struct GroupList<'a> {
    pub storage: &'a mut dyn Storage,
    pub admin: bool,
    pub groups: &'a [String],
}

impl AccessHost for GroupList<'_> {
    fn storage(&mut self) -> &mut dyn Storage {
        self.storage
    }
    fn is_admin(&mut self) -> Result<bool> {
        Ok(self.admin)
    }
    fn is_member(&mut self, group: &str) -> Result<bool> {
        Ok(self.groups.iter().any(|g| g == group))
    }
}

/// The answer: allowed or not, and why (a sentence for the user; for a refused board read it
/// starts with `board <id>: `).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Decision {
    pub allowed: bool,
    pub reason: String,
}

impl Decision {
    fn yes(reason: &str) -> Decision {
        Decision { allowed: true, reason: reason.into() }
    }
}

/// The part of a multi-project report request that says which boards it covers; the rest
/// (iterations, items) is skipped unread.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ReportScope {
    #[serde(default)]
    report_id: Option<String>,
    #[serde(default)]
    definition: Option<DefinitionScope>,
    #[serde(default)]
    boards: Vec<BoardScope>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct DefinitionScope {
    #[serde(default)]
    board_ids: Vec<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct BoardScope {
    #[serde(default)]
    board_id: Option<String>,
}

/// The host's answers, asked once each.
struct Asked<'h> {
    host: &'h mut dyn AccessHost,
    admin: Option<bool>,
    credentials: Option<bool>,
}

impl<'h> Asked<'h> {
    fn new(host: &'h mut dyn AccessHost) -> Self {
        Asked { host, admin: None, credentials: None }
    }

    fn admin(&mut self) -> Result<bool> {
        if self.admin.is_none() {
            self.admin = Some(self.host.is_admin()?);
        }
        Ok(self.admin.unwrap_or(false))
    }

    fn credentials(&mut self) -> Result<bool> {
        if self.credentials.is_none() {
            self.credentials = Some(self.host.with_credentials()?);
        }
        Ok(self.credentials.unwrap_or(false))
    }
}

fn parse_action(action: &str) -> Result<AccessAction> {
    serde_json::from_value(serde_json::Value::String(action.to_owned())).map_err(|_| {
        Error::validation(
            "action",
            format!("{action:?} is not an action; use readBoard, writeBoard, manageTemplates, manageReports, useRest, readDaysOff or writeDaysOff"),
        )
    })
}

/// The groups of the grants that decide `action`: only those can change the answer.
fn groups_named<'p>(permissions: &'p PermissionsDoc, action: AccessAction, board_id: Option<&str>) -> Vec<&'p str> {
    let grants: Vec<&Grant> = match action {
        AccessAction::ReadBoard | AccessAction::WriteBoard | AccessAction::ReadDaysOff | AccessAction::WriteDaysOff => {
            match board_id.and_then(|b| permissions.boards.get(b)) {
                Some(b) => vec![&b.read, &b.write],
                None => vec![],
            }
        }
        AccessAction::ManageTemplates => vec![&permissions.templates],
        AccessAction::ManageReports => vec![&permissions.reports],
        AccessAction::UseRest => vec![&permissions.rest],
    };
    let mut named: Vec<&str> = Vec::new();
    for g in grants.iter().flat_map(|g| g.groups.iter()) {
        if !named.contains(&g.as_str()) {
            named.push(g);
        }
    }
    named
}

impl Engine {
    /// Whether `user` may do `action` (`readBoard`, `writeBoard`, `manageTemplates`,
    /// `manageReports`, `useRest`, `readDaysOff`, `writeDaysOff`) on `board_id`, or on the
    /// days off of `account_key`, by the stored permissions. While permissions are disabled
    /// every logged-in user may do everything and the host is asked nothing; otherwise the
    /// host says whether the user is an administrator and, for each group the deciding grants
    /// name, whether the user is in it.
    pub fn authorize(&self, host: &mut dyn AccessHost, user: &str, action: &str, board_id: Option<&str>, account_key: Option<&str>) -> Result<Decision> {
        let action = parse_action(action)?;
        if let Some(b) = board_id {
            ids::BOARD_ID.check(b, "boardId")?;
        }
        let days_off = matches!(action, AccessAction::ReadDaysOff | AccessAction::WriteDaysOff);
        match account_key {
            Some(k) => ids::ACCOUNT_KEY.check(k, "accountKey")?,
            None if days_off => return Err(Error::validation("accountKey", "the days-off actions need the person's account key")),
            None => {}
        }
        let permissions = self.load_permissions(host.storage())?;
        if !permissions.enabled {
            return Ok(Decision::yes("permissions are not enabled: every logged-in user may use Capacity Tracker"));
        }
        let mut asked = Asked::new(host);
        self.decide(&permissions, &mut asked, user, action, board_id, account_key)
    }

    /// Whether `user` may run the multi-project report `request_json` (as posted to
    /// `multi_project_report`): it shows each board's people and capacity, so it needs read
    /// access to every board it covers ([`Engine::report_boards`]). A refusal names the first
    /// board refused. While permissions are disabled the request is not even read.
    pub fn authorize_report(&self, host: &mut dyn AccessHost, user: &str, request_json: &str) -> Result<Decision> {
        let permissions = self.load_permissions(host.storage())?;
        if !permissions.enabled {
            return Ok(Decision::yes("permissions are not enabled: every logged-in user may use Capacity Tracker"));
        }
        let boards = self.report_boards(host.storage(), request_json)?;
        let mut asked = Asked::new(host);
        // A script needs the REST grant even for a report that covers no board.
        let rest = self.decide(&permissions, &mut asked, user, AccessAction::UseRest, None, None)?;
        if !rest.allowed {
            return Ok(rest);
        }
        for board_id in &boards {
            let d = self.decide(&permissions, &mut asked, user, AccessAction::ReadBoard, Some(board_id), None)?;
            if !d.allowed {
                return Ok(d);
            }
        }
        Ok(Decision::yes("every board the report covers may be read"))
    }

    /// The boards a multi-project report request covers, in the order the report lists
    /// them: its definition's (inline, or stored under `reportId`), then the posted boards
    /// not named there. A `reportId` with no stored definition names none (the report itself
    /// then says there is no such report).
    ///
    /// ```
    /// use capacity_core::{Engine, MemoryStorage};
    /// let boards = Engine::new()
    ///     .report_boards(&mut MemoryStorage::default(), r#"{"definition":{"boardIds":["1"]},"boards":[{"boardId":"2"},{"boardId":"1"}]}"#)
    ///     .unwrap();
    /// assert_eq!(boards, ["1", "2"]);
    /// ```
    pub fn report_boards(&self, storage: &mut dyn Storage, request_json: &str) -> Result<Vec<String>> {
        let scope: ReportScope = crate::documents::json::parse(request_json, "")?;
        let mut boards: Vec<String> = match (&scope.definition, &scope.report_id) {
            (Some(d), _) => d.board_ids.clone(),
            (None, Some(id)) => self.load_doc::<super::shared::ReportDefinitions>(storage, id)?.map(|d| d.board_ids.clone()).unwrap_or_default(),
            (None, None) => Vec::new(),
        };
        for b in scope.boards.into_iter().filter_map(|b| b.board_id) {
            if !boards.contains(&b) {
                boards.push(b);
            }
        }
        Ok(boards)
    }

    /// [`Engine::report_boards`] as JSON: `{"boardIds":["1","2"]}`.
    pub fn report_boards_json(&self, storage: &mut dyn Storage, request_json: &str) -> Result<String> {
        Ok(serde_json::json!({ "boardIds": self.report_boards(storage, request_json)? }).to_string())
    }

    /// The decision with permissions enabled.
    ///
    /// A call made with credentials (a script, [`AccessHost::with_credentials`]) needs the
    /// REST grant first, whatever the action; a browser session does not — its pages are
    /// the REST API's own client. `useRest` itself asks only that first question.
    fn decide(&self, permissions: &PermissionsDoc, asked: &mut Asked<'_>, user: &str, action: AccessAction, board_id: Option<&str>, account_key: Option<&str>) -> Result<Decision> {
        if asked.admin()? {
            return Ok(Decision::yes("Jira administrators may always use Capacity Tracker"));
        }
        if asked.credentials()? {
            let rest = self.decide_grants(permissions, asked, user, AccessAction::UseRest, None, None)?;
            if !rest.allowed || action == AccessAction::UseRest {
                return Ok(rest);
            }
        } else if action == AccessAction::UseRest {
            return Ok(Decision::yes("a logged-in browser session may always call the REST API its pages use"));
        }
        self.decide_grants(permissions, asked, user, action, board_id, account_key)
    }

    /// The grants' answer for a non-administrator.
    fn decide_grants(&self, permissions: &PermissionsDoc, asked: &mut Asked<'_>, user: &str, action: AccessAction, board_id: Option<&str>, account_key: Option<&str>) -> Result<Decision> {
        let mut groups = Vec::new();
        for g in groups_named(permissions, action, board_id) {
            if asked.host.is_member(g)? {
                groups.push(g.to_owned());
            }
        }
        let mut on_board = false;
        if let (AccessAction::ReadDaysOff | AccessAction::WriteDaysOff, Some(person), Some(board)) = (action, account_key, board_id) {
            // Only asked when it can matter: the board's members decide.
            if person != user {
                on_board = self.load_board(asked.host.storage(), board)?.members.iter().any(|m| m.account_key == person);
            }
        }
        let query = AccessQuery { user: user.to_owned(), groups, admin: false, action, board_id: board_id.map(str::to_owned), account_key: account_key.map(str::to_owned) };
        let answer = permissions.check(&query, on_board);
        let reason = match (answer.allowed, action, board_id) {
            (false, AccessAction::ReadBoard, Some(b)) => format!("board {b}: {}", answer.reason),
            _ => answer.reason,
        };
        Ok(Decision { allowed: answer.allowed, reason })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::MemoryStorage;

    /// A host that records what it was asked.
    struct Recording<'a> {
        storage: &'a mut MemoryStorage,
        admin: bool,
        groups: Vec<&'static str>,
        asked: Vec<String>,
    }

    impl AccessHost for Recording<'_> {
        fn storage(&mut self) -> &mut dyn Storage {
            self.storage
        }
        fn is_admin(&mut self) -> Result<bool> {
            self.asked.push("admin?".into());
            Ok(self.admin)
        }
        fn is_member(&mut self, group: &str) -> Result<bool> {
            self.asked.push(group.into());
            Ok(self.groups.contains(&group))
        }
    }

    fn setup() -> (Engine, MemoryStorage) {
        let engine = Engine::new();
        let mut s = MemoryStorage::default();
        engine
            .put_permissions(
                &mut s,
                r#"{"revision":0,"enabled":true,"boards":{"1":{"read":{"groups":["readers","both"]},"write":{"users":["lead"],"groups":["both"]}}},"templates":{"groups":["planners"]}}"#,
            )
            .unwrap();
        engine.put_board_settings(&mut s, "1", r#"{"revision":0,"members":[{"accountKey":"ann","role":"Dev","dailyCapacity":6}]}"#).unwrap();
        (engine, s)
    }

    #[test]
    fn disabled_permissions_ask_the_host_nothing() {
        let engine = Engine::new();
        let mut s = MemoryStorage::default();
        let mut host = Recording { storage: &mut s, admin: false, groups: vec![], asked: vec![] };
        assert!(engine.authorize(&mut host, "x", "writeBoard", Some("1"), None).unwrap().allowed);
        assert!(engine.authorize_report(&mut host, "x", "not even JSON").unwrap().allowed);
        assert!(host.asked.is_empty());
    }

    #[test]
    fn only_the_deciding_groups_are_asked_once_each() {
        let (engine, mut s) = setup();
        let mut host = Recording { storage: &mut s, admin: false, groups: vec!["readers"], asked: vec![] };
        let read = engine.authorize(&mut host, "bob", "readBoard", Some("1"), None).unwrap();
        assert!(read.allowed);
        assert_eq!(host.asked, ["admin?", "readers", "both"]);
        let write = engine.authorize(&mut host, "bob", "writeBoard", Some("1"), None).unwrap();
        assert!(!write.allowed);
        assert!(write.reason.contains("write list"), "{}", write.reason);
    }

    /// A host whose calls come with credentials (a script), or not (a browser session).
    struct Script<'a> {
        storage: &'a mut MemoryStorage,
        groups: Vec<&'static str>,
        credentials: bool,
        asked: usize,
    }

    impl AccessHost for Script<'_> {
        fn storage(&mut self) -> &mut dyn Storage {
            self.storage
        }
        fn is_admin(&mut self) -> Result<bool> {
            Ok(false)
        }
        fn is_member(&mut self, group: &str) -> Result<bool> {
            Ok(self.groups.contains(&group))
        }
        fn with_credentials(&mut self) -> Result<bool> {
            self.asked += 1;
            Ok(self.credentials)
        }
    }

    /// Issue 10, defect 2: the REST grant was stored but decided nothing — a script with a
    /// user's password could do whatever the user could (these asserts on refusals failed).
    #[test]
    fn calls_with_credentials_need_the_rest_grant_too() {
        let (engine, mut s) = setup();
        let perms = engine.get_permissions(&mut s).unwrap();
        let mut doc: serde_json::Value = serde_json::from_str(&perms).unwrap();
        doc["rest"] = serde_json::json!({"groups": ["scripts"]});
        engine.put_permissions(&mut s, &doc.to_string()).unwrap();
        let board_read = |engine: &Engine, host: &mut Script| engine.authorize(host, "bob", "readBoard", Some("1"), None).unwrap();

        let mut script = Script { storage: &mut s, groups: vec!["readers"], credentials: true, asked: 0 };
        let refused = board_read(&engine, &mut script);
        assert!(!refused.allowed);
        assert!(refused.reason.contains("may not use the REST API"), "{}", refused.reason);
        assert!(!engine.authorize(&mut script, "bob", "useRest", None, None).unwrap().allowed);
        assert!(!engine.authorize_report(&mut script, "bob", r#"{"boards":[{"boardId":"2"}]}"#).unwrap().allowed);
        assert!(!engine.authorize_report(&mut script, "bob", r#"{"boards":[]}"#).unwrap().allowed, "a report of no board");
        let days_off = engine.authorize(&mut script, "bob", "writeDaysOff", None, Some("bob")).unwrap();
        assert!(!days_off.allowed, "even one's own days off: {}", days_off.reason);

        // The same user in a browser session: the board's grants decide, useRest is granted.
        let mut session = Script { storage: &mut s, groups: vec!["readers"], credentials: false, asked: 0 };
        assert!(board_read(&engine, &mut session).allowed);
        assert!(engine.authorize(&mut session, "bob", "useRest", None, None).unwrap().allowed);
        assert_eq!(session.asked, 2, "asked once per call");

        // On the REST list, a script gets what the grants give the user, no more.
        let mut listed = Script { storage: &mut s, groups: vec!["readers", "scripts"], credentials: true, asked: 0 };
        assert!(board_read(&engine, &mut listed).allowed);
        assert!(!engine.authorize(&mut listed, "bob", "writeBoard", Some("1"), None).unwrap().allowed);
        assert!(engine.authorize(&mut listed, "bob", "useRest", None, None).unwrap().allowed);
        assert!(engine.authorize_report(&mut listed, "bob", r#"{"boards":[{"boardId":"1"},{"boardId":"2"}]}"#).unwrap().allowed);
        assert_eq!(listed.asked, 4, "once per call, reports included");

        // Administrators, and everyone while permissions are off, are not asked.
        let mut admin = GroupList { storage: &mut s, admin: true, groups: &[] };
        assert!(engine.authorize(&mut admin, "root", "writeBoard", Some("1"), None).unwrap().allowed);
        let mut off = MemoryStorage::default();
        let mut script_off = Script { storage: &mut off, groups: vec![], credentials: true, asked: 0 };
        assert!(engine.authorize(&mut script_off, "bob", "writeBoard", Some("1"), None).unwrap().allowed);
        assert_eq!(script_off.asked, 0);
    }

    #[test]
    fn refused_board_reads_name_the_board() {
        let (engine, mut s) = setup();
        let mut host = GroupList { storage: &mut s, admin: false, groups: &[] };
        let d = engine.authorize(&mut host, "bob", "readBoard", Some("1"), None).unwrap();
        assert!(!d.allowed);
        assert!(d.reason.starts_with("board 1: "), "{}", d.reason);
        let admin = engine.authorize(&mut GroupList { storage: &mut s, admin: true, groups: &[] }, "bob", "readBoard", Some("1"), None).unwrap();
        assert!(admin.allowed);
    }

    #[test]
    fn days_off_follow_the_board_membership() {
        let (engine, mut s) = setup();
        let mut host = GroupList { storage: &mut s, admin: false, groups: &[] };
        assert!(engine.authorize(&mut host, "ann", "writeDaysOff", None, Some("ann")).unwrap().allowed);
        let outside = engine.authorize(&mut host, "lead", "writeDaysOff", None, Some("ann")).unwrap();
        assert!(outside.reason.contains("outside a board"), "{}", outside.reason);
        assert!(engine.authorize(&mut host, "lead", "writeDaysOff", Some("1"), Some("ann")).unwrap().allowed);
        let not_member = engine.authorize(&mut host, "lead", "writeDaysOff", Some("1"), Some("dave")).unwrap();
        assert!(not_member.reason.contains("not a member of board 1"), "{}", not_member.reason);
        assert_eq!(engine.authorize(&mut host, "lead", "readDaysOff", Some("1"), None).unwrap_err().field(), Some("accountKey"));
    }

    #[test]
    fn malformed_questions_are_validation_errors() {
        let (engine, mut s) = setup();
        let mut host = GroupList { storage: &mut s, admin: false, groups: &[] };
        assert_eq!(engine.authorize(&mut host, "u", "fly", None, None).unwrap_err().field(), Some("action"));
        assert_eq!(engine.authorize(&mut host, "u", "readBoard", Some("1/2"), None).unwrap_err().field(), Some("boardId"));
        assert!(engine.authorize_report(&mut host, "u", r#"{"boards":["#).is_err());
    }

    #[test]
    fn a_report_needs_every_board_it_covers() {
        let (engine, mut s) = setup();
        engine
            .put_report_definition(&mut s, "dec", r#"{"revision":0,"name":"Dec","boardIds":["1"],"period":{"start":"2026-12-01","end":"2026-12-31"},"bucket":"week","grouping":"person"}"#)
            .unwrap();
        let mut host = GroupList { storage: &mut s, admin: false, groups: &[] };
        assert!(engine.authorize_report(&mut host, "bob", r#"{"boards":[{"boardId":"2"}]}"#).unwrap().allowed);
        let posted = engine.authorize_report(&mut host, "bob", r#"{"boards":[{"boardId":"2"},{"boardId":"1"}]}"#).unwrap();
        assert!(posted.reason.starts_with("board 1: "), "{}", posted.reason);
        assert!(!engine.authorize_report(&mut host, "bob", r#"{"reportId":"dec","boards":[]}"#).unwrap().allowed);
        assert!(engine.authorize_report(&mut host, "bob", r#"{"reportId":"none","boards":[]}"#).unwrap().allowed);
        let mut readers = GroupList { storage: &mut s, admin: false, groups: &["readers".to_owned()] };
        assert!(engine.authorize_report(&mut readers, "bob", r#"{"reportId":"dec","boards":[{"boardId":"1","iterations":[]}]}"#).unwrap().allowed);
    }

    #[test]
    fn report_boards_are_the_boards_the_report_lists() {
        let engine = Engine::new();
        let mut s = MemoryStorage::default();
        let request = r#"{"definition":{"name":"Q","boardIds":["7"],"period":{"start":"2026-01-05","end":"2026-01-16"},"bucket":"week","grouping":"board"},"boards":[{"boardId":"8","iterations":[]},{"boardId":"7","iterations":[]}]}"#;
        let report: serde_json::Value = serde_json::from_str(&engine.multi_project_report(&mut s, request).unwrap()).unwrap();
        assert_eq!(serde_json::to_value(engine.report_boards(&mut s, request).unwrap()).unwrap(), report["boards"]);
        assert_eq!(engine.report_boards_json(&mut s, request).unwrap(), r#"{"boardIds":["7","8"]}"#);
    }
}
