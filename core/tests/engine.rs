//! The engine's storage behaviour: revisions, conflicts, failures and bad input never
//! touch what is stored.

use capacity_core::{Engine, ErrorCode, MemoryStorage, Storage, StorageError};

const BOARD: &str = r#"{"revision":0,"members":[{"accountKey":"alice","role":"Developer","dailyCapacity":6}]}"#;

fn stored(storage: &mut MemoryStorage, key: &str) -> Option<String> {
    storage.get(key).unwrap()
}

#[test]
fn a_board_never_configured_reads_as_defaults_at_revision_zero() {
    let mut s = MemoryStorage::default();
    let doc = Engine::new().get_board_settings(&mut s, "1").unwrap();
    assert!(doc.starts_with(r#"{"schema":2,"revision":0,"unit":"hours""#), "{doc}");
    assert_eq!(s.entries().count(), 0, "reading must not write");
}

#[test]
fn writes_bump_the_revision_and_stale_writes_conflict() {
    let engine = Engine::new();
    let mut s = MemoryStorage::default();
    let first = engine.put_board_settings(&mut s, "1", BOARD).unwrap();
    assert!(first.contains(r#""revision":1"#));
    let second = engine.put_board_settings(&mut s, "1", &first.replace("\"dailyCapacity\":6.0", "\"dailyCapacity\":5.0")).unwrap();
    assert!(second.contains(r#""revision":2"#) && second.contains("5.0"), "{second}");
    let err = engine.put_board_settings(&mut s, "1", BOARD).unwrap_err();
    assert_eq!(err.code(), ErrorCode::Conflict);
    assert_eq!(err.current_revision(), Some(2));
    assert_eq!(stored(&mut s, "org.capacitytracker:board:1").as_deref(), Some(second.as_str()));
}

#[test]
fn bad_input_is_refused_and_the_stored_document_is_unchanged() {
    let engine = Engine::new();
    let mut s = MemoryStorage::default();
    let good = engine.put_board_settings(&mut s, "1", BOARD).unwrap();
    let bad = [
        ("{", "body"),
        ("[]", "body"),
        (r#"{"revision":1,"members":[{"accountKey":"a","role":"R","dailyCapacity":-1}]}"#, "members[0].dailyCapacity"),
        (r#"{"revision":1,"holidays":[{"date":"2026-01-01","name":"N","fraction":2}]}"#, "holidays[0].fraction"),
        (r#"{"revision":1,"surprise":true}"#, "surprise"),
    ];
    for (doc, field) in bad {
        let err = engine.put_board_settings(&mut s, "1", doc).unwrap_err();
        assert_eq!(err.code(), ErrorCode::Validation, "{doc}");
        assert_eq!(err.field().unwrap_or(""), field, "{err}");
        assert_eq!(stored(&mut s, "org.capacitytracker:board:1").as_deref(), Some(good.as_str()));
    }
    let err = engine.put_board_settings(&mut s, "bad id!", BOARD).unwrap_err();
    assert_eq!(err.field(), Some("boardId"));
    let long_key = "x".repeat(256);
    let err = engine.put_days_off(&mut s, &long_key, "{}").unwrap_err();
    assert_eq!(err.field(), Some("accountKey"));
}

#[test]
fn reversed_iteration_dates_name_the_field() {
    let engine = Engine::new();
    let mut s = MemoryStorage::default();
    let err = engine
        .iteration_report(&mut s, r#"{"boardId":"1","iteration":{"start":"2026-12-11","end":"2026-11-30"},"items":[]}"#)
        .unwrap_err();
    assert_eq!(err.field(), Some("iteration.end"));
    let err = engine.iteration_report(&mut s, r#"{"boardId":"1","iteration":{"start":"2026-12-01","end":"2026-12-11"},"items":[{"key":"A","remainingSeconds":-1}]}"#).unwrap_err();
    assert_eq!(err.field(), Some("items[0].remainingSeconds"));
}

/// Issue 10, defect 6, through the whole engine: an iteration ending 9999-12-31T23:59:59Z on
/// a +14:00 board answered `"lastDate":"+10000-01-01"`, a date the engine itself refuses;
/// and a multi-project report read July 2100 in Berlin on winter time. Both are refused now,
/// naming the field; the last date that is accepted comes back as one the engine reads.
#[test]
fn dates_past_2099_are_refused_and_emitted_dates_read_back() {
    let engine = Engine::new();
    let mut s = MemoryStorage::default();
    engine.put_board_settings(&mut s, "1", r#"{"revision":0,"timeZone":"Pacific/Kiritimati","members":[]}"#).unwrap();
    let report = |s: &mut MemoryStorage, start: &str, end: &str| {
        engine.iteration_report(s, &format!(r#"{{"boardId":"1","iteration":{{"start":"{start}","end":"{end}"}},"items":[]}}"#))
    };
    let err = report(&mut s, "2099-12-28T00:00:00Z", "9999-12-31T23:59:59Z").unwrap_err();
    assert_eq!(err.field(), Some("iteration.end"));
    assert!(err.to_string().contains("2099"), "{err}");
    let ok: serde_json::Value = serde_json::from_str(&report(&mut s, "2099-12-28T00:00:00Z", "2099-12-31T10:00:00Z").unwrap()).unwrap();
    let last = ok["iteration"]["lastDate"].as_str().unwrap();
    assert_eq!(last, "2099-12-31");
    engine.put_days_off(&mut s, "alice", &format!(r#"{{"revision":0,"ranges":[{{"start":"{last}","end":"{last}"}}]}}"#)).unwrap();

    engine.put_board_settings(&mut s, "2", r#"{"revision":0,"timeZone":"Europe/Berlin","members":[]}"#).unwrap();
    let multi = r#"{"definition":{"name":"Far","boardIds":["2"],"period":{"start":"2100-07-01","end":"2100-07-31"},"bucket":"week","grouping":"person"},"boards":[{"boardId":"2","iterations":[{"id":"9","start":"2100-07-01T00:00:00+02:00","end":"2100-07-15T00:00:00+02:00","items":[]}]}]}"#;
    let err = engine.multi_project_report(&mut s, multi).unwrap_err();
    assert_eq!(err.field(), Some("boards[0].iterations[0].start"), "{err}");
}

/// Issue 10, defect 8: `{}` to the multi-project report was told "give reportId or
/// definition, not both", and whole-body errors named no field.
#[test]
fn an_empty_report_request_and_whole_body_errors_say_what_is_wrong() {
    let engine = Engine::new();
    let mut s = MemoryStorage::default();
    let err = engine.multi_project_report(&mut s, "{}").unwrap_err();
    assert_eq!(err.field(), Some("reportId"));
    assert!(!err.to_string().contains("not both"), "{err}");
    let both = engine.multi_project_report(&mut s, r#"{"reportId":"a","definition":{"name":"Q","boardIds":[],"period":{"start":"2026-01-05","end":"2026-01-16"},"bucket":"week","grouping":"board"},"boards":[]}"#).unwrap_err();
    assert!(both.to_string().contains("not both"), "{both}");
    for body in ["[]", "null", "{", "\u{feff}{}"] {
        assert_eq!(engine.put_board_settings(&mut s, "1", body).unwrap_err().field(), Some("body"), "{body:?}");
        assert_eq!(engine.multi_project_report(&mut s, body).unwrap_err().field(), Some("body"), "{body:?}");
        assert_eq!(engine.iteration_report(&mut s, body).unwrap_err().field(), Some("body"), "{body:?}");
    }
    let repeated = engine.put_board_settings(&mut s, "1", r#"{"revision":0,"revision":1}"#).unwrap_err();
    assert_eq!(repeated.field(), Some("revision"), "{repeated}");
}

/// Issue 10, defect 8: a report with 100,000 non-members carried a 1.4 MB warning naming
/// every one of them (the list itself is in `nonMembers`); the warning names ten now.
#[test]
fn the_non_member_warning_is_bounded() {
    let engine = Engine::new();
    let mut s = MemoryStorage::default();
    let items: Vec<String> = (0..20_000).map(|i| format!(r#"{{"key":"K-{i}","assignee":"person-{i:05}","remainingSeconds":3600}}"#)).collect();
    let request = format!(r#"{{"boardId":"1","iteration":{{"start":"2026-12-01","end":"2026-12-11"}},"items":[{}]}}"#, items.join(","));
    let report: serde_json::Value = serde_json::from_str(&engine.iteration_report(&mut s, &request).unwrap()).unwrap();
    assert_eq!(report["nonMembers"].as_array().unwrap().len(), 20_000);
    let warning = report["warnings"].as_array().unwrap().iter().find(|w| w["code"] == "nonMemberWork").unwrap();
    let message = warning["message"].as_str().unwrap();
    assert!(message.len() < 400, "{} bytes", message.len());
    assert!(message.ends_with("person-00009 and 19990 more"), "{message}");
}

/// Storage that fails on chosen operations, with the host's message.
struct Failing {
    inner: MemoryStorage,
    fail_get: bool,
    fail_put: bool,
}

impl Storage for Failing {
    fn get(&mut self, key: &str) -> Result<Option<String>, StorageError> {
        if self.fail_get {
            return Err(StorageError::new("database is down"));
        }
        self.inner.get(key)
    }
    fn put(&mut self, key: &str, value: &str) -> Result<(), StorageError> {
        if self.fail_put {
            return Err(StorageError::new("disk full"));
        }
        self.inner.put(key, value)
    }
    fn remove(&mut self, key: &str) -> Result<(), StorageError> {
        self.inner.remove(key)
    }
}

#[test]
fn a_failing_callback_is_a_storage_error_with_the_hosts_message_and_nothing_is_lost() {
    let engine = Engine::new();
    let mut s = Failing { inner: MemoryStorage::default(), fail_get: false, fail_put: false };
    let good = engine.put_board_settings(&mut s, "1", BOARD).unwrap();
    s.fail_put = true;
    let err = engine.put_board_settings(&mut s, "1", &good).unwrap_err();
    assert_eq!(err.code(), ErrorCode::Storage);
    assert!(err.message().contains("disk full"), "{err}");
    s.fail_put = false;
    s.fail_get = true;
    let err = engine.get_board_settings(&mut s, "1").unwrap_err();
    assert_eq!(err.code(), ErrorCode::Storage);
    assert!(err.message().contains("database is down"));
    s.fail_get = false;
    assert_eq!(engine.get_board_settings(&mut s, "1").unwrap(), good);
}

#[test]
fn a_document_over_one_storage_value_is_stored_in_chunks_within_the_host_limits() {
    let engine = Engine::new();
    let mut s = MemoryStorage::default();
    let ranges: Vec<String> = (0..1000)
        .map(|i| format!(r#"{{"start":"2026-01-01","end":"2026-01-02","reason":"{:0>150}"}}"#, i))
        .collect();
    let doc = format!(r#"{{"revision":0,"ranges":[{}]}}"#, ranges.join(","));
    let stored_doc = engine.put_days_off(&mut s, "alice", &doc).unwrap();
    assert!(stored_doc.len() > capacity_core::MAX_VALUE_CHARS);
    assert!(s.entries().count() > 1, "expected chunks");
    assert!(s.entries().all(|(k, v)| k.len() <= capacity_core::MAX_KEY_CHARS && v.len() <= capacity_core::MAX_VALUE_CHARS));
    assert_eq!(engine.get_days_off(&mut s, "alice").unwrap(), stored_doc);
}

#[test]
fn long_account_keys_are_stored_under_a_fingerprint_key() {
    let engine = Engine::new();
    let mut s = MemoryStorage::default();
    let long = "someone.with.a.very.long.directory.name@example.department.organisation.invalid".repeat(2);
    engine.put_days_off(&mut s, &long, r#"{"ranges":[{"start":"2026-01-01","end":"2026-01-01"}]}"#).unwrap();
    assert!(s.entries().all(|(k, _)| k.len() <= capacity_core::MAX_KEY_CHARS));
    assert!(engine.get_days_off(&mut s, &long).unwrap().contains("2026-01-01"));
}

#[test]
fn a_corrupt_stored_document_is_reported_not_overwritten() {
    let engine = Engine::new();
    let mut s = MemoryStorage::default();
    s.put("org.capacitytracker:board:1", "{not json").unwrap();
    let err = engine.get_board_settings(&mut s, "1").unwrap_err();
    assert_eq!(err.code(), ErrorCode::Storage);
    assert!(engine.put_board_settings(&mut s, "1", BOARD).is_err());
    assert_eq!(stored(&mut s, "org.capacitytracker:board:1").as_deref(), Some("{not json"));
}

#[test]
fn a_corrupt_chunk_manifest_is_a_storage_error_never_an_abort() {
    // Issue 10, defect 5: a manifest claiming 2^40 characters made the engine allocate them
    // (SIGABRT, killing the JVM), and 2^64 - 1 reported a panic.
    let engine = Engine::new();
    for (length, chunks) in [("1099511627776", "3"), ("18446744073709551615", "3"), ("200000", "1000000000000")] {
        let mut s = MemoryStorage::default();
        let manifest = format!(r#"{{"chunkedDocument":{{"generation":1,"chunks":{chunks},"length":{length},"hash":"00"}}}}"#);
        s.put("org.capacitytracker:board:1", &manifest).unwrap();
        let err = engine.get_board_settings(&mut s, "1").unwrap_err();
        assert_eq!(err.code(), ErrorCode::Storage, "{length} / {chunks}: {err}");
        assert!(err.to_string().contains("org.capacitytracker:board:1") && err.to_string().contains("corrupt"), "{err}");
    }
}

#[test]
fn a_stored_revision_at_its_maximum_does_not_wrap_to_zero() {
    // Issue 10, defect 5: revision 2^64 - 1 wrapped to 0 on the next write, so a writer that
    // read revision 0 long ago would match again.
    let engine = Engine::new();
    let mut s = MemoryStorage::default();
    engine.put_board_settings(&mut s, "1", BOARD).unwrap();
    let doc = stored(&mut s, "org.capacitytracker:board:1").unwrap();
    let top = doc.replacen("\"revision\":1", &format!("\"revision\":{}", u64::MAX), 1);
    assert_ne!(doc, top, "the revision was found in the stored document");
    s.put("org.capacitytracker:board:1", &top).unwrap();
    let write = BOARD.replacen("\"revision\":0", &format!("\"revision\":{}", u64::MAX), 1);
    let err = engine.put_board_settings(&mut s, "1", &write).unwrap_err();
    assert_eq!(err.code(), ErrorCode::Storage, "{err}");
    assert!(err.to_string().contains("corrupt"), "{err}");
    assert_eq!(stored(&mut s, "org.capacitytracker:board:1").as_deref(), Some(top.as_str()), "nothing was written");
}

#[test]
fn a_schema_1_document_is_migrated_when_read() {
    let engine = Engine::new();
    let mut s = MemoryStorage::default();
    // As the first release stored it: members named their role.
    s.put(
        "org.capacitytracker:board:1",
        r#"{"schema":1,"revision":4,"unit":"hours","estimateSource":"remaining","subtaskPolicy":"subtasks","timeZone":"UTC","workingWeekdays":["MON","TUE","WED","THU","FRI"],"holidays":[],"focusFactor":100.0,"thresholds":{"under":80.0,"over":100.0},"members":[{"accountKey":"alice","role":"Developer","dailyCapacity":6.0,"allocation":100.0},{"accountKey":"bob","role":"Quality Assurance","dailyCapacity":6.0,"allocation":100.0}]}"#,
    )
    .unwrap();
    let doc: serde_json::Value = serde_json::from_str(&engine.get_board_settings(&mut s, "1").unwrap()).unwrap();
    assert_eq!(doc["schema"], 2);
    assert_eq!(doc["revision"], 4);
    assert_eq!(doc["roles"][1]["id"], "quality-assurance");
    assert_eq!(doc["roles"][1]["name"], "Quality Assurance");
    assert_eq!(doc["members"][1]["roleId"], "quality-assurance");
    // Writing it back stores schema 2.
    engine.put_board_settings(&mut s, "1", &doc.to_string()).unwrap();
    assert!(s.get("org.capacitytracker:board:1").unwrap().unwrap().starts_with(r#"{"schema":2,"revision":5"#));
}

#[test]
fn renaming_a_role_keeps_its_members() {
    let engine = Engine::new();
    let mut s = MemoryStorage::default();
    let stored = engine.put_board_settings(&mut s, "1", BOARD).unwrap();
    let renamed = stored.replace(r#""name":"Developer""#, r#""name":"Engineer""#);
    engine.put_board_settings(&mut s, "1", &renamed).unwrap();
    let report = engine
        .iteration_report(&mut s, r#"{"boardId":"1","iteration":{"start":"2026-12-01","end":"2026-12-01"}}"#)
        .unwrap();
    assert!(report.contains(r#""roleId":"developer","role":"Engineer""#), "{report}");
}

#[test]
fn a_write_by_another_engine_over_the_same_storage_is_seen_on_the_next_read() {
    // Two cluster nodes: each has its own engine (and cache), both share the storage.
    let (node_a, node_b) = (Engine::new(), Engine::new());
    let mut shared = MemoryStorage::default();
    let first = node_a.put_board_settings(&mut shared, "1", BOARD).unwrap();
    assert_eq!(node_a.get_board_settings(&mut shared, "1").unwrap(), first, "cached read");
    let second = node_b.put_board_settings(&mut shared, "1", &first.replace("6.0", "4.0")).unwrap();
    assert_eq!(node_a.get_board_settings(&mut shared, "1").unwrap(), second);
    // And node A's stale write is a conflict, not a silent overwrite.
    let err = node_a.put_board_settings(&mut shared, "1", &first).unwrap_err();
    assert_eq!(err.current_revision(), Some(2));
}
