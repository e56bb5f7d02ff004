//! Work items as the caller sends them, and which of them count toward whose workload.

use std::collections::{HashMap, HashSet};

use serde::Deserialize;

use crate::error::{Error, Result};
use crate::settings::{EstimateSource, SubtaskPolicy};
use crate::units::{check_finite, Unit};

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
    pub key: String,
    #[serde(default)]
    pub assignee: Option<String>,
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
    pub parent: Option<String>,
    #[serde(default)]
    pub subtask: bool,
}

/// Checks every item once, where JSON becomes items.
pub fn validate(items: &[Item]) -> Result<()> {
    let mut keys = HashSet::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let f = |name: &str| format!("items[{i}].{name}");
        if item.key.is_empty() || item.key.chars().count() > 255 {
            return Err(Error::validation(f("key"), "must be 1 to 255 characters"));
        }
        if !keys.insert(item.key.as_str()) {
            return Err(Error::validation(f("key"), format!("{:?} appears more than once", item.key)));
        }
        check_estimates(item.remaining_seconds, item.original_seconds, item.story_points, item.custom_estimate, &f)?;
        if let Some(a) = &item.assignee {
            if a.is_empty() || a.chars().count() > 255 {
                return Err(Error::validation(f("assignee"), "must be 1 to 255 characters, or null when unassigned"));
            }
        }
    }
    Ok(())
}

/// The estimate ranges every entry point enforces.
pub fn check_estimates(
    remaining: Option<i64>,
    original: Option<i64>,
    points: Option<f64>,
    custom: Option<f64>,
    f: &dyn Fn(&str) -> String,
) -> Result<()> {
    for (name, v) in [("remainingSeconds", remaining), ("originalSeconds", original)] {
        if let Some(v) = v {
            // Ten years of seconds: anything larger is a unit mistake, not an estimate.
            if !(0..=315_360_000).contains(&v) {
                return Err(Error::validation(f(name), format!("must be between 0 and 315360000 seconds, got {v}")));
            }
        }
    }
    for (name, v) in [("storyPoints", points), ("customEstimate", custom)] {
        if let Some(p) = v {
            check_finite(p, &f(name))?;
            if !(0.0..=100_000.0).contains(&p) {
                return Err(Error::validation(f(name), format!("must be between 0 and 100000, got {p}")));
            }
        }
    }
    Ok(())
}

/// A work item by index: people and parents are positions in the work set, so grouping
/// a million items needs no hashing. JSON items and the C ABI's bulk arrays both become this.
#[derive(Debug, Clone, Copy)]
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
        match source {
            EstimateSource::Remaining => self.remaining_seconds,
            EstimateSource::Original => self.original_seconds,
            EstimateSource::StoryPoints => self.story_points.map(|p| (p * 100.0).round() as i64),
            EstimateSource::Custom => self.custom_estimate.map(|v| match unit {
                Unit::Hours => (v * 3600.0).round() as i64,
                Unit::StoryPoints => (v * 100.0).round() as i64,
            }),
        }
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
        let mut person_of: HashMap<&str, u32> = HashMap::new();
        let position: HashMap<&str, u32> = items.iter().enumerate().map(|(i, it)| (it.key.as_str(), i as u32)).collect();
        let items = items
            .iter()
            .map(|it| WorkItem {
                key: &it.key,
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
            })
            .collect();
        WorkSet { people, items }
    }

    /// Checks a work set that did not come from JSON (the bulk entry points): every index in
    /// range, every estimate in range, every key non-empty.
    pub fn validate(&self) -> Result<()> {
        let n = self.items.len();
        for (i, it) in self.items.iter().enumerate() {
            let f = |name: &str| format!("items[{i}].{name}");
            if it.key.is_empty() {
                return Err(Error::validation(f("key"), "must not be empty"));
            }
            if it.assignee.is_some_and(|a| a as usize >= self.people.len()) {
                return Err(Error::validation(f("assignee"), format!("person index {} is outside the {} people given", it.assignee.unwrap(), self.people.len())));
            }
            if it.parent.is_some_and(|p| p as usize >= n || p as usize == i) {
                return Err(Error::validation(f("parent"), format!("item index {} is not another item of the {n} given", it.parent.unwrap())));
            }
            check_estimates(it.remaining_seconds, it.original_seconds, it.story_points, it.custom_estimate, &f)?;
        }
        for (i, p) in self.people.iter().enumerate() {
            if p.is_empty() {
                return Err(Error::validation(format!("people[{i}]"), "must not be empty"));
            }
        }
        Ok(())
    }

    /// For each item, its estimate in raw base units when it counts toward workload
    /// (`Some(None)`: counts, but has no estimate), or `None` when it does not count
    /// (done, or excluded by the sub-task policy).
    pub fn counted(&self, source: EstimateSource, unit: Unit, policy: SubtaskPolicy) -> Vec<Option<Option<i64>>> {
        let all: Vec<u32> = (0..self.items.len() as u32).collect();
        let mut scratch = Vec::new();
        self.counted_subset(&all, source, unit, policy, &mut scratch)
    }

    /// [`WorkSet::counted`] for the items at `subset` (one board's, in a multi-project
    /// report, each with its board's rules), in that order. `scratch` is a reusable buffer
    /// (all false between calls).
    pub fn counted_subset(&self, subset: &[u32], source: EstimateSource, unit: Unit, policy: SubtaskPolicy, scratch: &mut Vec<bool>) -> Vec<Option<Option<i64>>> {
        // Parents whose work is tracked on their sub-tasks.
        let subtasks_policy = policy == SubtaskPolicy::Subtasks;
        if subtasks_policy {
            scratch.resize(self.items.len(), false);
            for &i in subset {
                let it = &self.items[i as usize];
                if it.subtask && it.raw_estimate(source, unit).is_some() {
                    if let Some(p) = it.parent {
                        scratch[p as usize] = true;
                    }
                }
            }
        }
        let counted = subset
            .iter()
            .map(|&i| {
                let it = &self.items[i as usize];
                let counts = !it.done
                    && match policy {
                        SubtaskPolicy::All => true,
                        SubtaskPolicy::Parents => !it.subtask,
                        SubtaskPolicy::Subtasks => it.subtask || !scratch[i as usize],
                    };
                counts.then(|| it.raw_estimate(source, unit))
            })
            .collect();
        if subtasks_policy {
            for &i in subset {
                if let Some(p) = self.items[i as usize].parent {
                    scratch[p as usize] = false;
                }
            }
        }
        counted
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

/// Workload per person of a work set: raw sum and the counted items' indices.
pub struct Tallies {
    pub raw: Vec<i64>,
    pub items: Vec<Vec<u32>>,
    pub unassigned_raw: i64,
    pub unassigned: Vec<u32>,
    pub unestimated: Vec<u32>,
}

impl Tallies {
    pub fn of(set: &WorkSet, counted: &[Option<Option<i64>>]) -> Tallies {
        let mut t = Tallies {
            raw: vec![0; set.people.len()],
            items: vec![Vec::new(); set.people.len()],
            unassigned_raw: 0,
            unassigned: Vec::new(),
            unestimated: Vec::new(),
        };
        for (i, (it, c)) in set.items.iter().zip(counted).enumerate() {
            let Some(estimate) = c else { continue };
            if estimate.is_none() {
                t.unestimated.push(i as u32);
            }
            match it.assignee {
                Some(p) => {
                    t.raw[p as usize] += estimate.unwrap_or(0);
                    t.items[p as usize].push(i as u32);
                }
                None => {
                    t.unassigned_raw += estimate.unwrap_or(0);
                    t.unassigned.push(i as u32);
                }
            }
        }
        t
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
        assert_eq!(validate(std::slice::from_ref(&bad)).unwrap_err().field(), Some("items[0].remainingSeconds"));
        bad.remaining_seconds = None;
        bad.story_points = Some(-1.0);
        assert_eq!(validate(&[bad]).unwrap_err().field(), Some("items[0].storyPoints"));
        let dup = vec![item("A", None, false, None), item("A", None, false, None)];
        assert_eq!(validate(&dup).unwrap_err().field(), Some("items[1].key"));
    }

    #[test]
    fn bulk_sets_check_their_indices() {
        let w = |assignee, parent| WorkItem {
            key: "K",
            assignee,
            parent,
            done: false,
            subtask: false,
            remaining_seconds: None,
            original_seconds: None,
            story_points: None,
            custom_estimate: None,
        };
        let set = WorkSet { people: vec!["a"], items: vec![w(Some(1), None)] };
        assert_eq!(set.validate().unwrap_err().field(), Some("items[0].assignee"));
        let set = WorkSet { people: vec!["a"], items: vec![w(Some(0), Some(0))] };
        assert_eq!(set.validate().unwrap_err().field(), Some("items[0].parent"));
        let set = WorkSet { people: vec!["a"], items: vec![w(Some(0), None)] };
        assert!(set.validate().is_ok());
    }
}
