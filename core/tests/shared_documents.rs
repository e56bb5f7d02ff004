//! Templates, iteration teams, calendars, permissions, privacy operations and backup, end
//! to end through the engine's JSON operations.

use capacity_core::{Engine, ErrorCode, MemoryStorage, Storage};
use serde_json::{json, Value};

const PERSON: &str = "zelda.unique-person-key";

fn v(text: &str) -> Value {
    serde_json::from_str(text).unwrap()
}

fn board(engine: &Engine, s: &mut MemoryStorage) {
    engine
        .put_board_settings(
            s,
            "1",
            &json!({"revision":0,"holidayCalendar":"de","members":[
                {"accountKey":"alice","role":"Developer","dailyCapacity":6},
                {"accountKey":PERSON,"role":"QA","dailyCapacity":5}]})
            .to_string(),
        )
        .unwrap();
}

fn sprint_report(engine: &Engine, s: &mut MemoryStorage) -> Value {
    v(&engine
        .iteration_report(s, r#"{"boardId":"1","iteration":{"id":"7","start":"2026-03-30","end":"2026-04-10"},"items":[]}"#)
        .unwrap())
}

#[test]
fn a_shared_calendar_adds_its_holidays_and_a_missing_one_is_warned_about() {
    let engine = Engine::new();
    let mut s = MemoryStorage::default();
    board(&engine, &mut s);
    let r = sprint_report(&engine, &mut s);
    assert_eq!(r["warnings"][0]["code"], "holidayCalendarMissing");
    assert_eq!(r["members"][0]["capacity"], 10 * 360);
    engine
        .put_calendar(&mut s, "de", r#"{"name":"Germany","rules":[{"type":"easter","name":"Good Friday","offset":-2},{"type":"easter","name":"Easter Monday","offset":1}]}"#)
        .unwrap();
    let r = sprint_report(&engine, &mut s);
    assert_eq!(r["members"][0]["capacity"], 8 * 360);
    assert_eq!(r["days"][4]["holiday"], "Good Friday");
    assert_eq!(v(&engine.list_calendars(&mut s).unwrap()), json!([{"id":"de","name":"Germany"}]));
}

#[test]
fn iteration_overrides_change_one_sprint_only_and_copy_to_the_next() {
    let engine = Engine::new();
    let mut s = MemoryStorage::default();
    board(&engine, &mut s);
    engine.put_calendar(&mut s, "de", r#"{"name":"None"}"#).unwrap();
    engine
        .put_iteration_team(
            &mut s,
            "1",
            "7",
            &json!({"revision":0,"members":[
                {"accountKey":"alice","action":"change","dailyCapacity":3},
                {"accountKey":PERSON,"action":"remove"},
                {"accountKey":"newbie","action":"add","role":"Developer","dailyCapacity":4}]})
            .to_string(),
        )
        .unwrap();
    let r = sprint_report(&engine, &mut s);
    let members: Vec<(&str, i64, &str)> = r["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| (m["accountKey"].as_str().unwrap(), m["capacity"].as_i64().unwrap(), m["iterationChange"].as_str().unwrap_or("")))
        .collect();
    assert_eq!(members, [("alice", 1800, "changed"), ("newbie", 2400, "added")]);
    // Another sprint still has the board's team.
    let other = v(&engine.iteration_report(&mut s, r#"{"boardId":"1","iteration":{"id":"8","start":"2026-03-30","end":"2026-04-10"}}"#).unwrap());
    assert_eq!(other["members"].as_array().unwrap().len(), 2);
    // Copy the team to sprint 8.
    let copied = v(&engine.copy_iteration_team(&mut s, r#"{"boardId":"1","fromIterationId":"7","toIterationId":"8","revision":0}"#).unwrap());
    assert_eq!(copied["iterationId"], "8");
    let other = v(&engine.iteration_report(&mut s, r#"{"boardId":"1","iteration":{"id":"8","start":"2026-03-30","end":"2026-04-10"}}"#).unwrap());
    assert_eq!(other["members"].as_array().unwrap().len(), 2);
    assert_eq!(other["members"][1]["accountKey"], "newbie");
    // Bad input names the field, including what only the board can tell (its unit, its roles).
    let e = engine.put_iteration_team(&mut s, "1", "9", r#"{"members":[{"accountKey":"x","action":"add","role":"Dev"}]}"#).unwrap_err();
    assert_eq!(e.field(), Some("members[0].dailyCapacity"));
    let e = engine.put_iteration_team(&mut s, "1", "9", r#"{"members":[{"accountKey":"x","action":"add","role":"Dev","dailyCapacity":30}]}"#).unwrap_err();
    assert_eq!(e.field(), Some("members[0].dailyCapacity"), "30 hours a day does not fit an hours board");
    let e = engine.put_iteration_team(&mut s, "1", "9", r#"{"members":[{"accountKey":"alice","action":"change","roleId":"pilot"}]}"#).unwrap_err();
    assert_eq!(e.field(), Some("members[0].roleId"));
}

#[test]
fn applying_a_template_reports_what_it_added_changed_and_left_alone() {
    let engine = Engine::new();
    let mut s = MemoryStorage::default();
    board(&engine, &mut s);
    engine
        .put_template(
            &mut s,
            "squad",
            r#"{"name":"Squad","members":[{"accountKey":"alice","role":"Developer","dailyCapacity":6},{"accountKey":"bob","role":"Developer","dailyCapacity":7},{"accountKey":"carol","role":"Designer","dailyCapacity":4}]}"#,
        )
        .unwrap();
    engine.put_template(&mut s, "pair", r#"{"name":"Pair","members":[{"accountKey":"alice","role":"Lead","dailyCapacity":5}]}"#).unwrap();
    let out = v(&engine.apply_template(&mut s, r#"{"templateId":"squad","boardId":"1","revision":1}"#).unwrap());
    assert_eq!(out["added"], json!(["bob", "carol"]));
    assert_eq!(out["unchanged"], json!(["alice"]));
    assert_eq!(out["leftAlone"], json!([PERSON]));
    assert_eq!(out["document"]["revision"], 2);
    assert_eq!(out["document"]["members"].as_array().unwrap().len(), 4);
    assert!(out["document"]["roles"].as_array().unwrap().iter().any(|r| r["name"] == "Designer"));
    // A stale revision is a conflict.
    let e = engine.apply_template(&mut s, r#"{"templateId":"pair","boardId":"1","revision":1}"#).unwrap_err();
    assert_eq!(e.code(), ErrorCode::Conflict);
    // To one sprint: a change, recorded as an override.
    let out = v(&engine.apply_template(&mut s, r#"{"templateId":"pair","boardId":"1","iterationId":"7","revision":0}"#).unwrap());
    assert_eq!(out["changed"], json!(["alice"]));
    assert_eq!(out["document"]["members"][0]["action"], "change");
    let names = v(&engine.list_templates(&mut s).unwrap());
    assert_eq!(names.as_array().unwrap().len(), 2);
    let e = engine.apply_template(&mut s, r#"{"templateId":"nope","boardId":"1","revision":2}"#).unwrap_err();
    assert_eq!(e.field(), Some("templateId"));
    assert_eq!(e.code(), ErrorCode::NotFound);
}

#[test]
fn an_unknown_id_is_not_found_and_a_malformed_one_is_invalid() {
    let engine = Engine::new();
    let mut s = MemoryStorage::default();
    type Get<'a> = Box<dyn Fn(&mut MemoryStorage, &str) -> capacity_core::Result<String> + 'a>;
    let cases: [(&str, Get); 3] = [
        ("templateId", Box::new(|s, id| engine.get_template(s, id))),
        ("calendarId", Box::new(|s, id| engine.get_calendar(s, id))),
        ("reportId", Box::new(|s, id| engine.get_report_definition(s, id))),
    ];
    for (field, get) in &cases {
        let e = get(&mut s, "nope").unwrap_err();
        assert_eq!((e.code(), e.field()), (ErrorCode::NotFound, Some(*field)), "{e}");
        assert!(e.message().starts_with(&format!("{field}: there is no ")), "{e}");
        let e = get(&mut s, "not an id!").unwrap_err();
        assert_eq!((e.code(), e.field()), (ErrorCode::Validation, Some(*field)), "{e}");
    }
    let e = engine.multi_project_report(&mut s, r#"{"reportId":"nope","boards":[]}"#).unwrap_err();
    assert_eq!((e.code(), e.field(), e.message().as_str()), (ErrorCode::NotFound, Some("reportId"), r#"reportId: there is no report "nope""#));
    assert_eq!(ErrorCode::NotFound as u32, 7);
    assert_eq!(ErrorCode::NotFound.name(), "notFound");
}

fn everything_about_the_person(engine: &Engine, s: &mut MemoryStorage) {
    board(engine, s);
    engine.put_days_off(s, PERSON, r#"{"ranges":[{"start":"2026-04-01","end":"2026-04-02","reason":"Holiday"}]}"#).unwrap();
    engine.put_iteration_team(s, "1", "7", &json!({"members":[{"accountKey":PERSON,"action":"change","dailyCapacity":2}]}).to_string()).unwrap();
    engine.put_template(s, "t", &json!({"name":"T","members":[{"accountKey":PERSON,"role":"QA","dailyCapacity":5}]}).to_string()).unwrap();
    engine
        .put_permissions(s, &json!({"enabled":true,"boards":{"1":{"write":{"users":[PERSON, "alice"]}}},"rest":{"users":[PERSON]}}).to_string())
        .unwrap();
}

#[test]
fn export_user_returns_everything_and_forget_user_leaves_no_trace() {
    let engine = Engine::new();
    let mut s = MemoryStorage::default();
    everything_about_the_person(&engine, &mut s);
    let exported = v(&engine.export_user(&mut s, PERSON).unwrap());
    assert_eq!(exported["boards"][0]["boardId"], "1");
    assert_eq!(exported["boards"][0]["role"], "QA");
    assert_eq!(exported["daysOff"]["ranges"][0]["reason"], "Holiday");
    assert_eq!(exported["iterations"][0]["iterationId"], "7");
    assert_eq!(exported["templates"][0]["templateId"], "t");
    assert_eq!(exported["permissions"], json!(["boards.1.write", "rest"]));

    let removed = v(&engine.forget_user(&mut s, PERSON).unwrap());
    assert_eq!(removed["boards"], json!(["1"]));
    assert_eq!(removed["daysOff"], true);
    assert_eq!(removed["iterations"], json!(["1:7"]));
    assert_eq!(removed["templates"], json!(["t"]));
    for (key, value) in s.entries() {
        assert!(!key.contains(PERSON) && !value.contains(PERSON), "{key} still names the person: {value}");
    }
    // Others are untouched, and a second run removes nothing.
    assert!(engine.get_board_settings(&mut s, "1").unwrap().contains("alice"));
    let again = v(&engine.forget_user(&mut s, PERSON).unwrap());
    assert_eq!(again["boards"], json!([]));
    assert_eq!(again["daysOff"], false);
    let inventory = v(&engine.data_inventory(&mut s).unwrap());
    assert_eq!(inventory["people"], 1);
}

#[test]
fn an_export_imports_into_empty_storage_and_merges_with_a_report() {
    let engine = Engine::new();
    let mut s = MemoryStorage::default();
    everything_about_the_person(&engine, &mut s);
    let export = engine.export_all(&mut s).unwrap();
    let docs = v(&export)["documents"].as_array().unwrap().len();
    assert_eq!(docs, 5, "{export}");

    let mut fresh = MemoryStorage::default();
    let other = Engine::new();
    let result = v(&other.import_all(&mut fresh, &format!(r#"{{"mode":"empty","export":{export}}}"#)).unwrap());
    assert_eq!(result["written"].as_array().unwrap().len(), 5);
    let reexport = v(&other.export_all(&mut fresh).unwrap());
    assert_eq!(reexport["documents"], v(&export)["documents"]);

    // Into storage that is not empty: "empty" refuses, "merge" reports differences.
    let e = other.import_all(&mut fresh, &format!(r#"{{"mode":"empty","export":{export}}}"#)).unwrap_err();
    assert_eq!(e.field(), Some("mode"));
    other.put_template(&mut fresh, "t", r#"{"revision":1,"name":"Renamed","members":[]}"#).unwrap();
    let result = v(&other.import_all(&mut fresh, &format!(r#"{{"mode":"merge","export":{export}}}"#)).unwrap());
    assert_eq!(result["conflicts"][0]["document"], "template:t");
    assert_eq!(result["unchanged"].as_array().unwrap().len(), 4);

    // A bad document is named and nothing is written.
    let mut bad = v(&export);
    bad["documents"][0]["document"]["members"][0]["dailyCapacity"] = json!(-1);
    let mut empty = MemoryStorage::default();
    let e = other.import_all(&mut empty, &json!({"mode":"empty","export":bad}).to_string()).unwrap_err();
    assert_eq!(e.field(), Some("export.documents[0].document.members[0].dailyCapacity"), "{e}");
    assert_eq!(empty.entries().count(), 0);
}

#[test]
fn access_checks_follow_the_permissions_document() {
    let engine = Engine::new();
    let mut s = MemoryStorage::default();
    let q = r#"{"user":"bob","groups":[],"action":"writeBoard","boardId":"1"}"#;
    assert_eq!(v(&engine.check_access(&mut s, q).unwrap())["allowed"], true);
    engine.put_permissions(&mut s, r#"{"enabled":true,"boards":{"1":{"write":{"users":["alice"]}}}}"#).unwrap();
    assert_eq!(v(&engine.check_access(&mut s, q).unwrap())["allowed"], false);
    let admin = r#"{"user":"bob","admin":true,"action":"writeBoard","boardId":"1"}"#;
    assert_eq!(v(&engine.check_access(&mut s, admin).unwrap())["allowed"], true);
    let e = engine.check_access(&mut s, r#"{"user":"bob","action":"fly"}"#).unwrap_err();
    assert_eq!(e.field(), Some("action"));
    let _ = s.get("x");
}

#[test]
fn days_off_may_be_changed_by_their_owner_and_by_the_writers_of_a_board_the_person_is_on() {
    let engine = Engine::new();
    let mut s = MemoryStorage::default();
    board(&engine, &mut s);
    engine.put_permissions(&mut s, r#"{"enabled":true,"boards":{"1":{"write":{"users":["lead"]}}}}"#).unwrap();
    let allowed = |s: &mut MemoryStorage, query: Value| v(&engine.check_access(s, &query.to_string()).unwrap())["allowed"] == true;
    let write = |user: &str, person: &str, board: Option<&str>| json!({"user":user,"action":"writeDaysOff","accountKey":person,"boardId":board});
    assert!(allowed(&mut s, write("alice", "alice", None)), "one's own");
    assert!(allowed(&mut s, write("lead", "alice", Some("1"))), "a writer of alice's board");
    assert!(!allowed(&mut s, write("lead", "alice", None)), "outside a board");
    assert!(!allowed(&mut s, write("lead", "mallory", Some("1"))), "mallory is not on board 1");
    assert!(!allowed(&mut s, write("bob", "alice", Some("1"))), "bob may not write board 1");
    let read = |user: &str| json!({"user":user,"action":"readDaysOff","accountKey":"alice","boardId":"1"});
    assert!(allowed(&mut s, read("lead")), "writing a board includes reading it");
    assert!(!allowed(&mut s, read("bob")), "bob is on neither of board 1's lists");
    let e = engine.check_access(&mut s, r#"{"user":"bob","action":"readDaysOff"}"#).unwrap_err();
    assert_eq!(e.field(), Some("accountKey"));
    let e = engine.check_access(&mut s, r#"{"user":"bob","action":"readDaysOff","accountKey":"alice","boardId":"no such board!"}"#).unwrap_err();
    assert_eq!(e.field(), Some("boardId"));
}

#[test]
fn the_multi_project_report_buckets_people_across_boards_and_flags_over_allocation() {
    let engine = Engine::new();
    let mut s = MemoryStorage::default();
    engine
        .put_board_settings(&mut s, "A", r#"{"members":[{"accountKey":"alice","role":"Developer","dailyCapacity":6,"allocation":50},{"accountKey":"bob","role":"QA","dailyCapacity":8}]}"#)
        .unwrap();
    engine
        .put_board_settings(&mut s, "B", r#"{"members":[{"accountKey":"alice","role":"Developer","dailyCapacity":6,"allocation":60,"activeFrom":"2026-03-09"}]}"#)
        .unwrap();
    engine.put_days_off(&mut s, "bob", r#"{"ranges":[{"start":"2026-03-03","end":"2026-03-03"}]}"#).unwrap();
    let request = json!({
        "definition": {"name":"March","boardIds":["A","B"],"period":{"start":"2026-03-02","end":"2026-03-15"},"bucket":"week","grouping":"person"},
        "boards": [{"boardId":"A","iterations":[{"id":"1","start":"2026-03-02","end":"2026-03-13","items":[
            {"key":"A-1","assignee":"alice","statusCategory":"new","remainingSeconds":36000},
            {"key":"A-2","assignee":"bob","statusCategory":"new","remainingSeconds":3600}]}]}]
    });
    let r = v(&engine.multi_project_report(&mut s, &request.to_string()).unwrap());
    assert_eq!(r["buckets"].as_array().unwrap().len(), 2);
    // alice: A gives 180 min/day × 5 days a week; B 216 min/day from the second week.
    let alice = &r["rows"][0];
    assert_eq!(alice["key"], "alice");
    assert_eq!(alice["cells"][0]["capacity"], 900);
    assert_eq!(alice["cells"][1]["capacity"], 900 + 1080);
    // 600 minutes of A's work spread evenly over A's ten capacity days.
    assert_eq!(alice["cells"][0]["workload"], 300);
    assert_eq!(alice["cells"][1]["workload"], 300);
    // bob: a day off in week one; 60 minutes spread over his 9 working days (largest remainders first).
    let bob = &r["rows"][1];
    assert_eq!(bob["cells"][0]["capacity"], 4 * 480);
    assert_eq!(bob["total"]["workload"], 60);
    // alice is at 110 % in week two only, on both boards.
    assert_eq!(r["overAllocations"], json!([{"accountKey":"alice","bucket":"2026-W11","allocation":110.0,"boards":["A","B"]}]));
    assert_eq!(r["warnings"][0]["code"], "overAllocated");
    // By board.
    let mut by_board = request.clone();
    by_board["definition"]["grouping"] = json!("board");
    let r = v(&engine.multi_project_report(&mut s, &by_board.to_string()).unwrap());
    assert_eq!(r["rows"][1]["key"], "B");
    assert_eq!(r["rows"][1]["total"]["capacity"], 1080);
    // Mixed units are refused, naming the board.
    engine.put_board_settings(&mut s, "P", r#"{"unit":"storyPoints"}"#).unwrap();
    let mut mixed = request.clone();
    mixed["definition"]["boardIds"] = json!(["A", "P"]);
    let e = engine.multi_project_report(&mut s, &mixed.to_string()).unwrap_err();
    assert_eq!(e.field(), Some("boards[1]"));
}
