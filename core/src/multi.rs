//! The multi-project report: capacity and workload per person, role or board, in week,
//! month or quarter buckets over a period, across many boards; and the people whose
//! allocations across boards add up to more than 100 % in a bucket.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

use chrono::{Datelike, Duration, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::calendar::{read_dates, Moment};
use crate::days_off::DaysOff;
use crate::engine::Engine;
use crate::error::{Error, Result};
use crate::report::{member_day, status, team_days};
use crate::report_defs::{Bucket, Grouping, ReportDefDoc};
use crate::settings::BoardSettings;
use crate::store::Storage;
use crate::units::{utilisation, Unit, RATIO_ONE};
use crate::workload::{self, Item, Tally};

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
fn spread(total: i64, weights: &[i64]) -> Vec<i64> {
    if weights.is_empty() {
        return vec![];
    }
    let sum: i64 = weights.iter().sum();
    let weights: Vec<i64> = if sum == 0 { vec![1; weights.len()] } else { weights.to_vec() };
    let sum: i128 = weights.iter().map(|w| *w as i128).sum();
    let mut parts: Vec<i64> = weights.iter().map(|w| (total as i128 * *w as i128 / sum) as i64).collect();
    let mut rest = total - parts.iter().sum::<i64>();
    let mut order: Vec<usize> = (0..weights.len()).collect();
    order.sort_by_key(|i| std::cmp::Reverse((total as i128 * weights[*i] as i128) % sum));
    for i in order {
        if rest == 0 {
            break;
        }
        parts[i] += 1;
        rest -= 1;
    }
    parts
}

fn cell(capacity: i64, workload: i64, thresholds: &BoardSettings) -> Cell {
    Cell { capacity, workload, free: capacity - workload, utilisation: utilisation(workload, capacity), status: status(workload, capacity, thresholds) }
}

/// (capacity, workload) per bucket.
type Sums = Vec<(i64, i64)>;

impl Engine {
    /// Computes a multi-project report (see `docs/json-api.md`).
    pub fn multi_project_report(&self, storage: &mut dyn Storage, request_json: &str) -> Result<String> {
        let request: MultiRequest = crate::json::parse(request_json, "")?;
        for (b, board) in request.boards.iter().enumerate() {
            for (i, it) in board.iterations.iter().enumerate() {
                workload::validate(&it.items).map_err(|e| prefix(e, &format!("boards[{b}].iterations[{i}].")))?;
            }
        }
        let definition: Arc<ReportDefDoc> = match (&request.report_id, request.definition) {
            (Some(id), None) => self.load_report_definition(storage, id)?.ok_or_else(|| Error::validation("reportId", format!("there is no report {id:?}")))?,
            (None, Some(d)) => {
                d.validate().map_err(|e| prefix(e, "definition."))?;
                Arc::new(d)
            }
            _ => return Err(Error::validation("reportId", "give reportId or definition, not both")),
        };
        let first = NaiveDate::parse_from_str(&definition.period.start, "%Y-%m-%d").expect("validated");
        let last = NaiveDate::parse_from_str(&definition.period.end, "%Y-%m-%d").expect("validated");
        let (bucket_of, buckets) = bucketise(first, last, definition.bucket);
        let nb = buckets.len();
        let thresholds = BoardSettings::defaults();

        let mut board_ids: Vec<String> = definition.board_ids.clone();
        for b in &request.boards {
            if !board_ids.contains(&b.board_id) {
                board_ids.push(b.board_id.clone());
            }
        }
        let work: HashMap<&str, &BoardWork> = request.boards.iter().map(|b| (b.board_id.as_str(), b)).collect();

        let mut warnings = Vec::new();
        let mut unit: Option<Unit> = None;
        let mut days_off: HashMap<String, Arc<DaysOff>> = HashMap::new();
        // Per person, per role, per board: sums per bucket.
        let mut by_person: BTreeMap<String, Sums> = BTreeMap::new();
        let mut by_role: BTreeMap<String, Sums> = BTreeMap::new();
        let mut by_board: Vec<(String, Sums)> = Vec::new();
        // Per person: (board, allocation, active from, active to) to find over-allocation.
        let mut allocations: BTreeMap<String, Vec<(String, i64, NaiveDate, NaiveDate)>> = BTreeMap::new();

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
                Some(id) => self.load_calendar(storage, id)?,
                None => None,
            };
            let days = team_days(&settings, calendar.as_deref(), first, last);
            let mut board_sums: Sums = vec![(0, 0); nb];

            // Workload per member per period day, spread over each iteration's capacity days.
            let mut member_work: HashMap<&str, Vec<i64>> = HashMap::new();
            if let Some(bw) = work.get(board_id.as_str()) {
                for (ii, it) in bw.iterations.iter().enumerate() {
                    let field = format!("boards[{bi}].iterations[{ii}]");
                    let start = Moment::parse(&it.start, &format!("{field}.start"))?;
                    let end = Moment::parse(&it.end, &format!("{field}.end"))?;
                    let reading = read_dates(start, end, settings.time_zone).map_err(|e| Error::validation(format!("{field}.end"), e.to_string()))?;
                    let it_days = team_days(&settings, calendar.as_deref(), reading.first, reading.last);
                    let counted = workload::counted(&it.items, settings.estimate_source, settings.unit, settings.subtask_policy);
                    let grouped = workload::by_assignee(&counted);
                    for member in &settings.members {
                        let Some(items) = grouped.get(&Some(member.account_key.as_str())) else { continue };
                        let mut tally = Tally::default();
                        for c in items {
                            tally.add(c);
                        }
                        let total = tally.total(settings.unit);
                        let off = days_off_for(self, storage, &mut days_off, &member.account_key)?;
                        let weights: Vec<i64> = it_days.iter().map(|d| member_day(member, &settings, d, off.fraction(d.date))).collect();
                        let parts = spread(total, &weights);
                        let slot = member_work.entry(member.account_key.as_str()).or_insert_with(|| vec![0; days.len()]);
                        for (d, part) in it_days.iter().zip(parts) {
                            if d.date >= first && d.date <= last {
                                slot[(d.date - first).num_days() as usize] += part;
                            }
                        }
                    }
                }
            }

            for member in &settings.members {
                let off = days_off_for(self, storage, &mut days_off, &member.account_key)?;
                let mut sums: Sums = vec![(0, 0); nb];
                let work = member_work.get(member.account_key.as_str());
                for (i, d) in days.iter().enumerate() {
                    let b = bucket_of[i];
                    sums[b].0 += member_day(member, &settings, d, off.fraction(d.date));
                    if let Some(w) = work {
                        sums[b].1 += w[i];
                    }
                }
                for (target, key) in [(&mut by_person, &member.account_key), (&mut by_role, &member.role)] {
                    let row = target.entry(key.clone()).or_insert_with(|| vec![(0, 0); nb]);
                    for (r, s) in row.iter_mut().zip(&sums) {
                        r.0 += s.0;
                        r.1 += s.1;
                    }
                }
                for (r, s) in board_sums.iter_mut().zip(&sums) {
                    r.0 += s.0;
                    r.1 += s.1;
                }
                let from = member.active_from.unwrap_or(first).max(first);
                let to = member.active_to.unwrap_or(last).min(last);
                if from <= to {
                    allocations.entry(member.account_key.clone()).or_default().push((board_id.clone(), member.allocation.0, from, to));
                }
            }
            by_board.push((board_id.clone(), board_sums));
        }

        let over_allocations = over_allocations(&allocations, &buckets);
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
        for (_, s) in &by_board {
            for (t, x) in totals.iter_mut().zip(s) {
                t.0 += x.0;
                t.1 += x.1;
            }
        }
        let rows = match definition.grouping {
            Grouping::Person => rows_of(by_person.into_iter().collect()),
            Grouping::Role => rows_of(by_role.into_iter().collect()),
            Grouping::Board => rows_of(by_board),
        };
        let unit = unit.unwrap_or(Unit::Hours);
        crate::docstore::to_json(&MultiReport {
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

fn days_off_for(engine: &Engine, storage: &mut dyn Storage, cache: &mut HashMap<String, Arc<DaysOff>>, key: &str) -> Result<Arc<DaysOff>> {
    if let Some(d) = cache.get(key) {
        return Ok(d.clone());
    }
    let d = engine.load_days_off(storage, key)?;
    cache.insert(key.to_string(), d.clone());
    Ok(d)
}

/// For each person and bucket, the highest sum of allocations over any day (allocations
/// change only where a membership starts or ends, so only those days are examined).
fn over_allocations(allocations: &BTreeMap<String, Vec<(String, i64, NaiveDate, NaiveDate)>>, buckets: &[BucketOut]) -> Vec<OverAllocation> {
    let mut out = Vec::new();
    for (person, spans) in allocations {
        if spans.len() < 2 && spans.iter().all(|s| s.1 <= RATIO_ONE) {
            continue;
        }
        for b in buckets {
            let mut probes: Vec<NaiveDate> = vec![b.start];
            probes.extend(spans.iter().map(|s| s.2).filter(|d| *d >= b.start && *d <= b.end));
            let mut worst: (i64, Vec<String>) = (0, vec![]);
            for day in probes {
                let active: Vec<&(String, i64, NaiveDate, NaiveDate)> = spans.iter().filter(|s| s.2 <= day && day <= s.3).collect();
                let sum: i64 = active.iter().map(|s| s.1).sum();
                if sum > worst.0 {
                    worst = (sum, active.iter().map(|s| s.0.clone()).collect());
                }
            }
            if worst.0 > RATIO_ONE {
                out.push(OverAllocation { account_key: person.clone(), bucket: b.label.clone(), allocation: worst.0 as f64 / 100.0, boards: worst.1 });
            }
        }
    }
    out
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
