//! Deterministic benchmark workloads (W1: one sprint panel; W2: an instance-wide year),
//! shared by the benchmarks. A small xorshift generator keeps them identical on every run.

#![allow(dead_code)]

use capacity_core::items::bulk::{MultiItem, ITEM_DONE, ITEM_HAS_REMAINING, NO_INDEX};
use capacity_core::reports::iteration::ReportRequest;
use capacity_core::reports::multi::{BoardWork, IterationWork, MultiRequest};
use capacity_core::{Engine, MemoryStorage};

pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }
}

pub const ROLES: [&str; 4] = ["Developer", "QA", "Designer", "Analyst"];

/// W1: one board, 50 members in 4 roles, a 10-working-day sprint, 2,000 items with
/// sub-tasks, 30 day-off ranges, 5 holidays.
pub struct W1 {
    pub storage: MemoryStorage,
    pub people: Vec<String>,
    pub keys: Vec<String>,
    pub request_json: String,
}

pub fn w1(engine: &Engine) -> W1 {
    let mut rng = Rng::new(1);
    let mut storage = MemoryStorage::default();
    let people: Vec<String> = (0..50).map(|i| format!("user{i:02}")).collect();
    let members: Vec<String> = people
        .iter()
        .enumerate()
        .map(|(i, p)| {
            format!(
                r#"{{"accountKey":"{p}","role":"{}","dailyCapacity":{},"allocation":{}}}"#,
                ROLES[i % 4],
                4 + i % 5,
                50 + (i % 6) * 10
            )
        })
        .collect();
    let holidays: Vec<String> = [
        "2026-12-01",
        "2026-12-03",
        "2026-12-08",
        "2026-12-10",
        "2026-12-24",
    ]
    .iter()
    .enumerate()
    .map(|(i, d)| {
        format!(
            r#"{{"date":"{d}","name":"H{i}","fraction":{}}}"#,
            if i % 2 == 0 { 1.0 } else { 0.5 }
        )
    })
    .collect();
    let board = format!(
        r#"{{"timeZone":"Europe/Berlin","focusFactor":85,"holidays":[{}],"members":[{}]}}"#,
        holidays.join(","),
        members.join(",")
    );
    engine
        .put_board_settings(&mut storage, "1", &board)
        .unwrap();
    // 30 ranges of one to three days within the sprint, for 30 people.
    let sprint_start = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
    for r in 0..30 {
        let p = &people[(r * 7) % 50];
        let start = sprint_start + chrono::Duration::days(rng.below(12) as i64);
        let end = start + chrono::Duration::days(rng.below(3) as i64);
        let fraction = if r % 3 == 0 { 0.5 } else { 1.0 };
        let doc =
            format!(r#"{{"ranges":[{{"start":"{start}","end":"{end}","fraction":{fraction}}}]}}"#);
        // A person may already have days off: read, then write at the revision read.
        let current: serde_json::Value =
            serde_json::from_str(&engine.get_days_off(&mut storage, p).unwrap()).unwrap();
        let mut doc: serde_json::Value = serde_json::from_str(&doc).unwrap();
        doc["revision"] = current["revision"].clone();
        engine
            .put_days_off(&mut storage, p, &doc.to_string())
            .unwrap();
    }
    let keys: Vec<String> = (0..2000).map(|i| format!("W1-{i}")).collect();
    let mut items = Vec::with_capacity(2000);
    for (i, key) in keys.iter().enumerate() {
        let subtask = i % 4 != 0;
        let parent = if subtask {
            format!(r#","parent":"W1-{}""#, i - i % 4)
        } else {
            String::new()
        };
        let assignee = if i % 50 == 49 {
            "null".to_string()
        } else {
            format!("\"{}\"", people[rng.below(52).min(49) as usize])
        };
        let status = ["new", "indeterminate", "done"][rng.below(3) as usize];
        items.push(format!(
            r#"{{"key":"{key}","assignee":{assignee},"statusCategory":"{status}","remainingSeconds":{},"subtask":{subtask}{parent}}}"#,
            rng.below(16) * 1800
        ));
    }
    let request_json = format!(
        r#"{{"boardId":"1","iteration":{{"id":"5","start":"2026-11-30T09:00:00+01:00","end":"2026-12-11T17:00:00+01:00"}},"items":[{}]}}"#,
        items.join(",")
    );
    W1 {
        storage,
        people,
        keys,
        request_json,
    }
}

/// W2: 1,500 boards, 21,000 people each on 1–3 boards, 1,000,000 items, a year in weeks.
pub struct W2 {
    pub storage: MemoryStorage,
    pub people: Vec<String>,
    /// The request without items (the bulk form).
    pub request: MultiRequest,
    /// Items as a bulk caller has them.
    pub items: Vec<MultiItem>,
}

pub fn w2(engine: &Engine) -> W2 {
    let mut rng = Rng::new(2);
    let mut storage = MemoryStorage::default();
    let boards = 1500usize;
    let people: Vec<String> = (0..21_000).map(|i| format!("p{i:05}")).collect();
    // Each person on 1–3 boards.
    let mut teams: Vec<Vec<usize>> = vec![Vec::new(); boards];
    for p in 0..people.len() {
        let n = 1 + rng.below(3) as usize;
        for k in 0..n {
            let b = (p * 7 + k * 131) % boards;
            if !teams[b].contains(&p) {
                teams[b].push(p);
            }
        }
    }
    for (b, team) in teams.iter().enumerate() {
        let members: Vec<String> = team
            .iter()
            .enumerate()
            .map(|(i, p)| {
                format!(
                    r#"{{"accountKey":"{}","role":"{}","dailyCapacity":6,"allocation":{}}}"#,
                    people[*p],
                    ROLES[i % 4],
                    40 + (p % 4) * 20
                )
            })
            .collect();
        let board = format!(
            r#"{{"holidays":[{{"date":"2026-12-25","name":"Christmas"}},{{"date":"2026-05-01","name":"Labour"}}],"members":[{}]}}"#,
            members.join(",")
        );
        engine
            .put_board_settings(&mut storage, &format!("B{b}"), &board)
            .unwrap();
    }
    for p in (0..people.len()).step_by(10) {
        engine
            .put_days_off(
                &mut storage,
                &people[p],
                r#"{"ranges":[{"start":"2026-07-06","end":"2026-07-17"}]}"#,
            )
            .unwrap();
    }
    // 26 two-week sprints a year per board; items spread over them.
    let sprints = 26u32;
    let request = MultiRequest {
        report_id: None,
        definition: Some(serde_json::from_str(r#"{"name":"Year","boardIds":[],"projectKeys":["ALL"],"period":{"start":"2026-01-05","end":"2027-01-03"},"bucket":"week","grouping":"person"}"#).unwrap()),
        boards: (0..boards)
            .map(|b| BoardWork {
                board_id: format!("B{b}"),
                iterations: (0..sprints)
                    .map(|s| {
                        let start = chrono::NaiveDate::from_ymd_opt(2026, 1, 5).unwrap() + chrono::Duration::days(14 * s as i64);
                        IterationWork { id: Some(s.to_string().into()), kind: Default::default(), start: start.to_string().into(), end: (start + chrono::Duration::days(11)).to_string().into(), items: vec![] }
                    })
                    .collect(),
            })
            .collect(),
    };
    let mut items = Vec::with_capacity(1_000_000);
    for _ in 0..1_000_000u32 {
        let b = rng.below(boards as u64) as usize;
        let team = &teams[b];
        let assignee = if team.is_empty() {
            NO_INDEX
        } else {
            team[rng.below(team.len() as u64) as usize] as u32
        };
        let iteration = rng.below(sprints as u64) as u32;
        let remaining = rng.below(16) as i64 * 1800;
        let done = rng.below(4) == 0;
        items.push(MultiItem {
            board: b as u32,
            iteration,
            assignee,
            parent: NO_INDEX,
            flags: ITEM_HAS_REMAINING | if done { ITEM_DONE } else { 0 },
            remaining_seconds: remaining,
            ..MultiItem::default()
        });
    }
    W2 {
        storage,
        people,
        request,
        items,
    }
}

impl W2 {
    pub fn people(&self) -> Vec<&str> {
        self.people.iter().map(String::as_str).collect()
    }

    /// The request without items as JSON, for the bulk entries (`boards[b].iterations[s]`
    /// in the order `items[i].board` / `.iteration` count them).
    pub fn head_json(&self) -> String {
        let boards: Vec<serde_json::Value> = self
            .request
            .boards
            .iter()
            .map(|b| {
                let iterations: Vec<serde_json::Value> = b
                    .iterations
                    .iter()
                    .map(|it| serde_json::json!({"id": it.id.as_deref().unwrap_or(""), "start": &*it.start, "end": &*it.end}))
                    .collect();
                serde_json::json!({"boardId": b.board_id, "iterations": iterations})
            })
            .collect();
        serde_json::json!({"definition": self.request.definition.as_ref().unwrap(), "boards": boards}).to_string()
    }

    /// The same report request as JSON, every item inside its iteration (keys `W2-<index>`).
    pub fn request_json(&self) -> String {
        let mut by_iteration: Vec<Vec<Vec<usize>>> = self
            .request
            .boards
            .iter()
            .map(|b| vec![Vec::new(); b.iterations.len()])
            .collect();
        for (i, it) in self.items.iter().enumerate() {
            by_iteration[it.board as usize][it.iteration as usize].push(i);
        }
        let mut out = String::with_capacity(self.items.len() * 110);
        out.push_str(&format!(
            r#"{{"definition":{},"boards":["#,
            serde_json::to_string(self.request.definition.as_ref().unwrap()).unwrap()
        ));
        for (b, board) in self.request.boards.iter().enumerate() {
            if b > 0 {
                out.push(',');
            }
            out.push_str(&format!(
                r#"{{"boardId":"{}","iterations":["#,
                board.board_id
            ));
            for (s, it) in board.iterations.iter().enumerate() {
                if s > 0 {
                    out.push(',');
                }
                out.push_str(&format!(
                    r#"{{"id":"{}","start":"{}","end":"{}","items":["#,
                    it.id.as_deref().unwrap_or(""),
                    it.start,
                    it.end
                ));
                for (k, i) in by_iteration[b][s].iter().enumerate() {
                    let item = &self.items[*i];
                    if k > 0 {
                        out.push(',');
                    }
                    out.push_str(&format!(
                        r#"{{"key":"W2-{i}","assignee":"{}","statusCategory":"{}","remainingSeconds":{}}}"#,
                        self.people[item.assignee as usize],
                        if item.flags & ITEM_DONE != 0 { "done" } else { "new" },
                        item.remaining_seconds
                    ));
                }
                out.push_str("]}");
            }
            out.push_str("]}");
        }
        out.push_str("]}");
        out
    }
}

pub fn w1_request(w: &W1) -> ReportRequest {
    capacity_core::reports::iteration::parse_request(&w.request_json).unwrap()
}
