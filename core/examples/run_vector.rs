//! Prints the report the engine computes for one conformance vector directory, in the
//! engine's own field order: `cargo run -p capacity-core --example run_vector -- tests/vectors/01-basic-hours`.
//! Used when writing a new vector; its expected.json must still be checked by hand.

use std::{env, fs, path::Path};

use capacity_core::{Engine, MemoryStorage};
use serde_json::Value;

fn main() {
    let dir = env::args().nth(1).expect("usage: run_vector <vector dir>");
    let dir = Path::new(&dir);
    let engine = Engine::new();
    let mut storage = MemoryStorage::default();
    let request = fs::read_to_string(dir.join("request.json")).expect("request.json");
    let board_id = serde_json::from_str::<Value>(&request).expect("request is JSON")["boardId"].as_str().expect("boardId").to_string();
    let board = fs::read_to_string(dir.join("board.json")).expect("board.json");
    engine.put_board_settings(&mut storage, &board_id, &board).expect("board.json");
    if let Ok(text) = fs::read_to_string(dir.join("days-off.json")) {
        let all: serde_json::Map<String, Value> = serde_json::from_str(&text).expect("days-off.json");
        for (account, doc) in all {
            engine.put_days_off(&mut storage, &account, &doc.to_string()).expect("days-off");
        }
    }
    match engine.iteration_report(&mut storage, &request) {
        Ok(report) => println!("{report}"),
        Err(e) => {
            eprintln!("error {}: {e}", e.code() as u32);
            std::process::exit(1);
        }
    }
}
