//! The multi-project report request: boards with their iterations, and the work placed in
//! them.

use serde::Deserialize;

use crate::documents::report_defs::ReportDefDoc;
use crate::error::{Error, Result};
use crate::items::bulk::{MultiItem, Placement};
use crate::reports::period::PeriodKind;
use crate::items::{FastMap, Item, Text, WorkItem, WorkSet};

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MultiRequest {
    #[serde(default)]
    pub report_id: Option<String>,
    #[serde(default)]
    pub definition: Option<ReportDefDoc>,
    #[serde(default)]
    pub boards: Vec<BoardWork>,
}

/// One board's iterations in the period, with their work items.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BoardWork {
    pub board_id: String,
    #[serde(default)]
    pub iterations: Vec<IterationWork>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct IterationWork {
    /// The caller's id for the iteration; not needed by the computation.
    #[serde(default)]
    #[allow(dead_code)]
    pub id: Option<Text>,
    // Held in place (dates and instants are short): an instance-wide request has tens of
    // thousands of iterations.
    pub start: Text,
    pub end: Text,
    /// A sprint (the default), a fix version or a saved range: which items count.
    #[serde(default)]
    pub kind: PeriodKind,
    #[serde(default)]
    pub items: Vec<Item>,
}

impl MultiRequest {
    /// Checks that a bulk caller's request carries no items of its own (they come as arrays).
    pub(crate) fn check_no_items(&self) -> Result<()> {
        for (b, board) in self.boards.iter().enumerate() {
            for (i, it) in board.iterations.iter().enumerate() {
                if !it.items.is_empty() {
                    return Err(Error::validation(format!("boards[{b}].iterations[{i}].items"), "must be empty: the items are given as an array"));
                }
            }
        }
        Ok(())
    }

    /// The kind of iteration `iteration` of board `board` (a sprint when out of range:
    /// the items were checked against the request before this is asked).
    pub(crate) fn kind_of(&self, board: u32, iteration: u32) -> PeriodKind {
        self.boards.get(board as usize).and_then(|b| b.iterations.get(iteration as usize)).map(|i| i.kind).unwrap_or_default()
    }

    /// Whether any iteration is a date range, whose items the report filters.
    pub(crate) fn has_ranges(&self) -> bool {
        self.boards.iter().any(|b| b.iterations.iter().any(|i| i.kind == PeriodKind::Range))
    }

    /// Each board as its items are checked against it: its id and number of iterations.
    pub(crate) fn board_shapes(&self) -> Vec<(&str, usize)> {
        self.boards.iter().map(|b| (b.board_id.as_str(), b.iterations.len())).collect()
    }
}


/// Everything a multi-project report needs beyond the stored settings: the request (its
/// boards and iterations, without items) and the work, placed.
#[derive(Debug)]
pub struct MultiWork<'a> {
    pub set: WorkSet<'a>,
    pub placements: Vec<Placement>,
}


impl<'a> MultiWork<'a> {
    /// The JSON request's items as one work set: people shared across boards, parents
    /// resolved within each iteration.
    pub fn from_request(request: &'a MultiRequest) -> MultiWork<'a> {
        let parts = request.boards.iter().enumerate().flat_map(|(b, board)| {
            board.iterations.iter().enumerate().map(move |(i, it)| (Placement { board: b as u32, iteration: i as u32 }, WorkSet::from_items(&it.items)))
        });
        MultiWork::from_parts(parts)
    }

    /// Each iteration's work set, in request order, as one: people shared across boards,
    /// parents (found within each iteration) renumbered.
    pub fn from_parts(parts: impl Iterator<Item = (Placement, WorkSet<'a>)>) -> MultiWork<'a> {
        let mut set = WorkSet::default();
        let mut placements = Vec::new();
        let mut person_of: FastMap<&str, u32> = FastMap::default();
        for (at, part) in parts {
            let people: Vec<u32> = part
                .people
                .iter()
                .map(|p| {
                    *person_of.entry(p).or_insert_with(|| {
                        set.people.push(p);
                        (set.people.len() - 1) as u32
                    })
                })
                .collect();
            let offset = set.items.len() as u32;
            for item in part.items {
                set.items.push(WorkItem {
                    assignee: item.assignee.map(|a| people[a as usize]),
                    parent: item.parent.map(|p| p + offset),
                    ..item
                });
                placements.push(at);
            }
        }
        MultiWork { set, placements }
    }

    /// The items in the bulk form the computation reads.
    pub fn to_items(&self) -> Vec<MultiItem> {
        self.set.items.iter().zip(&self.placements).map(|(item, at)| MultiItem::of(item, *at)).collect()
    }
}
