//! The documents every target starts from.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use crate::harness::{Harness, MAX_VALUE_UNITS};
use crate::script::Script;

/// Documents every target starts from, so that reports, copies, applications, access
/// checks and privacy operations meet stored data: three boards sharing people (one in
/// story points), days off, iteration team changes, a template, a calendar, a report
/// definition and permissions, and one person whose account key is too long for a
/// readable storage key.
pub const BASELINE: &[(&str, &str, &str)] = &[
    ("calendar", "de", r##"{"name":"Germany","dates":[{"date":"2026-10-03","name":"Unity Day"}],"rules":[{"type":"fixed","month":12,"day":25,"name":"Christmas"},{"type":"easter","offset":-2,"name":"Good Friday"},{"type":"nthWeekday","month":11,"weekday":"THU","n":4,"name":"Fourth Thursday","fraction":0.5},{"type":"lastWeekday","month":5,"weekday":"MON","name":"Last Monday"}]}"##),
    ("board", "1", r##"{"revision":0,"unit":"hours","timeZone":"Europe/Berlin","holidayCalendar":"de","holidays":[{"date":"2026-12-24","name":"Christmas Eve","fraction":0.5}],"focusFactor":90,"roles":[{"id":"developer","name":"Developer","colour":"#0052CC"},{"id":"qa","name":"QA"}],"members":[{"accountKey":"alice","roleId":"developer","dailyCapacity":6,"allocation":100},{"accountKey":"bob","roleId":"qa","dailyCapacity":7.5,"allocation":50,"workingWeekdays":["MON","TUE","WED","THU"]},{"accountKey":"carol","role":"Developer","dailyCapacity":8,"activeFrom":"2026-12-02"},{"accountKey":"JIRAUSER10000-a-very-long-account-key-that-is-too-long-for-a-readable-storage-key-of-the-host-so-it-is-fingerprinted","role":"QA","dailyCapacity":4}]}"##),
    ("board", "2", r##"{"revision":0,"unit":"hours","roles":[{"id":"dev","name":"Developer"}],"members":[{"accountKey":"bob","roleId":"dev","dailyCapacity":6,"allocation":75},{"accountKey":"dave","roleId":"dev","dailyCapacity":5}]}"##),
    ("board", "pts", r##"{"revision":0,"unit":"storyPoints","estimateSource":"storyPoints","subtaskPolicy":"all","thresholds":{"under":70,"over":110},"members":[{"accountKey":"erin","role":"Developer","dailyCapacity":1.5},{"accountKey":"alice","role":"Developer","dailyCapacity":1}]}"##),
    ("daysoff", "alice", r##"{"revision":0,"ranges":[{"start":"2026-12-07","end":"2026-12-08","fraction":1,"reason":"Vacation"},{"start":"2026-12-10","end":"2026-12-10","fraction":0.5}]}"##),
    ("daysoff", "bob", r##"{"revision":0,"ranges":[{"start":"2026-12-01","end":"2026-12-03"}]}"##),
    ("daysoff", "JIRAUSER10000-a-very-long-account-key-that-is-too-long-for-a-readable-storage-key-of-the-host-so-it-is-fingerprinted", r##"{"revision":0,"ranges":[{"start":"2026-12-04","end":"2026-12-04","fraction":0.25}]}"##),
    ("iteration", "1:3", r##"{"revision":0,"members":[{"accountKey":"alice","action":"change","dailyCapacity":3,"allocation":50},{"accountKey":"bob","action":"remove"},{"accountKey":"erin","action":"add","role":"QA","dailyCapacity":4}]}"##),
    ("template", "squad", r##"{"name":"Squad","members":[{"accountKey":"alice","role":"Developer","dailyCapacity":5},{"accountKey":"frank","role":"Tester","dailyCapacity":6,"allocation":50,"workingWeekdays":["MON","TUE","WED"]}]}"##),
    ("report", "q4", r##"{"name":"Q4 by person","boardIds":["1","2"],"projectKeys":[],"period":{"start":"2026-10-01","end":"2026-12-31"},"bucket":"month","grouping":"person"}"##),
    ("permissions", "global", r##"{"enabled":true,"boards":{"1":{"read":{"groups":["jira-users"]},"write":{"users":["alice","lead"]}},"2":{"write":{"users":["bob"],"groups":["planners"]}}},"templates":{"users":["alice"],"groups":["planners"]},"reports":{"users":["carol"]},"rest":{"groups":["integrations"]}}"##),
];

fn store_documents(harness: &mut Harness, documents: &[(&str, &str, &str)]) {
    for (kind, id, doc) in documents {
        let line = format!("{kind} {id} {doc}");
        let script = Script { setup: vec![line.as_bytes()], args: vec![] };
        let before = harness.entries().len();
        script.apply_setup(harness);
        assert!(harness.entries().len() > before || kind == &"permissions", "the baseline {kind} {id} was refused");
    }
}

/// The storage [`BASELINE`] leaves, built once per process through the C ABI itself.
pub fn baseline() -> &'static BTreeMap<String, String> {
    static BASE: OnceLock<BTreeMap<String, String>> = OnceLock::new();
    BASE.get_or_init(|| {
        let mut harness = Harness::new(BTreeMap::new());
        store_documents(&mut harness, BASELINE);
        harness.entries().clone()
    })
}

/// The baseline plus board `big`, whose settings exceed one storage value and are stored
/// in chunks, so that storage faults meet the chunked write and its clean-up.
pub fn baseline_with_big_board() -> &'static BTreeMap<String, String> {
    static BASE: OnceLock<BTreeMap<String, String>> = OnceLock::new();
    BASE.get_or_init(|| {
        let members: Vec<String> = (0..420)
            .map(|i| format!(r#"{{"accountKey":"member-{i:03}-{}","role":"Developer","dailyCapacity":6}}"#, "x".repeat(200)))
            .chain(std::iter::once(r#"{"accountKey":"alice","role":"Developer","dailyCapacity":2}"#.to_string()))
            .collect();
        let doc = format!(r#"{{"revision":0,"members":[{}]}}"#, members.join(","));
        assert!(doc.len() > MAX_VALUE_UNITS, "board big must need chunks");
        let mut harness = Harness::new(baseline().clone());
        store_documents(&mut harness, &[("board", "big", &doc)]);
        let chunked = harness.entries().keys().any(|k| k.starts_with("org.capacitytracker:board:big~"));
        assert!(chunked, "board big was not stored in chunks");
        harness.entries().clone()
    })
}
