//! Saved multi-project report definitions.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::documents::json;

pub const SCHEMA: u32 = 1;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Bucket {
    Week,
    Month,
    Quarter,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Grouping {
    Person,
    Role,
    Board,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Period {
    pub start: String,
    pub end: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ReportDefDoc {
    #[serde(default = "schema")]
    pub schema: u32,
    #[serde(default)]
    pub revision: u64,
    #[serde(default)]
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub board_ids: Vec<String>,
    #[serde(default)]
    pub project_keys: Vec<String>,
    pub period: Period,
    pub bucket: Bucket,
    pub grouping: Grouping,
}

fn schema() -> u32 {
    SCHEMA
}

/// Longest period a multi-project report covers.
pub const MAX_PERIOD_DAYS: i64 = 731;

impl ReportDefDoc {
    pub fn parse(text: &str, id: &str) -> Result<ReportDefDoc> {
        crate::documents::calendars::check_id(id, "id")?;
        let mut doc: ReportDefDoc = json::parse(text, "")?;
        if doc.schema != SCHEMA {
            return Err(Error::validation("schema", format!("unsupported schema {}; this engine reads schema {SCHEMA}", doc.schema)));
        }
        if !doc.id.is_empty() && doc.id != id {
            return Err(Error::validation("id", format!("the document is for {:?} but was sent for {id:?}", doc.id)));
        }
        doc.id = id.to_string();
        doc.validate()?;
        Ok(doc)
    }

    /// Checks everything but the id (inline definitions have none).
    pub fn validate(&self) -> Result<()> {
        json::text(&self.name, "name", 1, 100)?;
        if self.board_ids.is_empty() && self.project_keys.is_empty() {
            return Err(Error::validation("boardIds", "name at least one board or project"));
        }
        if self.board_ids.len() > 2000 || self.project_keys.len() > 2000 {
            return Err(Error::validation("boardIds", "at most 2000 boards and 2000 projects"));
        }
        for (i, b) in self.board_ids.iter().enumerate() {
            json::text(b, &format!("boardIds[{i}]"), 1, crate::documents::ids::MAX_BOARD_ID_CHARS)?;
        }
        for (i, p) in self.project_keys.iter().enumerate() {
            crate::documents::ids::PROJECT_KEY.check(p, &format!("projectKeys[{i}]"))?;
        }
        let start = json::date(&self.period.start, "period.start")?;
        let end = json::date(&self.period.end, "period.end")?;
        if end < start {
            return Err(Error::validation("period.end", format!("must not be before period.start ({start}), got {end}")));
        }
        let days = (end - start).num_days() + 1;
        if days > MAX_PERIOD_DAYS {
            return Err(Error::validation("period.end", format!("a period may cover at most {MAX_PERIOD_DAYS} days, got {days}")));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn definitions_are_validated() {
        let ok = r#"{"name":"Q1","boardIds":["1"],"projectKeys":["DEMO"],"period":{"start":"2026-01-01","end":"2026-03-31"},"bucket":"week","grouping":"person"}"#;
        assert_eq!(ReportDefDoc::parse(ok, "q1").unwrap().id, "q1");
        let e = ReportDefDoc::parse(&ok.replace("DEMO", "demo"), "q1").unwrap_err();
        assert_eq!(e.field(), Some("projectKeys[0]"));
        let e = ReportDefDoc::parse(&ok.replace("2026-03-31", "2025-03-31"), "q1").unwrap_err();
        assert_eq!(e.field(), Some("period.end"));
        let e = ReportDefDoc::parse(&ok.replace("week", "fortnight"), "q1").unwrap_err();
        assert_eq!(e.field(), Some("bucket"));
    }
}
