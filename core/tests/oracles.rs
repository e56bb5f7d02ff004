//! Independent checks of the complex paths, over generated boards and work:
//! - a multi-project report over one board and one sprint, whose period is that sprint,
//!   says what the iteration report says: each person's and role's capacity and workload;
//! - the three ways into each report (the quick reader, serde, the bulk arrays) give the
//!   same report, or errors of the same code.

use capacity_core::items::bulk::{BulkItem, MultiItem, ITEM_DONE, ITEM_HAS_ORIGINAL, ITEM_HAS_REMAINING, ITEM_SUBTASK, NO_INDEX};
use capacity_core::{Engine, MemoryStorage};
use proptest::prelude::*;
use serde_json::{json, Value};

const PEOPLE: [&str; 5] = ["ann", "bob", "cat", "dan", "eve"];
const SPRINT: (&str, &str) = ("2026-03-02", "2026-03-13");

#[derive(Debug, Clone)]
struct Member {
    person: usize,
    role: &'static str,
    /// Half hours.
    daily: u32,
    /// Tens of percent.
    allocation: u32,
}

#[derive(Debug, Clone)]
struct Item {
    /// Index into `PEOPLE`, which includes people who are not members; `None`: unassigned.
    assignee: Option<usize>,
    /// An earlier item.
    parent: Option<usize>,
    subtask: bool,
    done: bool,
    remaining: Option<i64>,
    original: Option<i64>,
}

#[derive(Debug, Clone)]
struct Case {
    members: Vec<Member>,
    policy: &'static str,
    source: &'static str,
    focus: u32,
    /// (member, first day of March, length) for one person's days off.
    off: Option<(usize, u32, u32)>,
    items: Vec<Item>,
}

fn arb_case() -> impl Strategy<Value = Case> {
    let member = (prop::sample::select(vec!["Dev", "QA", "Ops"]), 0u32..=16, 0u32..=10);
    let members = (prop::sample::subsequence((0..PEOPLE.len()).collect::<Vec<_>>(), 1..=4), prop::collection::vec(member, 4));
    let item = (
        prop::option::of(0..PEOPLE.len()),
        prop::option::of(0usize..8),
        any::<bool>(),
        prop::bool::weighted(0.2),
        prop::option::of(prop_oneof![0i64..=36_000, Just(315_360_000)]),
        prop::option::of(0i64..=36_000),
    );
    (
        members,
        prop::sample::select(vec!["subtasks", "parents", "all"]),
        prop::sample::select(vec!["remaining", "original"]),
        50u32..=100,
        prop::option::of((0usize..4, 1u32..=20, 1u32..=5)),
        prop::collection::vec(item, 0..12),
    )
        .prop_map(|((people, shapes), policy, source, focus, off, items)| {
            let members: Vec<Member> =
                people.iter().zip(shapes).map(|(p, (role, daily, allocation))| Member { person: *p, role, daily, allocation }).collect();
            let off = off.map(|(m, day, len)| (m % members.len(), day, len));
            let items = items
                .into_iter()
                .enumerate()
                .map(|(i, (assignee, parent, subtask, done, remaining, original))| Item {
                    assignee,
                    parent: parent.filter(|p| *p < i),
                    subtask,
                    done,
                    remaining,
                    original,
                })
                .collect();
            Case { members, policy, source, focus, off, items }
        })
}

/// The board and days off of `case`, stored as board "B".
fn storage(engine: &Engine, case: &Case) -> MemoryStorage {
    let mut storage = MemoryStorage::default();
    let members: Vec<Value> = case
        .members
        .iter()
        .map(|m| json!({"accountKey": PEOPLE[m.person], "role": m.role, "dailyCapacity": m.daily as f64 / 2.0, "allocation": m.allocation * 10}))
        .collect();
    let board = json!({"revision": 0, "estimateSource": case.source, "subtaskPolicy": case.policy, "focusFactor": case.focus,
        "holidays": [{"date": "2026-03-04", "name": "H", "fraction": 0.5}], "members": members});
    engine.put_board_settings(&mut storage, "B", &board.to_string()).unwrap();
    if let Some((m, day, len)) = case.off {
        let off = json!({"ranges": [{"start": format!("2026-03-{day:02}"), "end": format!("2026-03-{:02}", day + len), "fraction": 1}]});
        engine.put_days_off(&mut storage, PEOPLE[case.members[m].person], &off.to_string()).unwrap();
    }
    storage
}

/// The items as JSON; with `escaped`, every key spelled with an escape, which the quick
/// reader leaves to serde (the same text to any JSON reader).
fn items_json(case: &Case, escaped: bool) -> Vec<Value> {
    let key = |i: usize| if escaped { format!("K\\u002d{i}") } else { format!("K-{i}") };
    case.items
        .iter()
        .enumerate()
        .map(|(i, it)| {
            let mut o = serde_json::Map::new();
            o.insert("key".into(), Value::String(key(i)));
            if let Some(a) = it.assignee {
                o.insert("assignee".into(), json!(PEOPLE[a]));
            }
            if let Some(p) = it.parent {
                o.insert("parent".into(), Value::String(key(p)));
            }
            o.insert("subtask".into(), json!(it.subtask));
            o.insert("statusCategory".into(), json!(if it.done { "done" } else { "indeterminate" }));
            if let Some(r) = it.remaining {
                o.insert("remainingSeconds".into(), json!(r));
            }
            if let Some(r) = it.original {
                o.insert("originalSeconds".into(), json!(r));
            }
            Value::Object(o)
        })
        .collect()
}

/// JSON text with the escapes of [`items_json`] made real (serde_json would escape the
/// backslash).
fn text(value: &Value) -> String {
    value.to_string().replace("\\\\u002d", "\\u002d")
}

fn flags(it: &Item) -> u32 {
    let bit = |on: bool, b: u32| if on { b } else { 0 };
    bit(it.done, ITEM_DONE) | bit(it.subtask, ITEM_SUBTASK) | bit(it.remaining.is_some(), ITEM_HAS_REMAINING) | bit(it.original.is_some(), ITEM_HAS_ORIGINAL)
}

/// The bulk callers' people: every assignee, named once, in order of first appearance.
fn people(case: &Case) -> (Vec<&'static str>, Vec<u32>) {
    let mut people: Vec<&str> = Vec::new();
    let index = case
        .items
        .iter()
        .map(|it| match it.assignee {
            None => NO_INDEX,
            Some(a) => match people.iter().position(|p| *p == PEOPLE[a]) {
                Some(i) => i as u32,
                None => {
                    people.push(PEOPLE[a]);
                    (people.len() - 1) as u32
                }
            },
        })
        .collect();
    (people, index)
}

fn iteration_request(items: Vec<Value>) -> Value {
    json!({"boardId": "B", "iteration": {"id": "S1", "start": SPRINT.0, "end": SPRINT.1}, "items": items})
}

fn multi_request(grouping: &str, items: Vec<Value>) -> Value {
    let definition = json!({"name": "Sprint", "boardIds": ["B"], "period": {"start": SPRINT.0, "end": SPRINT.1}, "bucket": "quarter", "grouping": grouping});
    json!({"definition": definition, "boards": [{"boardId": "B", "iterations": [{"id": "S1", "start": SPRINT.0, "end": SPRINT.1, "items": items}]}]})
}

/// A result as text, or an error as its code (the bulk paths name fields as C does).
fn outcome(r: capacity_core::Result<String>) -> Result<String, u32> {
    r.map_err(|e| e.code() as u32)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn a_one_board_one_sprint_multi_project_report_is_the_iteration_report(case in arb_case()) {
        let engine = Engine::new();
        let mut storage = storage(&engine, &case);
        let iteration = engine.iteration_report(&mut storage, &text(&iteration_request(items_json(&case, false))));
        let Ok(iteration) = iteration else {
            // Bad input (an estimate beyond the limit): the multi-project report refuses it too.
            let multi = engine.multi_project_report(&mut storage, &text(&multi_request("person", items_json(&case, false))));
            prop_assert_eq!(multi.unwrap_err().code(), iteration.unwrap_err().code());
            return Ok(());
        };
        let iteration: Value = serde_json::from_str(&iteration).unwrap();
        for (grouping, rows, key) in [("person", &iteration["members"], "accountKey"), ("role", &iteration["roles"], "role")] {
            let multi = engine.multi_project_report(&mut storage, &text(&multi_request(grouping, items_json(&case, false)))).unwrap();
            let multi: Value = serde_json::from_str(&multi).unwrap();
            prop_assert_eq!(multi["buckets"].as_array().unwrap().len(), 1);
            let expected: Vec<(String, i64, i64)> = rows
                .as_array()
                .unwrap()
                .iter()
                .map(|r| (r[key].as_str().unwrap().to_string(), r["capacity"].as_i64().unwrap(), r["workload"].as_i64().unwrap()))
                .collect();
            let mut got: Vec<(String, i64, i64)> = multi["rows"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| (r["key"].as_str().unwrap().to_string(), r["total"]["capacity"].as_i64().unwrap(), r["total"]["workload"].as_i64().unwrap()))
                .collect();
            let mut expected = expected;
            expected.sort();
            got.sort();
            prop_assert_eq!(&got, &expected, "grouping {}", grouping);
            prop_assert_eq!(multi["totals"][0]["capacity"].as_i64(), iteration["team"]["capacity"].as_i64());
        }
    }

    #[test]
    fn the_quick_reader_serde_and_bulk_paths_give_the_same_iteration_report(case in arb_case()) {
        let engine = Engine::new();
        let mut storage = storage(&engine, &case);
        let quick = outcome(engine.iteration_report(&mut storage, &text(&iteration_request(items_json(&case, false)))));
        let escaped = text(&iteration_request(items_json(&case, true)));
        prop_assert_eq!(escaped.contains("\"K\\u002d0\""), !case.items.is_empty(), "{}", escaped);
        let usual = outcome(engine.iteration_report(&mut storage, &escaped));
        prop_assert_eq!(&quick, &usual);
        let (people, assignees) = people(&case);
        let keys: Vec<String> = (0..case.items.len()).map(|i| format!("K-{i}")).collect();
        let items: Vec<BulkItem> = case
            .items
            .iter()
            .zip(&assignees)
            .enumerate()
            .map(|(i, (it, a))| BulkItem {
                key: &keys[i],
                assignee: *a,
                parent: it.parent.map_or(NO_INDEX, |p| p as u32),
                flags: flags(it),
                remaining_seconds: it.remaining.unwrap_or(0),
                original_seconds: it.original.unwrap_or(0),
                ..BulkItem::default()
            })
            .collect();
        let request = text(&iteration_request(vec![]));
        let bulk = outcome(engine.iteration_report_bulk(&mut storage, &request, &people, &items));
        prop_assert_eq!(&bulk, &quick);
    }

    #[test]
    fn the_quick_reader_serde_and_bulk_paths_give_the_same_multi_project_report(case in arb_case(), role in any::<bool>()) {
        let engine = Engine::new();
        let mut storage = storage(&engine, &case);
        let grouping = if role { "role" } else { "person" };
        let quick = outcome(engine.multi_project_report(&mut storage, &text(&multi_request(grouping, items_json(&case, false)))));
        let usual = outcome(engine.multi_project_report(&mut storage, &text(&multi_request(grouping, items_json(&case, true)))));
        prop_assert_eq!(&quick, &usual);
        let (people, assignees) = people(&case);
        let items: Vec<MultiItem> = case
            .items
            .iter()
            .zip(&assignees)
            .map(|(it, a)| MultiItem {
                board: 0,
                iteration: 0,
                assignee: *a,
                parent: it.parent.map_or(NO_INDEX, |p| p as u32),
                flags: flags(it),
                remaining_seconds: it.remaining.unwrap_or(0),
                original_seconds: it.original.unwrap_or(0),
                ..MultiItem::default()
            })
            .collect();
        let request = text(&multi_request(grouping, vec![]));
        let bulk = engine.multi_project_report_bulk(&mut storage, &request, &people, &items).and_then(|t| t.to_json());
        prop_assert_eq!(&outcome(bulk), &quick);
    }
}
