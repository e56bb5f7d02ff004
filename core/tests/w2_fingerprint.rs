//! W2's fingerprint: the Java benchmark module builds W2 again (`java-bridge/bench`,
//! `W2Workload`) to time pure-Java baselines on it, and its test pins the same two numbers,
//! so both sides are known to store the same documents and send the same items.

#[path = "../benches/support/workloads.rs"]
mod workloads;

use capacity_core::items::bulk::ITEM_DONE;
use capacity_core::Engine;

/// FNV-1a, 64 bits: small, and the same in Java.
fn fnv(hash: &mut u64, text: &str) {
    for b in text.as_bytes() {
        *hash ^= *b as u64;
        *hash = hash.wrapping_mul(0x100000001b3);
    }
}

#[test]
fn w2_is_what_the_java_benchmark_builds() {
    let engine = Engine::new();
    let mut w2 = workloads::w2(&engine);
    // The stored documents as the engine keeps them: every board's settings, then the days off
    // of every tenth person.
    let mut documents = 0xcbf29ce484222325u64;
    for b in 0..w2.request.boards.len() {
        fnv(&mut documents, &engine.get_board_settings(&mut w2.storage, &format!("B{b}")).unwrap());
    }
    for p in (0..w2.people.len()).step_by(10) {
        fnv(&mut documents, &engine.get_days_off(&mut w2.storage, &w2.people[p]).unwrap());
    }
    // Every item in order: board, iteration, assignee, remaining seconds, done.
    let mut items = 0xcbf29ce484222325u64;
    for it in &w2.items {
        fnv(&mut items, &format!("{},{},{},{},{};", it.board, it.iteration, it.assignee, it.remaining_seconds, it.flags & ITEM_DONE != 0));
    }
    assert_eq!((w2.items.len(), format!("{documents:016x}"), format!("{items:016x}")), (1_000_000, "10bfeb02714cc9cd".to_string(), "a476d49d9851b8b6".to_string()));
}
