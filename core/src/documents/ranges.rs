//! A Kanban board's saved date ranges: named periods (a quarter, a release train) a team
//! plans against when the board has no sprints. One document per board; the report reads
//! a range as an iteration of kind `range` (see `reports::period`).

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::documents::ids::RANGE_ID;
use crate::documents::json;
use crate::error::{Error, Result};

pub const SCHEMA: u32 = 1;
/// Most ranges one board keeps: enough for years of quarters, few enough for one screen.
pub const MAX_RANGES: usize = 50;
/// Longest range name.
pub const MAX_NAME_CHARS: usize = 80;
/// Longest range, in days (first to last date inclusive): a report longer than a year is
/// a multi-project report's job.
pub const MAX_RANGE_DAYS: i64 = 366;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RangesDoc {
    pub schema: u32,
    pub revision: u64,
    pub board_id: String,
    pub ranges: Vec<DateRange>,
}

/// One saved range: both dates inclusive, in the board's time zone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DateRange {
    pub id: String,
    pub name: String,
    pub start: String,
    pub end: String,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct RangesInput {
    schema: Option<u32>,
    revision: Option<u64>,
    board_id: Option<String>,
    #[serde(default)]
    ranges: Vec<DateRange>,
}

impl RangesDoc {
    /// A board without saved ranges.
    pub fn empty(board_id: &str) -> RangesDoc {
        RangesDoc { schema: SCHEMA, revision: 0, board_id: board_id.to_string(), ranges: Vec::new() }
    }

    /// Reads and checks a board's ranges; every error names its field (`ranges[2].end`).
    pub fn parse(text: &str, board_id: &str) -> Result<RangesDoc> {
        let input: RangesInput = json::parse(text, "")?;
        if let Some(s) = input.schema {
            if s != SCHEMA {
                return Err(Error::validation("schema", format!("unsupported schema {s}; this engine reads schema {SCHEMA}")));
            }
        }
        if let Some(given) = &input.board_id {
            if given != board_id {
                return Err(Error::validation("boardId", format!("the document is for board {given:?} but was sent for {board_id:?}")));
            }
        }
        if input.ranges.len() > MAX_RANGES {
            return Err(Error::validation("ranges", format!("at most {MAX_RANGES} ranges per board, got {}", input.ranges.len())));
        }
        let mut ids = HashSet::new();
        let mut names = HashSet::new();
        for (i, r) in input.ranges.iter().enumerate() {
            let f = format!("ranges[{i}]");
            RANGE_ID.check(&r.id, &format!("{f}.id"))?;
            if !ids.insert(r.id.as_str()) {
                return Err(Error::validation(format!("{f}.id"), format!("{:?} is used by another range", r.id)));
            }
            json::text(&r.name, &format!("{f}.name"), 1, MAX_NAME_CHARS)?;
            if r.name.trim().is_empty() || r.name.trim() != r.name {
                return Err(Error::validation(format!("{f}.name"), "must not be blank or start or end with spaces"));
            }
            // Two ranges of one name could not be told apart in the picker.
            if !names.insert(r.name.to_lowercase()) {
                return Err(Error::validation(format!("{f}.name"), format!("{:?} is the name of another range", r.name)));
            }
            let start = json::date(&r.start, &format!("{f}.start"))?;
            let end = json::date(&r.end, &format!("{f}.end"))?;
            if end < start {
                return Err(Error::validation(format!("{f}.end"), format!("must not be before the start {start}")));
            }
            let days = (end - start).num_days() + 1;
            if days > MAX_RANGE_DAYS {
                return Err(Error::validation(format!("{f}.end"), format!("a range covers at most {MAX_RANGE_DAYS} days, this one {days}")));
            }
        }
        Ok(RangesDoc { schema: SCHEMA, revision: input.revision.unwrap_or(0), board_id: board_id.to_string(), ranges: input.ranges })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field_of(text: &str) -> String {
        RangesDoc::parse(text, "7").unwrap_err().field().unwrap_or("").to_string()
    }

    #[test]
    fn reads_named_ranges() {
        let doc = RangesDoc::parse(r#"{"revision":3,"ranges":[{"id":"q1","name":"Q1 2027","start":"2027-01-01","end":"2027-03-31"}]}"#, "7").unwrap();
        assert_eq!(doc.revision, 3);
        assert_eq!(doc.board_id, "7");
        assert_eq!(doc.ranges[0].name, "Q1 2027");
        assert!(RangesDoc::parse(r#"{"ranges":[]}"#, "7").unwrap().ranges.is_empty());
    }

    #[test]
    fn every_rule_names_its_field() {
        let one = |r: &str| format!(r#"{{"ranges":[{r}]}}"#);
        assert_eq!(field_of(&one(r#"{"id":"a b","name":"A","start":"2027-01-01","end":"2027-01-02"}"#)), "ranges[0].id");
        assert_eq!(field_of(&one(r#"{"id":"a","name":"","start":"2027-01-01","end":"2027-01-02"}"#)), "ranges[0].name");
        assert_eq!(field_of(&one(r#"{"id":"a","name":"  ","start":"2027-01-01","end":"2027-01-02"}"#)), "ranges[0].name");
        assert_eq!(field_of(&one(r#"{"id":"a","name":"A","start":"2027-13-01","end":"2027-01-02"}"#)), "ranges[0].start");
        assert_eq!(field_of(&one(r#"{"id":"a","name":"A","start":"2027-01-02","end":"2027-01-01"}"#)), "ranges[0].end");
        assert_eq!(field_of(&one(r#"{"id":"a","name":"A","start":"2027-01-01","end":"2028-01-02"}"#)), "ranges[0].end");
        assert_eq!(field_of(&one(r#"{"id":"a","name":"A","start":"2027-01-01","end":"2027-01-02","x":1}"#)), "ranges[0].x");
        let two = r#"{"ranges":[{"id":"a","name":"A","start":"2027-01-01","end":"2027-01-02"},{"id":"a","name":"B","start":"2027-01-01","end":"2027-01-02"}]}"#;
        assert_eq!(field_of(two), "ranges[1].id");
        let same_name = r#"{"ranges":[{"id":"a","name":"Q1","start":"2027-01-01","end":"2027-01-02"},{"id":"b","name":"q1","start":"2027-01-01","end":"2027-01-02"}]}"#;
        assert_eq!(field_of(same_name), "ranges[1].name");
        assert_eq!(field_of(r#"{"boardId":"8","ranges":[]}"#), "boardId");
        assert_eq!(field_of(r#"{"schema":2,"ranges":[]}"#), "schema");
        let many: Vec<String> = (0..=MAX_RANGES).map(|i| format!(r#"{{"id":"r{i}","name":"R{i}","start":"2027-01-01","end":"2027-01-02"}}"#)).collect();
        assert_eq!(field_of(&format!(r#"{{"ranges":[{}]}}"#, many.join(","))), "ranges");
    }

    #[test]
    fn a_year_is_the_longest_range() {
        assert!(RangesDoc::parse(r#"{"ranges":[{"id":"y","name":"2028","start":"2028-01-01","end":"2028-12-31"}]}"#, "7").is_ok());
    }
}
