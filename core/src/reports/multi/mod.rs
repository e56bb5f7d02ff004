//! The multi-project report: capacity and workload per person, role or board, in week,
//! month or quarter buckets over a period, across many boards; and the people whose
//! allocations across boards add up to more than 100 % in a bucket.
//!
//! The engine reads what a report needs (`engine/multi_report.rs`: pass 1, into
//! [`plan::Boards`]); everything here computes, without storage:
//! - `request`: the request and its work, placed; `table`: the result, compact and as JSON;
//! - `buckets`, `spread`: the period's buckets, and workload split exactly over them;
//! - `item_sums`, `parallel`: a million items summed, on two threads when allowed;
//! - `rows`: pass 2, each member's capacity and workload into rows;
//! - `over_allocation`: people above 100 % across boards.

use chrono::NaiveDate;

use crate::documents::report_defs::{Grouping, ReportDefDoc};
use crate::documents::settings::BoardSettings;
use crate::documents::units::Unit;
use crate::error::Error;
use crate::items::bulk::MultiItem;
use crate::items::FastSet;
use crate::reports::warning::Warning;

mod buckets;
mod item_sums;
mod over_allocation;
mod parallel;
pub(crate) mod plan;
mod request;
mod rows;
mod spread;
mod table;

use buckets::bucketise;
use item_sums::ItemSums;
use over_allocation::{memberships, over_allocations};
use parallel::sum_items;
use plan::Boards;
use rows::{member_rows, number_in_order, Rows, Span};

pub use parallel::PARALLEL_FROM;
pub(crate) use parallel::side_by_side;
pub use request::{BoardWork, IterationWork, MultiRequest, MultiWork};
pub use table::{BucketOut, Cell, CellSums, Keys, MultiReport, MultiTable, OverAllocation, Overload, Row, SCHEMA};

/// The report's period, first and last day (the definition is validated).
pub(crate) fn period(definition: &ReportDefDoc) -> (NaiveDate, NaiveDate) {
    let first = NaiveDate::parse_from_str(&definition.period.start, "%Y-%m-%d").expect("validated");
    let last = NaiveDate::parse_from_str(&definition.period.end, "%Y-%m-%d").expect("validated");
    (first, last)
}

/// The report's boards: the definition's (as listed), then the request's others.
pub(crate) fn board_ids(definition: &ReportDefDoc, request: &MultiRequest) -> Vec<String> {
    let mut board_ids: Vec<String> = definition.board_ids.clone();
    let mut named: FastSet<&str> = definition.board_ids.iter().map(String::as_str).collect();
    for b in &request.boards {
        if named.insert(&b.board_id) {
            board_ids.push(b.board_id.clone());
        }
    }
    board_ids
}

/// Computes the report from what pass 1 read (`boards`, for `board_ids`) over the bulk
/// `items` (checked) naming `people`; `request_boards` is the number of the request's
/// boards. With `parallel`, a helper thread counts half of the items and computes half of
/// the rows; the result is the same.
pub(crate) fn compute(definition: &ReportDefDoc, board_ids: Vec<String>, boards: Boards, request_boards: usize, people: &[&str], items: &[MultiItem], parallel: bool) -> MultiTable {
    let (first, last) = period(definition);
    let (_, buckets) = bucketise(first, last, definition.bucket);
    let nb = buckets.len();
    let thresholds = BoardSettings::defaults();
    let Boards { plans, unit, mut warnings } = boards;

    // Each member's person (for allocations) and row, numbered in key order so that rows
    // come out sorted without being moved; members of all boards one after the other.
    // Meanwhile a helper indexes the people's memberships for counting the items.
    let number_rows = || {
        // About as many distinct people as the items name, and at most one per member.
        let members: usize = plans.iter().map(|p| p.settings.members.len()).sum();
        let (member_person, person_sorted) = number_in_order(plans.iter().flat_map(|p| p.settings.members.iter().map(|m| m.account_key.as_str())), people.len().min(members));
        let (row_keys, member_row): (Vec<&str>, Vec<u32>) = match definition.grouping {
            Grouping::Person => (person_sorted.clone(), member_person.clone()),
            Grouping::Role => {
                let (member_role, roles) = number_in_order(plans.iter().flat_map(|p| p.settings.members.iter().map(|m| m.role.as_str())), 0);
                (roles, member_role)
            }
            Grouping::Board => (
                board_ids.iter().map(String::as_str).collect(),
                plans.iter().enumerate().flat_map(|(bi, p)| std::iter::repeat_n(bi as u32, p.settings.members.len())).collect(),
            ),
        };
        (member_person, person_sorted, row_keys, member_row)
    };
    let ((member_person, person_sorted, row_keys, member_row), counting) = side_by_side(parallel, || ItemSums::new(&plans, request_boards, people), number_rows);
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
                crate::reports::iteration::name_some(&overloaded_people.iter().collect::<Vec<_>>())
            ),
        });
    }
    MultiTable {
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
    }
}

/// `e` with its field path prefixed by `p`.
pub(crate) fn prefix(e: Error, p: &str) -> Error {
    match e {
        Error::Validation { field, message } => Error::Validation { field: format!("{p}{field}"), message },
        other => other,
    }
}
