//! `ct_engine_iteration_report_bulk`: an iteration report over arrays of work items.

use std::ffi::c_char;

use capacity_core::items::bulk::BulkItem;
use capacity_core::{Engine, Error};

use super::{array, ct_person, element_text, people_of};
use crate::boundary::{boundary, non_null, utf8};
use crate::buffer::ct_buffer;
use crate::engine::{ct_engine, engine_call};
use crate::error::ct_error;

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

/// The caller's iteration items in the core's bulk form (checked by the engine).
///
/// # Safety
/// `items` must be NULL or `items_len` readable `ct_work_item` whose keys are readable.
unsafe fn work_items<'a>(
    items: *const ct_work_item,
    items_len: usize,
) -> Result<Vec<BulkItem<'a>>, Error> {
    // SAFETY: forwarded.
    let items = unsafe { array(items, items_len, "items") }?;
    // Sized up front: collecting through `Result` does not know the count and grows the
    // vector as it goes (the same cut made W1's core bulk call 160 → 134 µs).
    let mut out = Vec::with_capacity(items.len());
    for (i, it) in items.iter().enumerate() {
        out.push(BulkItem {
            // SAFETY: each key is readable for its length, by the caller's promise.
            key: unsafe { element_text(it.key, it.key_len, &|| format!("items[{i}].key")) }?,
            assignee: it.assignee,
            parent: it.parent,
            flags: it.flags,
            reserved: it.reserved,
            remaining_seconds: it.remaining_seconds,
            original_seconds: it.original_seconds,
            story_points: it.story_points,
            custom_estimate: it.custom_estimate,
        });
    }
    Ok(out)
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
        // SAFETY: non-NULL, and live by the caller's promise.
        let json = unsafe {
            engine_call(engine, |e: &Engine, storage| {
                e.iteration_report_bulk(storage, request_text, &people, &items)
            })
        }?;
        // SAFETY: checked non-NULL above, writable by the caller's promise.
        unsafe { *out = ct_buffer::into_raw(json) };
        Ok(())
    })
}
