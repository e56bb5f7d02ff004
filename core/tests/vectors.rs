//! Runs every shared conformance vector in `tests/vectors/` through the engine. The C and
//! Java suites run the same files; all three must agree with `expected.json`.

use std::fs;
use std::path::{Path, PathBuf};

use capacity_core::{Engine, MemoryStorage};
use serde_json::Value;

fn vectors_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors")
}

/// Puts the vector's documents into fresh storage and computes its report.
fn run(dir: &Path) -> Value {
    let engine = Engine::new();
    let mut storage = MemoryStorage::default();
    let request: Value = serde_json::from_str(&fs::read_to_string(dir.join("request.json")).unwrap()).unwrap();
    let board_id = request["boardId"].as_str().expect("request.boardId");
    let board = fs::read_to_string(dir.join("board.json")).unwrap();
    engine.put_board_settings(&mut storage, board_id, &board).expect("board.json is valid");
    if let Ok(text) = fs::read_to_string(dir.join("days-off.json")) {
        let all: serde_json::Map<String, Value> = serde_json::from_str(&text).unwrap();
        for (account, doc) in all {
            engine.put_days_off(&mut storage, &account, &doc.to_string()).expect("days-off.json is valid");
        }
    }
    let report = engine.iteration_report(&mut storage, &request.to_string()).expect("report");
    serde_json::from_str(&report).unwrap()
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
            Err(_) => failures.push(format!(
                "{}: no expected.json; the engine produced:\n{}",
                dir.display(),
                serde_json::to_string_pretty(&actual).unwrap()
            )),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
