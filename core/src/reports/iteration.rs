//! The iteration report: each member's capacity against the workload assigned to them.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::capacity::calendar::{read_dates, DateReading, Moment};
use crate::documents::days_off::DaysOff;
use crate::error::{Error, Result};
use crate::documents::json;
use crate::documents::settings::BoardSettings;
use crate::documents::units::{scale, Ratio, Unit, RATIO_ONE};
use crate::capacity::days::{holidays_between, member_day, team_days_with};
use super::period::PeriodKind;
use crate::items::{self, to_base_units, FastMap, FastSet, Item, Tallies, WorkSet};

pub use super::status::{judge, Status};
pub use super::warning::Warning;

pub const SCHEMA: u32 = 1;

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ReportRequest {
    pub board_id: String,
    pub iteration: IterationInput,
    #[serde(default)]
    pub items: Vec<Item>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct IterationInput {
    #[serde(default)]
    pub id: Option<String>,
    #[serde(default)]
    pub name: Option<String>,
    pub start: String,
    pub end: String,
    #[serde(default)]
    pub as_of: Option<String>,
    /// A sprint (the default), a fix version or a saved range: which items count.
    #[serde(default)]
    pub kind: PeriodKind,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    pub schema: u32,
    pub board_id: String,
    pub unit: Unit,
    pub base_unit: &'static str,
    pub iteration: IterationOut,
    pub team: Totals,
    pub roles: Vec<RoleOut>,
    pub members: Vec<MemberOut>,
    pub days: Vec<DayOut>,
    pub unassigned: Bucket,
    pub non_members: Vec<NonMember>,
    pub unestimated: Unestimated,
    pub warnings: Vec<Warning>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct IterationOut {
    pub id: Option<String>,
    /// Said only for a version or a range: a sprint's report reads as it always did.
    #[serde(skip_serializing_if = "PeriodKind::is_sprint")]
    pub kind: PeriodKind,
    pub name: Option<String>,
    pub first_date: NaiveDate,
    pub last_date: NaiveDate,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub as_of: Option<NaiveDate>,
    pub dates: Vec<NaiveDate>,
    pub reading: String,
}

#[derive(Debug, Serialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct Totals {
    pub capacity: i64,
    pub workload: i64,
    pub free: i64,
    pub utilisation: Option<f64>,
    pub status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub remaining_capacity: Option<i64>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RoleOut {
    pub role_id: String,
    pub role: String,
    pub colour: String,
    pub members: usize,
    #[serde(flatten)]
    pub totals: Totals,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MemberOut {
    pub account_key: String,
    pub role_id: String,
    pub role: String,
    pub daily_capacity: i64,
    pub allocation: f64,
    #[serde(flatten)]
    pub totals: Totals,
    pub working_days: u32,
    pub days_off: f64,
    pub holidays: f64,
    pub items: ItemKeys,
    pub days: Vec<i64>,
    /// `added` or `changed` when this iteration's team overrides touched the member.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub iteration_change: Option<&'static str>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DayOut {
    pub date: NaiveDate,
    pub working: bool,
    pub holiday: Option<String>,
    pub capacity: i64,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Bucket {
    pub workload: i64,
    pub items: ItemKeys,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NonMember {
    pub assignee: String,
    pub workload: i64,
    pub items: ItemKeys,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Unestimated {
    pub count: usize,
    pub items: ItemKeys,
}

/// The keys of the items a report lists in one place (a member's, the unassigned, ...):
/// positions in one key table shared by the whole report, so a report over thousands of
/// items copies the keys once instead of allocating a string per listed key. Serialises
/// as a JSON array of strings.
///
/// ```
/// # use capacity_core::reports::iteration::parse_request;
/// let request = parse_request(r#"{"boardId":"1","iteration":{"start":"2026-03-02","end":"2026-03-06"},
///     "items":[{"key":"A-1","assignee":"ann","remainingSeconds":3600}]}"#).unwrap();
/// let mut days_off: std::collections::HashMap<String, Box<capacity_core::documents::days_off::DaysOff>> = Default::default();
/// let settings = capacity_core::documents::settings::BoardSettings::parse(r#"{"members":[{"accountKey":"ann","role":"Dev","dailyCapacity":6}]}"#).unwrap();
/// let report = capacity_core::reports::iteration::compute(&request, &settings, &days_off).unwrap();
/// assert_eq!(report.members[0].items.iter().collect::<Vec<_>>(), ["A-1"]);
/// ```
#[derive(Debug, Clone)]
pub struct ItemKeys {
    table: Arc<KeyTable>,
    from: u32,
    to: u32,
}

/// Every key of a report's work set, and the lists of positions the report shows.
#[derive(Debug, Default)]
struct KeyTable {
    text: String,
    /// Where each item's key ends in `text` (it starts where the previous one ends).
    ends: Vec<u32>,
    /// Item positions, list after list.
    lists: Vec<u32>,
}

impl KeyTable {
    fn new(work: &WorkSet, lists: Vec<u32>) -> KeyTable {
        let mut text = String::with_capacity(work.items.iter().map(|it| it.key.len()).sum());
        let mut ends = Vec::with_capacity(work.items.len());
        for it in &work.items {
            text.push_str(it.key);
            ends.push(text.len() as u32);
        }
        KeyTable { text, ends, lists }
    }

    fn key(&self, item: u32) -> &str {
        let i = item as usize;
        let from = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.text[from..self.ends[i] as usize]
    }
}

impl ItemKeys {
    fn of(table: &Arc<KeyTable>, from: usize, to: usize) -> ItemKeys {
        ItemKeys { table: table.clone(), from: from as u32, to: to as u32 }
    }

    pub fn len(&self) -> usize {
        (self.to - self.from) as usize
    }

    pub fn is_empty(&self) -> bool {
        self.to == self.from
    }

    /// The keys, in report order.
    pub fn iter(&self) -> impl Iterator<Item = &str> + '_ {
        self.table.lists[self.from as usize..self.to as usize].iter().map(|i| self.table.key(*i))
    }
}

impl Serialize for ItemKeys {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

/// Parses a request, checking everything the engine will rely on.
pub fn parse_request(text: &str) -> Result<ReportRequest> {
    let request: ReportRequest = json::parse(text, "")?;
    items::validate::check_items(&request.items)?;
    Ok(request)
}

fn totals(capacity: i64, workload: i64, remaining: Option<i64>, settings: &BoardSettings) -> Totals {
    let (utilisation, status) = judge(workload, capacity, settings.under_threshold, settings.over_threshold);
    Totals { capacity, workload, free: capacity - workload, utilisation, status: status.as_str(), remaining_capacity: remaining }
}

/// Computes the report for `request` with the board's `settings` and members' days off.
/// What the engine found around the board for this report: the iteration's team changes
/// and the shared holiday calendar.
#[derive(Default)]
pub struct Context<'a> {
    pub touched: crate::reports::team::Touched,
    pub warnings: Vec<Warning>,
    pub calendar: Option<&'a crate::documents::calendars::Calendar>,
}

pub fn compute<D: std::ops::Deref<Target = DaysOff>>(request: &ReportRequest, settings: &BoardSettings, days_off: &HashMap<String, D>) -> Result<Report> {
    compute_with(request, settings, days_off, Context::default(), &WorkSet::from_items(&request.items))
}

/// Computes the report for `settings` as the iteration's team (overrides already applied)
/// over the work set `work` (the request's items, or a bulk caller's).
pub fn compute_with<D: std::ops::Deref<Target = DaysOff>>(
    request: &ReportRequest,
    settings: &BoardSettings,
    days_off: &HashMap<String, D>,
    context: Context,
    work: &WorkSet,
) -> Result<Report> {
    let start = Moment::parse(&request.iteration.start, "iteration.start")?;
    let end = Moment::parse(&request.iteration.end, "iteration.end")?;
    let reading: DateReading = read_dates(start, end, settings.time_zone)?;
    let as_of = request.iteration.as_of.as_deref().map(|d| json::date(d, "iteration.asOf")).transpose()?;
    let unit = settings.unit;

    let holiday_names = holidays_between(settings, context.calendar, reading.first, reading.last);
    let team_days = team_days_with(&holiday_names, reading.first, reading.last);

    let counted = work.counted(settings.estimate_source, settings.unit, settings.subtask_policy);
    let tallies = Tallies::of(work, &counted);
    let mut person: FastMap<&str, usize> = FastMap::with_capacity_and_hasher(work.people.len(), Default::default());
    person.extend(work.people.iter().enumerate().map(|(i, p)| (*p, i)));
    // Every list of keys the report shows points into one table: each person's items
    // (`tallies.order`), then the unestimated ones.
    let unestimated_from = tallies.order.len();
    let mut lists = Vec::with_capacity(tallies.order.len() + tallies.unestimated.len());
    lists.extend_from_slice(&tallies.order);
    lists.extend_from_slice(&tallies.unestimated);
    let key_table = Arc::new(KeyTable::new(work, lists));
    // Person `p`'s keys; `p = people` gives the unassigned ones.
    let keys_of = |p: usize| ItemKeys::of(&key_table, tallies.start[p] as usize, tallies.start[p + 1] as usize);
    let empty = DaysOff::empty("");

    let mut warnings = context.warnings;
    let mut team_day_capacity = vec![0i64; team_days.len()];
    let mut members_out = Vec::with_capacity(settings.members.len());
    for member in &settings.members {
        let off: &DaysOff = days_off.get(&member.account_key).map(|d| &**d).unwrap_or(&empty);
        let weekdays = member.working_weekdays.unwrap_or(settings.working_weekdays);
        // What `member_day` gives on a working day without holiday or day off, computed once.
        let ordinary = scale(member.daily, &[member.allocation, settings.focus_factor, Ratio::ONE]);
        let mut days = Vec::with_capacity(team_days.len());
        let (mut working_days, mut off_total, mut holiday_total) = (0u32, 0i64, 0i64);
        let mut remaining = 0i64;
        for (i, day) in team_days.iter().enumerate() {
            let off_fraction = off.fraction(day.date);
            let working = weekdays.contains(day.date.weekday()) && member.is_active(day.date);
            let c = match working {
                false => 0,
                true if off_fraction == Ratio::ZERO && day.holiday_fraction == Ratio::ZERO => ordinary,
                true => member_day(member, settings, day, off_fraction),
            };
            if working {
                working_days += 1;
                off_total += off_fraction.0;
                holiday_total += day.holiday_fraction.0;
            }
            if as_of.is_some_and(|a| day.date >= a) {
                remaining += c;
            }
            team_day_capacity[i] += c;
            days.push(c);
        }
        let capacity: i64 = days.iter().sum();
        let slot = person.get(member.account_key.as_str()).copied();
        let load = slot.map_or(0, |p| to_base_units(tallies.raw[p], unit));
        if load > 0 && capacity == 0 {
            warnings.push(Warning {
                code: "workWithoutCapacity",
                message: format!("{} has work assigned but no capacity in this iteration", member.account_key),
            });
        }
        members_out.push(MemberOut {
            account_key: member.account_key.clone(),
            role_id: member.role_id.clone(),
            role: member.role.clone(),
            daily_capacity: member.daily,
            allocation: member.allocation.0 as f64 / 100.0,
            totals: totals(capacity, load, as_of.map(|_| remaining), settings),
            working_days,
            days_off: off_total as f64 / RATIO_ONE as f64,
            holidays: holiday_total as f64 / RATIO_ONE as f64,
            items: slot.map_or_else(|| ItemKeys::of(&key_table, 0, 0), keys_of),
            days,
            iteration_change: context.touched.get(&member.account_key).copied(),
        });
    }

    // Roles in the board's order; a role nobody holds has nothing to report.
    let roles = settings
        .doc
        .roles
        .iter()
        .filter_map(|role| {
            let holders: Vec<&MemberOut> = members_out.iter().filter(|m| m.role_id == role.id).collect();
            if holders.is_empty() {
                return None;
            }
            let cap = holders.iter().map(|m| m.totals.capacity).sum();
            let load = holders.iter().map(|m| m.totals.workload).sum();
            let rem = holders.iter().filter_map(|m| m.totals.remaining_capacity).sum();
            Some(RoleOut {
                role_id: role.id.clone(),
                role: role.name.clone(),
                colour: role.colour.clone(),
                members: holders.len(),
                totals: totals(cap, load, as_of.map(|_| rem), settings),
            })
        })
        .collect();

    let team_capacity: i64 = members_out.iter().map(|m| m.totals.capacity).sum();
    let team_workload: i64 = members_out.iter().map(|m| m.totals.workload).sum();
    let team_remaining: i64 = members_out.iter().filter_map(|m| m.totals.remaining_capacity).sum();
    let team = totals(team_capacity, team_workload, as_of.map(|_| team_remaining), settings);

    let unassigned = Bucket { workload: to_base_units(tallies.unassigned_raw, unit), items: keys_of(work.people.len()) };

    let member_keys: FastSet<&str> = settings.members.iter().map(|m| m.account_key.as_str()).collect();
    let mut outsiders: Vec<(&str, usize)> = work
        .people
        .iter()
        .enumerate()
        .filter(|(p, a)| !member_keys.contains(**a) && !tallies.items(*p).is_empty())
        .map(|(p, a)| (*a, p))
        .collect();
    outsiders.sort_unstable();
    let non_members: Vec<NonMember> = outsiders
        .iter()
        .map(|(a, p)| NonMember { assignee: a.to_string(), workload: to_base_units(tallies.raw[*p], unit), items: keys_of(*p) })
        .collect();
    if !non_members.is_empty() {
        let n: usize = non_members.iter().map(|m| m.items.len()).sum();
        warnings.push(Warning {
            code: "nonMemberWork",
            message: format!(
                "{n} item{} assigned to people who are not members of this board: {}",
                if n == 1 { " is" } else { "s are" },
                name_some(&outsiders.iter().map(|(a, _)| *a).collect::<Vec<_>>())
            ),
        });
    }

    let unestimated_keys = ItemKeys::of(&key_table, unestimated_from, key_table.lists.len());
    if !unestimated_keys.is_empty() {
        warnings.push(Warning {
            code: "unestimatedWork",
            message: if unestimated_keys.len() == 1 {
                "1 item has no estimate and counts as 0".to_string()
            } else {
                format!("{} items have no estimate and count as 0", unestimated_keys.len())
            },
        });
    }
    if reading.offset_changes() {
        warnings.push(Warning {
            code: "timeZoneChange",
            message: format!("{} changes its UTC offset during this iteration; dates are read as local dates", settings.time_zone),
        });
    }
    if !team_days.iter().any(|d| settings.working_weekdays.contains(d.date.weekday())) {
        warnings.push(Warning { code: "noWorkingDays", message: "the iteration has no team working day".into() });
    }

    let days = team_days
        .iter()
        .zip(&team_day_capacity)
        .map(|(d, c)| DayOut {
            date: d.date,
            working: settings.working_weekdays.contains(d.date.weekday()),
            holiday: holiday_names.get(&d.date).map(|(_, names)| names.join(", ")),
            capacity: *c,
        })
        .collect();

    if let Some(a) = as_of {
        if a < reading.first || a > reading.last {
            // Still valid (a sprint not started yet, or over), but worth saying.
            warnings.push(Warning {
                code: "asOfOutsideIteration",
                message: format!("asOf {a} is outside the iteration ({} to {})", reading.first, reading.last),
            });
        }
    }

    Ok(Report {
        schema: SCHEMA,
        board_id: request.board_id.clone(),
        unit,
        base_unit: unit.base_name(),
        iteration: IterationOut {
            id: request.iteration.id.clone(),
            kind: request.iteration.kind,
            name: request.iteration.name.clone(),
            first_date: reading.first,
            last_date: reading.last,
            as_of,
            dates: reading.dates().collect(),
            reading: reading.explanation(),
        },
        team,
        roles,
        members: members_out,
        days,
        unassigned,
        non_members,
        unestimated: Unestimated { count: unestimated_keys.len(), items: unestimated_keys },
        warnings,
    })
}

/// Serialises a report (never fails for these types).
pub fn to_json(report: &Report) -> Result<String> {
    serde_json::to_string(report).map_err(|e| Error::panic(format!("report serialisation failed: {e}")))
}

/// How many people a warning names before "and N more": the full list is in the report
/// (`nonMembers`, the over-allocated rows),
/// and a warning naming 100,000 people was 1.4 MB of one line (issue 10, defect 8).
pub const WARNING_NAMES: usize = 10;

/// `a, b, c` — at most [`WARNING_NAMES`] of them, then `and N more`.
pub(crate) fn name_some(names: &[&str]) -> String {
    let mut text = names.iter().take(WARNING_NAMES).copied().collect::<Vec<_>>().join(", ");
    if names.len() > WARNING_NAMES {
        text.push_str(&format!(" and {} more", names.len() - WARNING_NAMES));
    }
    text
}
