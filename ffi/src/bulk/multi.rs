//! `ct_engine_multi_project_report_bulk`: a multi-project report over arrays of items.

use std::ffi::c_char;
use std::mem::{align_of, offset_of, size_of};

use capacity_core::items::bulk::MultiItem;
use capacity_core::Engine;

use super::{array, ct_multi_report, ct_person, people_of};
use crate::boundary::{boundary, non_null, utf8};
use crate::engine::{ct_engine, engine_call};
use crate::error::ct_error;

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
// the core's `MultiItem` (the one layout the core shares with C; see
// `capacity_core::items::bulk`).
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
};

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
        // SAFETY: non-NULL, and live by the caller's promise.
        let table = unsafe {
            engine_call(engine, |e: &Engine, storage| {
                e.multi_project_report_bulk(storage, request_text, &people, items)
            })
        }?;
        // SAFETY: checked non-NULL above, writable by the caller's promise.
        unsafe { *out = Box::into_raw(ct_multi_report::new(table)) };
        Ok(())
    })
}
