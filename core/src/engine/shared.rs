//! Engine operations on the documents boards share or refer to: iteration teams,
//! templates, holiday calendars, multi-project report definitions and permissions.

use std::sync::Arc;

use serde::Serialize;

use crate::documents::calendars::{self, Calendar};
use crate::storage::docstore::{self, to_json, DocRef};
use crate::engine::Engine;
use crate::error::{Error, Result};
use crate::documents::overrides::{check_iteration_id, Action, MemberChange, OverridesDoc};
use crate::documents::permissions::{AccessAction, AccessQuery, PermissionsDoc};
use crate::documents::report_defs::ReportDefDoc;
use crate::documents::settings::{BoardSettings, Day};
use crate::storage::store::Storage;
use crate::documents::templates::{self, TemplateDoc};

/// Iteration documents are keyed by board and iteration together.
fn iteration_doc_id(board_id: &str, iteration_id: &str) -> Result<String> {
    check_iteration_id(iteration_id, "iterationId")?;
    Ok(format!("{board_id}:{iteration_id}"))
}

const PERMISSIONS_ID: &str = "global";

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Listed {
    id: String,
    name: String,
}

/// What applying a template did.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Applied {
    added: Vec<String>,
    changed: Vec<String>,
    unchanged: Vec<String>,
    /// Members of the board (or sprint) the template does not name: left as they are.
    left_alone: Vec<String>,
    document: serde_json::Value,
}

#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct ApplyRequest {
    template_id: String,
    board_id: String,
    #[serde(default)]
    iteration_id: Option<String>,
    /// Revision of the board settings (or the iteration document) the caller read.
    revision: u64,
}

#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct CopyRequest {
    board_id: String,
    from_iteration_id: String,
    to_iteration_id: String,
    /// Revision of the target iteration document the caller read (0 when it has none).
    revision: u64,
}

impl Engine {
    fn board_settings_checked(&self, storage: &mut dyn Storage, board_id: &str) -> Result<Arc<BoardSettings>> {
        self.load_board(storage, board_id)
    }

    pub(crate) fn load_iteration(&self, storage: &mut dyn Storage, board_id: &str, iteration_id: &str) -> Result<Arc<OverridesDoc>> {
        self.board_settings_checked(storage, board_id)?;
        let id = iteration_doc_id(board_id, iteration_id)?;
        let key = DocRef { kind: "iteration", id: &id }.key();
        Ok(docstore::load(storage, self.cache(), &key, |t| OverridesDoc::parse(t, board_id, iteration_id))?
            .unwrap_or_else(|| Arc::new(OverridesDoc::empty(board_id, iteration_id))))
    }

    /// The team changes of one iteration (an empty document at revision 0 when none).
    pub fn get_iteration_team(&self, storage: &mut dyn Storage, board_id: &str, iteration_id: &str) -> Result<String> {
        to_json(&*self.load_iteration(storage, board_id, iteration_id)?)
    }

    /// Stores one iteration's team changes against the revision read.
    pub fn put_iteration_team(&self, storage: &mut dyn Storage, board_id: &str, iteration_id: &str, json: &str) -> Result<String> {
        let board = self.board_settings_checked(storage, board_id)?;
        let mut doc = OverridesDoc::parse(json, board_id, iteration_id)?;
        check_against_board(&doc, &board)?;
        self.save_iteration(storage, &mut doc)
    }

    fn save_iteration(&self, storage: &mut dyn Storage, doc: &mut OverridesDoc) -> Result<String> {
        let id = iteration_doc_id(&doc.board_id, &doc.iteration_id)?;
        let (board_id, iteration_id) = (doc.board_id.clone(), doc.iteration_id.clone());
        docstore::save(
            storage,
            self.cache(),
            DocRef { kind: "iteration", id: &id },
            doc.revision,
            |s, _| Ok(Some(self.load_iteration(s, &board_id, &iteration_id)?.revision).filter(|r| *r > 0)),
            |revision| {
                doc.revision = revision;
                to_json(&*doc)
            },
        )
    }

    /// Copies the team changes of one iteration to another ("copy the team from the
    /// previous sprint"): `{"boardId", "fromIterationId", "toIterationId", "revision"}`.
    pub fn copy_iteration_team(&self, storage: &mut dyn Storage, request_json: &str) -> Result<String> {
        let req: CopyRequest = crate::documents::json::parse(request_json, "")?;
        let from = self.load_iteration(storage, &req.board_id, &req.from_iteration_id)?;
        check_iteration_id(&req.to_iteration_id, "toIterationId")?;
        let mut doc = OverridesDoc { revision: req.revision, iteration_id: req.to_iteration_id.clone(), ..(*from).clone() };
        self.save_iteration(storage, &mut doc)
    }

    /// A template, or a validation error naming `id` when there is none.
    pub fn get_template(&self, storage: &mut dyn Storage, id: &str) -> Result<String> {
        to_json(&*self.load_template(storage, id)?)
    }

    fn load_template(&self, storage: &mut dyn Storage, id: &str) -> Result<Arc<TemplateDoc>> {
        self.load_template_if_any(storage, id)?.ok_or_else(|| Error::validation("templateId", format!("there is no template {id:?}")))
    }

    /// The template, or `None` when there is none; storage failures are errors.
    pub(crate) fn load_template_if_any(&self, storage: &mut dyn Storage, id: &str) -> Result<Option<Arc<TemplateDoc>>> {
        templates::check_id(id, "templateId")?;
        let key = DocRef { kind: "template", id }.key();
        docstore::load(storage, self.cache(), &key, |t| TemplateDoc::parse(t, id))
    }

    pub fn put_template(&self, storage: &mut dyn Storage, id: &str, json: &str) -> Result<String> {
        let mut doc = TemplateDoc::parse(json, id)?;
        let key = DocRef { kind: "template", id }.key();
        docstore::save(
            storage,
            self.cache(),
            DocRef { kind: "template", id },
            doc.revision,
            |s, c| Ok(docstore::load(s, c, &key, |t| TemplateDoc::parse(t, id))?.map(|d| d.revision)),
            |revision| {
                doc.revision = revision;
                to_json(&doc)
            },
        )
    }

    pub fn remove_template(&self, storage: &mut dyn Storage, id: &str) -> Result<()> {
        templates::check_id(id, "templateId")?;
        docstore::remove(storage, self.cache(), DocRef { kind: "template", id })
    }

    /// Every template's id and name: `[{"id","name"}]`.
    pub fn list_templates(&self, storage: &mut dyn Storage) -> Result<String> {
        let mut out = Vec::new();
        for id in self.index_ids(storage, "template")? {
            let key = DocRef { kind: "template", id: &id }.key();
            if let Some(t) = docstore::load(storage, self.cache(), &key, |t| TemplateDoc::parse(t, &id))? {
                out.push(Listed { id: t.id.clone(), name: t.name.clone() });
            }
        }
        to_json(&out)
    }

    pub(crate) fn index_ids(&self, storage: &mut dyn Storage, kind: &str) -> Result<Vec<String>> {
        let index = docstore::load_index(storage, self.cache())?;
        Ok(index.documents.get(kind).map(|ids| ids.iter().cloned().collect()).unwrap_or_default())
    }

    /// Applies a template to a board's team, or to one iteration's team:
    /// `{"templateId", "boardId", "iterationId"?, "revision"}`. Returns what it added,
    /// changed, found unchanged and left alone, with the stored document.
    pub fn apply_template(&self, storage: &mut dyn Storage, request_json: &str) -> Result<String> {
        let req: ApplyRequest = crate::documents::json::parse(request_json, "")?;
        let template = self.load_template(storage, &req.template_id)?;
        let board = self.board_settings_checked(storage, &req.board_id)?;
        let unit = board.unit;
        let (mut added, mut changed, mut unchanged) = (vec![], vec![], vec![]);
        for (i, m) in template.members.iter().enumerate() {
            // The template's capacity must suit this board's unit.
            crate::documents::units::to_base(m.daily_capacity, unit, &format!("template.members[{i}].dailyCapacity"), unit.max_daily())?;
        }
        let role_name = |id: &str| board.doc.roles.iter().find(|r| r.id == id).map(|r| r.name.clone());
        let differs = |m: &crate::documents::settings::MemberDoc, t: &templates::TemplateMember| {
            role_name(&m.role_id).as_deref() != Some(t.role.as_str())
                || m.daily_capacity != t.daily_capacity
                || t.allocation.is_some_and(|a| a != m.allocation)
                || (t.working_weekdays.is_some() && t.working_weekdays != m.working_weekdays)
        };
        let in_template = |key: &str| template.members.iter().any(|t| t.account_key == key);
        let left_alone: Vec<String> = board.doc.members.iter().filter(|m| !in_template(&m.account_key)).map(|m| m.account_key.clone()).collect();

        let stored = match &req.iteration_id {
            None => {
                let mut doc = board.doc.clone();
                doc.revision = req.revision;
                for t in &template.members {
                    match doc.members.iter().position(|m| m.account_key == t.account_key) {
                        Some(i) if differs(&doc.members[i], t) => {
                            let m = &mut doc.members[i];
                            m.role_id = String::new();
                            m.daily_capacity = t.daily_capacity;
                            if let Some(a) = t.allocation {
                                m.allocation = a;
                            }
                            if t.working_weekdays.is_some() {
                                m.working_weekdays = t.working_weekdays.clone();
                            }
                            changed.push(t.account_key.clone());
                        }
                        Some(_) => unchanged.push(t.account_key.clone()),
                        None => added.push(t.account_key.clone()),
                    }
                }
                // Re-render as input: members changed or added take their role by name.
                let mut value = serde_json::to_value(&doc).map_err(|e| Error::panic(e.to_string()))?;
                let members = value["members"].as_array_mut().expect("members is an array");
                for m in members.iter_mut() {
                    if m["roleId"] == "" {
                        let key = m["accountKey"].as_str().unwrap_or_default().to_string();
                        let t = template.members.iter().find(|t| t.account_key == key).expect("changed from the template");
                        m.as_object_mut().unwrap().remove("roleId");
                        m["role"] = serde_json::Value::String(t.role.clone());
                    }
                }
                for t in template.members.iter().filter(|t| added.contains(&t.account_key)) {
                    members.push(template_member_json(t));
                }
                self.put_board_settings(storage, &req.board_id, &value.to_string())?
            }
            Some(iteration_id) => {
                let current = self.load_iteration(storage, &req.board_id, iteration_id)?;
                let mut doc = (*current).clone();
                doc.revision = req.revision;
                for t in &template.members {
                    let change = match board.doc.members.iter().find(|m| m.account_key == t.account_key) {
                        Some(m) if differs(m, t) => Some((Action::Change, &mut changed)),
                        Some(_) => None,
                        None => Some((Action::Add, &mut added)),
                    };
                    doc.members.retain(|c| c.account_key != t.account_key);
                    match change {
                        Some((action, list)) => {
                            list.push(t.account_key.clone());
                            doc.members.push(MemberChange {
                                account_key: t.account_key.clone(),
                                action,
                                role_id: None,
                                role: Some(t.role.clone()),
                                daily_capacity: Some(t.daily_capacity),
                                allocation: t.allocation,
                                working_weekdays: t.working_weekdays.clone(),
                            });
                        }
                        None => unchanged.push(t.account_key.clone()),
                    }
                }
                self.save_iteration(storage, &mut doc)?
            }
        };
        to_json(&Applied {
            added,
            changed,
            unchanged,
            left_alone,
            document: serde_json::from_str(&stored).map_err(|e| Error::panic(e.to_string()))?,
        })
    }

    pub(crate) fn load_calendar(&self, storage: &mut dyn Storage, id: &str) -> Result<Option<Arc<Calendar>>> {
        calendars::check_id(id, "calendarId")?;
        let key = DocRef { kind: "calendar", id }.key();
        docstore::load(storage, self.cache(), &key, |t| Calendar::parse(t, id))
    }

    pub fn get_calendar(&self, storage: &mut dyn Storage, id: &str) -> Result<String> {
        let cal = self.load_calendar(storage, id)?.ok_or_else(|| Error::validation("calendarId", format!("there is no holiday calendar {id:?}")))?;
        to_json(&cal.doc)
    }

    pub fn put_calendar(&self, storage: &mut dyn Storage, id: &str, json: &str) -> Result<String> {
        let mut cal = Calendar::parse(json, id)?;
        docstore::save(
            storage,
            self.cache(),
            DocRef { kind: "calendar", id },
            cal.doc.revision,
            |s, _| Ok(self.load_calendar(s, id)?.map(|c| c.doc.revision)),
            |revision| {
                cal.doc.revision = revision;
                to_json(&cal.doc)
            },
        )
    }

    pub fn remove_calendar(&self, storage: &mut dyn Storage, id: &str) -> Result<()> {
        calendars::check_id(id, "calendarId")?;
        docstore::remove(storage, self.cache(), DocRef { kind: "calendar", id })
    }

    pub fn list_calendars(&self, storage: &mut dyn Storage) -> Result<String> {
        let mut out = Vec::new();
        for id in self.index_ids(storage, "calendar")? {
            if let Some(c) = self.load_calendar(storage, &id)? {
                out.push(Listed { id: c.doc.id.clone(), name: c.doc.name.clone() });
            }
        }
        to_json(&out)
    }

    pub(crate) fn load_report_definition(&self, storage: &mut dyn Storage, id: &str) -> Result<Option<Arc<ReportDefDoc>>> {
        calendars::check_id(id, "reportId")?;
        let key = DocRef { kind: "report", id }.key();
        docstore::load(storage, self.cache(), &key, |t| ReportDefDoc::parse(t, id))
    }

    pub fn get_report_definition(&self, storage: &mut dyn Storage, id: &str) -> Result<String> {
        let d = self.load_report_definition(storage, id)?.ok_or_else(|| Error::validation("reportId", format!("there is no report {id:?}")))?;
        to_json(&*d)
    }

    pub fn put_report_definition(&self, storage: &mut dyn Storage, id: &str, json: &str) -> Result<String> {
        let mut doc = ReportDefDoc::parse(json, id)?;
        docstore::save(
            storage,
            self.cache(),
            DocRef { kind: "report", id },
            doc.revision,
            |s, _| Ok(self.load_report_definition(s, id)?.map(|d| d.revision)),
            |revision| {
                doc.revision = revision;
                to_json(&doc)
            },
        )
    }

    pub fn remove_report_definition(&self, storage: &mut dyn Storage, id: &str) -> Result<()> {
        calendars::check_id(id, "reportId")?;
        docstore::remove(storage, self.cache(), DocRef { kind: "report", id })
    }

    pub fn list_report_definitions(&self, storage: &mut dyn Storage) -> Result<String> {
        let mut out = Vec::new();
        for id in self.index_ids(storage, "report")? {
            if let Some(d) = self.load_report_definition(storage, &id)? {
                out.push(Listed { id: d.id.clone(), name: d.name.clone() });
            }
        }
        to_json(&out)
    }

    pub(crate) fn load_permissions(&self, storage: &mut dyn Storage) -> Result<Arc<PermissionsDoc>> {
        let key = DocRef { kind: "permissions", id: PERMISSIONS_ID }.key();
        Ok(docstore::load(storage, self.cache(), &key, PermissionsDoc::parse)?.unwrap_or_default())
    }

    /// The permissions document (disabled, at revision 0, until an admin stores one).
    pub fn get_permissions(&self, storage: &mut dyn Storage) -> Result<String> {
        to_json(&*self.load_permissions(storage)?)
    }

    pub fn put_permissions(&self, storage: &mut dyn Storage, json: &str) -> Result<String> {
        let mut doc = PermissionsDoc::parse(json)?;
        docstore::save(
            storage,
            self.cache(),
            DocRef { kind: "permissions", id: PERMISSIONS_ID },
            doc.revision,
            |s, _| Ok(Some(self.load_permissions(s)?.revision).filter(|r| *r > 0)),
            |revision| {
                doc.revision = revision;
                to_json(&doc)
            },
        )
    }

    /// Answers an access question against the stored permissions:
    /// `{"user", "groups", "admin", "action", "boardId"}` → `{"allowed", "reason"}`.
    pub fn check_access(&self, storage: &mut dyn Storage, query_json: &str) -> Result<String> {
        let query: AccessQuery = crate::documents::json::parse(query_json, "")?;
        let permissions = self.load_permissions(storage)?;
        let mut on_board = false;
        if matches!(query.action, AccessAction::ReadDaysOff | AccessAction::WriteDaysOff) {
            let Some(person) = query.account_key.as_deref() else {
                return Err(Error::validation("accountKey", "the days-off actions need the person's account key"));
            };
            crate::documents::settings::check_account_key(person, "accountKey")?;
            // Only asked when it can matter: the board's members decide.
            if permissions.enabled && !query.admin && person != query.user {
                if let Some(board_id) = query.board_id.as_deref() {
                    on_board = self.load_board(storage, board_id).map_err(|e| match e {
                        Error::Validation { message, .. } => Error::validation("boardId", message),
                        other => other,
                    })?.members.iter().any(|m| m.account_key == person);
                }
            }
        }
        to_json(&permissions.check(&query, on_board))
    }
}

/// What the board decides about an iteration's changes when they are saved: capacities in
/// the board's unit and range, role ids the board has. (A change saved earlier can still stop
/// fitting when the board changes later; the report then skips it with a warning.)
fn check_against_board(doc: &OverridesDoc, board: &BoardSettings) -> Result<()> {
    for (i, m) in doc.members.iter().enumerate() {
        let f = format!("members[{i}]");
        if let Some(v) = m.daily_capacity {
            crate::documents::units::to_base(v, board.unit, &format!("{f}.dailyCapacity"), board.unit.max_daily())?;
        }
        if let Some(id) = &m.role_id {
            if !board.doc.roles.iter().any(|r| &r.id == id) {
                return Err(Error::validation(format!("{f}.roleId"), format!("{id:?} is not the id of a role of this board")));
            }
        }
    }
    Ok(())
}

fn template_member_json(t: &templates::TemplateMember) -> serde_json::Value {
    let mut m = serde_json::json!({
        "accountKey": t.account_key,
        "role": t.role,
        "dailyCapacity": t.daily_capacity,
    });
    if let Some(a) = t.allocation {
        m["allocation"] = a.into();
    }
    if let Some(days) = &t.working_weekdays {
        m["workingWeekdays"] = serde_json::to_value(days.iter().map(|d: &Day| format!("{d:?}")).collect::<Vec<_>>()).unwrap();
    }
    m
}
