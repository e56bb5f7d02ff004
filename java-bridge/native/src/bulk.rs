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
use std::sync::OnceLock;

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

/// A report handle's target: the table, and each cell's judgement (status and utilisation),
/// computed once on the first read of either: the two arrays come from one pass over the
/// million cells, not one each.
pub(crate) struct Report {
    table: MultiTable,
    judged: OnceLock<(Vec<i8>, Vec<f64>)>,
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
    Ok(Box::into_raw(Box::new(Report { table, judged: OnceLock::new() })) as i64)
}

/// The report behind a live handle.
pub(crate) fn report(handle: i64) -> Result<&'static Report> {
    if handle == 0 {
        return Err(Error::invalid_argument("report: the handle is 0 (report freed)"));
    }
    // SAFETY: non-zero handles come from `multi_report` and stay valid until `free`, which
    // the Java side calls once, after its last read.
    Ok(unsafe { &*(handle as *const Report) })
}

/// The table behind a live handle.
pub(crate) fn table(handle: i64) -> Result<&'static MultiTable> {
    report(handle).map(|r| &r.table)
}

/// Frees a report handle; 0 is ignored.
pub(crate) fn free(handle: i64) {
    if handle != 0 {
        // SAFETY: as for `report`; freed exactly once by the Java side.
        drop(unsafe { Box::from_raw(handle as *mut Report) });
    }
}

/// Every cell row after row (row `r`, bucket `b` at `r × buckets + b`), then each row's
/// total: capacity and workload of each, in pairs, as two slices of the table's own memory
/// that the JNI glue copies straight into one Java array.
pub(crate) fn cells(t: &MultiTable) -> [&[i64]; 2] {
    [pairs(&t.sums), pairs(&t.row_totals)]
}

/// Cells as their `[capacity, workload]` numbers, in place.
fn pairs(cells: &[CellSums]) -> &[i64] {
    const _: () = assert!(size_of::<CellSums>() == 2 * size_of::<i64>() && align_of::<CellSums>() == align_of::<i64>());
    // SAFETY: `CellSums` is `repr(C)` with exactly two `i64` fields (asserted: no padding),
    // so `n` cells are `2n` consecutive, aligned `i64`s, borrowed for as long as `cells`.
    unsafe { std::slice::from_raw_parts(cells.as_ptr().cast::<i64>(), 2 * cells.len()) }
}

/// The status of each of [`cells`]' cells as the report judges it: 0 no capacity, 1 under,
/// 2 ok, 3 over.
pub(crate) fn statuses(r: &'static Report) -> &'static [i8] {
    &judged(r).0
}

/// The utilisation of each of [`cells`]' cells in percent, NaN where there is none.
pub(crate) fn utilisations(r: &'static Report) -> &'static [f64] {
    &judged(r).1
}

fn judged(r: &Report) -> &(Vec<i8>, Vec<f64>) {
    r.judged.get_or_init(|| {
        let t = &r.table;
        let n = t.sums.len() + t.row_totals.len();
        let (mut statuses, mut utilisations) = (Vec::with_capacity(n), Vec::with_capacity(n));
        for c in t.sums.iter().chain(&t.row_totals) {
            let (u, s) = t.judge(*c);
            statuses.push(match s {
                Status::NoCapacity => 0,
                Status::Under => 1,
                Status::Ok => 2,
                Status::Over => 3,
            });
            utilisations.push(u.unwrap_or(f64::NAN));
        }
        (statuses, utilisations)
    })
}

/// The number of rows and of buckets.
pub(crate) fn shape(t: &MultiTable) -> Vec<i64> {
    vec![t.row_keys.len() as i64, t.buckets.len() as i64]
}
