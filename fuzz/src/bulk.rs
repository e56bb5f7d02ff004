//! The bulk entry points (`ct_engine_iteration_report_bulk`,
//! `ct_engine_multi_project_report_bulk` and the `ct_multi_report` accessors), fuzzed
//! against their JSON counterparts.
//!
//! An input is a JSON target's input (setup lines, `---`, the request with its items as
//! JSON), optionally followed by a line `~~~` and raw patches to the struct arrays. The
//! items are moved out of the request into `ct_person` and `ct_work_item` /
//! `ct_multi_item` arrays. Unpatched, and when the JSON items map onto the structs exactly,
//! the bulk call must give what the JSON call gives on the same request: the same report
//! text, or an error of the same code. Patched (out-of-range indices, undefined flags,
//! NaN, keys that are not UTF-8, repeated people...), only the invariants of every call
//! apply.

use std::ffi::c_char;
use std::ptr;

use capacity_ffi::*;
use serde_json::{Map, Value};

use crate::harness::{take_buffer, Call, Harness, Op, Outcome};
use crate::script::Script;

/// The item fields of the JSON requests (docs/json-api.md); any other makes the JSON call
/// fail where the structs have nothing to say it with.
const ITEM_FIELDS: [&str; 9] = ["key", "assignee", "statusCategory", "remainingSeconds", "originalSeconds", "storyPoints", "customEstimate", "parent", "subtask"];

/// One item as the structs carry it, with its key as bytes (a patch may break its UTF-8).
#[derive(Clone, Debug, Default)]
struct Item {
    key: Vec<u8>,
    board: u32,
    iteration: u32,
    assignee: u32,
    parent: u32,
    parent_key: Option<String>,
    flags: u32,
    reserved: u32,
    remaining_seconds: i64,
    original_seconds: i64,
    story_points: f64,
    custom_estimate: f64,
}

/// The request without its items, the people and the items; `exact` when the JSON items
/// say nothing the structs cannot.
struct Work {
    request: String,
    people: Vec<Vec<u8>>,
    items: Vec<Item>,
    exact: bool,
}

fn person(people: &mut Vec<Vec<u8>>, key: &str) -> u32 {
    match people.iter().position(|p| p == key.as_bytes()) {
        Some(i) => i as u32,
        None => {
            people.push(key.as_bytes().to_vec());
            (people.len() - 1) as u32
        }
    }
}

/// Converts one JSON item; clears `exact` for anything the structs cannot carry alike.
fn item(value: &Value, people: &mut Vec<Vec<u8>>, exact: &mut bool) -> Item {
    let mut it = Item { assignee: CT_NO_INDEX, parent: CT_NO_INDEX, ..Item::default() };
    let Some(o) = value.as_object() else {
        *exact = false;
        return it;
    };
    if o.keys().any(|k| !ITEM_FIELDS.contains(&k.as_str())) {
        *exact = false;
    }
    let absent = |k: &str| o.get(k).is_none_or(Value::is_null);
    match o.get("key").and_then(Value::as_str) {
        Some(k) => it.key = k.as_bytes().to_vec(),
        None => *exact = false,
    }
    match o.get("assignee") {
        None | Some(Value::Null) => {}
        Some(Value::String(a)) => it.assignee = person(people, a),
        Some(_) => *exact = false,
    }
    match o.get("statusCategory").map(|v| v.as_str()) {
        None => {}
        Some(Some("done")) => it.flags |= CT_ITEM_DONE,
        Some(Some("new" | "indeterminate")) => {}
        Some(_) if absent("statusCategory") => {}
        Some(_) => *exact = false,
    }
    for (field, flag, slot) in [
        ("remainingSeconds", CT_ITEM_HAS_REMAINING, &mut it.remaining_seconds),
        ("originalSeconds", CT_ITEM_HAS_ORIGINAL, &mut it.original_seconds),
    ] {
        if absent(field) {
            continue;
        }
        match o[field].as_i64() {
            Some(v) => {
                it.flags |= flag;
                *slot = v;
            }
            None => *exact = false,
        }
    }
    for (field, flag, slot) in [
        ("storyPoints", CT_ITEM_HAS_STORY_POINTS, &mut it.story_points),
        ("customEstimate", CT_ITEM_HAS_CUSTOM_ESTIMATE, &mut it.custom_estimate),
    ] {
        if absent(field) {
            continue;
        }
        match o[field].as_f64() {
            Some(v) => {
                it.flags |= flag;
                *slot = v;
            }
            None => *exact = false,
        }
    }
    match o.get("parent") {
        None | Some(Value::Null) => {}
        Some(Value::String(p)) => it.parent_key = Some(p.clone()),
        Some(_) => *exact = false,
    }
    match o.get("subtask") {
        None => {}
        Some(Value::Bool(true)) => it.flags |= CT_ITEM_SUBTASK,
        Some(Value::Bool(false)) => {}
        Some(_) => *exact = false,
    }
    it
}

/// Points each item's parent at the item of that key among `range` (as the JSON entries
/// resolve parents: within the request, or within one iteration of a multi-project one).
fn resolve_parents(items: &mut [Item], range: std::ops::Range<usize>) {
    for i in range.clone() {
        if let Some(p) = items[i].parent_key.clone() {
            if let Some(j) = range.clone().find(|j| items[*j].key == p.as_bytes()) {
                items[i].parent = j as u32;
            }
        }
    }
}

/// Keys as the JSON entries check them (1 to 255 characters, once per item list): the
/// multi-project structs have no keys, so a request breaking this is not compared.
fn keys_valid(items: &[Item]) -> bool {
    let mut seen = std::collections::BTreeSet::new();
    items.iter().all(|it| {
        let n = String::from_utf8_lossy(&it.key).chars().count();
        (1..=255).contains(&n) && seen.insert(it.key.clone())
    })
}

fn take_items(container: &mut Map<String, Value>, people: &mut Vec<Vec<u8>>, exact: &mut bool, place: (u32, u32)) -> Vec<Item> {
    match container.remove("items") {
        None | Some(Value::Null) => {
            // An explicit null is refused by the JSON entry, absent is not; keep it for both.
            Vec::new()
        }
        Some(Value::Array(list)) => list
            .iter()
            .map(|v| Item { board: place.0, iteration: place.1, ..item(v, people, exact) })
            .collect(),
        Some(other) => {
            *exact = false;
            container.insert("items".into(), other);
            Vec::new()
        }
    }
}

/// The iteration request split into the request without items and the items.
fn iteration_work(request: &mut Value) -> Option<Work> {
    let o = request.as_object_mut()?;
    let mut exact = true;
    let mut people = Vec::new();
    if o.get("items").is_some_and(Value::is_null) {
        exact = false;
    }
    let mut items = take_items(o, &mut people, &mut exact, (0, 0));
    let n = items.len();
    resolve_parents(&mut items, 0..n);
    Some(Work { request: request.to_string(), people, items, exact })
}

/// The multi-project request split likewise: each iteration's items, placed by position.
fn multi_work(request: &mut Value) -> Option<Work> {
    let o = request.as_object_mut()?;
    let mut exact = true;
    let mut people = Vec::new();
    let mut items: Vec<Item> = Vec::new();
    if let Some(Value::Array(boards)) = o.get_mut("boards") {
        for (b, board) in boards.iter_mut().enumerate() {
            let Some(Value::Array(iterations)) = board.get_mut("iterations") else { continue };
            for (i, iteration) in iterations.iter_mut().enumerate() {
                let Some(it) = iteration.as_object_mut() else { continue };
                if it.get("items").is_some_and(Value::is_null) {
                    exact = false;
                }
                let start = items.len();
                let taken = take_items(it, &mut people, &mut exact, (b as u32, i as u32));
                exact &= keys_valid(&taken);
                items.extend(taken);
                let end = items.len();
                resolve_parents(&mut items, start..end);
            }
        }
    }
    Some(Work { request: request.to_string(), people, items, exact })
}

/// Applies the raw patches: 10 bytes each, (item, field, 8 bytes of value).
fn patch(work: &mut Work, patches: &[u8]) {
    for p in patches.chunks_exact(10) {
        let v: [u8; 8] = p[2..10].try_into().expect("8 bytes");
        let (word, long) = (u32::from_le_bytes(v[..4].try_into().expect("4 bytes")), i64::from_le_bytes(v));
        if p[1] % 13 == 12 {
            // A person: repeated, empty, or not UTF-8.
            if !work.people.is_empty() {
                let n = work.people.len();
                let at = v[0] as usize % n;
                work.people[at] = match v[1] % 3 {
                    0 => work.people[v[2] as usize % n].clone(),
                    1 => Vec::new(),
                    _ => vec![b'p', 0xff],
                };
            }
            continue;
        }
        if work.items.is_empty() {
            continue;
        }
        let n = work.items.len();
        let it = &mut work.items[p[0] as usize % n];
        match p[1] % 13 {
            0 => it.assignee = word,
            1 => it.parent = word,
            2 => it.flags = word,
            3 => it.reserved = word,
            4 => it.remaining_seconds = long,
            5 => it.original_seconds = long,
            6 => it.story_points = f64::from_bits(long as u64),
            7 => it.custom_estimate = f64::from_bits(long as u64),
            8 => it.key = v[1..1 + (v[0] as usize % 8)].to_vec(),
            9 => it.board = word,
            10 => it.iteration = word,
            _ => it.flags ^= 1 << (v[0] % 32),
        }
    }
}

/// Splits an input into the JSON part and the patches after a line `~~~`.
fn split_patches(data: &[u8]) -> (&[u8], &[u8]) {
    match data.windows(5).position(|w| w == b"\n~~~\n") {
        Some(at) => (&data[..at], &data[at + 5..]),
        None => (data, &[]),
    }
}

fn persons(people: &[Vec<u8>]) -> Vec<ct_person> {
    people.iter().map(|p| ct_person { account_key: p.as_ptr().cast::<c_char>(), account_key_len: p.len() }).collect()
}

/// A struct array as the C caller gives it: NULL when empty (allowed), else its start.
fn array_ptr<T>(v: &[T]) -> *const T {
    if v.is_empty() {
        ptr::null()
    } else {
        v.as_ptr()
    }
}

/// Both sides of a differential comparison agree: the same text, or errors of one code.
fn agree(name: &str, json: &Outcome, bulk: &Outcome, request: &str) {
    match (json, bulk) {
        (Outcome::Ok(a), Outcome::Ok(b)) => assert!(a == b, "{name} differs from its JSON entry on {request}\njson: {a:?}\nbulk: {b:?}"),
        (Outcome::Err { code: a, .. }, Outcome::Err { code: b, .. }) => {
            assert_eq!(a, b, "{name} fails otherwise than its JSON entry on {request}\njson: {json:?}\nbulk: {bulk:?}")
        }
        _ => panic!("{name} and its JSON entry disagree on {request}\njson: {json:?}\nbulk: {bulk:?}"),
    }
}

/// The `iteration_report_bulk` target.
pub fn fuzz_iteration_report_bulk(data: &[u8]) {
    let (text, patches) = split_patches(data);
    let script = Script::parse(text, 1);
    let mut harness = Harness::with_baseline();
    script.apply_setup(&mut harness);
    let Some(mut request) = serde_json::from_slice::<Value>(script.args[0]).ok() else { return };
    let full = request.to_string();
    let Some(mut work) = iteration_work(&mut request) else { return };
    patch(&mut work, patches);

    let people = persons(&work.people);
    let items: Vec<ct_work_item> = work
        .items
        .iter()
        .map(|it| ct_work_item {
            key: it.key.as_ptr().cast::<c_char>(),
            key_len: it.key.len(),
            assignee: it.assignee,
            parent: it.parent,
            flags: it.flags,
            reserved: it.reserved,
            remaining_seconds: it.remaining_seconds,
            original_seconds: it.original_seconds,
            story_points: it.story_points,
            custom_estimate: it.custom_estimate,
        })
        .collect();
    let utf8 = work.people.iter().chain(work.items.iter().map(|it| &it.key)).all(|b| std::str::from_utf8(b).is_ok());
    let call = Call { name: "ct_engine_iteration_report_bulk", utf8, utf8_first: false, read_only: true, returns_document: true, corrupt_storage: false };
    let bulk = harness.call(call, |engine| {
        let mut out: *mut ct_buffer = ptr::null_mut();
        // SAFETY: a live engine; the request, people, keys and items outlive the call.
        let error = unsafe {
            ct_engine_iteration_report_bulk(
                engine,
                work.request.as_ptr().cast(),
                work.request.len(),
                array_ptr(&people),
                people.len(),
                array_ptr(&items),
                items.len(),
                &mut out,
            )
        };
        // SAFETY: NULL or a buffer the library returned.
        (error, unsafe { take_buffer(out) })
    });
    if work.exact && patches.len() < 10 {
        let json = harness.run(Op::IterationReport, &[full.as_bytes()]);
        agree("ct_engine_iteration_report_bulk", &json, &bulk, &full);
    }
}

/// Reads every array of a report and checks them against each other; gives its JSON.
///
/// # Safety
/// `report` must be a live report.
unsafe fn read_report(report: *const ct_multi_report) -> String {
    // SAFETY: a live report; every array it gives lives as long as it.
    unsafe {
        let text = |t: &ct_text, what: &str| -> String {
            assert!(!t.data.is_null() || t.len == 0, "{what}: NULL text of length {}", t.len);
            let bytes = if t.len == 0 { &[][..] } else { std::slice::from_raw_parts(t.data.cast::<u8>(), t.len) };
            std::str::from_utf8(bytes).unwrap_or_else(|e| panic!("{what} is not UTF-8: {e}")).to_string()
        };
        let slice = |p: *const u8, n: usize, what: &str| assert!(n == 0 || !p.is_null(), "{what}: NULL array of length {n}");
        let mut boards = ptr::null();
        let nboards = ct_multi_report_boards(report, &mut boards);
        slice(boards.cast(), nboards, "boards");
        for i in 0..nboards {
            text(&*boards.add(i), "a board id");
        }
        let mut buckets = ptr::null();
        let nbuckets = ct_multi_report_buckets(report, &mut buckets);
        slice(buckets.cast(), nbuckets, "buckets");
        for i in 0..nbuckets {
            let b: &ct_multi_bucket = &*buckets.add(i);
            text(&b.label, "a bucket label");
            assert!((b.first.year, b.first.month, b.first.day) <= (b.last.year, b.last.month, b.last.day), "bucket {i} ends before it starts");
        }
        let mut rows = ptr::null();
        let nrows = ct_multi_report_rows(report, &mut rows);
        slice(rows.cast(), nrows, "rows");
        let mut cells = ptr::null();
        let ncells = ct_multi_report_cells(report, &mut cells);
        assert_eq!(ncells, nrows * nbuckets, "cells are not rows × buckets");
        slice(cells.cast(), ncells, "cells");
        let mut totals = ptr::null();
        let ntotals = ct_multi_report_totals(report, &mut totals);
        assert_eq!(ntotals, nbuckets, "a total per bucket");
        slice(totals.cast(), ntotals, "totals");
        for r in 0..nrows {
            let row: &ct_multi_row = &*rows.add(r);
            text(&row.key, "a row key");
            let (mut capacity, mut workload) = (0i64, 0i64);
            for b in 0..nbuckets {
                let c: &ct_multi_cell = &*cells.add(r * nbuckets + b);
                capacity += c.capacity;
                workload += c.workload;
                let mut utilisation = f64::NAN;
                let status = ct_multi_report_status(report, *c, &mut utilisation);
                assert!(status <= CT_STATUS_OVER, "status {status} is not a CT_STATUS_*");
                assert_eq!(status == CT_STATUS_NO_CAPACITY, c.capacity == 0, "row {r} bucket {b}: status {status} for capacity {}", c.capacity);
            }
            assert_eq!((capacity, workload), (row.total.capacity, row.total.workload), "row {r}'s total is not the sum of its cells");
        }
        let mut overs = ptr::null();
        let novers = ct_multi_report_over_allocations(report, &mut overs);
        slice(overs.cast(), novers, "over-allocations");
        for i in 0..novers {
            let o: &ct_over_allocation = &*overs.add(i);
            text(&o.account_key, "an over-allocated person");
            assert!(o.first_bucket <= o.last_bucket && (o.last_bucket as usize) < nbuckets, "over-allocation {i} has buckets {}..{} of {nbuckets}", o.first_bucket, o.last_bucket);
            assert!(o.allocation > 100.0, "over-allocation {i} at {} %", o.allocation);
            assert!(o.boards_len == 0 || !o.boards.is_null(), "over-allocation {i}: NULL boards");
            for j in 0..o.boards_len {
                assert!((*o.boards.add(j) as usize) < nboards, "over-allocation {i} names board {} of {nboards}", *o.boards.add(j));
            }
        }
        let mut warnings = ptr::null();
        let nwarnings = ct_multi_report_warnings(report, &mut warnings);
        slice(warnings.cast(), nwarnings, "warnings");
        for i in 0..nwarnings {
            let w: &ct_warning = &*warnings.add(i);
            text(&w.code, "a warning code");
            text(&w.message, "a warning message");
        }
        assert!(ct_multi_report_unit(report) <= CT_UNIT_STORY_POINTS);
        assert!(ct_multi_report_grouping(report) <= CT_GROUPING_BOARD);
        let mut out: *mut ct_buffer = ptr::null_mut();
        let error = ct_multi_report_to_json(report, &mut out);
        assert!(error.is_null(), "ct_multi_report_to_json failed on a live report");
        take_buffer(out).expect("ct_multi_report_to_json gave no buffer")
    }
}

/// The `multi_project_report_bulk` target.
pub fn fuzz_multi_project_report_bulk(data: &[u8]) {
    let (text, patches) = split_patches(data);
    let script = Script::parse(text, 1);
    let mut harness = Harness::with_baseline();
    script.apply_setup(&mut harness);
    let Some(mut request) = serde_json::from_slice::<Value>(script.args[0]).ok() else { return };
    let full = request.to_string();
    let Some(mut work) = multi_work(&mut request) else { return };
    patch(&mut work, patches);

    let people = persons(&work.people);
    let items: Vec<ct_multi_item> = work
        .items
        .iter()
        .map(|it| ct_multi_item {
            board: it.board,
            iteration: it.iteration,
            assignee: it.assignee,
            parent: it.parent,
            flags: it.flags,
            reserved: it.reserved,
            remaining_seconds: it.remaining_seconds,
            original_seconds: it.original_seconds,
            story_points: it.story_points,
            custom_estimate: it.custom_estimate,
        })
        .collect();
    let utf8 = work.people.iter().all(|b| std::str::from_utf8(b).is_ok());
    let call = Call { name: "ct_engine_multi_project_report_bulk", utf8, utf8_first: false, read_only: true, returns_document: true, corrupt_storage: false };
    let bulk = harness.call(call, |engine| {
        let mut report: *mut ct_multi_report = ptr::null_mut();
        // SAFETY: a live engine; the request, people and items outlive the call.
        let error = unsafe {
            ct_engine_multi_project_report_bulk(
                engine,
                work.request.as_ptr().cast(),
                work.request.len(),
                array_ptr(&people),
                people.len(),
                array_ptr(&items),
                items.len(),
                &mut report,
            )
        };
        if report.is_null() {
            return (error, None);
        }
        // SAFETY: a report the library returned, read, then freed once.
        let json = unsafe {
            let json = read_report(report);
            ct_multi_report_free(report);
            json
        };
        (error, Some(json))
    });
    if work.exact && patches.len() < 10 {
        let json = harness.run(Op::MultiProjectReport, &[full.as_bytes()]);
        agree("ct_engine_multi_project_report_bulk", &json, &bulk, &full);
    }
}
