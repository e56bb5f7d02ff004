//! The multi-project report: capacity and workload per person, role or board, in week,
//! month or quarter buckets over a period, across many boards; and the people whose
//! allocations across boards add up to more than 100 % in a bucket.

use std::ops::Range;
use std::sync::Arc;

use chrono::{Datelike, Duration, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::calendar::{read_dates, Moment};
use crate::capacity_index::{BoardDays, MemberCapacity, MemberShape};
use crate::days_off::DaysOff;
use crate::engine::Engine;
use crate::error::{Error, Result};
use crate::report::{judge, team_days, Status, Warning};
use crate::report_defs::{Bucket, Grouping, Period, ReportDefDoc};
use crate::settings::{BoardSettings, EstimateSource};
use crate::store::Storage;
use crate::units::{Ratio, Unit, RATIO_ONE};
use crate::workload::{self, check_estimates, to_base_units, FastMap, FastSet, Item, Text, WorkItem, WorkSet};

mod item_sums;

use item_sums::{Additions, ItemSums, REGION_BITS};

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
    pub id: Option<Text>,
    // Held in place (dates and instants are short): an instance-wide request has tens of
    // thousands of iterations.
    pub start: Text,
    pub end: Text,
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
    pub warnings: Vec<Warning>,
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
    if let &[w0, w1] = weights {
        if let Some(first) = spread_two(total, w0, w1) {
            parts.extend([first, total - first]);
            return;
        }
    }
    let n = weights.len();
    // In 64 bits when the weights are non-negative and total × sum fits (then so does
    // every total × weight): the same quotients and remainders as in 128 bits, faster.
    if let Some(sum) = weights.iter().try_fold(0i64, |a, w| if *w >= 0 { a.checked_add(*w) } else { None }) {
        if sum == 0 {
            if total.checked_mul(n as i64).is_some() {
                return spread_in(total, n, |_| 1i64, n as i64, parts);
            }
        } else if total.checked_mul(sum).is_some() {
            return spread_in(total, n, |i| weights[i], sum, parts);
        }
    }
    let sum: i128 = weights.iter().map(|w| *w as i128).sum();
    if sum == 0 {
        spread_in(total, n, |_| 1i128, n as i128, parts)
    } else {
        spread_in(total, n, |i| weights[i] as i128, sum, parts)
    }
}

/// The first part of [`spread`] over two weights, with one division; `None` when the
/// shortcut does not apply (a negative number, zero weights, or a product beyond 64 bits).
/// Two parts are the common case: an iteration across a bucket's end.
#[inline]
fn spread_two(total: i64, w0: i64, w1: i64) -> Option<i64> {
    let sum = w0.checked_add(w1).filter(|s| *s > 0)?;
    if total < 0 || w0 < 0 || w1 < 0 || total.checked_mul(w0.max(w1)).is_none() {
        return None;
    }
    // total × w1 = (total − p0) × sum − r0, so when r0 > 0 the second part is
    // total − p0 − 1 with remainder sum − r0, and the unit left goes to the larger
    // remainder (the first on a tie).
    let (p0, r0) = (total * w0 / sum, total * w0 % sum);
    Some(if r0 > 0 && r0 >= sum - r0 { p0 + 1 } else { p0 })
}

/// Spreads `total` over `n` parts of weights `weight(i)` summing to `sum` (non-zero), in
/// the integer type `T`, wide enough for every `total × weight(i)`.
fn spread_in<T>(total: i64, n: usize, weight: impl Fn(usize) -> T, sum: T, parts: &mut Vec<i64>)
where
    T: Copy + PartialOrd + From<i64> + TryInto<i64> + std::ops::Mul<Output = T> + std::ops::Div<Output = T> + std::ops::Rem<Output = T>,
{
    let share = |i: usize| {
        let product = T::from(total) * weight(i);
        (product / sum, product % sum)
    };
    let mut given = 0;
    for i in 0..n {
        let p: i64 = share(i).0.try_into().ok().expect("a share is at most the total");
        parts.push(p);
        given += p;
    }
    // What rounding down left (fewer units than parts) goes to the largest remainders,
    // earliest first on ties: picked one by one in that order.
    let mut rest = total - given;
    let mut previous: Option<(T, usize)> = None;
    while rest > 0 {
        let mut best: Option<(T, usize)> = None;
        for i in 0..n {
            let r = share(i).1;
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

/// A cell's numbers: capacity and workload in base units. Laid out as C's `ct_multi_cell`,
/// so the C ABI hands out a report's cells without copying them.
#[repr(C)]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CellSums {
    pub capacity: i64,
    pub workload: i64,
}

impl std::ops::AddAssign for CellSums {
    fn add_assign(&mut self, other: CellSums) {
        self.capacity += other.capacity;
        self.workload += other.workload;
    }
}

/// Strings kept in one buffer: a report's row keys or people, thousands of them, without
/// an allocation each.
#[derive(Debug, Clone, Default)]
pub struct Keys {
    text: String,
    /// Where each key ends in `text` (it starts where the previous one ends).
    ends: Vec<usize>,
}

impl Keys {
    fn push(&mut self, key: &str) {
        self.text.push_str(key);
        self.ends.push(self.text.len());
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Key `i`.
    pub fn get(&self, i: usize) -> &str {
        let from = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.text[from..self.ends[i]]
    }

    pub fn iter(&self) -> impl Iterator<Item = &str> + '_ {
        (0..self.len()).map(|i| self.get(i))
    }
}

impl<'a> FromIterator<&'a str> for Keys {
    fn from_iter<I: IntoIterator<Item = &'a str>>(keys: I) -> Keys {
        let mut all = Keys::default();
        for k in keys {
            all.push(k);
        }
        all
    }
}

/// Where a work item sits in a multi-project request: which board, which of its iterations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placement {
    pub board: u32,
    pub iteration: u32,
}

/// Everything a multi-project report needs beyond the stored settings: the request (its
/// boards and iterations, without items) and the work, placed.
#[derive(Debug)]
pub struct MultiWork<'a> {
    pub set: WorkSet<'a>,
    pub placements: Vec<Placement>,
}

/// An index field (`MultiItem::assignee`, `MultiItem::parent`) that points nowhere.
pub const NO_INDEX: u32 = u32::MAX;
/// `MultiItem::flags`: the item's status category is done.
pub const ITEM_DONE: u32 = 1;
/// `MultiItem::flags`: the item is a sub-task.
pub const ITEM_SUBTASK: u32 = 1 << 1;
/// `MultiItem::flags`: `remaining_seconds` holds an estimate.
pub const ITEM_HAS_REMAINING: u32 = 1 << 2;
/// `MultiItem::flags`: `original_seconds` holds an estimate.
pub const ITEM_HAS_ORIGINAL: u32 = 1 << 3;
/// `MultiItem::flags`: `story_points` holds an estimate.
pub const ITEM_HAS_STORY_POINTS: u32 = 1 << 4;
/// `MultiItem::flags`: `custom_estimate` holds an estimate.
pub const ITEM_HAS_CUSTOM_ESTIMATE: u32 = 1 << 5;
/// Every flag defined; the others must be zero.
pub const ITEM_FLAGS: u32 = (1 << 6) - 1;

/// A work item of a multi-project report in the form bulk callers keep a million of: its
/// board and iteration by position in the request, its assignee by position in the people
/// given with it, its parent by position among the items. It carries no key: this report
/// lists none. Laid out as C's `ct_multi_item`, so the C ABI reads its caller's array in
/// place; an estimate counts only when its `ITEM_HAS_*` flag is set.
///
/// ```
/// use capacity_core::multi::{MultiItem, ITEM_HAS_REMAINING, NO_INDEX};
/// let item = MultiItem { board: 0, iteration: 2, assignee: 7, parent: NO_INDEX, flags: ITEM_HAS_REMAINING, remaining_seconds: 3600, ..MultiItem::default() };
/// assert_eq!(item.raw_estimate(capacity_core::settings::EstimateSource::Remaining, capacity_core::units::Unit::Hours), Some(3600));
/// ```
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct MultiItem {
    /// Index into the request's `boards`.
    pub board: u32,
    /// Index into that board's `iterations`.
    pub iteration: u32,
    /// Index into the people, or [`NO_INDEX`] when unassigned.
    pub assignee: u32,
    /// Index of the parent item (same board and iteration), or [`NO_INDEX`].
    pub parent: u32,
    /// `ITEM_*` bits.
    pub flags: u32,
    /// Zero (room for later fields).
    pub reserved: u32,
    pub remaining_seconds: i64,
    pub original_seconds: i64,
    pub story_points: f64,
    /// The board's custom estimate field, in the board's unit.
    pub custom_estimate: f64,
}

impl MultiItem {
    fn has(&self, flag: u32) -> bool {
        self.flags & flag != 0
    }

    fn estimates(&self) -> (Option<i64>, Option<i64>, Option<f64>, Option<f64>) {
        (
            self.has(ITEM_HAS_REMAINING).then_some(self.remaining_seconds),
            self.has(ITEM_HAS_ORIGINAL).then_some(self.original_seconds),
            self.has(ITEM_HAS_STORY_POINTS).then_some(self.story_points),
            self.has(ITEM_HAS_CUSTOM_ESTIMATE).then_some(self.custom_estimate),
        )
    }

    /// The estimate the board reads, as [`WorkItem::raw_estimate`].
    #[inline]
    pub fn raw_estimate(&self, source: EstimateSource, unit: Unit) -> Option<i64> {
        let (remaining, original, points, custom) = self.estimates();
        workload::raw_estimate(source, unit, remaining, original, points, custom)
    }

    fn of(item: &WorkItem, at: Placement) -> MultiItem {
        let flag = |on: bool, bit: u32| if on { bit } else { 0 };
        MultiItem {
            board: at.board,
            iteration: at.iteration,
            assignee: item.assignee.unwrap_or(NO_INDEX),
            parent: item.parent.unwrap_or(NO_INDEX),
            flags: flag(item.done, ITEM_DONE)
                | flag(item.subtask, ITEM_SUBTASK)
                | flag(item.remaining_seconds.is_some(), ITEM_HAS_REMAINING)
                | flag(item.original_seconds.is_some(), ITEM_HAS_ORIGINAL)
                | flag(item.story_points.is_some(), ITEM_HAS_STORY_POINTS)
                | flag(item.custom_estimate.is_some(), ITEM_HAS_CUSTOM_ESTIMATE),
            reserved: 0,
            remaining_seconds: item.remaining_seconds.unwrap_or(0),
            original_seconds: item.original_seconds.unwrap_or(0),
            story_points: item.story_points.unwrap_or(0.0),
            custom_estimate: item.custom_estimate.unwrap_or(0.0),
        }
    }
}

/// Checks that a bulk caller's request carries no items of its own (they come as arrays).
pub fn check_no_request_items(request: &MultiRequest) -> Result<()> {
    for (b, board) in request.boards.iter().enumerate() {
        for (i, it) in board.iterations.iter().enumerate() {
            if !it.items.is_empty() {
                return Err(Error::validation(format!("boards[{b}].iterations[{i}].items"), "must be empty: the items are given as an array"));
            }
        }
    }
    Ok(())
}

/// Checks a bulk caller's people and items against the request's boards and iterations:
/// every index in range, a parent in its child's board and iteration, only known flags,
/// every estimate that is flagged within range. Errors name `people[i]` or
/// `items[i].<field>` with the field's C name. [`Engine::multi_project_table`] checks
/// with this before it counts anything.
pub fn validate_items(request: &MultiRequest, people: &[&str], items: &[MultiItem]) -> Result<()> {
    workload::check_people(people)?;
    // A million items are checked in a tight pass that only says whether all are right;
    // the pass below, which names the first error, runs only when one is not.
    let iterations: Vec<u32> = request.boards.iter().map(|b| b.iterations.len().min(u32::MAX as usize) as u32).collect();
    let in_range = |has: bool, v: f64| !has || (0.0..=100_000.0).contains(&v);
    let seconds = |has: bool, v: i64| !has || (0..=315_360_000).contains(&v);
    let all_right = items.iter().enumerate().all(|(i, it)| {
        iterations.get(it.board as usize).is_some_and(|n| it.iteration < *n)
            && (it.assignee == NO_INDEX || (it.assignee as usize) < people.len())
            && (it.parent == NO_INDEX || items.get(it.parent as usize).is_some_and(|p| it.parent as usize != i && (p.board, p.iteration) == (it.board, it.iteration)))
            && it.flags & !ITEM_FLAGS == 0
            && it.reserved == 0
            && seconds(it.has(ITEM_HAS_REMAINING), it.remaining_seconds)
            && seconds(it.has(ITEM_HAS_ORIGINAL), it.original_seconds)
            && in_range(it.has(ITEM_HAS_STORY_POINTS), it.story_points)
            && in_range(it.has(ITEM_HAS_CUSTOM_ESTIMATE), it.custom_estimate)
    });
    if all_right {
        return Ok(());
    }
    let n = items.len();
    for (i, it) in items.iter().enumerate() {
        let f = |name: &str| format!("items[{i}].{name}");
        let Some(board) = request.boards.get(it.board as usize) else {
            return Err(Error::validation(f("board"), format!("board index {} is outside the {} boards of the request", it.board, request.boards.len())));
        };
        if it.iteration as usize >= board.iterations.len() {
            return Err(Error::validation(
                f("iteration"),
                format!("iteration index {} is outside the {} iterations of board {}", it.iteration, board.iterations.len(), board.board_id),
            ));
        }
        if it.assignee != NO_INDEX && it.assignee as usize >= people.len() {
            return Err(Error::validation(f("assignee"), format!("person index {} is outside the {} people given", it.assignee, people.len())));
        }
        if it.parent != NO_INDEX {
            let p = it.parent as usize;
            if p >= n || p == i {
                return Err(Error::validation(f("parent"), format!("item index {p} is not another item of the {n} given")));
            }
            if (items[p].board, items[p].iteration) != (it.board, it.iteration) {
                return Err(Error::validation(f("parent"), "a parent must be in the same board and iteration"));
            }
        }
        if it.flags & !ITEM_FLAGS != 0 {
            return Err(Error::validation(f("flags"), format!("has undefined bits 0x{:x}", it.flags & !ITEM_FLAGS)));
        }
        if it.reserved != 0 {
            return Err(Error::validation(f("reserved"), "must be 0"));
        }
        let (remaining, original, points, custom) = it.estimates();
        check_estimates(remaining, original, points, custom, &|name| f(workload::rust_name(name)))?;
    }
    Ok(())
}

impl<'a> MultiWork<'a> {
    /// The JSON request's items as one work set: people shared across boards, parents
    /// resolved within each iteration.
    pub fn from_request(request: &'a MultiRequest) -> MultiWork<'a> {
        let parts = request.boards.iter().enumerate().flat_map(|(b, board)| {
            board.iterations.iter().enumerate().map(move |(i, it)| (Placement { board: b as u32, iteration: i as u32 }, WorkSet::from_items(&it.items)))
        });
        MultiWork::from_parts(parts)
    }

    /// Each iteration's work set, in request order, as one: people shared across boards,
    /// parents (found within each iteration) renumbered.
    pub fn from_parts(parts: impl Iterator<Item = (Placement, WorkSet<'a>)>) -> MultiWork<'a> {
        let mut set = WorkSet::default();
        let mut placements = Vec::new();
        let mut person_of: FastMap<&str, u32> = FastMap::default();
        for (at, part) in parts {
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
            let offset = set.items.len() as u32;
            for item in part.items {
                set.items.push(WorkItem {
                    assignee: item.assignee.map(|a| people[a as usize]),
                    parent: item.parent.map(|p| p + offset),
                    ..item
                });
                placements.push(at);
            }
        }
        MultiWork { set, placements }
    }

    /// The items in the bulk form the computation reads.
    pub fn to_items(&self) -> Vec<MultiItem> {
        self.set.items.iter().zip(&self.placements).map(|(item, at)| MultiItem::of(item, *at)).collect()
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

/// A person's over-allocation in a [`MultiTable`], the same in consecutive buckets: the
/// report lists it once per bucket.
#[derive(Debug, Clone, PartialEq)]
pub struct Overload {
    /// Index into [`MultiTable::overloaded_people`].
    pub person: u32,
    /// Indices into [`MultiTable::buckets`] of the first and last bucket.
    pub buckets: (u32, u32),
    /// The highest sum of the person's allocations on a day of each bucket, in
    /// ten-thousandths (100 % is 10,000).
    pub allocation: i64,
    /// The boards of that sum: `MultiTable::overload_boards[boards.0..boards.1]`.
    pub boards: (u32, u32),
}

/// A multi-project report in compact form: the numbers of every cell, row after row, and
/// indices instead of repeated strings. An instance-wide report has a million cells, whose
/// JSON would be some hundred megabytes; bulk callers read this instead, and
/// [`MultiTable::to_report`] gives the documented report (its JSON is `to_json`'s).
#[derive(Debug, Clone)]
pub struct MultiTable {
    pub name: String,
    pub unit: Unit,
    pub period: Period,
    pub bucket: Bucket,
    pub grouping: Grouping,
    /// Board ids: the definition's, then the request's others.
    pub boards: Vec<String>,
    pub buckets: Vec<BucketOut>,
    /// Row keys in report order: account keys or role names (sorted), or board ids.
    pub row_keys: Keys,
    /// Row `r`'s cell in bucket `b` at `r × buckets.len() + b`.
    pub sums: Vec<CellSums>,
    /// Each row over the whole period.
    pub row_totals: Vec<CellSums>,
    /// Each bucket over every row.
    pub totals: Vec<CellSums>,
    /// In person order, then bucket order.
    pub overloads: Vec<Overload>,
    /// The people with an over-allocation, sorted.
    pub overloaded_people: Keys,
    /// Indices into `boards`, in the ranges the overloads name.
    pub overload_boards: Vec<u32>,
    pub warnings: Vec<Warning>,
    /// The thresholds cells are judged by (the defaults: boards may differ).
    pub under: Ratio,
    pub over: Ratio,
}

impl MultiTable {
    /// Utilisation and status of a cell, as the report states them.
    pub fn judge(&self, sums: CellSums) -> (Option<f64>, Status) {
        judge(sums.workload, sums.capacity, self.under, self.over)
    }

    /// A cell as the report shows it.
    pub fn cell(&self, sums: CellSums) -> Cell {
        let (utilisation, status) = self.judge(sums);
        Cell { capacity: sums.capacity, workload: sums.workload, free: sums.capacity - sums.workload, utilisation, status: status.as_str() }
    }

    /// Row `r`'s cells.
    pub fn row(&self, r: usize) -> &[CellSums] {
        let nb = self.buckets.len();
        &self.sums[r * nb..(r + 1) * nb]
    }

    /// The report's JSON, as `Engine::multi_project_report` gives it.
    pub fn to_json(&self) -> Result<String> {
        crate::docstore::to_json(&self.to_report())
    }

    /// The report as documented (`docs/json-api.md`).
    pub fn to_report(&self) -> MultiReport {
        let rows = (0..self.row_keys.len())
            .map(|r| Row { key: self.row_keys.get(r).to_string(), cells: self.row(r).iter().map(|s| self.cell(*s)).collect(), total: self.cell(self.row_totals[r]) })
            .collect();
        let over_allocations = self
            .overloads
            .iter()
            .flat_map(|o| {
                (o.buckets.0..=o.buckets.1).map(move |b| OverAllocation {
                    account_key: self.overloaded_people.get(o.person as usize).to_string(),
                    bucket: self.buckets[b as usize].label.clone(),
                    allocation: o.allocation as f64 / 100.0,
                    boards: self.overload_boards[o.boards.0 as usize..o.boards.1 as usize].iter().map(|b| self.boards[*b as usize].clone()).collect(),
                })
            })
            .collect();
        MultiReport {
            schema: SCHEMA,
            name: self.name.clone(),
            unit: self.unit,
            base_unit: self.unit.base_name(),
            period: self.period.clone(),
            bucket: self.bucket,
            grouping: self.grouping,
            boards: self.boards.clone(),
            buckets: self.buckets.clone(),
            rows,
            totals: self.totals.iter().map(|s| self.cell(*s)).collect(),
            over_allocations,
            warnings: self.warnings.clone(),
        }
    }
}

/// One board of the report, as read in the first pass.
struct BoardPlan {
    settings: Arc<BoardSettings>,
    calendar: Option<Arc<crate::calendars::Calendar>>,
    /// The request's board whose iterations and items are this board's.
    request_board: Option<usize>,
    /// Iterations as (first day, last day), in days from the period's first.
    iterations: Vec<(i64, i64)>,
    range_first: NaiveDate,
    range_last: NaiveDate,
    /// Each member's days off, when they have any.
    days_off: Vec<Option<Arc<DaysOff>>>,
    /// Where the board's workload per (iteration, member) starts in the raw table.
    raw_at: usize,
}

/// A part of an iteration: its bucket (or none: days outside the period), the cut points
/// of its first day and of the day after its last, and its length in days.
#[derive(Clone, Copy)]
struct Part {
    bucket: u32,
    from_cut: u32,
    to_cut: u32,
    days: i64,
}

impl Engine {
    /// Computes a multi-project report (see `docs/json-api.md`).
    pub fn multi_project_report(&self, storage: &mut dyn Storage, request_json: &str) -> Result<String> {
        // The common form of a request straight to its work; anything else (and every
        // error) the usual way.
        if let Some((request, work)) = crate::fast_request::read_multi_work(request_json) {
            return crate::docstore::to_json(&self.multi_project_report_work(storage, &request, &work)?);
        }
        let request: MultiRequest = crate::json::parse(request_json, "")?;
        for (b, board) in request.boards.iter().enumerate() {
            for (i, it) in board.iterations.iter().enumerate() {
                workload::validate(&it.items).map_err(|e| prefix(e, &format!("boards[{b}].iterations[{i}].")))?;
            }
        }
        let work = MultiWork::from_request(&request);
        crate::docstore::to_json(&self.multi_project_report_work(storage, &request, &work)?)
    }

    /// The multi-project report over work given apart from the request (the request's
    /// iterations carry no items; `work` places each item in one).
    pub fn multi_project_report_work(&self, storage: &mut dyn Storage, request: &MultiRequest, work: &MultiWork) -> Result<MultiReport> {
        Ok(self.multi_project_table(storage, request, &work.set.people, &work.to_items())?.to_report())
    }

    /// The multi-project report in compact form, over bulk items (checked here with
    /// [`validate_items`]; items in the request's iterations are not read).
    ///
    /// Reads storage on the caller's thread, board after board, as the JSON entry does,
    /// then sums the items in one pass over them, in their order. With two threads allowed
    /// ([`Engine::set_threads`]) and [`PARALLEL_FROM`] items or more, a helper thread
    /// checks the items while storage is read, then counts half of them and computes half
    /// of the rows; the result is the same.
    pub fn multi_project_table(&self, storage: &mut dyn Storage, request: &MultiRequest, people: &[&str], items: &[MultiItem]) -> Result<MultiTable> {
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

        // The definition's boards (as listed), then the request's others.
        let mut board_ids: Vec<String> = definition.board_ids.clone();
        let mut named: FastSet<&str> = definition.board_ids.iter().map(String::as_str).collect();
        for b in &request.boards {
            if named.insert(&b.board_id) {
                board_ids.push(b.board_id.clone());
            }
        }

        // Pass 1, every read, on the caller's thread (the host's storage is called on no
        // other), while a helper checks the items of a large report.
        let parallel = self.threads() > 1 && items.len() >= PARALLEL_FROM;
        let (read, checked) = side_by_side(parallel, || validate_items(request, people, items), || self.read_boards(storage, request, &board_ids, (first, last)));
        checked?;
        let Boards { plans, unit, mut warnings } = read?;

        // Each member's person (for allocations) and row, numbered in key order so that rows
        // come out sorted without being moved; members of all boards one after the other.
        // Meanwhile a helper indexes the people's memberships for counting the items.
        let number_rows = || {
            let (member_person, person_sorted) = number_in_order(plans.iter().flat_map(|p| p.settings.members.iter().map(|m| m.account_key.as_str())));
            let (row_keys, member_row): (Vec<&str>, Vec<u32>) = match definition.grouping {
                Grouping::Person => (person_sorted.clone(), member_person.clone()),
                Grouping::Role => {
                    let (member_role, roles) = number_in_order(plans.iter().flat_map(|p| p.settings.members.iter().map(|m| m.role.as_str())));
                    (roles, member_role)
                }
                Grouping::Board => (
                    board_ids.iter().map(String::as_str).collect(),
                    plans.iter().enumerate().flat_map(|(bi, p)| std::iter::repeat_n(bi as u32, p.settings.members.len())).collect(),
                ),
            };
            (member_person, person_sorted, row_keys, member_row)
        };
        let ((member_person, person_sorted, row_keys, member_row), counting) = side_by_side(parallel, || ItemSums::new(&plans, request.boards.len(), people), number_rows);
        let raw = sum_items(&counting, items, parallel);
        drop(counting);

        // Pass 2: each member's capacity in every bucket and part of an iteration, and their
        // workload spread over the parts.
        let unit = unit.unwrap_or(Unit::Hours);
        let period = Span { first, last, buckets: &buckets };
        let rows = Rows { count: row_keys.len(), of_member: &member_row };
        let mut sums: Vec<CellSums> = vec![CellSums::default(); rows.count * nb];
        if parallel {
            // Each thread its own rows.
            let middle = rows.count / 2;
            let (low, high) = sums.split_at_mut(middle * nb);
            side_by_side(true, || member_rows(&plans, &period, &rows, &raw, middle..rows.count, high), || member_rows(&plans, &period, &rows, &raw, 0..middle, low));
        } else {
            member_rows(&plans, &period, &rows, &raw, 0..rows.count, &mut sums);
        }
        drop(raw);

        // Totals here, over-allocations on the helper.
        let find_overloads = || over_allocations(memberships(&plans, &member_person, (first, last)), &person_sorted, &buckets, (first, last));
        let sum_up = || {
            let mut totals = vec![CellSums::default(); nb];
            let mut row_totals = Vec::with_capacity(row_keys.len());
            for row in sums.chunks_exact(nb) {
                let mut total = CellSums::default();
                for (t, s) in totals.iter_mut().zip(row) {
                    *t += *s;
                    total += *s;
                }
                row_totals.push(total);
            }
            (totals, row_totals)
        };
        let ((totals, row_totals), (overloads, overloaded_people, overload_boards)) = side_by_side(parallel, find_overloads, sum_up);
        if !overloaded_people.is_empty() {
            warnings.push(Warning {
                code: "overAllocated",
                message: format!(
                    "{} allocated above 100 % across boards: {}",
                    if overloaded_people.len() == 1 { "1 person is" } else { "people are" },
                    overloaded_people.iter().collect::<Vec<_>>().join(", ")
                ),
            });
        }
        Ok(MultiTable {
            name: definition.name.clone(),
            unit,
            period: definition.period.clone(),
            bucket: definition.bucket,
            grouping: definition.grouping,
            row_keys: row_keys.into_iter().collect(),
            boards: board_ids,
            buckets,
            sums,
            row_totals,
            totals,
            overloads,
            overloaded_people,
            overload_boards,
            warnings,
            under: thresholds.under_threshold,
            over: thresholds.over_threshold,
        })
    }

    /// Pass 1 of a multi-project report, every read: each board's settings, calendar,
    /// iterations (read in its time zone) and members' days off.
    fn read_boards(&self, storage: &mut dyn Storage, request: &MultiRequest, board_ids: &[String], (first, last): (NaiveDate, NaiveDate)) -> Result<Boards> {
        // A board sent twice takes its last iterations and items.
        let request_board: FastMap<&str, usize> = request.boards.iter().enumerate().map(|(i, b)| (b.board_id.as_str(), i)).collect();
        let mut warnings = Vec::new();
        let mut unit: Option<Unit> = None;
        // Only the people the index lists have a days-off document (it never misses one):
        // one read of the index instead of a read per person, most of whom have none.
        let index = crate::docstore::load_index(storage, self.cache())?;
        let mut days_off: FastMap<&str, Option<Option<Arc<DaysOff>>>> =
            index.documents.get("daysoff").into_iter().flatten().map(|k| (k.as_str(), None)).collect();
        let mut plans: Vec<BoardPlan> = Vec::with_capacity(board_ids.len());
        let mut raw_len = 0;
        let mut previous: Option<ReadIterations> = None;

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
                warnings.push(Warning { code: "boardWithoutTeam", message: format!("board {board_id} has no team members") });
            }
            let calendar = match &settings.holiday_calendar {
                Some(id) => {
                    let found = self.load_calendar(storage, id)?;
                    if found.is_none() {
                        warnings.push(Warning {
                            code: "holidayCalendarMissing",
                            message: format!("board {board_id} uses holiday calendar {id:?}, which no longer exists; its holidays are not counted"),
                        });
                    }
                    found
                }
                None => None,
            };
            let rb = request_board.get(board_id.as_str()).copied();
            // The board's iterations, read in its time zone; most boards share the previous
            // one's sprint dates and zone, read once.
            let (mut iterations, mut range_first, mut range_last): (Vec<(i64, i64)>, NaiveDate, NaiveDate) = (Vec::new(), first, last);
            if let Some(rb) = rb {
                let asked = &request.boards[rb].iterations;
                let alike = |(p, tz, ..): &ReadIterations| {
                    *tz == settings.time_zone && request.boards[*p].iterations.iter().map(|i| (&i.start, &i.end)).eq(asked.iter().map(|i| (&i.start, &i.end)))
                };
                match previous.as_ref().filter(|p| alike(p)) {
                    Some((_, _, known, a, b)) => (iterations, range_first, range_last) = (known.clone(), *a, *b),
                    None => {
                        for (ii, it) in asked.iter().enumerate() {
                            let field = || format!("boards[{rb}].iterations[{ii}]");
                            let start = moment(&it.start, || format!("{}.start", field()))?;
                            let end = moment(&it.end, || format!("{}.end", field()))?;
                            let reading = read_dates(start, end, settings.time_zone).map_err(|e| match e {
                                Error::Validation { message, .. } => Error::validation(format!("{}.end", field()), message),
                                other => other,
                            })?;
                            range_first = range_first.min(reading.first);
                            range_last = range_last.max(reading.last);
                            iterations.push(((reading.first - first).num_days(), (reading.last - first).num_days()));
                        }
                        previous = Some((rb, settings.time_zone, iterations.clone(), range_first, range_last));
                    }
                }
            }
            let mut offs = Vec::with_capacity(settings.members.len());
            for member in &settings.members {
                let off = match days_off.get_mut(member.account_key.as_str()) {
                    None => None,
                    Some(Some(known)) => known.clone(),
                    Some(unread) => {
                        // An empty document counts as none, so the second pass need not look.
                        let d = self.load_days_off(storage, &member.account_key)?;
                        unread.insert((!d.by_date.is_empty()).then_some(d)).clone()
                    }
                };
                offs.push(off);
            }
            // Where `sum_items` puts this board's workload.
            let raw_at = raw_len;
            if rb.is_some() {
                raw_len += iterations.len() * settings.members.len();
            }
            plans.push(BoardPlan { settings, calendar, request_board: rb, iterations, range_first, range_last, days_off: offs, raw_at });
        }
        Ok(Boards { plans, unit, warnings })
    }
}

/// The last board's iterations as read: its request board, its zone, the iterations as day
/// ranges, and the first and last day of its range.
type ReadIterations = (usize, chrono_tz::Tz, Vec<(i64, i64)>, NaiveDate, NaiveDate);

/// What pass 1 read: the boards' plans, their unit, and warnings about them.
struct Boards {
    plans: Vec<BoardPlan>,
    unit: Option<Unit>,
    warnings: Vec<Warning>,
}

/// Reports over this many items count them on two threads when the engine may use two.
pub const PARALLEL_FROM: usize = 50_000;

/// Runs `helper_job` on a second thread when `parallel` (else first, on this one) and
/// `own_job` on this thread; a panic on the helper goes on here. When no thread can be
/// started (a host's thread limit), both run here.
fn side_by_side<A: Send, B>(parallel: bool, helper_job: impl FnOnce() -> A + Send, own_job: impl FnOnce() -> B) -> (B, A) {
    let job = std::sync::Mutex::new(Some(helper_job));
    let take = || job.lock().unwrap_or_else(|p| p.into_inner()).take().expect("the helper's job runs once");
    let mut own = Some(own_job);
    if parallel {
        let ran = std::thread::scope(|scope| {
            let helper = std::thread::Builder::new().name("capacity-helper".into()).spawn_scoped(scope, || take()()).ok()?;
            let b = own.take().expect("this thread's job runs once")();
            Some((b, helper.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))))
        });
        if let Some(both) = ran {
            return both;
        }
    }
    let a = take()();
    (own.take().expect("this thread's job runs once")(), a)
}

/// The report's period and its buckets.
struct Span<'a> {
    first: NaiveDate,
    last: NaiveDate,
    buckets: &'a [BucketOut],
}

/// Where each member's numbers go: members of all boards one after the other.
struct Rows<'a> {
    count: usize,
    of_member: &'a [u32],
}

/// What a board's days and ranges depend on: boards alike in these (most boards of an
/// instance share the company's holidays and sprint cadence) share one [`BoardShape`].
#[derive(PartialEq, Eq, Hash)]
struct ShapeKey {
    holidays: Vec<(NaiveDate, Ratio)>,
    /// The shared holiday calendar, by identity (the engine's cache hands out one per text).
    calendar: Option<usize>,
    range: (NaiveDate, NaiveDate),
    iterations: Vec<(i64, i64)>,
}

impl ShapeKey {
    fn of(plan: &BoardPlan) -> ShapeKey {
        ShapeKey {
            holidays: plan.settings.holidays.iter().map(|h| (h.date, h.fraction)).collect(),
            calendar: plan.calendar.as_ref().map(|c| Arc::as_ptr(c) as usize),
            range: (plan.range_first, plan.range_last),
            iterations: plan.iterations.clone(),
        }
    }
}

/// A board's days over its range, the cut points of every bucket and iteration part, and
/// the capacity sweeps of the members without days off, by [`MemberShape`].
struct BoardShape {
    days: BoardDays,
    /// Day indices of the board's range where some asked-for range starts or ends.
    cuts: Vec<u32>,
    /// Index into `cuts` of each bucket's first day, then of the day after the period.
    bucket_cuts: Vec<u32>,
    /// Parts of each iteration: its days before the period, in each bucket, after it;
    /// iteration `i`'s are `parts[part_at[i]..part_at[i + 1]]`.
    parts: Vec<Part>,
    part_at: Vec<usize>,
    /// [`MemberCapacity::cumulative`] at `cuts`, for members without days off.
    plain: FastMap<MemberShape, Vec<i64>>,
}

impl BoardShape {
    fn new(plan: &BoardPlan, period: &Span) -> BoardShape {
        let (first, last, buckets) = (period.first, period.last, period.buckets);
        let days = BoardDays::new(team_days(&plan.settings, plan.calendar.as_deref(), plan.range_first, plan.range_last));
        let shift = (first - plan.range_first).num_days();
        let period_last = (last - first).num_days();
        // Buckets as day indices from the period's first day.
        let spans: Vec<(i64, i64)> = buckets.iter().map(|b| ((b.start - first).num_days(), (b.end - first).num_days())).collect();
        let mut points: Vec<i64> = spans.iter().map(|(a, _)| a + shift).collect();
        points.push(period_last + 1 + shift);
        for (a, b) in &plan.iterations {
            points.extend([a + shift, b + 1 + shift]);
        }
        points.sort_unstable();
        points.dedup();
        let cuts: Vec<u32> = points.iter().map(|p| *p as u32).collect();
        let cut = |day: i64| cuts.binary_search(&((day + shift) as u32)).expect("every range end is a cut") as u32;
        let bucket_cuts: Vec<u32> = spans.iter().map(|(a, _)| cut(*a)).chain([cut(period_last + 1)]).collect();
        let mut parts = Vec::new();
        let mut part_at = Vec::with_capacity(plan.iterations.len() + 1);
        for (a, b) in &plan.iterations {
            part_at.push(parts.len());
            let mut part = |bucket: u32, x: i64, y: i64| parts.push(Part { bucket, from_cut: cut(x), to_cut: cut(y + 1), days: y - x + 1 });
            if *a < 0 {
                part(NO_INDEX, *a, (*b).min(-1));
            }
            // The buckets the iteration overlaps: from the one holding its first day on.
            let from = spans.partition_point(|(_, end)| end < a);
            for (bk, (start, end)) in spans.iter().enumerate().skip(from) {
                if start > b {
                    break;
                }
                part(bk as u32, (*a).max(*start), (*b).min(*end));
            }
            if *b > period_last {
                part(NO_INDEX, (*a).max(period_last + 1), *b);
            }
        }
        part_at.push(parts.len());
        BoardShape { days, cuts, bucket_cuts, parts, part_at, plain: FastMap::default() }
    }
}

/// Every member's membership (person, membership) for the over-allocation check, in board
/// order.
fn memberships(plans: &[BoardPlan], person_of_member: &[u32], (first, last): (NaiveDate, NaiveDate)) -> Vec<(u32, Membership)> {
    let mut out = Vec::with_capacity(person_of_member.len());
    let members = plans.iter().enumerate().flat_map(|(bi, plan)| plan.settings.members.iter().map(move |m| (bi, m)));
    for ((bi, member), person) in members.zip(person_of_member) {
        let from = member.active_from.unwrap_or(first).max(first);
        let to = member.active_to.unwrap_or(last).min(last);
        if from <= to {
            out.push((*person, (bi as u32, member.allocation.0, from, to)));
        }
    }
    out
}

/// The cells of rows `wanted` (into `sums`, which holds those rows), summed over their
/// members: each member's capacity in every bucket and their workload spread over the
/// buckets their iterations cover.
fn member_rows(plans: &[BoardPlan], period: &Span, rows: &Rows, raw: &[i64], wanted: Range<usize>, sums: &mut [CellSums]) {
    let nb = period.buckets.len();
    let mut member_at = 0;
    let mut capacity = MemberCapacity::default();
    let no_days_off = DaysOff::empty("");
    let mut shapes: FastMap<ShapeKey, BoardShape> = FastMap::default();
    let (mut swept, mut weights, mut shares) = (Vec::new(), Vec::new(), Vec::new());
    for plan in plans {
        let settings = &*plan.settings;
        let members = &settings.members;
        let of_member = &rows.of_member[member_at..member_at + members.len()];
        member_at += members.len();
        if !of_member.iter().any(|r| wanted.contains(&(*r as usize))) {
            continue;
        }
        let BoardShape { days, cuts, bucket_cuts, parts, part_at, plain } = shapes.entry(ShapeKey::of(plan)).or_insert_with(|| BoardShape::new(plan, period));
        for (m, member) in members.iter().enumerate() {
            let row = of_member[m] as usize;
            if !wanted.contains(&row) {
                continue;
            }
            let cumulative: &[i64] = match plan.days_off[m].as_deref() {
                Some(off) => {
                    capacity.reset(days, member, settings, off);
                    capacity.cumulative(days, cuts, &mut swept);
                    &swept
                }
                None => plain.entry(MemberShape::of(days, member, settings)).or_insert_with(|| {
                    let mut out = Vec::new();
                    capacity.reset(days, member, settings, &no_days_off);
                    capacity.cumulative(days, cuts, &mut out);
                    out
                }),
            };
            let row_sums = &mut sums[(row - wanted.start) * nb..][..nb];
            for (b, s) in row_sums.iter_mut().enumerate() {
                s.capacity += cumulative[bucket_cuts[b + 1] as usize] - cumulative[bucket_cuts[b] as usize];
            }
            if plan.request_board.is_some() {
                for it in 0..plan.iterations.len() {
                    let total = to_base_units(raw[plan.raw_at + m * plan.iterations.len() + it], settings.unit);
                    if total == 0 {
                        continue;
                    }
                    let its_parts = &parts[part_at[it]..part_at[it + 1]];
                    if let [only] = its_parts {
                        // All of it (what spreading over one part gives).
                        if only.bucket != NO_INDEX {
                            row_sums[only.bucket as usize].workload += total;
                        }
                        continue;
                    }
                    if let [a, b] = its_parts {
                        let weight = |p: &Part| cumulative[p.to_cut as usize] - cumulative[p.from_cut as usize];
                        if let Some(first) = spread_two(total, weight(a), weight(b)) {
                            for (p, share) in [(a, first), (b, total - first)] {
                                if p.bucket != NO_INDEX {
                                    row_sums[p.bucket as usize].workload += share;
                                }
                            }
                            continue;
                        }
                    }
                    weights.clear();
                    weights.extend(its_parts.iter().map(|p| cumulative[p.to_cut as usize] - cumulative[p.from_cut as usize]));
                    // No capacity at all: spread by days instead.
                    if weights.iter().all(|w| *w == 0) {
                        weights.clear();
                        weights.extend(its_parts.iter().map(|p| p.days));
                    }
                    spread_into(total, &weights, &mut shares);
                    for (p, share) in its_parts.iter().zip(&shares) {
                        if p.bucket != NO_INDEX {
                            row_sums[p.bucket as usize].workload += share;
                        }
                    }
                }
            }
        }
    }
}

/// An iteration start or end: a plain date read directly (a thousand boards send the same
/// sprint dates), anything else as `Moment::parse` reads it.
fn moment(text: &str, field: impl FnOnce() -> String) -> Result<Moment> {
    let b = text.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().try_fold(0u32, |n, c| c.is_ascii_digit().then(|| n * 10 + (c - b'0') as u32));
    if b.len() == 10 && b[4] == b'-' && b[7] == b'-' {
        if let (Some(y), Some(m), Some(d)) = (digits(0..4), digits(5..7), digits(8..10)) {
            if let Some(date) = NaiveDate::from_ymd_opt(y as i32, m, d) {
                return Ok(Moment::Date(date));
            }
        }
    }
    Moment::parse(text, &field())
}

/// The order that sorts `keys`: by their first sixteen bytes, held in one number so that
/// most comparisons read no string (account keys are mostly shorter), then by the whole
/// key among those alike in the first sixteen.
fn sorted_order(keys: &[&str]) -> Vec<u32> {
    let prefix = |k: &str| {
        let mut bytes = [0u8; 16];
        let n = k.len().min(16);
        bytes[..n].copy_from_slice(&k.as_bytes()[..n]);
        u128::from_be_bytes(bytes)
    };
    let mut by_prefix: Vec<(u128, u32)> = keys.iter().enumerate().map(|(i, k)| (prefix(k), i as u32)).collect();
    by_prefix.sort_unstable();
    let mut order: Vec<u32> = by_prefix.iter().map(|(_, i)| *i).collect();
    // Keys padded alike compare alike only when one is longer than sixteen bytes or they
    // differ in trailing NULs: those runs are sorted again by the whole key.
    let mut from = 0;
    while from < by_prefix.len() {
        let to = from + by_prefix[from..].iter().take_while(|(p, _)| *p == by_prefix[from].0).count();
        if to - from > 1 {
            order[from..to].sort_unstable_by(|a, b| keys[*a as usize].cmp(keys[*b as usize]));
        }
        from = to;
    }
    order
}

/// Numbers the distinct keys of a sequence in sorted order: each element's number, and the
/// distinct keys sorted.
fn number_in_order<'k>(sequence: impl Iterator<Item = &'k str>) -> (Vec<u32>, Vec<&'k str>) {
    let mut first_seen: FastMap<&str, u32> = FastMap::default();
    let mut keys: Vec<&str> = Vec::new();
    let mut numbers: Vec<u32> = sequence
        .map(|k| {
            *first_seen.entry(k).or_insert_with(|| {
                keys.push(k);
                (keys.len() - 1) as u32
            })
        })
        .collect();
    let order = sorted_order(&keys);
    let mut rank = vec![0u32; keys.len()];
    for (r, k) in order.iter().enumerate() {
        rank[*k as usize] = r as u32;
    }
    for n in &mut numbers {
        *n = rank[*n as usize];
    }
    (numbers, order.iter().map(|k| keys[*k as usize]).collect())
}

/// Raw workload per board, iteration and member (see [`ItemSums`]), the items counted in
/// two halves side by side when `parallel`.
fn sum_items(sums: &ItemSums, items: &[MultiItem], parallel: bool) -> Vec<i64> {
    let mut raw = vec![0i64; sums.cells];
    if !parallel {
        let part = sums.count(items, 0..items.len());
        sums.finish(items, vec![part], &mut raw);
        return raw;
    }
    let half = items.len() / 2;
    let (first, second) = side_by_side(true, || sums.count(items, half..items.len()), || sums.count(items, 0..half));
    // Each thread applies both halves' additions to its own regions of the table.
    let regions = raw.len().div_ceil(1 << REGION_BITS);
    let middle = regions / 2;
    let split = (middle << REGION_BITS).min(raw.len());
    let (low, high) = raw.split_at_mut(split);
    let sets = [first.additions(), second.additions()];
    side_by_side(true, || Additions::apply(&sets, high, middle..regions), || Additions::apply(&sets, low, 0..middle));
    sums.settle(items, vec![first, second], &mut raw);
    raw
}

/// A membership: (board index, allocation, active from, active to).
type Membership = (u32, i64, NaiveDate, NaiveDate);

/// For each person (by rank) and bucket, the highest sum of allocations over any day (they
/// change only where a membership starts, so only those days and the bucket's first are
/// examined), when it exceeds 100 %. Returns the overloads (runs of buckets alike), the
/// people they name, and the board lists they point into.
fn over_allocations(mut memberships: Vec<(u32, Membership)>, people: &[&str], buckets: &[BucketOut], (first, last): (NaiveDate, NaiveDate)) -> (Vec<Overload>, Keys, Vec<u32>) {
    // By person, each person's memberships in board order.
    memberships.sort_by_key(|m| m.0);
    let mut overloads: Vec<Overload> = Vec::new();
    let mut names = Keys::default();
    let mut boards: Vec<u32> = Vec::new();
    for group in memberships.chunk_by(|a, b| a.0 == b.0) {
        if group.iter().map(|(_, s)| s.1).sum::<i64>() <= RATIO_ONE {
            continue;
        }
        let person = names.len() as u32;
        if group.iter().all(|(_, s)| s.2 == first && s.3 == last) {
            // Every membership spans the whole period: the same sum, over every board, in
            // every bucket (what the day-by-day search below finds for each).
            let from = boards.len() as u32;
            boards.extend(group.iter().map(|(_, s)| s.0));
            names.push(people[group[0].0 as usize]);
            let allocation = group.iter().map(|(_, s)| s.1).sum();
            overloads.push(Overload { person, buckets: (0, buckets.len() as u32 - 1), allocation, boards: (from, boards.len() as u32) });
            continue;
        }
        let mut named = false;
        for (bk, b) in buckets.iter().enumerate() {
            let mut worst: (i64, Option<NaiveDate>) = (0, None);
            let starts = group.iter().map(|(_, s)| s.2).filter(|d| *d >= b.start && *d <= b.end);
            for day in std::iter::once(b.start).chain(starts) {
                let sum: i64 = group.iter().filter(|(_, s)| s.2 <= day && day <= s.3).map(|(_, s)| s.1).sum();
                if sum > worst.0 {
                    worst = (sum, Some(day));
                }
            }
            let (allocation, Some(day)) = worst else { continue };
            if allocation <= RATIO_ONE {
                continue;
            }
            let on_day = group.iter().filter(|(_, s)| s.2 <= day && day <= s.3).map(|(_, s)| s.0);
            if !named {
                names.push(people[group[0].0 as usize]);
                named = true;
            }
            // The previous bucket's run goes on when this bucket has the same sum and boards.
            if let Some(run) = overloads.last_mut().filter(|o| o.person == person && o.buckets.1 + 1 == bk as u32 && o.allocation == allocation) {
                if on_day.clone().eq(boards[run.boards.0 as usize..run.boards.1 as usize].iter().copied()) {
                    run.buckets.1 = bk as u32;
                    continue;
                }
            }
            let from = boards.len() as u32;
            boards.extend(on_day);
            overloads.push(Overload { person, buckets: (bk as u32, bk as u32), allocation, boards: (from, boards.len() as u32) });
        }
    }
    (overloads, names, boards)
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

    /// The two-part shortcut gives what the general rule gives.
    #[test]
    fn spreading_over_two_parts_matches_the_general_rule() {
        for total in [0, 1, 2, 3, 7, 10, 99, 480, 12_345] {
            for weights in [[1, 1], [0, 5], [5, 0], [1, 2], [2, 1], [360, 180], [3, 7], [480, 1], [1, 480], [7, 7], [0, 0]] {
                let mut general = Vec::new();
                let sum: i64 = weights.iter().sum();
                if sum == 0 {
                    spread_in(total, 2, |_| 1i64, 2, &mut general);
                } else {
                    spread_in(total, 2, |i| weights[i], sum, &mut general);
                }
                assert_eq!(spread(total, &weights), general, "{total} over {weights:?}");
            }
        }
    }

    #[test]
    fn side_by_side_runs_both_jobs_and_passes_on_a_helpers_panic() {
        for parallel in [true, false] {
            let helper_thread = std::sync::Mutex::new(None);
            let (own, helper) = side_by_side(parallel, || {
                *helper_thread.lock().unwrap() = Some(std::thread::current().id());
                2
            }, || 1);
            assert_eq!((own, helper), (1, 2));
            assert_eq!(*helper_thread.lock().unwrap() != Some(std::thread::current().id()), parallel);
        }
        let panicked = std::panic::catch_unwind(|| side_by_side(true, || -> u8 { panic!("helper") }, || 1));
        assert!(panicked.is_err());
    }

    #[test]
    fn keys_sort_as_strings_do() {
        let keys = ["b", "a", "abcdefghijklmnopq", "abcdefghijklmnop", "abcdefghijklmnopa", "a\0", "", "é", "z", "abcdefghijklmnopq2"];
        let order = sorted_order(&keys);
        let mut expected = keys.to_vec();
        expected.sort();
        assert_eq!(order.iter().map(|i| keys[*i as usize]).collect::<Vec<_>>(), expected);
    }

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
