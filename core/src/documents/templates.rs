//! Team templates: named member lists that stamp a board's team or one sprint's.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::documents::json;
use crate::documents::settings::{check_account_key, Day};

pub const SCHEMA: u32 = 1;
pub const MAX_TEMPLATE_MEMBERS: usize = 500;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TemplateDoc {
    pub schema: u32,
    pub revision: u64,
    pub id: String,
    pub name: String,
    pub members: Vec<TemplateMember>,
}

/// A member as a template gives it. The role is a name: templates are shared by boards,
/// each with its own role ids; applying one picks (or adds) the board's role of that name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TemplateMember {
    pub account_key: String,
    pub role: String,
    pub daily_capacity: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allocation: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub working_weekdays: Option<Vec<Day>>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct TemplateInput {
    schema: Option<u32>,
    revision: Option<u64>,
    id: Option<String>,
    name: String,
    #[serde(default)]
    members: Vec<TemplateMember>,
}

pub fn check_id(id: &str, field: &str) -> Result<()> {
    crate::documents::calendars::check_id(id, field)
}

impl TemplateDoc {
    pub fn parse(text: &str, id: &str) -> Result<TemplateDoc> {
        check_id(id, "id")?;
        let input: TemplateInput = json::parse(text, "")?;
        if let Some(s) = input.schema {
            if s != SCHEMA {
                return Err(Error::validation("schema", format!("unsupported schema {s}; this engine reads schema {SCHEMA}")));
            }
        }
        if let Some(given) = &input.id {
            if given != id {
                return Err(Error::validation("id", format!("the document is for {given:?} but was sent for {id:?}")));
            }
        }
        json::text(&input.name, "name", 1, 100)?;
        if input.members.len() > MAX_TEMPLATE_MEMBERS {
            return Err(Error::validation("members", format!("at most {MAX_TEMPLATE_MEMBERS} members")));
        }
        let mut seen = std::collections::HashSet::new();
        for (i, m) in input.members.iter().enumerate() {
            let f = format!("members[{i}]");
            check_account_key(&m.account_key, &format!("{f}.accountKey"))?;
            if !seen.insert(&m.account_key) {
                return Err(Error::validation(format!("{f}.accountKey"), format!("{:?} is listed twice", m.account_key)));
            }
            json::text(&m.role, &format!("{f}.role"), 1, 60)?;
            // The unit is the target board's: check the widest range here, the exact one on apply.
            crate::documents::units::check_finite(m.daily_capacity, &format!("{f}.dailyCapacity"))?;
            if !(0.0..=1000.0).contains(&m.daily_capacity) {
                return Err(Error::validation(format!("{f}.dailyCapacity"), format!("must be between 0 and 1000, got {}", m.daily_capacity)));
            }
            if let Some(a) = m.allocation {
                crate::documents::units::Ratio::percent(a, &format!("{f}.allocation"), 100.0)?;
            }
        }
        Ok(TemplateDoc { schema: SCHEMA, revision: input.revision.unwrap_or(0), id: id.to_string(), name: input.name, members: input.members })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_validate_their_members() {
        let t = TemplateDoc::parse(r#"{"name":"Squad","members":[{"accountKey":"a","role":"Developer","dailyCapacity":6}]}"#, "squad").unwrap();
        assert_eq!(t.members.len(), 1);
        let e = TemplateDoc::parse(r#"{"name":"S","members":[{"accountKey":"a","role":"D","dailyCapacity":-6}]}"#, "s").unwrap_err();
        assert_eq!(e.field(), Some("members[0].dailyCapacity"));
        let e = TemplateDoc::parse(r#"{"name":"S"}"#, "bad id").unwrap_err();
        assert_eq!(e.field(), Some("id"));
    }
}
