//! A multi-project report over enough items to be computed on two threads gives exactly
//! what the caller's thread alone gives: every grouping, every sub-task policy, parents and
//! sub-tasks in different halves of the items, boards named twice, days off and holidays.

use capacity_core::items::bulk::{MultiItem, ITEM_DONE, ITEM_HAS_ORIGINAL, ITEM_HAS_REMAINING, ITEM_SUBTASK, NO_INDEX};
use capacity_core::reports::multi::{MultiRequest, PARALLEL_FROM};
use capacity_core::{Engine, MemoryStorage};

/// A small deterministic generator (the same numbers on every run).
struct Numbers(u64);

impl Numbers {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

const BOARDS: usize = 24;
const PEOPLE: usize = 300;
const SPRINTS: usize = 9;

fn instance(engine: &Engine) -> MemoryStorage {
    let mut storage = MemoryStorage::default();
    engine
        .put_calendar(&mut storage, "company", r#"{"revision":0,"name":"Company","dates":[{"date":"2026-04-03","name":"Good Friday"},{"date":"2026-05-14","name":"Half day","fraction":0.5}]}"#)
        .unwrap();
    let policies = ["subtasks", "parents", "all"];
    let sources = ["remaining", "original"];
    for b in 0..BOARDS {
        let members: Vec<String> = (0..12)
            .map(|k| (b * 7 + k * 13) % PEOPLE)
            .map(|p| {
                let active = if p % 11 == 0 { r#","activeFrom":"2026-03-02","activeTo":"2026-05-20""# } else { "" };
                let weekdays = if p % 9 == 0 { r#","workingWeekdays":["MON","TUE","WED","THU"]"# } else { "" };
                format!(r#"{{"accountKey":"p{p}","role":"{}","dailyCapacity":{},"allocation":{}{active}{weekdays}}}"#, ["Dev", "QA", "Ops"][p % 3], 4 + p % 5, 30 + (p * 7 + b) % 60)
            })
            .collect();
        let calendar = if b % 3 == 0 { r#","holidayCalendar":"company""# } else { "" };
        let board = format!(
            r#"{{"revision":0,"estimateSource":"{}","subtaskPolicy":"{}","focusFactor":{},"holidays":[{{"date":"2026-03-{:02}","name":"Board day","fraction":0.25}}]{calendar},"members":[{}]}}"#,
            sources[b % 2],
            policies[b % 3],
            70 + b % 4 * 10,
            2 + b % 20,
            members.join(",")
        );
        engine.put_board_settings(&mut storage, &format!("B{b}"), &board).unwrap();
    }
    for p in (0..PEOPLE).step_by(4) {
        engine
            .put_days_off(&mut storage, &format!("p{p}"), &format!(r#"{{"revision":0,"ranges":[{{"start":"2026-03-{:02}","end":"2026-03-{:02}","fraction":0.5}}]}}"#, 2 + p % 20, 4 + p % 20))
            .unwrap();
    }
    storage
}

/// The request (board 0 named twice in the definition) and 60,000 items, a fifth of them
/// sub-tasks whose parent lies in the other half of the array.
fn work(grouping: &str) -> (MultiRequest, Vec<MultiItem>) {
    let boards: Vec<String> = (0..BOARDS)
        .map(|b| {
            let sprints: Vec<String> = (0..SPRINTS)
                .map(|s| format!(r#"{{"start":"2026-{:02}-{:02}","end":"2026-{:02}-{:02}T17:00:00+01:00"}}"#, 2 + s / 3, 2 + s % 3 * 9, 2 + s / 3, 10 + s % 3 * 9))
                .collect();
            format!(r#"{{"boardId":"B{b}","iterations":[{}]}}"#, sprints.join(","))
        })
        .collect();
    let request = format!(
        r#"{{"definition":{{"name":"Threads","boardIds":["B0","B5","B0"],"projectKeys":[],"period":{{"start":"2026-02-16","end":"2026-06-07"}},"bucket":"week","grouping":"{grouping}"}},"boards":[{}]}}"#,
        boards.join(",")
    );
    let request: MultiRequest = serde_json::from_str(&request).unwrap();
    let mut n = Numbers(7);
    let count = PARALLEL_FROM + 10_000;
    let mut items: Vec<MultiItem> = Vec::with_capacity(count);
    for i in 0..count {
        let board = n.below(BOARDS as u64) as u32;
        let iteration = n.below(SPRINTS as u64) as u32;
        let assignee = match n.below(10) {
            0 => NO_INDEX,
            _ => n.below(PEOPLE as u64 + 20) as u32,
        };
        let mut flags = ITEM_HAS_REMAINING | if n.below(3) == 0 { ITEM_HAS_ORIGINAL } else { 0 } | if n.below(5) == 0 { ITEM_DONE } else { 0 };
        let mut parent = NO_INDEX;
        // Sub-tasks in the second half point at a parent in the first, of their board and
        // iteration when one was made there.
        if i >= count / 2 && n.below(5) == 0 {
            let mirror = i - count / 2;
            if items[mirror].board == board && items[mirror].iteration == iteration {
                parent = mirror as u32;
                flags |= ITEM_SUBTASK;
            } else {
                flags |= ITEM_SUBTASK;
            }
        }
        items.push(MultiItem { board, iteration, assignee, parent, flags, remaining_seconds: n.below(40) as i64 * 900, original_seconds: n.below(30) as i64 * 1800, ..MultiItem::default() });
        // A parent with its sub-task just made: take the board and iteration over.
        if i >= count / 2 && parent == NO_INDEX && flags & ITEM_SUBTASK != 0 && n.below(2) == 0 {
            let mirror = i - count / 2;
            let it = items[mirror];
            let last = items.last_mut().unwrap();
            last.board = it.board;
            last.iteration = it.iteration;
            last.parent = mirror as u32;
        }
    }
    // Parents with a sub-task in each half: both halves find them.
    let mut is_parent = vec![false; count];
    for it in &items {
        if it.parent != NO_INDEX {
            is_parent[it.parent as usize] = true;
        }
    }
    for k in count / 2..count {
        let p = items[k].parent;
        if p != NO_INDEX && (p as usize + 1) < count / 2 && items[p as usize + 1].parent == NO_INDEX && !is_parent[p as usize + 1] {
            let (board, iteration) = (items[p as usize].board, items[p as usize].iteration);
            let sibling = &mut items[p as usize + 1];
            sibling.board = board;
            sibling.iteration = iteration;
            sibling.parent = p;
            sibling.flags |= ITEM_SUBTASK;
        }
    }
    (request, items)
}

#[test]
fn two_threads_give_what_one_gives() {
    let people: Vec<String> = (0..PEOPLE + 20).map(|p| format!("p{p}")).collect();
    let people: Vec<&str> = people.iter().map(String::as_str).collect();
    for grouping in ["person", "role", "board"] {
        let (request, items) = work(grouping);
        let alone = Engine::new();
        alone.set_threads(1).unwrap();
        let mut storage = instance(&alone);
        let one = alone.multi_project_table(&mut storage, &request, &people, &items).unwrap();
        let two = Engine::new();
        assert_eq!(two.threads(), 2, "two threads are the default");
        let both = two.multi_project_table(&mut storage, &request, &people, &items).unwrap();
        assert_eq!(one.to_json().unwrap(), both.to_json().unwrap(), "grouping {grouping}");
        assert!(one.sums.iter().any(|c| c.workload > 0) && one.sums.iter().any(|c| c.capacity > 0), "a report with numbers in it");
        assert!(!one.overloads.is_empty(), "someone is over-allocated");
    }
}

#[test]
fn a_bad_item_is_named_whichever_thread_checks_it() {
    let people: Vec<String> = (0..PEOPLE + 20).map(|p| format!("p{p}")).collect();
    let people: Vec<&str> = people.iter().map(String::as_str).collect();
    let (request, mut items) = work("person");
    items[PARALLEL_FROM].iteration = SPRINTS as u32;
    for threads in [1, 2] {
        let engine = Engine::new();
        engine.set_threads(threads).unwrap();
        let mut storage = instance(&engine);
        let err = engine.multi_project_table(&mut storage, &request, &people, &items).unwrap_err();
        assert_eq!(err.field(), Some(format!("items[{PARALLEL_FROM}].iteration").as_str()), "{err:?}");
    }
}

#[test]
fn threads_are_one_or_two() {
    let engine = Engine::new();
    for bad in [0, 3] {
        assert_eq!(engine.set_threads(bad).unwrap_err().code(), capacity_core::ErrorCode::InvalidArgument);
    }
    assert_eq!(engine.threads(), 2);
}
