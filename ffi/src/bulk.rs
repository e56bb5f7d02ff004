//! The bulk entry points: work items as arrays of plain C structs instead of JSON, for
//! reports over thousands to millions of items, and the compact multi-project report
//! (`ct_multi_report`) read through arrays of plain structs.

use std::ffi::c_char;
use std::mem::{align_of, offset_of, size_of};

use capacity_core::multi::{self, CellSums, MultiItem, MultiRequest, MultiTable};
use capacity_core::report::Status;
use capacity_core::report_defs::Grouping;
use capacity_core::units::Unit;
use capacity_core::workload::{WorkItem, WorkSet};
use capacity_core::{Engine, Error};

use crate::boundary::{boundary, boundary_or, invalid_argument, non_null, utf8};
use crate::buffer::ct_buffer;
use crate::engine::{ct_engine, engine_call};
use crate::error::ct_error;

/// `ct_work_item.assignee`, `ct_multi_item.assignee`: the item is unassigned.
/// `ct_work_item.parent`, `ct_multi_item.parent`: the item has no parent among the items.
pub const CT_NO_INDEX: u32 = u32::MAX;
/// Item flag: the item's status category is done (it counts toward no workload).
pub const CT_ITEM_DONE: u32 = 1;
/// Item flag: the item is a sub-task.
pub const CT_ITEM_SUBTASK: u32 = 1 << 1;
/// Item flag: `remaining_seconds` holds an estimate (without it the item has none).
pub const CT_ITEM_HAS_REMAINING: u32 = 1 << 2;
/// Item flag: `original_seconds` holds an estimate.
pub const CT_ITEM_HAS_ORIGINAL: u32 = 1 << 3;
/// Item flag: `story_points` holds an estimate.
pub const CT_ITEM_HAS_STORY_POINTS: u32 = 1 << 4;
/// Item flag: `custom_estimate` holds an estimate.
pub const CT_ITEM_HAS_CUSTOM_ESTIMATE: u32 = 1 << 5;

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

/// A person work items are assigned to: their account key, UTF-8, `account_key_len` bytes,
/// no NUL needed. Items name people by their position in the array of people.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct ct_person {
    pub account_key: *const c_char,
    pub account_key_len: usize,
}

/// A work item of an iteration report (a Jira issue or sub-task), as the JSON request's
/// `items[]` describe it (docs/json-api.md).
///
/// An estimate counts only when its `CT_ITEM_HAS_*` flag is set; otherwise its field is
/// ignored (set it to 0). Estimates are checked as in JSON: seconds 0 to 315360000, points
/// and custom values 0 to 100000 and finite.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct ct_work_item {
    /// The item's key (`DEMO-12`), UTF-8, `key_len` bytes: 1 to 255 characters, unique.
    pub key: *const c_char,
    pub key_len: usize,
    /// Index into the people, or `CT_NO_INDEX` when unassigned.
    pub assignee: u32,
    /// Index of the parent item, or `CT_NO_INDEX`.
    pub parent: u32,
    /// `CT_ITEM_*` bits; the others must be 0.
    pub flags: u32,
    /// Must be 0.
    pub reserved: u32,
    pub remaining_seconds: i64,
    pub original_seconds: i64,
    pub story_points: f64,
    /// The board's custom estimate field, in the board's unit.
    pub custom_estimate: f64,
}

/// A work item of a multi-project report: its board and iteration by position in the
/// request's `boards` and that board's `iterations`. It has no key (the report lists none).
/// Fields otherwise as `ct_work_item`; a parent must be in the same board and iteration.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct ct_multi_item {
    pub board: u32,
    pub iteration: u32,
    /// Index into the people, or `CT_NO_INDEX` when unassigned.
    pub assignee: u32,
    /// Index of the parent item, or `CT_NO_INDEX`.
    pub parent: u32,
    /// `CT_ITEM_*` bits; the others must be 0.
    pub flags: u32,
    /// Must be 0.
    pub reserved: u32,
    pub remaining_seconds: i64,
    pub original_seconds: i64,
    pub story_points: f64,
    pub custom_estimate: f64,
}

// The core reads the caller's items in place: `ct_multi_item` must be laid out exactly as
// the core's `MultiItem`, and `ct_multi_cell` as its `CellSums`.
const _: () = {
    assert!(size_of::<ct_multi_item>() == size_of::<MultiItem>());
    assert!(align_of::<ct_multi_item>() == align_of::<MultiItem>());
    assert!(offset_of!(ct_multi_item, board) == offset_of!(MultiItem, board));
    assert!(offset_of!(ct_multi_item, iteration) == offset_of!(MultiItem, iteration));
    assert!(offset_of!(ct_multi_item, assignee) == offset_of!(MultiItem, assignee));
    assert!(offset_of!(ct_multi_item, parent) == offset_of!(MultiItem, parent));
    assert!(offset_of!(ct_multi_item, flags) == offset_of!(MultiItem, flags));
    assert!(offset_of!(ct_multi_item, reserved) == offset_of!(MultiItem, reserved));
    assert!(
        offset_of!(ct_multi_item, remaining_seconds) == offset_of!(MultiItem, remaining_seconds)
    );
    assert!(offset_of!(ct_multi_item, original_seconds) == offset_of!(MultiItem, original_seconds));
    assert!(offset_of!(ct_multi_item, story_points) == offset_of!(MultiItem, story_points));
    assert!(offset_of!(ct_multi_item, custom_estimate) == offset_of!(MultiItem, custom_estimate));
    assert!(CT_NO_INDEX == multi::NO_INDEX);
    assert!(CT_ITEM_DONE == multi::ITEM_DONE);
    assert!(CT_ITEM_SUBTASK == multi::ITEM_SUBTASK);
    assert!(CT_ITEM_HAS_REMAINING == multi::ITEM_HAS_REMAINING);
    assert!(CT_ITEM_HAS_ORIGINAL == multi::ITEM_HAS_ORIGINAL);
    assert!(CT_ITEM_HAS_STORY_POINTS == multi::ITEM_HAS_STORY_POINTS);
    assert!(CT_ITEM_HAS_CUSTOM_ESTIMATE == multi::ITEM_HAS_CUSTOM_ESTIMATE);
    assert!(size_of::<ct_multi_cell>() == size_of::<CellSums>());
    assert!(align_of::<ct_multi_cell>() == align_of::<CellSums>());
    assert!(offset_of!(ct_multi_cell, capacity) == offset_of!(CellSums, capacity));
    assert!(offset_of!(ct_multi_cell, workload) == offset_of!(CellSums, workload));
};

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
    fn new(table: MultiTable) -> Box<ct_multi_report> {
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

/// The caller's `(pointer, length)` array as a slice; NULL is allowed for an empty array.
///
/// # Safety
/// `pointer` must be NULL or point to `length` readable, initialised `T` that live for `'a`.
unsafe fn array<'a, T>(
    pointer: *const T,
    length: usize,
    parameter: &str,
) -> Result<&'a [T], Error> {
    if length == 0 {
        return Ok(&[]);
    }
    non_null(pointer, parameter)?;
    if length
        .checked_mul(size_of::<T>())
        .is_none_or(|bytes| bytes > isize::MAX as usize)
    {
        return Err(invalid_argument(
            parameter,
            &format!("length {length} is not a valid size"),
        ));
    }
    if !pointer.is_aligned() {
        return Err(invalid_argument(parameter, "is not aligned for its type"));
    }
    // SAFETY: non-NULL, aligned, and by the caller's promise `length` initialised elements;
    // the size fits `isize`.
    Ok(unsafe { std::slice::from_raw_parts(pointer, length) })
}

/// One `(pointer, length)` string of an array element, named `what` in errors.
///
/// # Safety
/// As for [`utf8`]: `pointer` NULL or readable for `length` bytes living for `'a`.
unsafe fn element_text<'a>(
    pointer: *const c_char,
    length: usize,
    what: &dyn Fn() -> String,
) -> Result<&'a str, Error> {
    if length == 0 {
        return Ok("");
    }
    // SAFETY: forwarded; `utf8` checks NULL and the length.
    unsafe { utf8(pointer, length, "") }
        .map_err(|e| Error::invalid_argument(format!("{}{}", what(), e.message())))
}

/// The people as account keys.
///
/// # Safety
/// `people` must be NULL or `people_len` readable `ct_person` whose strings are readable.
unsafe fn people_of<'a>(
    people: *const ct_person,
    people_len: usize,
) -> Result<Vec<&'a str>, Error> {
    // SAFETY: forwarded.
    let people = unsafe { array(people, people_len, "people") }?;
    people
        .iter()
        .enumerate()
        // SAFETY: each person's key is readable for its length, by the caller's promise.
        .map(|(i, p)| unsafe {
            element_text(p.account_key, p.account_key_len, &|| {
                format!("people[{i}].account_key")
            })
        })
        .collect()
}

fn item_flags(i: usize, flags: u32, reserved: u32) -> Result<(), Error> {
    if flags & !multi::ITEM_FLAGS != 0 {
        return Err(Error::validation(
            format!("items[{i}].flags"),
            format!("has undefined bits 0x{:x}", flags & !multi::ITEM_FLAGS),
        ));
    }
    if reserved != 0 {
        return Err(Error::validation(
            format!("items[{i}].reserved"),
            "must be 0",
        ));
    }
    Ok(())
}

/// The caller's iteration items as a core work set (checked by `WorkSet::validate` after).
///
/// # Safety
/// `items` must be NULL or `items_len` readable `ct_work_item` whose keys are readable.
unsafe fn work_items<'a>(
    items: *const ct_work_item,
    items_len: usize,
) -> Result<Vec<WorkItem<'a>>, Error> {
    // SAFETY: forwarded.
    let items = unsafe { array(items, items_len, "items") }?;
    let index = |v: u32| (v != CT_NO_INDEX).then_some(v);
    items
        .iter()
        .enumerate()
        .map(|(i, it)| {
            item_flags(i, it.flags, it.reserved)?;
            let has = |flag: u32| it.flags & flag != 0;
            Ok(WorkItem {
                // SAFETY: each key is readable for its length, by the caller's promise.
                key: unsafe { element_text(it.key, it.key_len, &|| format!("items[{i}].key")) }?,
                assignee: index(it.assignee),
                parent: index(it.parent),
                done: has(CT_ITEM_DONE),
                subtask: has(CT_ITEM_SUBTASK),
                remaining_seconds: has(CT_ITEM_HAS_REMAINING).then_some(it.remaining_seconds),
                original_seconds: has(CT_ITEM_HAS_ORIGINAL).then_some(it.original_seconds),
                story_points: has(CT_ITEM_HAS_STORY_POINTS).then_some(it.story_points),
                custom_estimate: has(CT_ITEM_HAS_CUSTOM_ESTIMATE).then_some(it.custom_estimate),
            })
        })
        .collect()
}

/// Computes an iteration report over work items given as arrays, with the same result as
/// `ct_engine_iteration_report` on the same data: the document (docs/json-api.md,
/// "Iteration report") in a new buffer in `*out`.
///
/// `request_json` is an iteration report request without items (`"items"` absent or
/// empty). `people[0..people_len]` are the assignees, each named once; `items[0..items_len]`
/// name them by index. Either array may be NULL when its length is 0.
///
/// Errors: NULL pointers, invalid UTF-8 and impossible lengths are `CT_ERROR_INVALID_ARGUMENT`
/// naming the parameter or element (`items[3].key: is not valid UTF-8 ...`); bad values are
/// `CT_ERROR_VALIDATION` naming the field: `items[3].assignee` (index out of range),
/// `items[3].parent`, `items[3].remaining_seconds` (out of range), `items[3].flags`
/// (undefined bits), `items[3].key` (empty or repeated), `people[2]` (repeated), `items`
/// (items in the request). On failure `*out` is untouched.
///
/// ```c
/// ct_person people[] = {{"alice", 5}, {"bob", 3}};
/// ct_work_item items[] = {
///     {"DEMO-1", 6, 0, CT_NO_INDEX, CT_ITEM_HAS_REMAINING, 0, 7200, 0, 0, 0},
///     {"DEMO-2", 6, 1, 0, CT_ITEM_SUBTASK | CT_ITEM_HAS_REMAINING, 0, 3600, 0, 0, 0},
/// };
/// const char *request = "{\"boardId\":\"1\",\"iteration\":{\"start\":\"2026-11-30\",\"end\":\"2026-12-11\"}}";
/// ct_buffer *report = NULL;
/// ct_error *err = ct_engine_iteration_report_bulk(engine, request, strlen(request), people, 2, items, 2, &report);
/// ```
///
/// # Safety
/// `engine` must be NULL or a live engine; `request_json` NULL or readable for its length;
/// `people` NULL or `people_len` readable `ct_person` whose keys are readable for their
/// lengths; `items` likewise; `out` NULL or writable. Nothing is kept after the call returns.
#[no_mangle]
pub unsafe extern "C" fn ct_engine_iteration_report_bulk(
    engine: *const ct_engine,
    request_json: *const c_char,
    request_json_len: usize,
    people: *const ct_person,
    people_len: usize,
    items: *const ct_work_item,
    items_len: usize,
    out: *mut *mut ct_buffer,
) -> *mut ct_error {
    boundary(|| {
        non_null(engine, "engine")?;
        non_null(request_json, "request_json")?;
        non_null(out, "out")?;
        // SAFETY: the caller's promises, as documented above.
        let request_text = unsafe { utf8(request_json, request_json_len, "request_json") }?;
        // SAFETY: as above.
        let people = unsafe { people_of(people, people_len) }?;
        // SAFETY: as above.
        let items = unsafe { work_items(items, items_len) }?;
        let request = capacity_core::report::parse_request(request_text)?;
        if !request.items.is_empty() {
            return Err(Error::validation(
                "items",
                "must be empty: the items are given as an array",
            ));
        }
        let work = WorkSet { people, items };
        work.validate()?;
        // SAFETY: non-NULL, and live by the caller's promise.
        let json = unsafe {
            engine_call(engine, |e: &Engine, storage| {
                capacity_core::report::to_json(&e.iteration_report_work(storage, &request, &work)?)
            })
        }?;
        // SAFETY: checked non-NULL above, writable by the caller's promise.
        unsafe { *out = ct_buffer::into_raw(json) };
        Ok(())
    })
}

/// Computes a multi-project report over work items given as arrays: a new
/// `ct_multi_report` in `*out`, whose JSON (`ct_multi_report_to_json`) is what
/// `ct_engine_multi_project_report` gives on the same data.
///
/// `request_json` is a multi-project request (`reportId` or `definition`, and `boards` with
/// their `iterations`) whose iterations carry no items. `items[i].board` and
/// `items[i].iteration` place each item in one of them, by position. The items are read in
/// place, not copied. Errors as for `ct_engine_iteration_report_bulk`, and
/// `items[3].board`, `items[3].iteration` out of range, `items[3].parent` in another board
/// or iteration, `boards[0].iterations[1].items` (items in the request).
///
/// ```c
/// ct_multi_report *report = NULL;
/// ct_error *err = ct_engine_multi_project_report_bulk(engine, request, request_len,
///                                                     people, people_len, items, items_len, &report);
/// if (err == NULL) {
///     const ct_multi_row *rows;
///     const ct_multi_cell *cells;
///     size_t row_count = ct_multi_report_rows(report, &rows);
///     size_t buckets = ct_multi_report_buckets(report, NULL);
///     ct_multi_report_cells(report, &cells);
///     for (size_t r = 0; r < row_count; r++)
///         printf("%.*s: %lld in the first bucket\n", (int)rows[r].key.len, rows[r].key.data,
///                (long long)cells[r * buckets].capacity);
///     ct_multi_report_free(report);
/// }
/// ```
///
/// # Safety
/// `engine` must be NULL or a live engine; `request_json` NULL or readable for its length;
/// `people` NULL or `people_len` readable `ct_person` whose keys are readable for their
/// lengths; `items` NULL or `items_len` readable `ct_multi_item`; `out` NULL or writable.
/// Nothing is kept after the call returns.
#[no_mangle]
pub unsafe extern "C" fn ct_engine_multi_project_report_bulk(
    engine: *const ct_engine,
    request_json: *const c_char,
    request_json_len: usize,
    people: *const ct_person,
    people_len: usize,
    items: *const ct_multi_item,
    items_len: usize,
    out: *mut *mut ct_multi_report,
) -> *mut ct_error {
    boundary(|| {
        non_null(engine, "engine")?;
        non_null(request_json, "request_json")?;
        non_null(out, "out")?;
        // SAFETY: the caller's promises, as documented above.
        let request_text = unsafe { utf8(request_json, request_json_len, "request_json") }?;
        // SAFETY: as above.
        let people = unsafe { people_of(people, people_len) }?;
        // SAFETY: as above; `ct_multi_item` has `MultiItem`'s layout (checked at compile
        // time), and any bits are valid values of its integer and float fields.
        let items: &[MultiItem] = unsafe { array(items.cast::<MultiItem>(), items_len, "items") }?;
        // The bulk form (tens of thousands of iterations, no items) quickly; anything else
        // (and every error) the usual way.
        let request: MultiRequest = match capacity_core::fast_request::read_multi(request_text) {
            Some(request) => request,
            None => capacity_core::json::parse(request_text, "")?,
        };
        multi::check_no_request_items(&request)?;
        // SAFETY: non-NULL, and live by the caller's promise.
        let table = unsafe {
            engine_call(engine, |e: &Engine, storage| {
                e.multi_project_table(storage, &request, &people, items)
            })
        }?;
        // SAFETY: checked non-NULL above, writable by the caller's promise.
        unsafe { *out = Box::into_raw(ct_multi_report::new(table)) };
        Ok(())
    })
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
