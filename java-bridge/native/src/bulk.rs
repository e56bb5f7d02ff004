//! The multi-project report's bulk path through JNI: the items cross once, in direct
//! `ByteBuffer`s read in place (no per-item call, no JSON, no Java `String` per key), and the
//! report comes back as a handle whose rows and cells are read as primitive arrays.
//!
//! Only conversion is here: the buffers' layouts (below, written by Java's `BulkItems`)
//! into the core's bulk forms, and the core's `MultiTable` into arrays. The checks, the
//! parents by key and the report are the core's (`items::bulk`, `Engine::multi_project_report_bulk`).
//!
//! Buffers, all in the platform's byte order:
//! - `people`: per person an `int` byte length, then the account key's UTF-8 bytes;
//! - `items`: 56 bytes per item laid out as the core's `MultiItem` (C's `ct_multi_item`),
//!   the buffer's address 8-byte aligned;
//! - `keys` (null when the items' `parent` indices are given): per item an `int` byte
//!   length and the key's UTF-8 bytes, then an `int` byte length (−1: no parent) and the
//!   parent's key's bytes.

use std::mem::{align_of, size_of};

use capacity_core::items::bulk::{self, ItemKeys, MultiItem};
use capacity_core::reports::multi::{CellSums, MultiTable};
use capacity_core::reports::status::Status;
use capacity_core::{Engine, Error, Result, Storage};

use crate::support::Direct;

// `BulkItems.java` writes items of exactly this size, field by field in this order.
const _: () = assert!(size_of::<MultiItem>() == 56);

/// Reads `(int length, bytes)` texts one after another; `what(i)` names the i-th in errors.
struct Texts<'a> {
    bytes: &'a [u8],
    at: usize,
    name: &'static str,
}

impl<'a> Texts<'a> {
    fn new(bytes: &'a [u8], name: &'static str) -> Self {
        Texts { bytes, at: 0, name }
    }

    fn done(&self) -> bool {
        self.at == self.bytes.len()
    }

    /// The next text, `None` for a length of −1 (when `nullable`).
    fn next(&mut self, nullable: bool, field: &dyn Fn() -> String) -> Result<Option<&'a str>> {
        let malformed = || Error::invalid_argument(format!("{}: malformed at byte {}", self.name, self.at));
        let head = self.bytes.get(self.at..self.at + 4).ok_or_else(malformed)?;
        let len = i32::from_ne_bytes(head.try_into().expect("four bytes"));
        if len == -1 && nullable {
            self.at += 4;
            return Ok(None);
        }
        let len = usize::try_from(len).map_err(|_| malformed())?;
        let text = self.bytes.get(self.at + 4..self.at + 4 + len).ok_or_else(malformed)?;
        self.at += 4 + len;
        std::str::from_utf8(text).map(Some).map_err(|_| Error::validation(field(), "is not valid UTF-8"))
    }
}

/// The people's account keys.
fn people_of(people: &Direct) -> Result<Vec<&str>> {
    let mut texts = Texts::new(people.bytes(), "people");
    let mut out = Vec::new();
    while !texts.done() {
        let i = out.len();
        out.push(texts.next(false, &|| format!("people[{i}]"))?.unwrap_or_default());
    }
    Ok(out)
}

/// The items, in place.
fn items_of(items: &mut Direct) -> Result<&mut [MultiItem]> {
    if items.len() == 0 {
        return Ok(&mut []);
    }
    if items.len() % size_of::<MultiItem>() != 0 {
        return Err(Error::invalid_argument(format!("items: {} bytes is not a whole number of {}-byte items", items.len(), size_of::<MultiItem>())));
    }
    if items.as_ptr() as usize % align_of::<MultiItem>() != 0 {
        return Err(Error::invalid_argument("items: the buffer's address is not 8-byte aligned"));
    }
    // SAFETY: the buffer's memory, valid for the call (see `Direct`), aligned and a whole
    // number of items; every bit pattern is a valid `MultiItem` (integers and floats). The
    // Java caller hands this buffer to no other thread during the call.
    Ok(unsafe { std::slice::from_raw_parts_mut(items.as_ptr().cast::<MultiItem>(), items.len() / size_of::<MultiItem>()) })
}

/// Each item's key and parent key.
fn keys_of(keys: &Direct, count: usize) -> Result<Vec<ItemKeys<'_>>> {
    let mut texts = Texts::new(keys.bytes(), "keys");
    let mut out = Vec::with_capacity(count);
    while !texts.done() {
        let i = out.len();
        let key = texts.next(false, &|| format!("items[{i}].key"))?.unwrap_or_default();
        let parent = texts.next(true, &|| format!("items[{i}].parent"))?;
        out.push((key, parent));
    }
    Ok(out)
}

/// The report over the buffers' items, as a handle for the `multiReport*` methods.
pub(crate) fn multi_report(engine: &Engine, storage: &mut dyn Storage, request: &str, people: Direct, mut items: Direct, keys: Direct) -> Result<i64> {
    let people = people_of(&people)?;
    let items = items_of(&mut items)?;
    if keys.len() > 0 {
        let keys = keys_of(&keys, items.len())?;
        bulk::link_parents(items, &keys)?;
    }
    let table = engine.multi_project_report_bulk(storage, request, &people, items)?;
    Ok(Box::into_raw(Box::new(table)) as i64)
}

/// The report behind a live handle.
pub(crate) fn table(handle: i64) -> Result<&'static MultiTable> {
    if handle == 0 {
        return Err(Error::invalid_argument("report: the handle is 0 (report freed)"));
    }
    // SAFETY: non-zero handles come from `multi_report` and stay valid until `free`, which
    // the Java side calls once, after its last read.
    Ok(unsafe { &*(handle as *const MultiTable) })
}

/// Frees a report handle; 0 is ignored.
pub(crate) fn free(handle: i64) {
    if handle != 0 {
        // SAFETY: as for `table`; freed exactly once by the Java side.
        drop(unsafe { Box::from_raw(handle as *mut MultiTable) });
    }
}

/// Every cell row after row (row `r`, bucket `b` at `r × buckets + b`), then each row's
/// total: capacity and workload of each, in pairs.
pub(crate) fn cells(t: &MultiTable) -> Vec<i64> {
    t.sums.iter().chain(&t.row_totals).flat_map(|c| [c.capacity, c.workload]).collect()
}

/// The status of each of [`cells`]' cells as the report judges it: 0 no capacity, 1 under,
/// 2 ok, 3 over.
pub(crate) fn statuses(t: &MultiTable) -> Vec<i8> {
    judged(t).map(|(_, s)| match s {
        Status::NoCapacity => 0,
        Status::Under => 1,
        Status::Ok => 2,
        Status::Over => 3,
    }).collect()
}

/// The utilisation of each of [`cells`]' cells in percent, NaN where there is none.
pub(crate) fn utilisations(t: &MultiTable) -> Vec<f64> {
    judged(t).map(|(u, _)| u.unwrap_or(f64::NAN)).collect()
}

fn judged(t: &MultiTable) -> impl Iterator<Item = (Option<f64>, Status)> + '_ {
    t.sums.iter().chain(&t.row_totals).map(|c: &CellSums| t.judge(*c))
}

/// The number of rows and of buckets.
pub(crate) fn shape(t: &MultiTable) -> Vec<i64> {
    vec![t.row_keys.len() as i64, t.buckets.len() as i64]
}
