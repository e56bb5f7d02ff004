//! Writes the benchmark workloads W1 and W2 (`benches/support/workloads.rs`, the generator
//! `make bench` measures in Rust) into a folder, for the Java benchmark (`java-bridge/bench`)
//! to measure the same data through JNI:
//!
//! - `w1-storage.tsv`, `w2-storage.tsv`: every stored document, a line each: key, tab, value
//!   (keys have no tab, and the engine's compact JSON no raw line break);
//! - `w1-request.json`: the iteration report request;
//! - `w2-request.json`: the multi-project request with every item (about 90 MB);
//! - `w2-head.json`: the same without items, for the bulk entry;
//! - `w2-people.bin`: per person an `int` byte length and the UTF-8 account key;
//! - `w2-items.bin`: the items as 56-byte `MultiItem`s;
//!
//! both binary files in this machine's byte order (the reader is on the same machine).
//!
//! `cargo run --release -p capacity-core --example bench_workloads -- target/bench-workloads`

#[path = "../benches/support/workloads.rs"]
mod workloads;

use std::io::Write;
use std::path::Path;

use capacity_core::{Engine, MemoryStorage};

fn storage_lines(storage: &MemoryStorage) -> String {
    storage
        .entries()
        .map(|(k, v)| {
            assert!(!k.contains(['\t', '\n']) && !v.contains('\n'), "a stored entry the line format cannot hold: {k}");
            format!("{k}\t{v}\n")
        })
        .collect()
}

fn main() -> std::io::Result<()> {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "target/bench-workloads".to_owned());
    let dir = Path::new(&dir);
    std::fs::create_dir_all(dir)?;
    let engine = Engine::new();
    let w1 = workloads::w1(&engine);
    std::fs::write(dir.join("w1-storage.tsv"), storage_lines(&w1.storage))?;
    std::fs::write(dir.join("w1-request.json"), &w1.request_json)?;
    let w2 = workloads::w2(&engine);
    std::fs::write(dir.join("w2-storage.tsv"), storage_lines(&w2.storage))?;
    std::fs::write(dir.join("w2-request.json"), w2.request_json())?;
    std::fs::write(dir.join("w2-head.json"), w2.head_json())?;
    let mut people = Vec::new();
    for p in &w2.people {
        people.write_all(&(p.len() as i32).to_ne_bytes())?;
        people.write_all(p.as_bytes())?;
    }
    std::fs::write(dir.join("w2-people.bin"), people)?;
    let mut items = Vec::with_capacity(w2.items.len() * 56);
    for it in &w2.items {
        for v in [it.board, it.iteration, it.assignee, it.parent, it.flags, it.reserved] {
            items.write_all(&v.to_ne_bytes())?;
        }
        items.write_all(&it.remaining_seconds.to_ne_bytes())?;
        items.write_all(&it.original_seconds.to_ne_bytes())?;
        items.write_all(&it.story_points.to_ne_bytes())?;
        items.write_all(&it.custom_estimate.to_ne_bytes())?;
    }
    std::fs::write(dir.join("w2-items.bin"), items)?;
    println!("bench workloads written to {}", dir.display());
    Ok(())
}
