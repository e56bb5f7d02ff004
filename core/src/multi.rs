//! The multi-project report: capacity and workload per person, role or board, in week,
//! month or quarter buckets over a period, across many boards; and the people whose
//! allocations across boards add up to more than 100 % in a bucket.

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use chrono::{Datelike, Duration, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::calendar::{read_dates, Moment};
use crate::days_off::DaysOff;
use crate::engine::Engine;
use crate::error::{Error, Result};
use crate::capacity_index::{BoardDays, MemberCapacity};
use crate::report::{status, team_days};
use crate::report_defs::{Bucket, Grouping, ReportDefDoc};
use crate::settings::BoardSettings;
use crate::store::Storage;
use crate::units::{utilisation, Unit, RATIO_ONE};
use crate::workload::{self, to_base_units, Item, WorkItem, WorkSet};

pub const SCHEMA: u32 = 1;

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MultiRequest {
    #[serde(default)]
    pub report_id: Option<String>,
    #[serde(default)]
    pub definition: Option<ReportDefDoc>,
    #[serde(default)]
    pub boards: Vec<BoardWork>,
}

/// One board's iterations in the period, with their work items.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BoardWork {
    pub board_id: String,
    #[serde(default)]
    pub iterations: Vec<IterationWork>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct IterationWork {
    /// The caller's id for the iteration; not needed by the computation.
    #[serde(default)]
    #[allow(dead_code)]
    pub id: Option<String>,
    pub start: String,
    pub end: String,
    #[serde(default)]
    pub items: Vec<Item>,
}

#[derive(Debug, Serialize, Clone)]
#[serde(rename_all = "camelCase")]
pub struct BucketOut {
    pub label: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
}

#[derive(Debug, Serialize, Default, Clone)]
#[serde(rename_all = "camelCase")]
pub struct Cell {
    pub capacity: i64,
    pub workload: i64,
    pub free: i64,
    pub utilisation: Option<f64>,
    pub status: &'static str,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Row {
    pub key: String,
    pub cells: Vec<Cell>,
    pub total: Cell,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OverAllocation {
    pub account_key: String,
    pub bucket: String,
    /// Highest sum of the person's allocations on any day of the bucket, in percent.
    pub allocation: f64,
    pub boards: Vec<String>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MultiReport {
    pub schema: u32,
    pub name: String,
    pub unit: Unit,
    pub base_unit: &'static str,
    pub period: crate::report_defs::Period,
    pub bucket: Bucket,
    pub grouping: Grouping,
    pub boards: Vec<String>,
    pub buckets: Vec<BucketOut>,
    pub rows: Vec<Row>,
    pub totals: Vec<Cell>,
    pub over_allocations: Vec<OverAllocation>,
    pub warnings: Vec<crate::report::Warning>,
}

/// Bucket index of each date of the period, and the buckets.
fn bucketise(first: NaiveDate, last: NaiveDate, bucket: Bucket) -> (Vec<usize>, Vec<BucketOut>) {
    let mut of_day = Vec::new();
    let mut buckets: Vec<BucketOut> = Vec::new();
    let mut d = first;
    while d <= last {
        let (label, start) = match bucket {
            Bucket::Week => {
                let w = d.iso_week();
                (format!("{}-W{:02}", w.year(), w.week()), d - Duration::days(d.weekday().num_days_from_monday() as i64))
            }
            Bucket::Month => (format!("{}-{:02}", d.year(), d.month()), d.with_day(1).expect("day 1 exists")),
            Bucket::Quarter => {
                let q = (d.month() - 1) / 3;
                (format!("{}-Q{}", d.year(), q + 1), NaiveDate::from_ymd_opt(d.year(), q * 3 + 1, 1).expect("quarter start exists"))
            }
        };
        if buckets.last().map(|b| &b.label) != Some(&label) {
            buckets.push(BucketOut { label, start: start.max(first), end: d });
        }
        buckets.last_mut().expect("just pushed").end = d;
        of_day.push(buckets.len() - 1);
        d = d.succ_opt().expect("validated period");
    }
    (of_day, buckets)
}

/// Splits `total` over `weights` in proportion, exactly (largest remainders get the rest);
/// evenly when every weight is zero.
#[cfg(test)]
fn spread(total: i64, weights: &[i64]) -> Vec<i64> {
    let mut out = Vec::new();
    spread_into(total, weights, &mut out);
    out
}

/// [`spread`] into a reused buffer, without allocating: it runs once per member and
/// iteration, a million times in an instance-wide report.
fn spread_into(total: i64, weights: &[i64], parts: &mut Vec<i64>) {
    parts.clear();
    if weights.is_empty() {
        return;
    }
    let sum: i128 = weights.iter().map(|w| *w as i128).sum();
    let even = sum == 0;
    let weight = |i: usize| if even { 1 } else { weights[i] as i128 };
    let sum = if even { weights.len() as i128 } else { sum };
    let mut given = 0;
    for i in 0..weights.len() {
        let p = (total as i128 * weight(i) / sum) as i64;
        parts.push(p);
        given += p;
    }
    // What rounding down left (fewer units than parts) goes to the largest remainders,
    // earliest first on ties: picked one by one in that order.
    let mut rest = total - given;
    let mut previous: Option<(i128, usize)> = None;
    while rest > 0 {
        let mut best: Option<(i128, usize)> = None;
        for i in 0..weights.len() {
            let r = (total as i128 * weight(i)) % sum;
            let after_previous = previous.is_none_or(|(pr, pi)| r < pr || (r == pr && i > pi));
            let better = best.is_none_or(|(br, bi)| r > br || (r == br && i < bi));
            if after_previous && better {
                best = Some((r, i));
            }
        }
        let (r, i) = best.expect("fewer units are left than there are parts");
        parts[i] += 1;
        rest -= 1;
        previous = Some((r, i));
    }
}

fn cell(capacity: i64, workload: i64, thresholds: &BoardSettings) -> Cell {
    Cell { capacity, workload, free: capacity - workload, utilisation: utilisation(workload, capacity), status: status(workload, capacity, thresholds) }
}

/// (capacity, workload) per bucket.
type Sums = Vec<(i64, i64)>;

/// Where a work item sits in a multi-project request: which board, which of its iterations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placement {
    pub board: u32,
    pub iteration: u32,
}

/// Everything a multi-project report needs beyond the stored settings: the request (its
/// boards and iterations, without items) and the work, placed.
pub struct MultiWork<'a> {
    pub set: WorkSet<'a>,
    pub placements: Vec<Placement>,
}

impl<'a> MultiWork<'a> {
    /// The JSON request's items as one work set: people shared across boards, parents
    /// resolved within each iteration.
    pub fn from_request(request: &'a MultiRequest) -> MultiWork<'a> {
        let mut set = WorkSet::default();
        let mut placements = Vec::new();
        let mut person_of: HashMap<&str, u32> = HashMap::new();
        for (b, board) in request.boards.iter().enumerate() {
            for (i, it) in board.iterations.iter().enumerate() {
                let part = WorkSet::from_items(&it.items);
                let offset = set.items.len() as u32;
                let people: Vec<u32> = part
                    .people
                    .iter()
                    .map(|p| {
                        *person_of.entry(p).or_insert_with(|| {
                            set.people.push(p);
                            (set.people.len() - 1) as u32
                        })
                    })
                    .collect();
                for item in part.items {
                    set.items.push(WorkItem {
                        assignee: item.assignee.map(|a| people[a as usize]),
                        parent: item.parent.map(|p| p + offset),
                        ..item
                    });
                    placements.push(Placement { board: b as u32, iteration: i as u32 });
                }
            }
        }
        MultiWork { set, placements }
    }

    /// Checks a bulk caller's work against the request's boards and iterations.
    pub fn validate(&self, request: &MultiRequest) -> Result<()> {
        self.set.validate()?;
        if self.placements.len() != self.set.items.len() {
            return Err(Error::invalid_argument("one placement is needed per item"));
        }
        for (i, p) in self.placements.iter().enumerate() {
            let Some(board) = request.boards.get(p.board as usize) else {
                return Err(Error::validation(format!("items[{i}].board"), format!("board index {} is outside the {} boards of the request", p.board, request.boards.len())));
            };
            if p.iteration as usize >= board.iterations.len() {
                return Err(Error::validation(
                    format!("items[{i}].iteration"),
                    format!("iteration index {} is outside the {} iterations of board {}", p.iteration, board.iterations.len(), board.board_id),
                ));
            }
            if let Some(parent) = self.set.items[i].parent {
                if self.placements[parent as usize] != *p {
                    return Err(Error::validation(format!("items[{i}].parent"), "a parent must be in the same board and iteration"));
                }
            }
        }
        Ok(())
    }
}

impl Engine {
    /// Computes a multi-project report (see `docs/json-api.md`).
    pub fn multi_project_report(&self, storage: &mut dyn Storage, request_json: &str) -> Result<String> {
        let request: MultiRequest = crate::json::parse(request_json, "")?;
        for (b, board) in request.boards.iter().enumerate() {
            for (i, it) in board.iterations.iter().enumerate() {
                workload::validate(&it.items).map_err(|e| prefix(e, &format!("boards[{b}].iterations[{i}].")))?;
            }
        }
        let work = MultiWork::from_request(&request);
        crate::docstore::to_json(&self.multi_project_report_work(storage, &request, &work)?)
    }

    /// The multi-project report over work given apart from the request (the bulk path:
    /// the request's iterations carry no items; `work` places each item in one).
    pub fn multi_project_report_work(&self, storage: &mut dyn Storage, request: &MultiRequest, work: &MultiWork) -> Result<MultiReport> {
        let definition: Arc<ReportDefDoc> = match (&request.report_id, &request.definition) {
            (Some(id), None) => self.load_report_definition(storage, id)?.ok_or_else(|| Error::validation("reportId", format!("there is no report {id:?}")))?,
            (None, Some(d)) => {
                d.validate().map_err(|e| prefix(e, "definition."))?;
                Arc::new(d.clone())
            }
            _ => return Err(Error::validation("reportId", "give reportId or definition, not both")),
        };
        let first = NaiveDate::parse_from_str(&definition.period.start, "%Y-%m-%d").expect("validated");
        let last = NaiveDate::parse_from_str(&definition.period.end, "%Y-%m-%d").expect("validated");
        let (_, buckets) = bucketise(first, last, definition.bucket);
        let nb = buckets.len();
        let thresholds = BoardSettings::defaults();

        let mut board_ids: Vec<String> = definition.board_ids.clone();
        for b in &request.boards {
            if !board_ids.contains(&b.board_id) {
                board_ids.push(b.board_id.clone());
            }
        }
        let request_board: HashMap<&str, usize> = request.boards.iter().enumerate().map(|(i, b)| (b.board_id.as_str(), i)).collect();
        // Items by request board, in one pass (a counting sort).
        let mut by_board: Vec<Vec<u32>> = vec![Vec::new(); request.boards.len()];
        for (i, p) in work.placements.iter().enumerate() {
            by_board[p.board as usize].push(i as u32);
        }
        let person_index: HashMap<&str, u32> = work.set.people.iter().enumerate().map(|(i, p)| (*p, i as u32)).collect();

        let mut warnings = Vec::new();
        let mut unit: Option<Unit> = None;
        let mut days_off: HashMap<String, Arc<DaysOff>> = HashMap::new();
        let mut by_person = Rows::default();
        let mut by_role = Rows::default();
        // Reused buffers: (bucket, first day, last day) parts of an iteration, their weights, shares.
        let mut parts: Vec<(Option<usize>, i64, i64)> = Vec::new();
        let (mut weights, mut shares): (Vec<i64>, Vec<i64>) = (Vec::new(), Vec::new());
        let mut board_rows: Vec<(String, Sums)> = Vec::new();
        let mut allocations = Allocations::default();
        let mut scratch: Vec<bool> = Vec::new();

        for (bi, board_id) in board_ids.iter().enumerate() {
            let settings = self.load_board(storage, board_id).map_err(|e| prefix(e, &format!("boards[{bi}].")))?;
            match unit {
                None => unit = Some(settings.unit),
                Some(u) if u != settings.unit => {
                    return Err(Error::validation(
                        format!("boards[{bi}]"),
                        format!("board {board_id} counts in {} but the report's first board in {}; a report sums one unit", settings.unit.label(), u.label()),
                    ))
                }
                _ => {}
            }
            if settings.members.is_empty() {
                warnings.push(crate::report::Warning { code: "boardWithoutTeam", message: format!("board {board_id} has no team members") });
            }
            let calendar = match &settings.holiday_calendar {
                Some(id) => {
                    let found = self.load_calendar(storage, id)?;
                    if found.is_none() {
                        warnings.push(crate::report::Warning {
                            code: "holidayCalendarMissing",
                            message: format!("board {board_id} uses holiday calendar {id:?}, which no longer exists; its holidays are not counted"),
                        });
                    }
                    found
                }
                None => None,
            };
            let rb = request_board.get(board_id.as_str()).copied();
            // The board's iterations, read in its time zone.
            let mut iterations: Vec<(i64, i64)> = Vec::new();
            let (mut range_first, mut range_last) = (first, last);
            if let Some(rb) = rb {
                for (ii, it) in request.boards[rb].iterations.iter().enumerate() {
                    let field = format!("boards[{rb}].iterations[{ii}]");
                    let start = Moment::parse(&it.start, &format!("{field}.start"))?;
                    let end = Moment::parse(&it.end, &format!("{field}.end"))?;
                    let reading = read_dates(start, end, settings.time_zone).map_err(|e| match e {
                        Error::Validation { message, .. } => Error::validation(format!("{field}.end"), message),
                        other => other,
                    })?;
                    range_first = range_first.min(reading.first);
                    range_last = range_last.max(reading.last);
                    iterations.push(((reading.first - first).num_days(), (reading.last - first).num_days()));
                }
            }
            let mut days = BoardDays::new(team_days(&settings, calendar.as_deref(), range_first, range_last));
            let shift = (first - range_first).num_days();
            let at = |period_index: i64| period_index + shift;
            let bucket_ranges: Vec<(i64, i64)> = buckets.iter().map(|b| ((b.start - first).num_days(), (b.end - first).num_days())).collect();

            // Raw workload per (iteration, member).
            let members = &settings.members;
            let member_people: Vec<Option<u32>> = members.iter().map(|m| person_index.get(m.account_key.as_str()).copied()).collect();
            let mut raw = vec![0i64; iterations.len() * members.len()];
            if let Some(rb) = rb {
                let items = &by_board[rb];
                let slot: HashMap<u32, usize> = member_people.iter().enumerate().filter_map(|(m, p)| p.map(|p| (p, m))).collect();
                let counted = work.set.counted_subset(items, settings.estimate_source, settings.unit, settings.subtask_policy, &mut scratch);
                for (k, &i) in items.iter().enumerate() {
                    let (Some(Some(estimate)), Some(person)) = (counted[k], work.set.items[i as usize].assignee) else { continue };
                    if let Some(m) = slot.get(&person) {
                        raw[work.placements[i as usize].iteration as usize * members.len() + m] += estimate;
                    }
                }
            }

            let mut board_sums: Sums = vec![(0, 0); nb];
            for (m, member) in members.iter().enumerate() {
                let off = days_off_for(self, storage, &mut days_off, &member.account_key)?;
                let cap = MemberCapacity::new(&mut days, member, &settings, &off);
                let mut sums: Sums = bucket_ranges.iter().map(|(a, b)| (cap.between(&days, at(*a), at(*b)), 0)).collect();
                for (it, (a, b)) in iterations.iter().enumerate() {
                    let total = to_base_units(raw[it * members.len() + m], settings.unit);
                    if total == 0 {
                        continue;
                    }
                    // Parts: the iteration's days before the period, in each bucket, after it.
                    parts.clear();
                    if *a < 0 {
                        parts.push((None, *a, (*b).min(-1)));
                    }
                    for (bk, (ba, bb)) in bucket_ranges.iter().enumerate() {
                        let (x, y) = ((*a).max(*ba), (*b).min(*bb));
                        if x <= y {
                            parts.push((Some(bk), x, y));
                        }
                    }
                    let period_last = (last - first).num_days();
                    if *b > period_last {
                        parts.push((None, (*a).max(period_last + 1), *b));
                    }
                    weights.clear();
                    weights.extend(parts.iter().map(|(_, x, y)| cap.between(&days, at(*x), at(*y))));
                    // No capacity at all: spread by days instead.
                    if weights.iter().all(|w| *w == 0) {
                        weights.clear();
                        weights.extend(parts.iter().map(|(_, x, y)| y - x + 1));
                    }
                    spread_into(total, &weights, &mut shares);
                    for ((bk, _, _), share) in parts.iter().zip(&shares) {
                        if let Some(bk) = bk {
                            sums[*bk].1 += share;
                        }
                    }
                }
                by_person.add(&member.account_key, &sums);
                by_role.add(&member.role, &sums);
                for (r, s) in board_sums.iter_mut().zip(&sums) {
                    r.0 += s.0;
                    r.1 += s.1;
                }
                let from = member.active_from.unwrap_or(first).max(first);
                let to = member.active_to.unwrap_or(last).min(last);
                if from <= to {
                    allocations.add(&member.account_key, bi as u32, member.allocation.0, from, to);
                }
            }
            board_rows.push((board_id.clone(), board_sums));
        }

        let over_allocations = allocations.over(&buckets, &board_ids);
        if !over_allocations.is_empty() {
            let people: BTreeSet<&str> = over_allocations.iter().map(|o| o.account_key.as_str()).collect();
            warnings.push(crate::report::Warning {
                code: "overAllocated",
                message: format!("{} allocated above 100 % across boards: {}", if people.len() == 1 { "1 person is" } else { "people are" }, people.into_iter().collect::<Vec<_>>().join(", ")),
            });
        }

        let rows_of = |sums: Vec<(String, Sums)>| -> Vec<Row> {
            sums.into_iter()
                .map(|(key, s)| {
                    let (c, w) = s.iter().fold((0, 0), |a, x| (a.0 + x.0, a.1 + x.1));
                    Row { key, cells: s.iter().map(|(c, w)| cell(*c, *w, &thresholds)).collect(), total: cell(c, w, &thresholds) }
                })
                .collect()
        };
        let mut totals: Sums = vec![(0, 0); nb];
        for (_, s) in &board_rows {
            for (t, x) in totals.iter_mut().zip(s) {
                t.0 += x.0;
                t.1 += x.1;
            }
        }
        let rows = match definition.grouping {
            Grouping::Person => rows_of(by_person.sorted()),
            Grouping::Role => rows_of(by_role.sorted()),
            Grouping::Board => rows_of(board_rows),
        };
        let unit = unit.unwrap_or(Unit::Hours);
        Ok(MultiReport {
            schema: SCHEMA,
            name: definition.name.clone(),
            unit,
            base_unit: unit.base_name(),
            period: definition.period.clone(),
            bucket: definition.bucket,
            grouping: definition.grouping,
            boards: board_ids,
            buckets,
            rows,
            totals: totals.iter().map(|(c, w)| cell(*c, *w, &thresholds)).collect(),
            over_allocations,
            warnings,
        })
    }
}

/// Sums per bucket by row key (person or role), in key order when done.
#[derive(Default)]
struct Rows {
    position: HashMap<String, usize>,
    rows: Vec<(String, Sums)>,
}

impl Rows {
    fn add(&mut self, key: &str, sums: &[(i64, i64)]) {
        let i = match self.position.get(key) {
            Some(i) => *i,
            None => {
                self.position.insert(key.to_string(), self.rows.len());
                self.rows.push((key.to_string(), vec![(0, 0); sums.len()]));
                self.rows.len() - 1
            }
        };
        for (r, s) in self.rows[i].1.iter_mut().zip(sums) {
            r.0 += s.0;
            r.1 += s.1;
        }
    }

    fn sorted(mut self) -> Vec<(String, Sums)> {
        self.rows.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        self.rows
    }
}

fn days_off_for(engine: &Engine, storage: &mut dyn Storage, cache: &mut HashMap<String, Arc<DaysOff>>, key: &str) -> Result<Arc<DaysOff>> {
    if let Some(d) = cache.get(key) {
        return Ok(d.clone());
    }
    let d = engine.load_days_off(storage, key)?;
    cache.insert(key.to_string(), d.clone());
    Ok(d)
}

/// A membership: (board index, allocation, active from, active to).
type Membership = (u32, i64, NaiveDate, NaiveDate);

/// Each person's memberships.
#[derive(Default)]
struct Allocations {
    position: HashMap<String, usize>,
    people: Vec<(String, Vec<Membership>)>,
}

impl Allocations {
    fn add(&mut self, person: &str, board: u32, allocation: i64, from: NaiveDate, to: NaiveDate) {
        let i = match self.position.get(person) {
            Some(i) => *i,
            None => {
                self.position.insert(person.to_string(), self.people.len());
                self.people.push((person.to_string(), Vec::new()));
                self.people.len() - 1
            }
        };
        self.people[i].1.push((board, allocation, from, to));
    }

    /// For each person and bucket, the highest sum of allocations over any day (they change
    /// only where a membership starts, so only those days and the bucket's first are
    /// examined), when it exceeds 100 %.
    fn over(mut self, buckets: &[BucketOut], board_ids: &[String]) -> Vec<OverAllocation> {
        self.people.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let mut out = Vec::new();
        for (person, spans) in &self.people {
            if spans.iter().map(|s| s.1).sum::<i64>() <= RATIO_ONE {
                continue;
            }
            for b in buckets {
                let mut worst: (i64, Vec<String>) = (0, vec![]);
                let starts = spans.iter().map(|s| s.2).filter(|d| *d >= b.start && *d <= b.end);
                for day in std::iter::once(b.start).chain(starts) {
                    let sum: i64 = spans.iter().filter(|s| s.2 <= day && day <= s.3).map(|s| s.1).sum();
                    if sum > worst.0 {
                        let boards = spans.iter().filter(|s| s.2 <= day && day <= s.3).map(|s| board_ids[s.0 as usize].clone()).collect();
                        worst = (sum, boards);
                    }
                }
                if worst.0 > RATIO_ONE {
                    out.push(OverAllocation { account_key: person.clone(), bucket: b.label.clone(), allocation: worst.0 as f64 / 100.0, boards: worst.1 });
                }
            }
        }
        out
    }
}

fn prefix(e: Error, p: &str) -> Error {
    match e {
        Error::Validation { field, message } => Error::Validation { field: format!("{p}{field}"), message },
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spread_is_exact_and_proportional() {
        assert_eq!(spread(10, &[1, 1, 1]), vec![4, 3, 3]);
        assert_eq!(spread(10, &[0, 0]), vec![5, 5]);
        assert_eq!(spread(7, &[360, 0, 180]), vec![5, 0, 2]);
        assert_eq!(spread(0, &[1, 2]), vec![0, 0]);
    }

    #[test]
    fn buckets_follow_the_calendar() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let (of, b) = bucketise(d("2026-03-28"), d("2026-04-07"), Bucket::Week);
        assert_eq!(b.iter().map(|b| b.label.as_str()).collect::<Vec<_>>(), ["2026-W13", "2026-W14", "2026-W15"]);
        assert_eq!(b[0].start, d("2026-03-28"));
        assert_eq!(of.len(), 11);
        let (_, b) = bucketise(d("2026-03-28"), d("2026-07-01"), Bucket::Quarter);
        assert_eq!(b.iter().map(|b| b.label.as_str()).collect::<Vec<_>>(), ["2026-Q1", "2026-Q2", "2026-Q3"]);
        let (_, b) = bucketise(d("2026-12-30"), d("2027-01-02"), Bucket::Month);
        assert_eq!(b.iter().map(|b| b.label.as_str()).collect::<Vec<_>>(), ["2026-12", "2027-01"]);
    }
}
