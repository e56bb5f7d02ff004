//! Work items in the bulk form: arrays of plain structs instead of JSON, for reports over
//! thousands to millions of items. The bindings convert their callers' arrays into these
//! and call `Engine::iteration_report_bulk` / `Engine::multi_project_report_bulk`; every
//! check of them is in [`super::validate`].
//!
//! # The one layout shared with C
//! [`MultiItem`] is `#[repr(C)]` on purpose: it is laid out exactly as the C ABI's
//! `ct_multi_item` (`ffi/src/bulk/`, which asserts every size, alignment and offset at
//! compile time), so that a C host's array of a million items is read in place, without
//! a copy of some fifty megabytes. It is the only C layout in this crate besides
//! `reports::multi::CellSums`, shared with `ct_multi_cell` for the same reason (a
//! report's million cells handed out without a copy). Anything else C sees is laid out in
//! `ffi/` and converted there.

use crate::documents::settings::EstimateSource;
use crate::documents::units::Unit;
use super::{raw_estimate, WorkItem};

/// Where a work item sits in a multi-project request: which board, which of its iterations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placement {
    pub board: u32,
    pub iteration: u32,
}


/// An index field (`MultiItem::assignee`, `MultiItem::parent`) that points nowhere.
pub const NO_INDEX: u32 = u32::MAX;
/// `MultiItem::flags`: the item's status category is done.
pub const ITEM_DONE: u32 = 1;
/// `MultiItem::flags`: the item is a sub-task.
pub const ITEM_SUBTASK: u32 = 1 << 1;
/// `MultiItem::flags`: `remaining_seconds` holds an estimate.
pub const ITEM_HAS_REMAINING: u32 = 1 << 2;
/// `MultiItem::flags`: `original_seconds` holds an estimate.
pub const ITEM_HAS_ORIGINAL: u32 = 1 << 3;
/// `MultiItem::flags`: `story_points` holds an estimate.
pub const ITEM_HAS_STORY_POINTS: u32 = 1 << 4;
/// `MultiItem::flags`: `custom_estimate` holds an estimate.
pub const ITEM_HAS_CUSTOM_ESTIMATE: u32 = 1 << 5;
/// Every flag defined; the others must be zero.
pub const ITEM_FLAGS: u32 = (1 << 6) - 1;

/// A work item of a multi-project report in the form bulk callers keep a million of: its
/// board and iteration by position in the request, its assignee by position in the people
/// given with it, its parent by position among the items. It carries no key: this report
/// lists none. Laid out as C's `ct_multi_item`, so the C ABI reads its caller's array in
/// place; an estimate counts only when its `ITEM_HAS_*` flag is set.
///
/// ```
/// use capacity_core::items::bulk::{MultiItem, ITEM_HAS_REMAINING, NO_INDEX};
/// let item = MultiItem { board: 0, iteration: 2, assignee: 7, parent: NO_INDEX, flags: ITEM_HAS_REMAINING, remaining_seconds: 3600, ..MultiItem::default() };
/// assert_eq!(item.raw_estimate(capacity_core::documents::settings::EstimateSource::Remaining, capacity_core::documents::units::Unit::Hours), Some(3600));
/// ```
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct MultiItem {
    /// Index into the request's `boards`.
    pub board: u32,
    /// Index into that board's `iterations`.
    pub iteration: u32,
    /// Index into the people, or [`NO_INDEX`] when unassigned.
    pub assignee: u32,
    /// Index of the parent item (same board and iteration), or [`NO_INDEX`].
    pub parent: u32,
    /// `ITEM_*` bits.
    pub flags: u32,
    /// Zero (room for later fields).
    pub reserved: u32,
    pub remaining_seconds: i64,
    pub original_seconds: i64,
    pub story_points: f64,
    /// The board's custom estimate field, in the board's unit.
    pub custom_estimate: f64,
}

impl MultiItem {
    pub(crate) fn has(&self, flag: u32) -> bool {
        self.flags & flag != 0
    }

    pub(crate) fn estimates(&self) -> (Option<i64>, Option<i64>, Option<f64>, Option<f64>) {
        (
            self.has(ITEM_HAS_REMAINING).then_some(self.remaining_seconds),
            self.has(ITEM_HAS_ORIGINAL).then_some(self.original_seconds),
            self.has(ITEM_HAS_STORY_POINTS).then_some(self.story_points),
            self.has(ITEM_HAS_CUSTOM_ESTIMATE).then_some(self.custom_estimate),
        )
    }

    /// The estimate the board reads, as [`WorkItem::raw_estimate`].
    #[inline]
    pub fn raw_estimate(&self, source: EstimateSource, unit: Unit) -> Option<i64> {
        let (remaining, original, points, custom) = self.estimates();
        raw_estimate(source, unit, remaining, original, points, custom)
    }

    pub(crate) fn of(item: &WorkItem, at: Placement) -> MultiItem {
        let flag = |on: bool, bit: u32| if on { bit } else { 0 };
        MultiItem {
            board: at.board,
            iteration: at.iteration,
            assignee: item.assignee.unwrap_or(NO_INDEX),
            parent: item.parent.unwrap_or(NO_INDEX),
            flags: flag(item.done, ITEM_DONE)
                | flag(item.subtask, ITEM_SUBTASK)
                | flag(item.remaining_seconds.is_some(), ITEM_HAS_REMAINING)
                | flag(item.original_seconds.is_some(), ITEM_HAS_ORIGINAL)
                | flag(item.story_points.is_some(), ITEM_HAS_STORY_POINTS)
                | flag(item.custom_estimate.is_some(), ITEM_HAS_CUSTOM_ESTIMATE),
            reserved: 0,
            remaining_seconds: item.remaining_seconds.unwrap_or(0),
            original_seconds: item.original_seconds.unwrap_or(0),
            story_points: item.story_points.unwrap_or(0.0),
            custom_estimate: item.custom_estimate.unwrap_or(0.0),
        }
    }
}

/// A work item of an iteration report in the bulk form: its key, its assignee by position
/// in the people given with it, its parent by position among the items, and `ITEM_*`
/// flags saying which estimates it has. The C ABI's `ct_work_item` converts to this.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct BulkItem<'a> {
    pub key: &'a str,
    /// Index into the people, or [`NO_INDEX`] when unassigned.
    pub assignee: u32,
    /// Index of the parent item, or [`NO_INDEX`].
    pub parent: u32,
    /// `ITEM_*` bits; the others must be zero.
    pub flags: u32,
    /// Zero (room for later fields).
    pub reserved: u32,
    pub remaining_seconds: i64,
    pub original_seconds: i64,
    pub story_points: f64,
    /// The board's custom estimate field, in the board's unit.
    pub custom_estimate: f64,
}

impl<'a> BulkItem<'a> {
    /// The item as the engine indexes it (its flags already checked).
    pub(crate) fn to_work_item(self) -> WorkItem<'a> {
        let has = |flag: u32| self.flags & flag != 0;
        let index = |v: u32| (v != NO_INDEX).then_some(v);
        WorkItem {
            key: self.key,
            assignee: index(self.assignee),
            parent: index(self.parent),
            done: has(ITEM_DONE),
            subtask: has(ITEM_SUBTASK),
            remaining_seconds: has(ITEM_HAS_REMAINING).then_some(self.remaining_seconds),
            original_seconds: has(ITEM_HAS_ORIGINAL).then_some(self.original_seconds),
            story_points: has(ITEM_HAS_STORY_POINTS).then_some(self.story_points),
            custom_estimate: has(ITEM_HAS_CUSTOM_ESTIMATE).then_some(self.custom_estimate),
        }
    }
}

/// A bulk item's key and its parent's key, for callers that know items by key (Java's
/// `ReportItemSink`) rather than by position.
pub type ItemKeys<'a> = (&'a str, Option<&'a str>);

/// Sets each item's `parent` from keys, as the JSON entry reads `key` and `parent`: every
/// key of 1 to `MAX_ITEM_KEY_CHARS` characters and once in its board and iteration, no item
/// its own parent, and `parent` the item of that key in the same board and iteration, or
/// [`NO_INDEX`] when there is none (a parent outside the report is not an error). Errors
/// name `items[i].key` or `items[i].parent`, the item by its position in `items`.
pub fn link_parents(items: &mut [MultiItem], keys: &[ItemKeys<'_>]) -> crate::error::Result<()> {
    use super::{FastMap, FastSet};
    use crate::error::Error;
    if keys.len() != items.len() {
        return Err(Error::validation("keys", format!("{} keys for {} items", keys.len(), items.len())));
    }
    // Items usually come iteration by iteration (ReportItemSink writes them so): each such run
    // is linked with one small map, cleared and reused, that stays in cache (one map over a
    // million keys missed the cache on nearly every lookup). A board and iteration met again
    // after another one falls back to the map over all items, which gives the same answer.
    let mut groups: FastSet<(u32, u32)> = FastSet::default();
    let mut position: FastMap<&str, u32> = FastMap::default();
    let mut start = 0;
    while start < items.len() {
        let group = (items[start].board, items[start].iteration);
        let end = items[start..].iter().position(|item| (item.board, item.iteration) != group).map_or(items.len(), |n| start + n);
        if !groups.insert(group) {
            return link_parents_by_map(items, keys);
        }
        position.clear();
        for (i, (key, parent)) in keys.iter().enumerate().take(end).skip(start) {
            check_key(i, key, *parent, position.insert(key, i as u32).is_some())?;
        }
        for (item, (_, parent)) in items[start..end].iter_mut().zip(&keys[start..end]) {
            item.parent = parent.and_then(|p| position.get(p)).copied().unwrap_or(NO_INDEX);
        }
        start = end;
    }
    Ok(())
}

/// One item's key rules, in the order the errors are checked; `repeated` when the key was
/// already seen in the item's board and iteration.
fn check_key(i: usize, key: &str, parent: Option<&str>, repeated: bool) -> crate::error::Result<()> {
    use super::validate::{key_fits, MAX_ITEM_KEY_CHARS};
    use crate::error::Error;
    if !key_fits(key) {
        return Err(Error::validation(format!("items[{i}].key"), format!("must be 1 to {MAX_ITEM_KEY_CHARS} characters")));
    }
    if repeated {
        return Err(Error::validation(format!("items[{i}].key"), format!("{key:?} appears more than once")));
    }
    if parent == Some(key) {
        return Err(Error::validation(format!("items[{i}].parent"), "an item cannot be its own parent"));
    }
    Ok(())
}

/// [`link_parents`] for items in any order: one map over every item's board, iteration and key.
fn link_parents_by_map(items: &mut [MultiItem], keys: &[ItemKeys<'_>]) -> crate::error::Result<()> {
    use super::{FastMap, FastState};
    let mut position: FastMap<(u32, u32, &str), u32> = FastMap::with_capacity_and_hasher(items.len(), FastState::default());
    for (i, (item, (key, parent))) in items.iter().zip(keys).enumerate() {
        check_key(i, key, *parent, position.insert((item.board, item.iteration, key), i as u32).is_some())?;
    }
    for (item, (_, parent)) in items.iter_mut().zip(keys) {
        item.parent = parent.and_then(|p| position.get(&(item.board, item.iteration, p)).copied()).unwrap_or(NO_INDEX);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(board: u32, iteration: u32) -> MultiItem {
        MultiItem { board, iteration, assignee: NO_INDEX, parent: 7, ..MultiItem::default() }
    }

    #[test]
    fn parents_are_found_by_key_within_their_iteration_only() {
        let mut items = [at(0, 0), at(0, 0), at(0, 1), at(1, 0)];
        let keys = [("A-1", None), ("A-2", Some("A-1")), ("A-3", Some("A-1")), ("A-1", Some("A-9"))];
        link_parents(&mut items, &keys).unwrap();
        let parents: Vec<u32> = items.iter().map(|i| i.parent).collect();
        assert_eq!(parents, [NO_INDEX, 0, NO_INDEX, NO_INDEX], "the same key on another board is another item");
    }

    #[test]
    fn an_iteration_met_again_later_links_as_one_iteration() {
        // A-1 of (0, 0) comes back after (0, 1): the runs fall back to the map over all items.
        let mut items = [at(0, 0), at(0, 1), at(0, 0), at(0, 0)];
        let keys = [("A-1", None), ("A-1", None), ("A-2", Some("A-1")), ("A-3", Some("A-2"))];
        link_parents(&mut items, &keys).unwrap();
        let parents: Vec<u32> = items.iter().map(|i| i.parent).collect();
        assert_eq!(parents, [NO_INDEX, NO_INDEX, 0, 2]);
        let field = |items: &mut [MultiItem], keys: &[ItemKeys]| link_parents(items, keys).unwrap_err().field().map(str::to_owned);
        let repeated = [("A-1", None), ("B-1", None), ("A-1", None)];
        assert_eq!(field(&mut [at(0, 0), at(0, 1), at(0, 0)], &repeated).as_deref(), Some("items[2].key"), "a key repeated across runs");
        assert_eq!(field(&mut [at(0, 0), at(0, 1), at(0, 0)], &[("A-1", None), ("B-1", None), ("", None)]).as_deref(), Some("items[2].key"));
    }

    #[test]
    fn the_first_bad_item_is_named_whatever_the_order() {
        let field = |items: &mut [MultiItem], keys: &[ItemKeys]| link_parents(items, keys).unwrap_err().field().map(str::to_owned);
        // Runs: the second run's error is named by its position among all items.
        let keys = [("A-1", None), ("A-2", None), ("B-1", None), ("B-1", None)];
        assert_eq!(field(&mut [at(0, 0), at(0, 0), at(1, 0), at(1, 0)], &keys).as_deref(), Some("items[3].key"));
        let keys = [("A-1", None), ("B-1", Some("B-1")), ("A-1", None)];
        assert_eq!(field(&mut [at(0, 0), at(1, 0), at(0, 0)], &keys).as_deref(), Some("items[1].parent"));
    }

    #[test]
    fn bad_keys_are_named_by_item_position() {
        let field = |items: &mut [MultiItem], keys: &[ItemKeys]| link_parents(items, keys).unwrap_err().field().map(str::to_owned);
        assert_eq!(field(&mut [at(0, 0), at(0, 0)], &[("K", None), ("K", None)]).as_deref(), Some("items[1].key"));
        assert_eq!(field(&mut [at(0, 0)], &[("", None)]).as_deref(), Some("items[0].key"));
        let long = "K".repeat(256);
        assert_eq!(field(&mut [at(0, 0)], &[(long.as_str(), None)]).as_deref(), Some("items[0].key"));
        assert_eq!(field(&mut [at(0, 0)], &[("K", Some("K"))]).as_deref(), Some("items[0].parent"));
        assert_eq!(field(&mut [at(0, 0)], &[]).as_deref(), Some("keys"));
    }
}
