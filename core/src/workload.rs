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

impl Item {
    fn is_done(&self) -> bool {
        self.status_category == Some(StatusCategory::Done)
    }

    /// The estimate the board reads, in seconds (hours boards) or hundredths (points).
    fn raw_estimate(&self, source: EstimateSource, unit: Unit) -> Option<i64> {
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
        for (name, v) in [("remainingSeconds", item.remaining_seconds), ("originalSeconds", item.original_seconds)] {
            if let Some(v) = v {
                // Ten years of seconds: anything larger is a unit mistake, not an estimate.
                if !(0..=315_360_000).contains(&v) {
                    return Err(Error::validation(f(name), format!("must be between 0 and 315360000 seconds, got {v}")));
                }
            }
        }
        for (name, v) in [("storyPoints", item.story_points), ("customEstimate", item.custom_estimate)] {
            if let Some(p) = v {
                check_finite(p, &f(name))?;
                if !(0.0..=100_000.0).contains(&p) {
                    return Err(Error::validation(f(name), format!("must be between 0 and 100000, got {p}")));
                }
            }
        }
        if let Some(a) = &item.assignee {
            if a.is_empty() || a.chars().count() > 255 {
                return Err(Error::validation(f("assignee"), "must be 1 to 255 characters, or null when unassigned"));
            }
        }
    }
    Ok(())
}

/// An item that counts toward someone's workload, with its estimate in base units
/// (`None` when it has none).
pub struct Counted<'a> {
    pub item: &'a Item,
    pub estimate: Option<i64>,
}

/// Applies the done filter and the sub-task policy.
pub fn counted<'a>(items: &'a [Item], source: EstimateSource, unit: Unit, policy: SubtaskPolicy) -> Vec<Counted<'a>> {
    // Parents whose work is tracked on their sub-tasks.
    let parents_with_estimated_subtasks: HashSet<&str> = if policy == SubtaskPolicy::Subtasks {
        items
            .iter()
            .filter(|i| i.subtask && i.raw_estimate(source, unit).is_some())
            .filter_map(|i| i.parent.as_deref())
            .collect()
    } else {
        HashSet::new()
    };
    items
        .iter()
        .filter(|i| !i.is_done())
        .filter(|i| match policy {
            SubtaskPolicy::All => true,
            SubtaskPolicy::Parents => !i.subtask,
            SubtaskPolicy::Subtasks => i.subtask || !parents_with_estimated_subtasks.contains(i.key.as_str()),
        })
        .map(|i| Counted { item: i, estimate: i.raw_estimate(source, unit) })
        .collect()
}

/// Sums raw estimates per bucket and converts once, so rounding happens once per person.
#[derive(Default)]
pub struct Tally {
    raw: i64,
    pub keys: Vec<String>,
}

impl Tally {
    pub fn add(&mut self, c: &Counted) {
        self.raw += c.estimate.unwrap_or(0);
        self.keys.push(c.item.key.clone());
    }

    /// Total in base units: seconds → minutes (half up) for hours; points already hundredths.
    pub fn total(&self, unit: Unit) -> i64 {
        match unit {
            Unit::Hours => (self.raw + 30) / 60,
            Unit::StoryPoints => self.raw,
        }
    }
}

/// Groups counted items by assignee.
pub fn by_assignee<'a>(counted: &'a [Counted<'a>]) -> HashMap<Option<&'a str>, Vec<&'a Counted<'a>>> {
    let mut map: HashMap<Option<&str>, Vec<&Counted>> = HashMap::new();
    for c in counted {
        map.entry(c.item.assignee.as_deref()).or_default().push(c);
    }
    map
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

    fn keys(c: &[Counted]) -> Vec<String> {
        c.iter().map(|c| c.item.key.clone()).collect()
    }

    #[test]
    fn subtask_policy_never_counts_both() {
        let items = vec![
            item("P1", None, false, Some(3600)),
            item("S1", Some("P1"), true, Some(1800)),
            item("P2", None, false, Some(7200)),
            item("S2", Some("P2"), true, None),
        ];
        let s = EstimateSource::Remaining;
        assert_eq!(keys(&counted(&items, s, Unit::Hours, SubtaskPolicy::Subtasks)), ["S1", "P2", "S2"]);
        assert_eq!(keys(&counted(&items, s, Unit::Hours, SubtaskPolicy::Parents)), ["P1", "P2"]);
        assert_eq!(keys(&counted(&items, s, Unit::Hours, SubtaskPolicy::All)), ["P1", "S1", "P2", "S2"]);
    }

    #[test]
    fn done_items_do_not_count() {
        let mut done = item("D", None, false, Some(60));
        done.status_category = Some(StatusCategory::Done);
        assert!(counted(&[done], EstimateSource::Remaining, Unit::Hours, SubtaskPolicy::All).is_empty());
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
}
