//! The seed's promise made checkable: what is stored about a person, all of it exported on
//! request, all of it erased on request.
//!
//! Personal data is account keys, roles, daily capacity, allocation, working days and days
//! off; it lives in board settings, days-off documents, iteration team changes, templates
//! and the permission lists. Report definitions and calendars name no person.

use serde::Serialize;
use serde_json::{json, Value};

use crate::storage::docstore::{self, to_json, DocRef};
use crate::engine::Engine;
use crate::error::{Error, Result};
use crate::documents::settings::check_account_key;
use crate::storage::store::Storage;

#[derive(Serialize, Default)]
#[serde(rename_all = "camelCase")]
struct Removed {
    account_key: String,
    boards: Vec<String>,
    days_off: bool,
    iterations: Vec<String>,
    templates: Vec<String>,
    permissions: Vec<String>,
}

impl Engine {
    /// Every stored item about `account_key`, as one JSON document.
    pub fn export_user(&self, storage: &mut dyn Storage, account_key: &str) -> Result<String> {
        check_account_key(account_key, "accountKey")?;
        let mut boards = Vec::new();
        for id in self.index_ids(storage, "board")? {
            let board = self.load_board(storage, &id)?;
            if let Some(m) = board.doc.members.iter().find(|m| m.account_key == account_key) {
                let role = board.doc.roles.iter().find(|r| r.id == m.role_id).map(|r| r.name.clone());
                boards.push(json!({ "boardId": id, "role": role, "member": m }));
            }
        }
        let days_off = self.load_days_off(storage, account_key)?;
        let mut iterations = Vec::new();
        for id in self.index_ids(storage, "iteration")? {
            let Some((board_id, iteration_id)) = id.split_once(':') else { continue };
            let doc = self.load_iteration(storage, board_id, iteration_id)?;
            if let Some(c) = doc.members.iter().find(|c| c.account_key == account_key) {
                iterations.push(json!({ "boardId": board_id, "iterationId": iteration_id, "change": c }));
            }
        }
        let mut templates = Vec::new();
        for id in self.index_ids(storage, "template")? {
            let t: Value = serde_json::from_str(&self.get_template(storage, &id)?).map_err(|e| Error::panic(e.to_string()))?;
            if let Some(m) = t["members"].as_array().and_then(|ms| ms.iter().find(|m| m["accountKey"] == account_key)) {
                templates.push(json!({ "templateId": id, "member": m }));
            }
        }
        let permissions = self.permission_places(storage, account_key)?;
        to_json(&json!({
            "accountKey": account_key,
            "boards": boards,
            "daysOff": if days_off.doc.revision > 0 { Some(&days_off.doc) } else { None },
            "iterations": iterations,
            "templates": templates,
            "permissions": permissions,
        }))
    }

    /// Where the permission lists name the user: `boards.1.write`, `templates`, ...
    fn permission_places(&self, storage: &mut dyn Storage, account_key: &str) -> Result<Vec<String>> {
        let perms = self.load_permissions(storage)?;
        let mut places = Vec::new();
        for (board, grants) in &perms.boards {
            if grants.read.users.iter().any(|u| u == account_key) {
                places.push(format!("boards.{board}.read"));
            }
            if grants.write.users.iter().any(|u| u == account_key) {
                places.push(format!("boards.{board}.write"));
            }
        }
        for (name, grant) in [("templates", &perms.templates), ("reports", &perms.reports), ("rest", &perms.rest)] {
            if grant.users.iter().any(|u| u == account_key) {
                places.push(name.to_string());
            }
        }
        Ok(places)
    }

    /// Removes `account_key` from every board, iteration team, template, days-off entry and
    /// permission list; returns what it removed. Running it again removes nothing more.
    pub fn forget_user(&self, storage: &mut dyn Storage, account_key: &str) -> Result<String> {
        check_account_key(account_key, "accountKey")?;
        let mut removed = Removed { account_key: account_key.to_string(), ..Removed::default() };

        for id in self.index_ids(storage, "board")? {
            let board = self.load_board(storage, &id)?;
            if board.doc.members.iter().any(|m| m.account_key == account_key) {
                let mut doc = board.doc.clone();
                doc.members.retain(|m| m.account_key != account_key);
                self.put_board_settings(storage, &id, &to_json(&doc)?)?;
                removed.boards.push(id);
            }
        }
        for id in self.index_ids(storage, "iteration")? {
            let Some((board_id, iteration_id)) = id.split_once(':') else { continue };
            let doc = self.load_iteration(storage, board_id, iteration_id)?;
            if doc.members.iter().any(|c| c.account_key == account_key) {
                let mut doc = (*doc).clone();
                doc.members.retain(|c| c.account_key != account_key);
                self.put_iteration_team(storage, board_id, iteration_id, &to_json(&doc)?)?;
                removed.iterations.push(id.clone());
            }
        }
        for id in self.index_ids(storage, "template")? {
            let text = self.get_template(storage, &id)?;
            let mut t: Value = serde_json::from_str(&text).map_err(|e| Error::panic(e.to_string()))?;
            let members = t["members"].as_array_mut().expect("a template has members");
            let before = members.len();
            members.retain(|m| m["accountKey"] != account_key);
            if members.len() != before {
                self.put_template(storage, &id, &t.to_string())?;
                removed.templates.push(id);
            }
        }
        let places = self.permission_places(storage, account_key)?;
        if !places.is_empty() {
            let mut perms = (*self.load_permissions(storage)?).clone();
            for grants in perms.boards.values_mut() {
                grants.read.users.retain(|u| u != account_key);
                grants.write.users.retain(|u| u != account_key);
            }
            for grant in [&mut perms.templates, &mut perms.reports, &mut perms.rest] {
                grant.users.retain(|u| u != account_key);
            }
            self.put_permissions(storage, &to_json(&perms)?)?;
            removed.permissions = places;
        }
        let days_off = DocRef { kind: "daysoff", id: account_key };
        if self.load_days_off(storage, account_key)?.doc.revision > 0 || self.index_ids(storage, "daysoff")?.iter().any(|k| k == account_key) {
            docstore::remove(storage, self.cache(), days_off)?;
            removed.days_off = true;
        }
        to_json(&removed)
    }

    /// What categories of personal data are stored and where, for the admin page.
    pub fn data_inventory(&self, storage: &mut dyn Storage) -> Result<String> {
        let mut people = std::collections::BTreeSet::new();
        let boards = self.index_ids(storage, "board")?;
        for id in &boards {
            for m in &self.load_board(storage, id)?.doc.members {
                people.insert(m.account_key.clone());
            }
        }
        let days_off = self.index_ids(storage, "daysoff")?;
        people.extend(days_off.iter().cloned());
        let iterations = self.index_ids(storage, "iteration")?;
        let templates = self.index_ids(storage, "template")?;
        let perms = self.load_permissions(storage)?;
        let permission_users: usize = perms.boards.values().map(|g| g.read.users.len() + g.write.users.len()).sum::<usize>()
            + perms.templates.users.len()
            + perms.reports.users.len()
            + perms.rest.users.len();
        to_json(&json!({
            "people": people.len(),
            "categories": [
                { "category": "boardMembership", "fields": ["accountKey", "role", "dailyCapacity", "allocation", "workingWeekdays", "activeFrom", "activeTo"],
                  "where": "board settings (org.capacitytracker:board:<boardId>)", "documents": boards.len() },
                { "category": "daysOff", "fields": ["accountKey", "dates", "fraction", "reason"],
                  "where": "days off (org.capacitytracker:daysoff:<accountKey>)", "documents": days_off.len() },
                { "category": "iterationTeamChanges", "fields": ["accountKey", "role", "dailyCapacity", "allocation", "workingWeekdays"],
                  "where": "iteration teams (org.capacitytracker:iteration:<boardId>:<iterationId>)", "documents": iterations.len() },
                { "category": "templates", "fields": ["accountKey", "role", "dailyCapacity", "allocation", "workingWeekdays"],
                  "where": "templates (org.capacitytracker:template:<id>)", "documents": templates.len() },
                { "category": "permissions", "fields": ["accountKey"],
                  "where": "permissions (org.capacitytracker:permissions:global)", "entries": permission_users }
            ],
            "notStored": "No names, e-mail addresses, tokens or issue contents are stored; work items are read from Jira for each report and never kept."
        }))
    }
}
