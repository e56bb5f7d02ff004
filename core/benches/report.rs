//! Core-only timings of the two benchmark workloads (the full table, with the C ABI
//! columns, is `make bench`). Run: `cargo bench -p capacity-core --bench report`.

#[path = "support/workloads.rs"]
mod workloads;

use std::hint::black_box;
use std::time::{Duration, Instant};

use capacity_core::items::WorkSet;
use capacity_core::Engine;

/// Runs `f` repeatedly for about `budget`; the median and the fastest run.
struct Timing {
    median: Duration,
    fastest: Duration,
}

impl std::fmt::Display for Timing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "median {:?} (fastest {:?})", self.median, self.fastest)
    }
}

fn time<R>(budget: Duration, mut f: impl FnMut() -> R) -> Timing {
    let mut samples = Vec::new();
    let start = Instant::now();
    while start.elapsed() < budget || samples.len() < 5 {
        let t = Instant::now();
        black_box(f());
        samples.push(t.elapsed());
    }
    samples.sort();
    Timing { median: samples[samples.len() / 2], fastest: samples[0] }
}

fn main() {
    // BENCH_ONLY=w1 or w2 runs one workload (for profiling).
    let only = std::env::var("BENCH_ONLY").unwrap_or_default();
    let engine = Engine::new();
    if only != "w2" {
        w1(&engine);
    }
    if only != "w1" {
        w2(&engine);
    }
}

fn w1(engine: &Engine) {
    let mut w1 = workloads::w1(engine);
    let request = workloads::w1_request(&w1);
    let work = WorkSet::from_items(&request.items);
    let typed = time(Duration::from_secs(2), || engine.iteration_report_work(&mut w1.storage, &request, &work).unwrap());
    let json = time(Duration::from_secs(2), || engine.iteration_report(&mut w1.storage, &w1.request_json).unwrap());
    println!("W1 core typed: {typed}; core JSON in/out: {json}");
}

fn w2(engine: &Engine) {
    let t = Instant::now();
    let mut w2 = workloads::w2(engine);
    println!("W2 generated in {:?}", t.elapsed());
    let mut storage = std::mem::take(&mut w2.storage);
    let people = w2.people();
    let typed = time(Duration::from_secs(5), || engine.multi_project_table(&mut storage, &w2.request, &people, &w2.items).unwrap());
    println!("W2 core typed (compact table): {typed}");
}
