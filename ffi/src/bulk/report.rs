//! `ct_multi_report`: a multi-project report in compact form, read through arrays of
//! plain structs.

use std::ffi::c_char;
use std::mem::{align_of, offset_of, size_of};

use capacity_core::documents::report_defs::Grouping;
use capacity_core::documents::units::Unit;
use capacity_core::reports::multi::{CellSums, MultiTable};
use capacity_core::reports::status::Status;

use crate::boundary::{boundary, boundary_or, non_null};
use crate::buffer::ct_buffer;
use crate::error::ct_error;

/// `ct_multi_report_unit`: capacity and workload are in minutes.
pub const CT_UNIT_HOURS: u32 = 0;
/// `ct_multi_report_unit`: capacity and workload are in hundredths of a story point.
pub const CT_UNIT_STORY_POINTS: u32 = 1;

/// `ct_multi_report_grouping`: a row per person.
pub const CT_GROUPING_PERSON: u32 = 0;
/// `ct_multi_report_grouping`: a row per role (by name).
pub const CT_GROUPING_ROLE: u32 = 1;
/// `ct_multi_report_grouping`: a row per board.
pub const CT_GROUPING_BOARD: u32 = 2;

/// `ct_multi_report_status`: the cell has no capacity (and no utilisation).
pub const CT_STATUS_NO_CAPACITY: u32 = 0;
/// `ct_multi_report_status`: utilisation below 80 %.
pub const CT_STATUS_UNDER: u32 = 1;
/// `ct_multi_report_status`: utilisation from 80 % to 100 %.
pub const CT_STATUS_OK: u32 = 2;
/// `ct_multi_report_status`: utilisation above 100 %.
pub const CT_STATUS_OVER: u32 = 3;

/// Text held by a `ct_multi_report`: UTF-8, `len` bytes, NOT NUL-terminated; valid until
/// the report is freed.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct ct_text {
    pub data: *const c_char,
    pub len: usize,
}

impl ct_text {
    fn of(s: &str) -> ct_text {
        ct_text {
            data: s.as_ptr().cast(),
            len: s.len(),
        }
    }
}

/// A calendar date.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct ct_date {
    pub year: i32,
    /// 1 to 12.
    pub month: u32,
    /// 1 to 31.
    pub day: u32,
}

/// A bucket of the report's period: its label (`2026-W05`, `2026-02`, `2026-Q1`) and its
/// first and last date within the period.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct ct_multi_bucket {
    pub label: ct_text,
    pub first: ct_date,
    pub last: ct_date,
}

/// A cell's numbers in base units (`ct_multi_report_unit`): free capacity is
/// `capacity - workload`; `ct_multi_report_status` gives utilisation and status.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct ct_multi_cell {
    pub capacity: i64,
    pub workload: i64,
}

// A report's cells are handed out in place: `ct_multi_cell` must be laid out exactly as
// the core's `CellSums`.
const _: () = {
    assert!(size_of::<ct_multi_cell>() == size_of::<CellSums>());
    assert!(align_of::<ct_multi_cell>() == align_of::<CellSums>());
    assert!(offset_of!(ct_multi_cell, capacity) == offset_of!(CellSums, capacity));
    assert!(offset_of!(ct_multi_cell, workload) == offset_of!(CellSums, workload));
};

/// A row: its key (account key, role name or board id, by the report's grouping) and its
/// total over the period. Its cells are `ct_multi_report_cells`' row `r`.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct ct_multi_row {
    pub key: ct_text,
    pub total: ct_multi_cell,
}

/// A person allocated above 100 % across boards in each bucket from `first_bucket` to
/// `last_bucket` (indices into the buckets): `allocation` percent at most (the highest sum
/// of their allocations on a day of each), on the boards `boards[0..boards_len]` (indices
/// into `ct_multi_report_boards`).
#[repr(C)]
#[derive(Clone, Copy)]
pub struct ct_over_allocation {
    pub account_key: ct_text,
    pub first_bucket: u32,
    pub last_bucket: u32,
    pub allocation: f64,
    pub boards: *const u32,
    pub boards_len: usize,
}

/// A warning of the report: its code (`boardWithoutTeam`, `holidayCalendarMissing`,
/// `overAllocated`) and message, as in the JSON.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct ct_warning {
    pub code: ct_text,
    pub message: ct_text,
}

/// A multi-project report in compact form, from `ct_engine_multi_project_report_bulk`:
/// arrays of plain structs over its buckets, rows and cells, and the documented JSON on
/// request (`ct_multi_report_to_json`). An instance-wide report has a million cells; their
/// JSON would be some hundred megabytes.
///
/// Released with `ct_multi_report_free`. Immutable: it may be read from several threads at
/// once and freed on any thread. Every pointer it gives is valid until it is freed.
pub struct ct_multi_report {
    table: MultiTable,
    boards: Vec<ct_text>,
    buckets: Vec<ct_multi_bucket>,
    rows: Vec<ct_multi_row>,
    over_allocations: Vec<ct_over_allocation>,
    warnings: Vec<ct_warning>,
}

// SAFETY: the raw pointers point into `table`, owned by the report and never changed after
// construction; nothing is mutated through a shared reference.
unsafe impl Send for ct_multi_report {}
// SAFETY: as above.
unsafe impl Sync for ct_multi_report {}

fn date(d: chrono::NaiveDate) -> ct_date {
    use chrono::Datelike;
    ct_date {
        year: d.year(),
        month: d.month(),
        day: d.day(),
    }
}

impl ct_multi_report {
    pub(crate) fn new(table: MultiTable) -> Box<ct_multi_report> {
        // The views point into the table's heap buffers, which stay where they are when
        // the table moves into the box.
        let boards = table.boards.iter().map(|b| ct_text::of(b)).collect();
        let buckets = table
            .buckets
            .iter()
            .map(|b| ct_multi_bucket {
                label: ct_text::of(&b.label),
                first: date(b.start),
                last: date(b.end),
            })
            .collect();
        let rows = table
            .row_keys
            .iter()
            .zip(&table.row_totals)
            .map(|(key, total)| ct_multi_row {
                key: ct_text::of(key),
                total: ct_multi_cell {
                    capacity: total.capacity,
                    workload: total.workload,
                },
            })
            .collect();
        let over_allocations = table
            .overloads
            .iter()
            .map(|o| {
                let boards = &table.overload_boards[o.boards.0 as usize..o.boards.1 as usize];
                ct_over_allocation {
                    account_key: ct_text::of(table.overloaded_people.get(o.person as usize)),
                    first_bucket: o.buckets.0,
                    last_bucket: o.buckets.1,
                    allocation: o.allocation as f64 / 100.0,
                    boards: boards.as_ptr(),
                    boards_len: boards.len(),
                }
            })
            .collect();
        let warnings = table
            .warnings
            .iter()
            .map(|w| ct_warning {
                code: ct_text::of(w.code),
                message: ct_text::of(&w.message),
            })
            .collect();
        Box::new(ct_multi_report {
            boards,
            buckets,
            rows,
            over_allocations,
            warnings,
            table,
        })
    }
}

/// Gives an array of the report through `out` (unless `out` is NULL) and returns its
/// length; for a NULL `report`, 0 and NULL.
///
/// # Safety
/// `report` must be NULL or a live report; `out` NULL or writable.
unsafe fn view<T>(
    report: *const ct_multi_report,
    out: *mut *const T,
    array: impl FnOnce(&ct_multi_report) -> &[T],
) -> usize {
    boundary_or(0, || {
        // SAFETY: the caller passes NULL or a live report.
        let (pointer, length) = match unsafe { report.as_ref() } {
            Some(r) => {
                let a = array(r);
                (a.as_ptr(), a.len())
            }
            None => (std::ptr::null(), 0),
        };
        if !out.is_null() {
            // SAFETY: non-NULL and writable by the caller's promise.
            unsafe { *out = pointer };
        }
        length
    })
}

/// The report's boards, as ids: the definition's, then the request's others. Stores the
/// array in `*boards_out` (unless NULL) and returns its length.
///
/// # Safety
/// `report` must be NULL or a live report; `boards_out` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn ct_multi_report_boards(
    report: *const ct_multi_report,
    boards_out: *mut *const ct_text,
) -> usize {
    // SAFETY: forwarded.
    unsafe { view(report, boards_out, |r| &r.boards) }
}

/// The buckets of the period, in order. Stores the array in `*buckets_out` (unless NULL)
/// and returns its length.
///
/// # Safety
/// `report` must be NULL or a live report; `buckets_out` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn ct_multi_report_buckets(
    report: *const ct_multi_report,
    buckets_out: *mut *const ct_multi_bucket,
) -> usize {
    // SAFETY: forwarded.
    unsafe { view(report, buckets_out, |r| &r.buckets) }
}

/// The rows, in report order (sorted by key, or the boards' order). Stores the array in
/// `*rows_out` (unless NULL) and returns its length.
///
/// # Safety
/// `report` must be NULL or a live report; `rows_out` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn ct_multi_report_rows(
    report: *const ct_multi_report,
    rows_out: *mut *const ct_multi_row,
) -> usize {
    // SAFETY: forwarded.
    unsafe { view(report, rows_out, |r| &r.rows) }
}

/// Every cell, row after row: row `r`'s cell in bucket `b` is at `r * buckets + b`. Stores
/// the array in `*cells_out` (unless NULL) and returns its length (rows × buckets).
///
/// # Safety
/// `report` must be NULL or a live report; `cells_out` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn ct_multi_report_cells(
    report: *const ct_multi_report,
    cells_out: *mut *const ct_multi_cell,
) -> usize {
    // SAFETY: forwarded; `CellSums` has `ct_multi_cell`'s layout (checked at compile time).
    unsafe { view(report, cells_out, |r| cells(&r.table.sums)) }
}

/// Each bucket over every row. Stores the array in `*totals_out` (unless NULL) and
/// returns its length (the number of buckets).
///
/// # Safety
/// `report` must be NULL or a live report; `totals_out` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn ct_multi_report_totals(
    report: *const ct_multi_report,
    totals_out: *mut *const ct_multi_cell,
) -> usize {
    // SAFETY: forwarded, as for `ct_multi_report_cells`.
    unsafe { view(report, totals_out, |r| cells(&r.table.totals)) }
}

fn cells(sums: &[CellSums]) -> &[ct_multi_cell] {
    // SAFETY: `CellSums` and `ct_multi_cell` are repr(C) structs of the same fields (checked
    // at compile time), so the slice reads the same memory as the other type.
    unsafe { std::slice::from_raw_parts(sums.as_ptr().cast::<ct_multi_cell>(), sums.len()) }
}

/// The over-allocations, by person (sorted), then bucket; each covers a run of buckets
/// where it is the same (the JSON lists it once per bucket). Stores the array in
/// `*over_allocations_out` (unless NULL) and returns its length.
///
/// # Safety
/// `report` must be NULL or a live report; `over_allocations_out` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn ct_multi_report_over_allocations(
    report: *const ct_multi_report,
    over_allocations_out: *mut *const ct_over_allocation,
) -> usize {
    // SAFETY: forwarded.
    unsafe { view(report, over_allocations_out, |r| &r.over_allocations) }
}

/// The warnings. Stores the array in `*warnings_out` (unless NULL) and returns its length.
///
/// # Safety
/// `report` must be NULL or a live report; `warnings_out` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn ct_multi_report_warnings(
    report: *const ct_multi_report,
    warnings_out: *mut *const ct_warning,
) -> usize {
    // SAFETY: forwarded.
    unsafe { view(report, warnings_out, |r| &r.warnings) }
}

/// The unit of every number: `CT_UNIT_HOURS` (base unit: minutes) or
/// `CT_UNIT_STORY_POINTS` (hundredths); `CT_UNIT_HOURS` for NULL.
///
/// # Safety
/// `report` must be NULL or a live report.
#[no_mangle]
pub unsafe extern "C" fn ct_multi_report_unit(report: *const ct_multi_report) -> u32 {
    boundary_or(CT_UNIT_HOURS, || {
        // SAFETY: the caller passes NULL or a live report.
        match unsafe { report.as_ref() }.map(|r| r.table.unit) {
            Some(Unit::StoryPoints) => CT_UNIT_STORY_POINTS,
            _ => CT_UNIT_HOURS,
        }
    })
}

/// What the rows are: `CT_GROUPING_PERSON`, `CT_GROUPING_ROLE` or `CT_GROUPING_BOARD`;
/// `CT_GROUPING_PERSON` for NULL.
///
/// # Safety
/// `report` must be NULL or a live report.
#[no_mangle]
pub unsafe extern "C" fn ct_multi_report_grouping(report: *const ct_multi_report) -> u32 {
    boundary_or(CT_GROUPING_PERSON, || {
        // SAFETY: the caller passes NULL or a live report.
        match unsafe { report.as_ref() }.map(|r| r.table.grouping) {
            Some(Grouping::Role) => CT_GROUPING_ROLE,
            Some(Grouping::Board) => CT_GROUPING_BOARD,
            _ => CT_GROUPING_PERSON,
        }
    })
}

/// The status of a cell (`CT_STATUS_*`) as the report judges it, and its utilisation in
/// percent with one decimal in `*utilisation_out` (unless NULL); with no capacity the
/// status is `CT_STATUS_NO_CAPACITY` and `*utilisation_out` is left untouched (the JSON
/// has null). `CT_STATUS_NO_CAPACITY` for a NULL `report`.
///
/// # Safety
/// `report` must be NULL or a live report; `utilisation_out` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn ct_multi_report_status(
    report: *const ct_multi_report,
    cell: ct_multi_cell,
    utilisation_out: *mut f64,
) -> u32 {
    boundary_or(CT_STATUS_NO_CAPACITY, || {
        // SAFETY: the caller passes NULL or a live report.
        let Some(report) = (unsafe { report.as_ref() }) else {
            return CT_STATUS_NO_CAPACITY;
        };
        let (utilisation, status) = report.table.judge(CellSums {
            capacity: cell.capacity,
            workload: cell.workload,
        });
        if let (Some(u), false) = (utilisation, utilisation_out.is_null()) {
            // SAFETY: non-NULL and writable by the caller's promise.
            unsafe { *utilisation_out = u };
        }
        match status {
            Status::NoCapacity => CT_STATUS_NO_CAPACITY,
            Status::Under => CT_STATUS_UNDER,
            Status::Ok => CT_STATUS_OK,
            Status::Over => CT_STATUS_OVER,
        }
    })
}

/// The report as the JSON document `ct_engine_multi_project_report` gives (docs/json-api.md),
/// in a new buffer in `*out`. Beware its size for an instance-wide report.
///
/// # Safety
/// `report` must be NULL or a live report; `out` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn ct_multi_report_to_json(
    report: *const ct_multi_report,
    out: *mut *mut ct_buffer,
) -> *mut ct_error {
    boundary(|| {
        // SAFETY: the caller passes NULL or a live report.
        let report = unsafe { crate::boundary::borrow(report, "report") }?;
        non_null(out, "out")?;
        let json = report.table.to_json()?;
        // SAFETY: checked non-NULL above, writable by the caller's promise.
        unsafe { *out = ct_buffer::into_raw(json) };
        Ok(())
    })
}

/// Releases a report. `ct_multi_report_free(NULL)` does nothing.
///
/// # Safety
/// `report` must be NULL or a report returned by this library and not yet freed.
#[no_mangle]
pub unsafe extern "C" fn ct_multi_report_free(report: *mut ct_multi_report) {
    boundary_or((), || {
        if !report.is_null() {
            // SAFETY: the caller passes a report this library boxed and has not freed.
            drop(unsafe { Box::from_raw(report) });
        }
    })
}
