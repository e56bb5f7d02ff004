//! The bulk entry points: work items as arrays of plain C structs instead of JSON, for
//! reports over thousands to millions of items, and the compact multi-project report
//! (`ct_multi_report`) read through arrays of plain structs.
//!
//! These exports only convert: C structs to the core's bulk forms
//! (`capacity_core::items::bulk`) and the result back. Every decision (how the request is
//! read, what is checked, in which order) is the core's `Engine::*_bulk`.
//!
//! - `iteration`: `ct_work_item` and `ct_engine_iteration_report_bulk`;
//! - `multi`: `ct_multi_item` and `ct_engine_multi_project_report_bulk`;
//! - `report`: `ct_multi_report` and its accessors.

use std::ffi::c_char;
use std::mem::size_of;

use capacity_core::items::bulk;
use capacity_core::Error;

use crate::boundary::{invalid_argument, non_null, utf8};

mod iteration;
mod multi;
mod report;

pub use iteration::*;
pub use multi::*;
pub use report::*;

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

// The flags and the index that points nowhere are the core's.
const _: () = {
    assert!(CT_NO_INDEX == bulk::NO_INDEX);
    assert!(CT_ITEM_DONE == bulk::ITEM_DONE);
    assert!(CT_ITEM_SUBTASK == bulk::ITEM_SUBTASK);
    assert!(CT_ITEM_HAS_REMAINING == bulk::ITEM_HAS_REMAINING);
    assert!(CT_ITEM_HAS_ORIGINAL == bulk::ITEM_HAS_ORIGINAL);
    assert!(CT_ITEM_HAS_STORY_POINTS == bulk::ITEM_HAS_STORY_POINTS);
    assert!(CT_ITEM_HAS_CUSTOM_ESTIMATE == bulk::ITEM_HAS_CUSTOM_ESTIMATE);
};

/// A person work items are assigned to: their account key, UTF-8, `account_key_len` bytes,
/// no NUL needed. Items name people by their position in the array of people.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct ct_person {
    pub account_key: *const c_char,
    pub account_key_len: usize,
}

/// The caller's `(pointer, length)` array as a slice; NULL is allowed for an empty array.
///
/// # Safety
/// `pointer` must be NULL or point to `length` readable, initialised `T` that live for `'a`.
pub(crate) unsafe fn array<'a, T>(
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
pub(crate) unsafe fn element_text<'a>(
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
pub(crate) unsafe fn people_of<'a>(
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
