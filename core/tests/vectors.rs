//! Runs every shared conformance vector in `tests/vectors/` through the engine. The C and
//! Java suites run the same files; all three must agree with `expected.json`.

use std::fs;
use std::path::{Path, PathBuf};

use capacity_core::{Engine, MemoryStorage};
use serde_json::Value;

fn vectors_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors")
}

/// Runs one step of a vector's `setup.json`.
fn setup_step(engine: &Engine, storage: &mut MemoryStorage, step: &Value) -> Result<String, capacity_core::Error> {
    let s = |name: &str| step[name].as_str().unwrap_or_else(|| panic!("setup step needs {name}: {step}")).to_string();
    let doc = || step["document"].to_string();
    let req = || step["request"].to_string();
    match step["op"].as_str().expect("setup step has an op") {
        "putBoardSettings" => engine.put_board_settings(storage, &s("boardId"), &doc()),
        "putDaysOff" => engine.put_days_off(storage, &s("accountKey"), &doc()),
        "putIterationTeam" => engine.put_iteration_team(storage, &s("boardId"), &s("iterationId"), &doc()),
        "copyIterationTeam" => engine.copy_iteration_team(storage, &req()),
        "putTemplate" => engine.put_template(storage, &s("id"), &doc()),
        "applyTemplate" => engine.apply_template(storage, &req()),
        "putCalendar" => engine.put_calendar(storage, &s("id"), &doc()),
        "putReportDefinition" => engine.put_report_definition(storage, &s("id"), &doc()),
        other => panic!("unknown setup op {other}"),
    }
}

/// Puts the vector's documents into fresh storage and computes its report.
fn run(dir: &Path) -> Value {
    let engine = Engine::new();
    let mut storage = MemoryStorage::default();
    let read = |name: &str| fs::read_to_string(dir.join(name)).ok();
    let (request, multi) = match (read("request.json"), read("multi-request.json")) {
        (Some(r), None) => (r, false),
        (None, Some(r)) => (r, true),
        _ => panic!("{}: needs request.json or multi-request.json", dir.display()),
    };
    if let Some(board) = read("board.json") {
        let request: Value = serde_json::from_str(&request).unwrap();
        let board_id = request["boardId"].as_str().expect("request.boardId");
        engine.put_board_settings(&mut storage, board_id, &board).expect("board.json is valid");
    }
    if let Some(text) = read("days-off.json") {
        let all: serde_json::Map<String, Value> = serde_json::from_str(&text).unwrap();
        for (account, doc) in all {
            engine.put_days_off(&mut storage, &account, &doc.to_string()).expect("days-off.json is valid");
        }
    }
    if let Some(text) = read("setup.json") {
        let steps: Vec<Value> = serde_json::from_str(&text).unwrap();
        for (i, step) in steps.iter().enumerate() {
            setup_step(&engine, &mut storage, step).unwrap_or_else(|e| panic!("{}: setup step {i} failed: {e}", dir.display()));
        }
    }
    // `member.json` turns the request into the small member query for the member it names.
    if let Some(member) = read("member.json") {
        let member: Value = serde_json::from_str(&member).unwrap();
        let key = member["accountKey"].as_str().expect("member.json has accountKey");
        return match engine.member_capacity(&mut storage, &request, key) {
            Ok(f) => serde_json::json!({"member": {
                "unit": serde_json::to_value(f.unit).unwrap(),
                "capacity": f.capacity,
                "remainingCapacity": f.remaining_capacity,
                "workload": f.workload,
                "dailyCapacity": f.daily_capacity,
                "allocation": f.allocation,
                "workingDays": f.working_days,
                "daysOff": f.days_off,
                "firstDate": f.first_date.to_string(),
                "lastDate": f.last_date.to_string(),
                "asOf": f.as_of.map(|d| d.to_string()),
            }}),
            Err(e) => serde_json::json!({"error": {"code": e.code() as u32, "field": e.field()}}),
        };
    }
    let result = if multi { engine.multi_project_report(&mut storage, &request) } else { engine.iteration_report(&mut storage, &request) };
    match result {
        Ok(report) => serde_json::from_str(&report).unwrap(),
        // A vector may pin down an error: expected.json is then {"error": {"code", "field"}}.
        Err(e) => serde_json::json!({"error": {"code": e.code() as u32, "field": e.field()}}),
    }
}

#[test]
fn every_vector_matches_its_expected_report() {
    let mut dirs: Vec<PathBuf> = fs::read_dir(vectors_dir()).unwrap().map(|e| e.unwrap().path()).filter(|p| p.is_dir()).collect();
    dirs.sort();
    assert!(dirs.len() >= 5, "expected at least five vectors, found {}", dirs.len());
    let mut failures = Vec::new();
    for dir in &dirs {
        let actual = run(dir);
        match fs::read_to_string(dir.join("expected.json")) {
            Ok(text) => {
                let expected: Value = serde_json::from_str(&text).unwrap();
                if expected != actual {
                    failures.push(format!(
                        "{}: report differs\nexpected: {}\nactual:   {}",
                        dir.display(),
                        expected,
                        actual
                    ));
                }
            }
            // A new vector: show what the engine computes, in its own field order, to be
            // checked by hand before it is saved as expected.json.
            Err(_) => failures.push(format!(
                "{}: no expected.json; the engine produced:\n{}",
                dir.display(),
                serde_json::to_string_pretty(&actual).unwrap()
            )),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
