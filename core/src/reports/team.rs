//! The team an iteration actually has: the board's members with that iteration's
//! overrides applied (added, removed or changed for this sprint only).

use std::collections::HashMap;

use crate::documents::overrides::{Action, OverridesDoc};
use crate::reports::warning::Warning;
use crate::documents::settings::{BoardSettings, Member, RoleDoc, Weekdays};
use crate::documents::units::{to_base, Ratio};

/// How an override touched a member, for the report.
pub type Touched = HashMap<String, &'static str>;

/// Applies `overrides` to a copy of `settings`. Overrides that no longer fit the board
/// (a change for someone no longer a member, a role id since deleted) are skipped with a
/// warning rather than failing the report: the board may have changed since they were saved.
pub fn apply(settings: &BoardSettings, overrides: &OverridesDoc) -> (BoardSettings, Touched, Vec<Warning>) {
    let mut effective = settings.clone();
    let mut touched = Touched::new();
    let mut warnings = Vec::new();
    let unit = settings.unit;
    let mut skip = |who: &str, why: String| {
        warnings.push(Warning { code: "overrideSkipped", message: format!("the change for {who} in this iteration was skipped: {why}") });
    };
    for change in &overrides.members {
        let key = change.account_key.as_str();
        let position = effective.members.iter().position(|m| m.account_key == key);
        let role = match (&change.role_id, &change.role) {
            (Some(id), _) => match effective.doc.roles.iter().find(|r| &r.id == id) {
                Some(r) => Some(r.clone()),
                None => {
                    skip(key, format!("the board has no role {id:?}"));
                    continue;
                }
            },
            (None, Some(name)) => Some(role_by_name(&mut effective, name)),
            (None, None) => None,
        };
        let daily = match change.daily_capacity.map(|v| to_base(v, unit, "dailyCapacity", unit.max_daily())) {
            Some(Ok(v)) => Some(v),
            Some(Err(e)) => {
                skip(key, e.to_string());
                continue;
            }
            None => None,
        };
        let allocation = change.allocation.map(|a| Ratio((a * 100.0).round() as i64));
        let weekdays = change.working_weekdays.as_ref().map(|days| Weekdays(days.iter().fold(0u8, |m, d| m | 1 << d.weekday().num_days_from_monday())));
        match (change.action, position) {
            (Action::Remove, Some(i)) => {
                effective.members.remove(i);
                touched.insert(key.into(), "removed");
            }
            (Action::Remove, None) => skip(key, "not a member of the board".into()),
            (Action::Add, Some(_)) | (Action::Change, Some(_)) => {
                let m = &mut effective.members[position.unwrap()];
                if let Some(r) = role {
                    m.role_id = r.id;
                    m.role = r.name;
                }
                if let Some(d) = daily {
                    m.daily = d;
                }
                if let Some(a) = allocation {
                    m.allocation = a;
                }
                if weekdays.is_some() {
                    m.working_weekdays = weekdays;
                }
                touched.insert(key.into(), "changed");
            }
            (Action::Add, None) => {
                let r = role.expect("validated: an addition has a role");
                effective.members.push(Member {
                    account_key: key.into(),
                    role_id: r.id,
                    role: r.name,
                    daily: daily.expect("validated: an addition has a daily capacity"),
                    allocation: allocation.unwrap_or(Ratio::ONE),
                    working_weekdays: weekdays,
                    active_from: None,
                    active_to: None,
                });
                touched.insert(key.into(), "added");
            }
            (Action::Change, None) => skip(key, "not a member of the board".into()),
        }
    }
    (effective, touched, warnings)
}

/// The board's role of that name, or a new one for this report.
fn role_by_name(settings: &mut BoardSettings, name: &str) -> RoleDoc {
    if let Some(r) = settings.doc.roles.iter().find(|r| r.name == name) {
        return r.clone();
    }
    let role = RoleDoc { id: format!("iteration-{}", settings.doc.roles.len() + 1), name: name.into(), colour: "#5E6C84".into() };
    settings.doc.roles.push(role.clone());
    role
}
