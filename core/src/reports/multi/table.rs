//! The multi-project report's result: in compact form ([`MultiTable`], what bulk callers
//! read) and as the documented JSON ([`MultiReport`]).

use chrono::NaiveDate;
use serde::Serialize;

use crate::documents::report_defs::{Bucket, Grouping, Period};
use crate::documents::units::{Ratio, Unit};
use crate::error::Result;
use crate::reports::status::{judge, Status};
use crate::reports::warning::Warning;

pub const SCHEMA: u32 = 1;

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
    pub period: crate::documents::report_defs::Period,
    pub bucket: Bucket,
    pub grouping: Grouping,
    pub boards: Vec<String>,
    pub buckets: Vec<BucketOut>,
    pub rows: Vec<Row>,
    pub totals: Vec<Cell>,
    pub over_allocations: Vec<OverAllocation>,
    pub warnings: Vec<Warning>,
}

/// A cell's numbers: capacity and workload in base units.
///
/// `#[repr(C)]` on purpose, one of the two layouts this crate shares with C (the other is
/// `items::bulk::MultiItem`): laid out as `ct_multi_cell`, so the C ABI hands out a
/// report's million cells without copying them; `ffi/src/bulk/report.rs` asserts the
/// layout at compile time.
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
    pub(crate) fn push(&mut self, key: &str) {
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
        crate::storage::docstore::to_json(&self.to_report())
    }

    /// The report as documented (`docs/json-api.md`).
    pub fn to_report(&self) -> MultiReport {
        let rows = (0..self.row_keys.len())
            .map(|r| Row { key: self.row_keys.get(r).to_string(), cells: self.row(r).iter().map(|s| self.cell(*s)).collect(), total: self.cell(self.row_totals[r]) })
            .collect();
        MultiReport { rows, over_allocations: self.over_allocations(), ..self.head() }
    }

    /// [`MultiTable::head`] as JSON.
    pub fn head_json(&self) -> Result<String> {
        crate::storage::docstore::to_json(&self.head())
    }

    /// The over-allocations as runs, as JSON: `[{"accountKey","firstBucket","lastBucket",
    /// "allocation","boards":[ids]}]`, each run standing for one entry of the report's
    /// `overAllocations` per bucket from `firstBucket` to `lastBucket` (indices into
    /// `buckets`). An instance-wide report has hundreds of thousands of those entries,
    /// tens of megabytes as JSON, and only thousands of runs.
    pub fn over_allocation_runs_json(&self) -> Result<String> {
        // Serialized straight from borrowed fields: a `serde_json::Value` per run (a map per
        // run, a string copy per field) made this 20 ms for W2's 1.3 MB, more than half the
        // report's own computation.
        #[derive(Serialize)]
        #[serde(rename_all = "camelCase")]
        struct Run<'a> {
            account_key: &'a str,
            first_bucket: u32,
            last_bucket: u32,
            allocation: f64,
            boards: Vec<&'a str>,
        }
        let runs: Vec<Run<'_>> = self
            .overloads
            .iter()
            .map(|o| Run {
                account_key: self.overloaded_people.get(o.person as usize),
                first_bucket: o.buckets.0,
                last_bucket: o.buckets.1,
                allocation: o.allocation as f64 / 100.0,
                boards: self.overload_boards[o.boards.0 as usize..o.boards.1 as usize].iter().map(|b| self.boards[*b as usize].as_str()).collect(),
            })
            .collect();
        crate::storage::docstore::to_json(&runs)
    }

    /// The row keys, in report order, as a JSON array of strings.
    pub fn row_keys_json(&self) -> Result<String> {
        let keys: Vec<&str> = (0..self.row_keys.len()).map(|r| self.row_keys.get(r)).collect();
        crate::storage::docstore::to_json(&keys)
    }

    /// The report without its rows and over-allocations (`"rows":[]`, `"overAllocations":[]`):
    /// what is small whatever the report's size.
    /// Bindings that hand the rows over as arrays (the JNI bridge) send this as JSON.
    pub fn head(&self) -> MultiReport {
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
            rows: Vec::new(),
            totals: self.totals.iter().map(|s| self.cell(*s)).collect(),
            over_allocations: Vec::new(),
            warnings: self.warnings.clone(),
        }
    }

    /// The over-allocations as the report lists them: one per person and bucket.
    fn over_allocations(&self) -> Vec<OverAllocation> {
        self
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
            .collect()
    }
}
