//! Work on two threads: a large report checks, counts and sums on a helper thread too.

use super::item_sums::{Additions, ItemSums, REGION_BITS};
use crate::items::bulk::MultiItem;

/// Reports over this many items count them on two threads when the engine may use two.
pub const PARALLEL_FROM: usize = 50_000;

/// Runs `helper_job` on a second thread when `parallel` (else first, on this one) and
/// `own_job` on this thread; a panic on the helper goes on here. When no thread can be
/// started (a host's thread limit), both run here.
pub(crate) fn side_by_side<A: Send, B>(parallel: bool, helper_job: impl FnOnce() -> A + Send, own_job: impl FnOnce() -> B) -> (B, A) {
    let job = std::sync::Mutex::new(Some(helper_job));
    let take = || job.lock().unwrap_or_else(|p| p.into_inner()).take().expect("the helper's job runs once");
    let mut own = Some(own_job);
    if parallel {
        let ran = std::thread::scope(|scope| {
            let helper = std::thread::Builder::new().name("capacity-helper".into()).spawn_scoped(scope, || take()()).ok()?;
            let b = own.take().expect("this thread's job runs once")();
            Some((b, helper.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))))
        });
        if let Some(both) = ran {
            return both;
        }
    }
    let a = take()();
    (own.take().expect("this thread's job runs once")(), a)
}

/// Raw workload per board, iteration and member (see [`ItemSums`]), the items counted in
/// two halves side by side when `parallel`.
pub(crate) fn sum_items(sums: &ItemSums, items: &[MultiItem], parallel: bool) -> Vec<i64> {
    let mut raw = vec![0i64; sums.cells];
    if !parallel {
        let part = sums.count(items, 0..items.len());
        sums.finish(items, vec![part], &mut raw);
        return raw;
    }
    let half = items.len() / 2;
    let (first, second) = side_by_side(true, || sums.count(items, half..items.len()), || sums.count(items, 0..half));
    // Each thread applies both halves' additions to its own regions of the table.
    let regions = raw.len().div_ceil(1 << REGION_BITS);
    let middle = regions / 2;
    let split = (middle << REGION_BITS).min(raw.len());
    let (low, high) = raw.split_at_mut(split);
    let sets = [first.additions(), second.additions()];
    side_by_side(true, || Additions::apply(&sets, high, middle..regions), || Additions::apply(&sets, low, 0..middle));
    sums.settle(items, vec![first, second], &mut raw);
    raw
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn side_by_side_runs_both_jobs_and_passes_on_a_helpers_panic() {
        for parallel in [true, false] {
            let helper_thread = std::sync::Mutex::new(None);
            let (own, helper) = side_by_side(parallel, || {
                *helper_thread.lock().unwrap() = Some(std::thread::current().id());
                2
            }, || 1);
            assert_eq!((own, helper), (1, 2));
            assert_eq!(*helper_thread.lock().unwrap() != Some(std::thread::current().id()), parallel);
        }
        let panicked = std::panic::catch_unwind(|| side_by_side(true, || -> u8 { panic!("helper") }, || 1));
        assert!(panicked.is_err());
    }
}
