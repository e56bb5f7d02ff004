//! Per-iteration team changes: for one sprint, add or remove a member or change their
//! capacity without touching the board's defaults.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::documents::json;
use crate::documents::settings::{check_account_key, Day};

pub const SCHEMA: u32 = 1;
pub const MAX_CHANGES: usize = 500;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Action {
    Add,
    Remove,
    Change,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OverridesDoc {
    pub schema: u32,
    pub revision: u64,
    pub board_id: String,
    pub iteration_id: String,
    pub members: Vec<MemberChange>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MemberChange {
    pub account_key: String,
    pub action: Action,
    /// A role id of the board, or (like board settings) `role`, a role name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub daily_capacity: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allocation: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub working_weekdays: Option<Vec<Day>>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct OverridesInput {
    schema: Option<u32>,
    revision: Option<u64>,
    board_id: Option<String>,
    iteration_id: Option<String>,
    #[serde(default)]
    members: Vec<MemberChange>,
}

pub fn check_iteration_id(id: &str, field: &str) -> Result<()> {
    crate::documents::ids::ITERATION_ID.check(id, field)
}

impl OverridesDoc {
    pub fn empty(board_id: &str, iteration_id: &str) -> OverridesDoc {
        OverridesDoc { schema: SCHEMA, revision: 0, board_id: board_id.into(), iteration_id: iteration_id.into(), members: vec![] }
    }

    pub fn parse(text: &str, board_id: &str, iteration_id: &str) -> Result<OverridesDoc> {
        check_iteration_id(iteration_id, "iterationId")?;
        let input: OverridesInput = json::parse(text, "")?;
        if let Some(s) = input.schema {
            if s != SCHEMA {
                return Err(Error::validation("schema", format!("unsupported schema {s}; this engine reads schema {SCHEMA}")));
            }
        }
        for (field, given, expected) in [("boardId", &input.board_id, board_id), ("iterationId", &input.iteration_id, iteration_id)] {
            if let Some(g) = given {
                if g != expected {
                    return Err(Error::validation(field, format!("the document is for {g:?} but was sent for {expected:?}")));
                }
            }
        }
        if input.members.len() > MAX_CHANGES {
            return Err(Error::validation("members", format!("at most {MAX_CHANGES} changes")));
        }
        let mut seen = std::collections::HashSet::new();
        for (i, m) in input.members.iter().enumerate() {
            let f = format!("members[{i}]");
            check_account_key(&m.account_key, &format!("{f}.accountKey"))?;
            if !seen.insert(&m.account_key) {
                return Err(Error::validation(format!("{f}.accountKey"), format!("{:?} has more than one change", m.account_key)));
            }
            if m.role_id.is_some() && m.role.is_some() {
                return Err(Error::validation(format!("{f}.role"), "give roleId or role (a name), not both"));
            }
            let has_fields = m.role_id.is_some() || m.role.is_some() || m.daily_capacity.is_some() || m.allocation.is_some() || m.working_weekdays.is_some();
            match m.action {
                Action::Add => {
                    if m.role_id.is_none() && m.role.is_none() {
                        return Err(Error::validation(format!("{f}.roleId"), "is required to add a member (or role, a role name)"));
                    }
                    if m.daily_capacity.is_none() {
                        return Err(Error::validation(format!("{f}.dailyCapacity"), "is required to add a member"));
                    }
                }
                Action::Remove if has_fields => {
                    return Err(Error::validation(format!("{f}.action"), "a removal takes no other fields"));
                }
                Action::Change if !has_fields => {
                    return Err(Error::validation(format!("{f}.action"), "a change needs at least one field to change"));
                }
                _ => {}
            }
            if let Some(v) = m.daily_capacity {
                crate::documents::units::check_finite(v, &format!("{f}.dailyCapacity"))?;
                if !(0.0..=1000.0).contains(&v) {
                    return Err(Error::validation(format!("{f}.dailyCapacity"), format!("must be between 0 and 1000, got {v}")));
                }
            }
            if let Some(a) = m.allocation {
                crate::documents::units::Ratio::percent(a, &format!("{f}.allocation"), 100.0)?;
            }
        }
        Ok(OverridesDoc {
            schema: SCHEMA,
            revision: input.revision.unwrap_or(0),
            board_id: board_id.into(),
            iteration_id: iteration_id.into(),
            members: input.members,
        })
    }
}
