//! The multi-project report's workload: a million items summed into (board, member,
//! iteration) cells, in parts that can be counted on separate threads.

use std::ops::Range;

use super::plan::BoardPlan;
use crate::items::bulk::{MultiItem, ITEM_DONE, ITEM_SUBTASK, NO_INDEX};
use crate::documents::settings::{EstimateSource, SubtaskPolicy};
use crate::documents::units::Unit;
use crate::items::FastMap;

/// How one board of the request counts its items, in a small table an item pass reads
/// without following pointers into the board's settings.
#[derive(Clone, Copy)]
struct Counting {
    /// The first of the boards counting these items, or `NO_INDEX`.
    board: u32,
    /// More than one board counts them (a board named twice in a definition).
    several: bool,
    source: EstimateSource,
    unit: Unit,
    policy: SubtaskPolicy,
    /// Where the board's cells start, and its number of iterations.
    at: usize,
    iterations: usize,
}

/// Everything an item pass looks up, read-only so that passes over parts of the items can
/// run side by side. Raw workload (seconds or hundredths, summed before rounding) goes per
/// board, iteration and member to `plans[b].raw_at + member × iterations + iteration`; the
/// items a board counts follow its estimate source and sub-task policy, exactly as an
/// iteration report counts them.
pub(super) struct ItemSums<'a> {
    plans: &'a [BoardPlan],
    counting: Vec<Counting>,
    /// Each person's memberships as (board, member), so an item finds its member slot
    /// without hashing: person `p`'s are `slots[slot_at[p]..slot_at[p + 1]]`.
    slot_at: Vec<u32>,
    slots: Vec<(u32, u32)>,
    /// The number of cells.
    pub cells: usize,
}

/// What a pass over some of the items found.
pub(super) struct Part {
    additions: Additions,
    /// Items to add (+1) or take out (−1) once every part is known: those counted by
    /// several boards, and (as parents) those with an estimated sub-task.
    again: Vec<(u32, i64)>,
    /// Parents of estimated sub-tasks under the sub-tasks policy.
    parents: Vec<u32>,
}

impl<'a> ItemSums<'a> {
    pub(super) fn new(plans: &'a [BoardPlan], request_boards: usize, people: &[&str]) -> ItemSums<'a> {
        let none = Counting { board: NO_INDEX, several: false, source: EstimateSource::Remaining, unit: Unit::Hours, policy: SubtaskPolicy::All, at: 0, iterations: 0 };
        let mut counting = vec![none; request_boards];
        for (bi, plan) in plans.iter().enumerate() {
            if let Some(rb) = plan.request_board {
                let c = &mut counting[rb];
                if c.board == NO_INDEX {
                    let s = &plan.settings;
                    *c = Counting { board: bi as u32, several: false, source: s.estimate_source, unit: s.unit, policy: s.subtask_policy, at: plan.raw_at, iterations: plan.iterations.len() };
                } else {
                    c.several = true;
                }
            }
        }
        let person_index: FastMap<&str, u32> = people.iter().enumerate().map(|(i, p)| (*p, i as u32)).collect();
        let mut memberships: Vec<(u32, u32, u32)> = Vec::new();
        for (bi, plan) in plans.iter().enumerate() {
            if plan.request_board.is_none() {
                continue;
            }
            for (m, member) in plan.settings.members.iter().enumerate() {
                if let Some(p) = person_index.get(member.account_key.as_str()) {
                    memberships.push((*p, bi as u32, m as u32));
                }
            }
        }
        // Grouped by person, in board order within each (a counting sort).
        let mut slot_at = vec![0u32; people.len() + 1];
        for s in &memberships {
            slot_at[s.0 as usize + 1] += 1;
        }
        for p in 1..slot_at.len() {
            slot_at[p] += slot_at[p - 1];
        }
        let mut slots = vec![(0u32, 0u32); memberships.len()];
        let mut next = slot_at.clone();
        for (p, board, member) in memberships {
            slots[next[p as usize] as usize] = (board, member);
            next[p as usize] += 1;
        }
        let cells = plans.iter().filter(|p| p.request_board.is_some()).map(|p| p.iterations.len() * p.settings.members.len()).sum();
        ItemSums { plans, counting, slot_at, slots, cells }
    }

    /// Which member of board `board` (a plan index) person `person` is, if any.
    #[inline]
    fn member(&self, person: u32, board: u32) -> Option<usize> {
        let mine = &self.slots[self.slot_at[person as usize] as usize..self.slot_at[person as usize + 1] as usize];
        Some(mine.iter().find(|s| s.0 == board)?.1 as usize)
    }

    /// Counts `items[range]` (indices, parents included, are into the whole of `items`).
    pub(super) fn count(&self, items: &[MultiItem], range: Range<usize>) -> Part {
        let mut additions = Additions::new(self.cells, range.len());
        // Under the sub-tasks policy a parent with an estimated sub-task does not count;
        // which parents have one is known only after their sub-tasks, so they are counted
        // in the pass and taken out again after it, with the rare items counted by several
        // boards.
        let mut tracked_below: Vec<u64> = Vec::new();
        let mut again: Vec<(u32, i64)> = Vec::new();
        let mut parents: Vec<u32> = Vec::new();
        for (i, it) in items[range.clone()].iter().enumerate() {
            let i = range.start + i;
            let c = self.counting[it.board as usize];
            if c.board == NO_INDEX {
                continue;
            }
            let estimate = it.raw_estimate(c.source, c.unit);
            let subtask = it.has(ITEM_SUBTASK);
            if subtask && it.parent != NO_INDEX && estimate.is_some() && c.policy == SubtaskPolicy::Subtasks {
                let p = it.parent as usize;
                if items[p].board == it.board {
                    if tracked_below.is_empty() {
                        tracked_below = vec![0; items.len().div_ceil(64)];
                    }
                    if tracked_below[p / 64] & (1 << (p % 64)) == 0 {
                        tracked_below[p / 64] |= 1 << (p % 64);
                        parents.push(p as u32);
                    }
                }
            }
            if it.has(ITEM_DONE) || (subtask && c.policy == SubtaskPolicy::Parents) || it.assignee == NO_INDEX {
                continue;
            }
            let Some(estimate) = estimate else { continue };
            if c.several {
                again.push((i as u32, 1));
            } else if let Some(m) = self.member(it.assignee, c.board) {
                additions.add(c.at + m * c.iterations + it.iteration as usize, estimate);
            }
        }
        Part { additions, again, parents }
    }

    /// The workload of the items the parts were counted from.
    pub(super) fn finish(&self, items: &[MultiItem], parts: Vec<Part>, raw: &mut [i64]) {
        let regions = raw.len().div_ceil(1 << REGION_BITS);
        let all: Vec<&Additions> = parts.iter().map(|p| &p.additions).collect();
        Additions::apply(&all, raw, 0..regions);
        self.settle(items, parts, raw);
    }

    /// The parents and items counted by several boards, once every part is applied.
    pub(super) fn settle(&self, items: &[MultiItem], parts: Vec<Part>, raw: &mut [i64]) {
        let mut again: Vec<(u32, i64)> = Vec::new();
        let mut parents: Vec<u32> = Vec::new();
        for p in parts {
            again.extend(p.again);
            parents.extend(p.parents);
        }
        // A parent's sub-tasks may lie in different parts.
        parents.sort_unstable();
        parents.dedup();
        for p in parents {
            let it = &items[p as usize];
            if !(it.has(ITEM_SUBTASK) || it.has(ITEM_DONE) || it.assignee == NO_INDEX) {
                again.push((p, -1));
            }
        }
        for (i, sign) in again {
            let it = &items[i as usize];
            let c = self.counting[it.board as usize];
            let Some(estimate) = it.raw_estimate(c.source, c.unit) else { continue };
            for (bi, plan) in self.plans.iter().enumerate() {
                if plan.request_board == Some(it.board as usize) {
                    if let Some(m) = self.member(it.assignee, bi as u32) {
                        raw[plan.raw_at + m * plan.iterations.len() + it.iteration as usize] += sign * estimate;
                    }
                }
            }
        }
    }
}

/// Cells per region (`1 << REGION_BITS`): 128 KiB of `i64`, well within a core's cache.
pub(super) const REGION_BITS: u32 = 14;

/// Additions to a table of cells too large for the processor's caches, gathered by region
/// and applied region after region: made in place, a million additions at random cells of
/// megabytes each wait for memory; gathered, they are written one after the other, and each
/// region's cells stay in the cache while its additions are applied.
pub(super) struct Additions {
    /// Each region's additions: the cell's offset in the region (high half) and the amount.
    regions: Vec<Vec<u64>>,
}

impl Additions {
    fn new(cells: usize, expected: usize) -> Additions {
        let count = cells.div_ceil(1 << REGION_BITS);
        let each = expected.checked_div(count).map_or(0, |n| n + n / 4);
        Additions { regions: (0..count).map(|_| Vec::with_capacity(each)).collect() }
    }

    /// Adds `amount` (an estimate: 0 to 315,360,000 seconds or 10,000,000 hundredths of a
    /// point, as checked at the edge) to `cell`.
    #[inline]
    fn add(&mut self, cell: usize, amount: i64) {
        debug_assert!((0..=u32::MAX as i64).contains(&amount));
        let offset = (cell & ((1 << REGION_BITS) - 1)) as u64;
        self.regions[cell >> REGION_BITS].push(offset << 32 | amount as u32 as u64);
    }

    /// Applies every set's additions to `regions` of the table; `table` starts at the
    /// first of them.
    pub(super) fn apply(sets: &[&Additions], table: &mut [i64], regions: Range<usize>) {
        for (r, cells) in regions.zip(table.chunks_mut(1 << REGION_BITS)) {
            for set in sets {
                for a in &set.regions[r] {
                    cells[(a >> 32) as usize] += (a & u32::MAX as u64) as i64;
                }
            }
        }
    }
}

impl Part {
    pub(super) fn additions(&self) -> &Additions {
        &self.additions
    }
}
