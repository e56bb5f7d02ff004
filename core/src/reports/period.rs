//! What an iteration is, and so which work its report counts. Scrum boards plan by sprint;
//! Kanban boards have none and plan by fix version or by a saved date range. The rule,
//! stated once (README, "Kanban boards"), for the iteration report and the multi-project
//! report alike:
//! - `sprint` (the default): the sprint's issues, as the caller sends them;
//! - `version`: the board's issues in that fix version, as the caller sends them, from the
//!   version's start date to its release date (done ones count no workload, as in a sprint);
//! - `range`: the board's issues that are not done and are assigned to someone; the engine
//!   drops any other item it is sent, so every caller gets the same report.
//!
//! A version's iteration id is `version-<Jira version id>` and a range's `range-<range id>`:
//! iteration team changes are stored by iteration id, and a sprint, a version and a range
//! never share them.

use serde::{Deserialize, Serialize};

use crate::documents::ids::{ITERATION_ID, RANGE_ID};
use crate::error::{Error, Result};
use crate::items::bulk::{MultiItem, ITEM_DONE, NO_INDEX};
use crate::items::{WorkItem, WorkSet};

/// The prefix of a fix version's iteration id.
pub const VERSION_PREFIX: &str = "version-";
/// The prefix of a saved range's iteration id.
pub const RANGE_PREFIX: &str = "range-";

/// What an iteration is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum PeriodKind {
    #[default]
    Sprint,
    Version,
    Range,
}

impl PeriodKind {
    /// Checks that an iteration id names an iteration of this kind (`version-…`, `range-…`);
    /// a sprint's id must not look like either (a sprint's malformed id is left to the
    /// report, which then reads no team changes for it). `None` (no id) is always allowed.
    pub fn check_id(self, id: Option<&str>, field: &str) -> Result<()> {
        let Some(id) = id else { return Ok(()) };
        if self != PeriodKind::Sprint {
            ITERATION_ID.check(id, field)?;
        }
        match self {
            PeriodKind::Sprint if id.starts_with(VERSION_PREFIX) || id.starts_with(RANGE_PREFIX) => {
                Err(Error::validation(field, format!("{id:?} names a version or a range; give its kind")))
            }
            PeriodKind::Sprint => Ok(()),
            PeriodKind::Version => match id.strip_prefix(VERSION_PREFIX) {
                Some(rest) if !rest.is_empty() => Ok(()),
                _ => Err(Error::validation(field, format!("a version's iteration id is {VERSION_PREFIX}<version id>, got {id:?}"))),
            },
            PeriodKind::Range => match id.strip_prefix(RANGE_PREFIX) {
                Some(rest) if RANGE_ID.check(rest, field).is_ok() => Ok(()),
                _ => Err(Error::validation(field, format!("a range's iteration id is {RANGE_PREFIX}<range id>, got {id:?}"))),
            },
        }
    }

    pub fn is_sprint(&self) -> bool {
        *self == PeriodKind::Sprint
    }

    /// Whether an item counts in an iteration of this kind at all.
    pub fn keeps(self, done: bool, assigned: bool) -> bool {
        self != PeriodKind::Range || (!done && assigned)
    }
}

/// The items of `work` an iteration of `kind` keeps, and how many it dropped. People keep
/// their order of first appearance among the kept items; a parent dropped leaves its
/// sub-tasks without one in the set (as a parent outside a sprint does).
pub fn keep<'a>(kind: PeriodKind, work: &WorkSet<'a>) -> (WorkSet<'a>, usize) {
    let mut new_index = vec![None; work.items.len()];
    let mut kept = 0u32;
    for (i, it) in work.items.iter().enumerate() {
        if kind.keeps(it.done, it.assignee.is_some()) {
            new_index[i] = Some(kept);
            kept += 1;
        }
    }
    let mut person = vec![None; work.people.len()];
    let mut out = WorkSet { people: Vec::new(), items: Vec::with_capacity(kept as usize) };
    for (i, it) in work.items.iter().enumerate() {
        if new_index[i].is_none() {
            continue;
        }
        let assignee = it.assignee.map(|a| {
            *person[a as usize].get_or_insert_with(|| {
                out.people.push(work.people[a as usize]);
                (out.people.len() - 1) as u32
            })
        });
        out.items.push(WorkItem { assignee, parent: it.parent.and_then(|p| new_index[p as usize]), ..*it });
    }
    let dropped = work.items.len() - out.items.len();
    (out, dropped)
}

/// The bulk items a multi-project report keeps, given each item's iteration kind
/// (`kind_of(board, iteration)`), and how many it dropped; parents renumbered.
pub fn keep_multi(items: &[MultiItem], kind_of: impl Fn(u32, u32) -> PeriodKind) -> (Vec<MultiItem>, usize) {
    let mut new_index = vec![NO_INDEX; items.len()];
    let mut kept = 0u32;
    for (i, it) in items.iter().enumerate() {
        if kind_of(it.board, it.iteration).keeps(it.has(ITEM_DONE), it.assignee != NO_INDEX) {
            new_index[i] = kept;
            kept += 1;
        }
    }
    let mut out = Vec::with_capacity(kept as usize);
    for (i, it) in items.iter().enumerate() {
        if new_index[i] != NO_INDEX {
            let parent = if it.parent == NO_INDEX { NO_INDEX } else { new_index[it.parent as usize] };
            out.push(MultiItem { parent, ..*it });
        }
    }
    let dropped = items.len() - out.len();
    (out, dropped)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::items::Item;

    fn items(json: &str) -> Vec<Item> {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn a_range_keeps_open_assigned_items_only() {
        let items = items(
            r#"[{"key":"A-1","assignee":"ann","statusCategory":"done"},
                {"key":"A-2"},
                {"key":"A-3","assignee":"bob","statusCategory":"indeterminate"},
                {"key":"A-4","assignee":"ann","parent":"A-3","subtask":true},
                {"key":"A-5","assignee":"cy","parent":"A-2","subtask":true}]"#,
        );
        let work = WorkSet::from_items(&items);
        let (kept, dropped) = keep(PeriodKind::Range, &work);
        assert_eq!(dropped, 2);
        assert_eq!(kept.items.iter().map(|i| i.key).collect::<Vec<_>>(), ["A-3", "A-4", "A-5"]);
        assert_eq!(kept.people, ["bob", "ann", "cy"]);
        assert_eq!(kept.items[1].parent, Some(0), "A-4's parent A-3 is renumbered");
        assert_eq!(kept.items[2].parent, None, "A-5's parent A-2 was dropped");
        assert_eq!(kept.items[1].assignee, Some(1));
    }

    #[test]
    fn sprints_and_versions_keep_everything() {
        let items = items(r#"[{"key":"A-1","assignee":"ann","statusCategory":"done"},{"key":"A-2"}]"#);
        let work = WorkSet::from_items(&items);
        for kind in [PeriodKind::Sprint, PeriodKind::Version] {
            let (kept, dropped) = keep(kind, &work);
            assert_eq!((kept.items.len(), dropped), (2, 0));
        }
    }

    #[test]
    fn bulk_items_follow_the_same_rule() {
        let item = |assignee: u32, parent: u32, flags: u32| MultiItem { board: 0, iteration: 0, assignee, parent, flags, ..MultiItem::default() };
        let all = [item(0, NO_INDEX, ITEM_DONE), item(NO_INDEX, NO_INDEX, 0), item(1, NO_INDEX, 0), item(0, 2, 0)];
        let (kept, dropped) = keep_multi(&all, |_, _| PeriodKind::Range);
        assert_eq!(dropped, 2);
        assert_eq!(kept.iter().map(|i| i.parent).collect::<Vec<_>>(), [NO_INDEX, 0]);
        let (kept, dropped) = keep_multi(&all, |_, _| PeriodKind::Version);
        assert_eq!((kept.len(), dropped), (4, 0));
    }

    #[test]
    fn iteration_ids_say_their_kind() {
        assert!(PeriodKind::Version.check_id(Some("version-10001"), "iteration.id").is_ok());
        assert!(PeriodKind::Range.check_id(Some("range-q1"), "iteration.id").is_ok());
        assert!(PeriodKind::Sprint.check_id(Some("42"), "iteration.id").is_ok());
        assert!(PeriodKind::Range.check_id(None, "iteration.id").is_ok());
        for (kind, id) in [(PeriodKind::Version, "10001"), (PeriodKind::Version, "version-"), (PeriodKind::Range, "q1"), (PeriodKind::Sprint, "range-q1"), (PeriodKind::Range, "range-a b")] {
            let e = kind.check_id(Some(id), "iteration.id").unwrap_err();
            assert_eq!(e.field(), Some("iteration.id"), "{kind:?} {id}");
        }
    }
}
