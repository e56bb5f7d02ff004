//! Work items as callers send them (JSON [`Item`]s, the bulk forms of [`bulk`]), indexed
//! as a [`WorkSet`], and which of them count toward whose workload. Every check of them
//! is in [`validate`].

pub mod bulk;
mod hash;
mod text;
pub mod validate;

use serde::Deserialize;

pub(crate) use hash::{FastMap, FastSet, FastState};
pub use text::Text;

use crate::error::Result;
use crate::documents::settings::{EstimateSource, SubtaskPolicy};
use crate::documents::units::Unit;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum StatusCategory {
    New,
    Indeterminate,
    Done,
}

/// One work item (a Jira issue or sub-task).
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Item {
    pub key: Text,
    #[serde(default)]
    pub assignee: Option<Text>,
    #[serde(default)]
    pub status_category: Option<StatusCategory>,
    #[serde(default)]
    pub remaining_seconds: Option<i64>,
    #[serde(default)]
    pub original_seconds: Option<i64>,
    #[serde(default)]
    pub story_points: Option<f64>,
    /// The value of the board's custom estimate field, in the board's unit.
    #[serde(default)]
    pub custom_estimate: Option<f64>,
    #[serde(default)]
    pub parent: Option<Text>,
    #[serde(default)]
    pub subtask: bool,
}

/// A work item by index: people and parents are positions in the work set, so grouping
/// a million items needs no hashing. JSON items and the C ABI's bulk arrays both become this.
#[derive(Debug, Clone, Copy, Default)]
pub struct WorkItem<'a> {
    pub key: &'a str,
    /// Index into [`WorkSet::people`]; `None` when unassigned.
    pub assignee: Option<u32>,
    /// Index into [`WorkSet::items`] of the parent, when it is in the set.
    pub parent: Option<u32>,
    pub done: bool,
    pub subtask: bool,
    pub remaining_seconds: Option<i64>,
    pub original_seconds: Option<i64>,
    pub story_points: Option<f64>,
    pub custom_estimate: Option<f64>,
}

impl WorkItem<'_> {
    /// The estimate the board reads, in seconds (hours boards) or hundredths (points).
    pub fn raw_estimate(&self, source: EstimateSource, unit: Unit) -> Option<i64> {
        raw_estimate(source, unit, self.remaining_seconds, self.original_seconds, self.story_points, self.custom_estimate)
    }
}

/// The estimate a board reads from an item's four, in seconds (hours boards) or hundredths
/// (points): the one rule for every form an item comes in.
#[inline]
pub fn raw_estimate(source: EstimateSource, unit: Unit, remaining: Option<i64>, original: Option<i64>, points: Option<f64>, custom: Option<f64>) -> Option<i64> {
    match source {
        EstimateSource::Remaining => remaining,
        EstimateSource::Original => original,
        EstimateSource::StoryPoints => points.map(|p| (p * 100.0).round() as i64),
        EstimateSource::Custom => custom.map(|v| match unit {
            Unit::Hours => (v * 3600.0).round() as i64,
            Unit::StoryPoints => (v * 100.0).round() as i64,
        }),
    }
}

/// Items and the people they are assigned to.
#[derive(Debug, Default)]
pub struct WorkSet<'a> {
    pub people: Vec<&'a str>,
    pub items: Vec<WorkItem<'a>>,
}

impl<'a> WorkSet<'a> {
    /// Indexes JSON items (already validated): people by first appearance, parents by key.
    pub fn from_items(items: &'a [Item]) -> WorkSet<'a> {
        let mut people: Vec<&str> = Vec::new();
        let mut person_of: FastMap<&str, u32> = FastMap::default();
        let mut position: FastMap<&str, u32> = FastMap::with_capacity_and_hasher(items.len(), FastState::default());
        let keys: Vec<&str> = items.iter().map(|it| it.key.as_str()).collect();
        position.extend(keys.iter().enumerate().map(|(i, k)| (*k, i as u32)));
        let mut work_items = Vec::with_capacity(items.len());
        work_items.extend(items.iter().zip(keys).map(|(it, key)| WorkItem {
                key,
                assignee: it.assignee.as_deref().map(|a| {
                    *person_of.entry(a).or_insert_with(|| {
                        people.push(a);
                        (people.len() - 1) as u32
                    })
                }),
                parent: it.parent.as_deref().and_then(|p| position.get(p).copied()),
                done: it.status_category == Some(StatusCategory::Done),
                subtask: it.subtask,
                remaining_seconds: it.remaining_seconds,
                original_seconds: it.original_seconds,
                story_points: it.story_points,
                custom_estimate: it.custom_estimate,
            }));
        WorkSet { people, items: work_items }
    }

    /// Checks a work set that did not come from JSON (the bulk entry points) as JSON items
    /// are checked: see [`validate::check_work_set`].
    pub fn validate(&self) -> Result<()> {
        validate::check_work_set(self)
    }

    /// For each item, its estimate in raw base units when it counts toward workload
    /// (`Some(None)`: counts, but has no estimate), or `None` when it does not count
    /// (done, or excluded by the sub-task policy).
    pub fn counted(&self, source: EstimateSource, unit: Unit, policy: SubtaskPolicy) -> Vec<Option<Option<i64>>> {
        // Parents whose work is tracked on their sub-tasks.
        let mut tracked_below = Vec::new();
        if policy == SubtaskPolicy::Subtasks {
            tracked_below.resize(self.items.len(), false);
            for it in &self.items {
                if it.subtask && it.raw_estimate(source, unit).is_some() {
                    if let Some(p) = it.parent {
                        tracked_below[p as usize] = true;
                    }
                }
            }
        }
        self.items
            .iter()
            .enumerate()
            .map(|(i, it)| {
                let counts = !it.done
                    && match policy {
                        SubtaskPolicy::All => true,
                        SubtaskPolicy::Parents => !it.subtask,
                        SubtaskPolicy::Subtasks => it.subtask || !tracked_below[i],
                    };
                counts.then(|| it.raw_estimate(source, unit))
            })
            .collect()
    }
}

/// Converts a sum of raw estimates to base units, once per person so rounding happens once:
/// seconds → minutes (half up) for hours; points are already hundredths.
pub fn to_base_units(raw: i64, unit: Unit) -> i64 {
    match unit {
        Unit::Hours => (raw + 30) / 60,
        Unit::StoryPoints => raw,
    }
}

/// Workload per person of a work set: raw sum and the counted items' indices, grouped
/// by person in one array (a report lists thousands of items; one allocation, not one per person).
pub struct Tallies {
    pub raw: Vec<i64>,
    pub unassigned_raw: i64,
    /// Counted item indices, person by person (in item order), then the unassigned ones.
    pub order: Vec<u32>,
    /// Where each person's items start in `order`; the unassigned start at `start[people]`,
    /// and `start[people + 1]` is the end.
    pub start: Vec<u32>,
    pub unestimated: Vec<u32>,
}

impl Tallies {
    pub fn of(set: &WorkSet, counted: &[Option<Option<i64>>]) -> Tallies {
        let people = set.people.len();
        let mut raw = vec![0; people];
        let mut unassigned_raw = 0;
        // Owners are the people, then `people` for the unassigned: count per owner, then
        // place (a counting sort, keeping item order within each owner).
        let mut start = vec![0u32; people + 2];
        let mut unestimated = Vec::new();
        for (i, (it, c)) in set.items.iter().zip(counted).enumerate() {
            let Some(estimate) = c else { continue };
            if estimate.is_none() {
                unestimated.push(i as u32);
            }
            let owner = match it.assignee {
                Some(p) => {
                    raw[p as usize] += estimate.unwrap_or(0);
                    p as usize
                }
                None => {
                    unassigned_raw += estimate.unwrap_or(0);
                    people
                }
            };
            start[owner + 1] += 1;
        }
        for o in 1..start.len() {
            start[o] += start[o - 1];
        }
        let mut next = start.clone();
        let mut order = vec![0u32; start[people + 1] as usize];
        for (i, (it, c)) in set.items.iter().zip(counted).enumerate() {
            if c.is_some() {
                let owner = it.assignee.map_or(people, |p| p as usize);
                order[next[owner] as usize] = i as u32;
                next[owner] += 1;
            }
        }
        Tallies { raw, unassigned_raw, order, start, unestimated }
    }

    /// The counted items of person `p`.
    pub fn items(&self, p: usize) -> &[u32] {
        &self.order[self.start[p] as usize..self.start[p + 1] as usize]
    }

    /// The counted items nobody is assigned.
    pub fn unassigned(&self) -> &[u32] {
        self.items(self.start.len() - 2)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(key: &str, parent: Option<&str>, subtask: bool, remaining: Option<i64>) -> Item {
        Item {
            key: key.into(),
            assignee: Some("a".into()),
            status_category: Some(StatusCategory::New),
            remaining_seconds: remaining,
            original_seconds: None,
            story_points: None,
            custom_estimate: None,
            parent: parent.map(Into::into),
            subtask,
        }
    }

    fn keys(items: &[Item], policy: SubtaskPolicy) -> Vec<String> {
        let set = WorkSet::from_items(items);
        let counted = set.counted(EstimateSource::Remaining, Unit::Hours, policy);
        set.items.iter().zip(counted).filter(|(_, c)| c.is_some()).map(|(i, _)| i.key.to_string()).collect()
    }

    #[test]
    fn subtask_policy_never_counts_both() {
        let items = vec![
            item("P1", None, false, Some(3600)),
            item("S1", Some("P1"), true, Some(1800)),
            item("P2", None, false, Some(7200)),
            item("S2", Some("P2"), true, None),
        ];
        assert_eq!(keys(&items, SubtaskPolicy::Subtasks), ["S1", "P2", "S2"]);
        assert_eq!(keys(&items, SubtaskPolicy::Parents), ["P1", "P2"]);
        assert_eq!(keys(&items, SubtaskPolicy::All), ["P1", "S1", "P2", "S2"]);
    }

    #[test]
    fn done_items_do_not_count() {
        let mut done = item("D", None, false, Some(60));
        done.status_category = Some(StatusCategory::Done);
        assert!(keys(&[done], SubtaskPolicy::All).is_empty());
    }

    #[test]
    fn validation_names_the_item_field() {
        let mut bad = item("X", None, false, Some(-5));
        assert_eq!(validate::check_items(std::slice::from_ref(&bad)).unwrap_err().field(), Some("items[0].remainingSeconds"));
        bad.remaining_seconds = None;
        bad.story_points = Some(-1.0);
        assert_eq!(validate::check_items(&[bad]).unwrap_err().field(), Some("items[0].storyPoints"));
        let dup = vec![item("A", None, false, None), item("A", None, false, None)];
        assert_eq!(validate::check_items(&dup).unwrap_err().field(), Some("items[1].key"));
    }

    #[test]
    fn bulk_sets_check_their_indices() {
        let w = |assignee, parent| WorkItem { key: "K", assignee, parent, ..WorkItem::default() };
        let set = WorkSet { people: vec!["a"], items: vec![w(Some(1), None)] };
        assert_eq!(set.validate().unwrap_err().field(), Some("items[0].assignee"));
        let set = WorkSet { people: vec!["a"], items: vec![w(Some(0), Some(0))] };
        assert_eq!(set.validate().unwrap_err().field(), Some("items[0].parent"));
        let set = WorkSet { people: vec!["a"], items: vec![w(Some(0), None)] };
        assert!(set.validate().is_ok());
        let set = WorkSet { people: vec!["a"], items: vec![w(Some(0), None), w(None, None)] };
        assert_eq!(set.validate().unwrap_err().field(), Some("items[1].key"));
        let mut negative = w(None, None);
        negative.remaining_seconds = Some(-1);
        let set = WorkSet { people: vec![], items: vec![negative] };
        assert_eq!(set.validate().unwrap_err().field(), Some("items[0].remaining_seconds"));
        let set = WorkSet { people: vec!["a", "b", "a"], items: vec![] };
        assert_eq!(set.validate().unwrap_err().field(), Some("people[2]"));
    }
}
