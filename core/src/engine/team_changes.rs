//! An iteration's team changes: stored per board and iteration, copied from another
//! iteration, or made by applying a template.

use std::sync::Arc;

use serde::Serialize;

use super::shared::{IterationTeams, Templates};
use super::Engine;
use crate::documents::overrides::{check_iteration_id, Action, MemberChange, OverridesDoc};
use crate::documents::settings::{BoardSettings, Day};
use crate::documents::templates;
use crate::error::{Error, Result};
use crate::storage::docstore::to_json;
use crate::storage::store::Storage;

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
    /// The team changes of one iteration of a board (whose id is checked, and whose
    /// settings are read): an empty document at revision 0 when none are stored.
    pub(crate) fn load_iteration(&self, storage: &mut dyn Storage, board_id: &str, iteration_id: &str) -> Result<Arc<OverridesDoc>> {
        self.load_board(storage, board_id)?;
        self.load_iteration_of_loaded_board(storage, board_id, iteration_id)
    }

    /// As [`Self::load_iteration`], for a caller that has just loaded the board itself (a
    /// report): the board is not read a second time.
    pub(crate) fn load_iteration_of_loaded_board(&self, storage: &mut dyn Storage, board_id: &str, iteration_id: &str) -> Result<Arc<OverridesDoc>> {
        Ok(self.load_doc::<IterationTeams>(storage, (board_id, iteration_id))?.unwrap_or_else(|| Arc::new(OverridesDoc::empty(board_id, iteration_id))))
    }

    /// The team changes of one iteration (an empty document at revision 0 when none).
    pub fn get_iteration_team(&self, storage: &mut dyn Storage, board_id: &str, iteration_id: &str) -> Result<String> {
        to_json(&*self.load_iteration(storage, board_id, iteration_id)?)
    }

    /// Stores one iteration's team changes against the revision read.
    pub fn put_iteration_team(&self, storage: &mut dyn Storage, board_id: &str, iteration_id: &str, json: &str) -> Result<String> {
        let board = self.load_board(storage, board_id)?;
        let doc = OverridesDoc::parse(json, board_id, iteration_id)?;
        check_against_board(&doc, &board)?;
        self.save_iteration(storage, doc)
    }

    fn save_iteration(&self, storage: &mut dyn Storage, doc: OverridesDoc) -> Result<String> {
        let (board_id, iteration_id) = (doc.board_id.clone(), doc.iteration_id.clone());
        let name = (board_id.as_str(), iteration_id.as_str());
        self.save_doc::<IterationTeams>(storage, name, doc, |s| Ok(Some(self.load_iteration(s, &board_id, &iteration_id)?.revision).filter(|r| *r > 0)))
    }

    /// Copies the team changes of one iteration to another ("copy the team from the
    /// previous sprint"): `{"boardId", "fromIterationId", "toIterationId", "revision"}`.
    pub fn copy_iteration_team(&self, storage: &mut dyn Storage, request_json: &str) -> Result<String> {
        let req: CopyRequest = crate::documents::json::parse(request_json, "")?;
        let from = self.load_iteration(storage, &req.board_id, &req.from_iteration_id)?;
        check_iteration_id(&req.to_iteration_id, "toIterationId")?;
        let doc = OverridesDoc { revision: req.revision, iteration_id: req.to_iteration_id.clone(), ..(*from).clone() };
        self.save_iteration(storage, doc)
    }

    /// Applies a template to a board's team, or to one iteration's team:
    /// `{"templateId", "boardId", "iterationId"?, "revision"}`. Returns what it added,
    /// changed, found unchanged and left alone, with the stored document.
    pub fn apply_template(&self, storage: &mut dyn Storage, request_json: &str) -> Result<String> {
        let req: ApplyRequest = crate::documents::json::parse(request_json, "")?;
        let template = self.find_named::<Templates>(storage, &req.template_id)?;
        let board = self.load_board(storage, &req.board_id)?;
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
                self.save_iteration(storage, doc)?
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
