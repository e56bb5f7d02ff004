//! Board settings: the team's calendar, members and thresholds, as one versioned document.
//! `SettingsDoc` is the JSON shape (what is stored and returned); `BoardSettings` is the
//! validated form the engine computes with.

use std::collections::HashSet;

use chrono::{NaiveDate, Weekday};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::documents::json;
use crate::documents::units::{to_base, Ratio, Unit};

/// Schema 2 gave roles ids and colours (renaming a role keeps its members); schema 1
/// documents, whose members named their role, are migrated when read.
pub const SCHEMA: u32 = 2;
pub const MAX_ROLES: usize = 50;
/// Colours given to roles created from a name, in order.
const ROLE_PALETTE: [&str; 8] = ["#0052CC", "#00875A", "#FF8B00", "#6554C0", "#DE350B", "#00A3BF", "#5E6C84", "#FFAB00"];
/// Longest account key (Jira's user key limit).
pub const MAX_ACCOUNT_KEY_CHARS: usize = 255;
pub const MAX_MEMBERS: usize = 500;
pub const MAX_HOLIDAYS: usize = 400;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum EstimateSource {
    Remaining,
    Original,
    StoryPoints,
    /// A number field named by `customField`, in the board's unit; the caller sends its
    /// value as each item's `customEstimate`.
    Custom,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum SubtaskPolicy {
    /// Sub-tasks, plus parents that have no estimated sub-task: never both.
    Subtasks,
    /// Parents only; sub-tasks' estimates are ignored.
    Parents,
    /// Every item counts.
    All,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Day {
    MON,
    TUE,
    WED,
    THU,
    FRI,
    SAT,
    SUN,
}

impl Day {
    pub fn weekday(self) -> Weekday {
        match self {
            Day::MON => Weekday::Mon,
            Day::TUE => Weekday::Tue,
            Day::WED => Weekday::Wed,
            Day::THU => Weekday::Thu,
            Day::FRI => Weekday::Fri,
            Day::SAT => Weekday::Sat,
            Day::SUN => Weekday::Sun,
        }
    }
}

/// A set of weekdays as a bit mask (bit 0 = Monday).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Weekdays(pub u8);

impl Weekdays {
    pub fn contains(self, day: Weekday) -> bool {
        self.0 & (1 << day.num_days_from_monday()) != 0
    }

    fn from_days(days: &[Day], field: &str) -> Result<Weekdays> {
        let mut mask = 0u8;
        for (i, d) in days.iter().enumerate() {
            let bit = 1 << d.weekday().num_days_from_monday();
            if mask & bit != 0 {
                return Err(Error::validation(format!("{field}[{i}]"), format!("{d:?} is listed twice")));
            }
            mask |= bit;
        }
        Ok(Weekdays(mask))
    }
}

const MON_FRI: [Day; 5] = [Day::MON, Day::TUE, Day::WED, Day::THU, Day::FRI];

/// The board settings document as stored and returned: every field present.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SettingsDoc {
    pub schema: u32,
    pub revision: u64,
    pub unit: Unit,
    pub estimate_source: EstimateSource,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub custom_field: Option<String>,
    pub subtask_policy: SubtaskPolicy,
    pub time_zone: String,
    pub working_weekdays: Vec<Day>,
    pub holidays: Vec<HolidayDoc>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub holiday_calendar: Option<String>,
    pub focus_factor: f64,
    pub thresholds: ThresholdsDoc,
    pub roles: Vec<RoleDoc>,
    pub members: Vec<MemberDoc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RoleDoc {
    pub id: String,
    pub name: String,
    pub colour: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct HolidayDoc {
    pub date: String,
    pub name: String,
    pub fraction: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ThresholdsDoc {
    pub under: f64,
    pub over: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MemberDoc {
    pub account_key: String,
    pub role_id: String,
    pub daily_capacity: f64,
    pub allocation: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub working_weekdays: Option<Vec<Day>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub active_from: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub active_to: Option<String>,
}

/// What a caller may send: the stored shape with every field but `schema` optional.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct SettingsInput {
    schema: Option<u32>,
    revision: Option<u64>,
    unit: Option<Unit>,
    estimate_source: Option<EstimateSource>,
    custom_field: Option<String>,
    subtask_policy: Option<SubtaskPolicy>,
    time_zone: Option<String>,
    working_weekdays: Option<Vec<Day>>,
    #[serde(default)]
    holidays: Vec<HolidayInput>,
    holiday_calendar: Option<String>,
    focus_factor: Option<f64>,
    thresholds: Option<ThresholdsInput>,
    #[serde(default)]
    roles: Vec<RoleInput>,
    #[serde(default)]
    members: Vec<MemberInput>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct RoleInput {
    id: String,
    name: String,
    colour: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct HolidayInput {
    date: String,
    name: String,
    fraction: Option<f64>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct ThresholdsInput {
    under: Option<f64>,
    over: Option<f64>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct MemberInput {
    account_key: String,
    /// The role's id in `roles`.
    role_id: Option<String>,
    /// A role by name instead: the role of that name, created if there is none (and the
    /// form schema 1 documents stored).
    role: Option<String>,
    daily_capacity: f64,
    allocation: Option<f64>,
    working_weekdays: Option<Vec<Day>>,
    active_from: Option<String>,
    active_to: Option<String>,
}

/// Validated settings, in exact units.
#[derive(Debug, Clone)]
pub struct BoardSettings {
    pub doc: SettingsDoc,
    pub unit: Unit,
    pub estimate_source: EstimateSource,
    pub holiday_calendar: Option<String>,
    pub subtask_policy: SubtaskPolicy,
    pub time_zone: Tz,
    pub working_weekdays: Weekdays,
    pub holidays: Vec<Holiday>,
    pub focus_factor: Ratio,
    pub under_threshold: Ratio,
    pub over_threshold: Ratio,
    pub members: Vec<Member>,
}

#[derive(Debug, Clone)]
pub struct Holiday {
    pub date: NaiveDate,
    pub name: String,
    pub fraction: Ratio,
}

#[derive(Debug, Clone)]
pub struct Member {
    pub account_key: String,
    pub role_id: String,
    /// The role's name (for reports).
    pub role: String,
    /// Daily capacity in base units.
    pub daily: i64,
    pub allocation: Ratio,
    pub working_weekdays: Option<Weekdays>,
    pub active_from: Option<NaiveDate>,
    pub active_to: Option<NaiveDate>,
}

impl Member {
    pub fn is_active(&self, date: NaiveDate) -> bool {
        self.active_from.is_none_or(|from| date >= from) && self.active_to.is_none_or(|to| date <= to)
    }
}

/// Validates an account key (used in storage keys and as the person's identity).
pub fn check_account_key(key: &str, field: &str) -> Result<()> {
    json::text(key, field, 1, MAX_ACCOUNT_KEY_CHARS)?;
    if key.trim() != key {
        return Err(Error::validation(field, "must not start or end with spaces"));
    }
    Ok(())
}

/// Role ids are short stable identifiers: letters, digits, `-` and `_`.
fn check_role_id(id: &str, field: &str) -> Result<()> {
    crate::documents::ids::ROLE_ID.check(id, field)
}

fn check_colour(c: &str, field: &str) -> Result<()> {
    let ok = c.len() == 7 && c.starts_with('#') && c[1..].chars().all(|x| x.is_ascii_hexdigit());
    if ok {
        Ok(())
    } else {
        Err(Error::validation(field, format!("must be a colour like #0052CC, got {c:?}")))
    }
}

/// The id of the role named `name`, adding the role (with an id made from the name) when
/// there is none.
fn role_for_name(roles: &mut Vec<RoleDoc>, name: &str, field: &str) -> Result<String> {
    if let Some(r) = roles.iter().find(|r| r.name == name) {
        return Ok(r.id.clone());
    }
    if roles.len() >= MAX_ROLES {
        return Err(Error::validation(field, format!("adding role {name:?} would exceed {MAX_ROLES} roles")));
    }
    let mut base: String = name
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    base.truncate(32);
    if base.is_empty() {
        base = "role".into();
    }
    let mut id = base.clone();
    let mut n = 2;
    while roles.iter().any(|r| r.id == id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    let colour = ROLE_PALETTE[roles.len() % ROLE_PALETTE.len()].to_string();
    roles.push(RoleDoc { id: id.clone(), name: name.to_string(), colour });
    Ok(id)
}

impl BoardSettings {
    /// These settings with a team of `account_key` alone (no one when not on the team):
    /// everything else as it is, the other members never copied. The one-member query
    /// asks for this on every call, and a large board's members are most of its size.
    pub fn with_member_only(&self, account_key: &str) -> BoardSettings {
        let d = &self.doc;
        let doc = SettingsDoc {
            schema: d.schema,
            revision: d.revision,
            unit: d.unit,
            estimate_source: d.estimate_source,
            custom_field: d.custom_field.clone(),
            subtask_policy: d.subtask_policy,
            time_zone: d.time_zone.clone(),
            working_weekdays: d.working_weekdays.clone(),
            holidays: d.holidays.clone(),
            holiday_calendar: d.holiday_calendar.clone(),
            focus_factor: d.focus_factor,
            thresholds: d.thresholds,
            roles: d.roles.clone(),
            members: d.members.iter().filter(|m| m.account_key == account_key).cloned().collect(),
        };
        BoardSettings {
            doc,
            unit: self.unit,
            estimate_source: self.estimate_source,
            holiday_calendar: self.holiday_calendar.clone(),
            subtask_policy: self.subtask_policy,
            time_zone: self.time_zone,
            working_weekdays: self.working_weekdays,
            holidays: self.holidays.clone(),
            focus_factor: self.focus_factor,
            under_threshold: self.under_threshold,
            over_threshold: self.over_threshold,
            members: self.members.iter().filter(|m| m.account_key == account_key).cloned().collect(),
        }
    }

    /// The settings of a board nobody has configured yet.
    pub fn defaults() -> BoardSettings {
        BoardSettings::parse("{}").expect("defaults are valid")
    }

    /// Parses and validates a settings document sent by a caller.
    pub fn parse(text: &str) -> Result<BoardSettings> {
        let input: SettingsInput = json::parse(text, "")?;
        BoardSettings::validate(input)
    }

    /// Reads a stored document (already normalised).
    pub fn from_stored(text: &str) -> Result<BoardSettings> {
        BoardSettings::parse(text)
    }

    fn validate(input: SettingsInput) -> Result<BoardSettings> {
        let schema = input.schema.unwrap_or(SCHEMA);
        if schema == 0 || schema > SCHEMA {
            return Err(Error::validation("schema", format!("unsupported schema {schema}; this engine reads schemas 1 to {SCHEMA}")));
        }
        let unit = input.unit.unwrap_or(Unit::Hours);
        let estimate_source = input.estimate_source.unwrap_or(match unit {
            Unit::Hours => EstimateSource::Remaining,
            Unit::StoryPoints => EstimateSource::StoryPoints,
        });
        let points_source = estimate_source == EstimateSource::StoryPoints;
        if estimate_source != EstimateSource::Custom && points_source != (unit == Unit::StoryPoints) {
            return Err(Error::validation(
                "estimateSource",
                format!(
                    "{estimate_source:?} does not measure {}; use storyPoints with the storyPoints unit, remaining or original with hours",
                    unit.label()
                ),
            ));
        }
        let custom_field = match (estimate_source, input.custom_field) {
            (EstimateSource::Custom, Some(f)) => {
                json::text(&f, "customField", 1, 100)?;
                Some(f)
            }
            (EstimateSource::Custom, None) => {
                return Err(Error::validation("customField", "is required when estimateSource is custom (e.g. \"customfield_10010\")"))
            }
            (_, Some(_)) => return Err(Error::validation("customField", "is only used when estimateSource is custom")),
            (_, None) => None,
        };
        let holiday_calendar = match input.holiday_calendar {
            Some(id) => {
                crate::documents::json::text(&id, "holidayCalendar", 1, 60)?;
                Some(id)
            }
            None => None,
        };
        let subtask_policy = input.subtask_policy.unwrap_or(SubtaskPolicy::Subtasks);
        let tz_name = input.time_zone.unwrap_or_else(|| "UTC".to_string());
        let time_zone: Tz = tz_name
            .parse()
            .map_err(|_| Error::validation("timeZone", format!("unknown IANA time zone {tz_name:?}")))?;
        let weekday_list = input.working_weekdays.unwrap_or_else(|| MON_FRI.to_vec());
        let working_weekdays = Weekdays::from_days(&weekday_list, "workingWeekdays")?;

        if input.holidays.len() > MAX_HOLIDAYS {
            return Err(Error::validation("holidays", format!("at most {MAX_HOLIDAYS} holidays, got {}", input.holidays.len())));
        }
        let mut holidays = Vec::with_capacity(input.holidays.len());
        let mut holiday_docs = Vec::with_capacity(input.holidays.len());
        for (i, h) in input.holidays.into_iter().enumerate() {
            let f = format!("holidays[{i}]");
            let date = json::date(&h.date, &format!("{f}.date"))?;
            json::text(&h.name, &format!("{f}.name"), 1, 100)?;
            let fraction_value = h.fraction.unwrap_or(1.0);
            let fraction = Ratio::fraction(fraction_value, &format!("{f}.fraction"), false)?;
            holidays.push(Holiday { date, name: h.name.clone(), fraction });
            holiday_docs.push(HolidayDoc { date: h.date, name: h.name, fraction: fraction_value });
        }

        let focus_value = input.focus_factor.unwrap_or(100.0);
        let focus_factor = Ratio::percent(focus_value, "focusFactor", 100.0)?;
        let under_value = input.thresholds.as_ref().and_then(|t| t.under).unwrap_or(80.0);
        let over_value = input.thresholds.as_ref().and_then(|t| t.over).unwrap_or(100.0);
        let under_threshold = Ratio::percent(under_value, "thresholds.under", 1000.0)?;
        let over_threshold = Ratio::percent(over_value, "thresholds.over", 1000.0)?;
        if under_threshold > over_threshold {
            return Err(Error::validation("thresholds.under", format!("must not exceed thresholds.over ({over_value}), got {under_value}")));
        }

        if input.roles.len() > MAX_ROLES {
            return Err(Error::validation("roles", format!("at most {MAX_ROLES} roles, got {}", input.roles.len())));
        }
        let mut roles: Vec<RoleDoc> = Vec::with_capacity(input.roles.len());
        for (i, r) in input.roles.into_iter().enumerate() {
            let f = format!("roles[{i}]");
            check_role_id(&r.id, &format!("{f}.id"))?;
            json::text(&r.name, &format!("{f}.name"), 1, 60)?;
            if roles.iter().any(|o| o.id == r.id) {
                return Err(Error::validation(format!("{f}.id"), format!("{:?} is used by another role", r.id)));
            }
            if roles.iter().any(|o| o.name == r.name) {
                return Err(Error::validation(format!("{f}.name"), format!("{:?} is the name of another role", r.name)));
            }
            let colour = match r.colour {
                Some(c) => {
                    check_colour(&c, &format!("{f}.colour"))?;
                    c
                }
                None => ROLE_PALETTE[i % ROLE_PALETTE.len()].to_string(),
            };
            roles.push(RoleDoc { id: r.id, name: r.name, colour });
        }

        if input.members.len() > MAX_MEMBERS {
            return Err(Error::validation("members", format!("at most {MAX_MEMBERS} members, got {}", input.members.len())));
        }
        let mut seen = HashSet::new();
        let mut members = Vec::with_capacity(input.members.len());
        let mut member_docs = Vec::with_capacity(input.members.len());
        for (i, m) in input.members.into_iter().enumerate() {
            let f = format!("members[{i}]");
            check_account_key(&m.account_key, &format!("{f}.accountKey"))?;
            if !seen.insert(m.account_key.clone()) {
                return Err(Error::validation(format!("{f}.accountKey"), format!("{:?} is already a member", m.account_key)));
            }
            let role_id = match (m.role_id, m.role) {
                (Some(id), None) => {
                    if !roles.iter().any(|r| r.id == id) {
                        return Err(Error::validation(format!("{f}.roleId"), format!("{id:?} is not the id of a role in roles")));
                    }
                    id
                }
                (None, Some(name)) => {
                    json::text(&name, &format!("{f}.role"), 1, 60)?;
                    role_for_name(&mut roles, &name, &format!("{f}.role"))?
                }
                (Some(_), Some(_)) => return Err(Error::validation(format!("{f}.role"), "give roleId or role (a name), not both")),
                (None, None) => return Err(Error::validation(format!("{f}.roleId"), "is required (or role, a role name)")),
            };
            let role_name = roles.iter().find(|r| r.id == role_id).map(|r| r.name.clone()).unwrap_or_default();
            let daily = to_base(m.daily_capacity, unit, &format!("{f}.dailyCapacity"), unit.max_daily())?;
            let allocation_value = m.allocation.unwrap_or(100.0);
            let allocation = Ratio::percent(allocation_value, &format!("{f}.allocation"), 100.0)?;
            let own_days = match &m.working_weekdays {
                Some(days) => Some(Weekdays::from_days(days, &format!("{f}.workingWeekdays"))?),
                None => None,
            };
            let active_from = m.active_from.as_deref().map(|d| json::date(d, &format!("{f}.activeFrom"))).transpose()?;
            let active_to = m.active_to.as_deref().map(|d| json::date(d, &format!("{f}.activeTo"))).transpose()?;
            if let (Some(from), Some(to)) = (active_from, active_to) {
                if to < from {
                    return Err(Error::validation(format!("{f}.activeTo"), format!("must not be before activeFrom ({from}), got {to}")));
                }
            }
            members.push(Member {
                account_key: m.account_key.clone(),
                role_id: role_id.clone(),
                role: role_name,
                daily,
                allocation,
                working_weekdays: own_days,
                active_from,
                active_to,
            });
            member_docs.push(MemberDoc {
                account_key: m.account_key,
                role_id,
                daily_capacity: m.daily_capacity,
                allocation: allocation_value,
                working_weekdays: m.working_weekdays,
                active_from: m.active_from,
                active_to: m.active_to,
            });
        }

        let doc = SettingsDoc {
            schema: SCHEMA,
            revision: input.revision.unwrap_or(0),
            unit,
            estimate_source,
            custom_field,
            subtask_policy,
            time_zone: tz_name,
            working_weekdays: weekday_list,
            holidays: holiday_docs,
            holiday_calendar: holiday_calendar.clone(),
            focus_factor: focus_value,
            thresholds: ThresholdsDoc { under: under_value, over: over_value },
            roles,
            members: member_docs,
        };
        Ok(BoardSettings {
            doc,
            unit,
            estimate_source,
            holiday_calendar,
            subtask_policy,
            time_zone,
            working_weekdays,
            holidays,
            focus_factor,
            under_threshold,
            over_threshold,
            members,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn with_member_only_is_the_settings_with_the_other_members_left_out() {
        let full = BoardSettings::parse(
            r#"{"focusFactor":80,"holidays":[{"date":"2026-12-24","name":"Eve","fraction":0.5}],"members":[{"accountKey":"alice","role":"Developer","dailyCapacity":6},{"accountKey":"bob","role":"QA","dailyCapacity":8,"allocation":50}]}"#,
        )
        .unwrap();
        let mut expected = full.clone();
        expected.members.retain(|m| m.account_key == "bob");
        expected.doc.members.retain(|m| m.account_key == "bob");
        // Debug shows every field: each one copied as it was.
        assert_eq!(format!("{:?}", full.with_member_only("bob")), format!("{expected:?}"));
        assert!(full.with_member_only("carol").members.is_empty());
    }

    #[test]
    fn defaults_are_complete() {
        let s = BoardSettings::defaults();
        assert_eq!(s.unit, Unit::Hours);
        assert_eq!(s.doc.working_weekdays.len(), 5);
        assert_eq!(s.doc.time_zone, "UTC");
        assert_eq!(s.under_threshold, Ratio(8000));
        assert_eq!(s.doc.revision, 0);
    }

    fn field_of(text: &str) -> String {
        BoardSettings::parse(text).unwrap_err().field().unwrap_or("").to_string()
    }

    #[test]
    fn bad_input_names_the_field() {
        let m = |extra: &str| format!(r#"{{"members":[{{"accountKey":"a","role":"Dev","dailyCapacity":6}},{{"accountKey":"b","role":"Dev",{extra}}}]}}"#);
        assert_eq!(field_of(&m(r#""dailyCapacity":-1"#)), "members[1].dailyCapacity");
        assert_eq!(field_of(&m(r#""dailyCapacity":25"#)), "members[1].dailyCapacity");
        assert_eq!(field_of(&m(r#""dailyCapacity":1e999"#)), "members[1].dailyCapacity");
        assert_eq!(field_of(&m(r#""dailyCapacity":1,"allocation":101"#)), "members[1].allocation");
        assert_eq!(field_of(&m(r#""dailyCapacity":1,"colour":"red""#)), "members[1].colour");
        assert_eq!(field_of(r#"{"holidays":[{"date":"2026-12-25","name":"X","fraction":1.5}]}"#), "holidays[0].fraction");
        assert_eq!(field_of(r#"{"holidays":[{"date":"2026-13-25","name":"X"}]}"#), "holidays[0].date");
        assert_eq!(field_of(r#"{"timeZone":"Mars/Olympus"}"#), "timeZone");
        assert_eq!(field_of(r#"{"workingWeekdays":["MON","MON"]}"#), "workingWeekdays[1]");
        assert_eq!(field_of(r#"{"thresholds":{"under":90,"over":80}}"#), "thresholds.under");
        assert_eq!(field_of(r#"{"unit":"storyPoints","estimateSource":"remaining"}"#), "estimateSource");
        assert_eq!(field_of(r#"{"schema":7}"#), "schema");
        let long = "k".repeat(MAX_ACCOUNT_KEY_CHARS + 1);
        assert_eq!(field_of(&format!(r#"{{"members":[{{"accountKey":"{long}","role":"Dev","dailyCapacity":1}}]}}"#)), "members[0].accountKey");
        assert_eq!(
            field_of(r#"{"members":[{"accountKey":"a","role":"Dev","dailyCapacity":1},{"accountKey":"a","role":"QA","dailyCapacity":1}]}"#),
            "members[1].accountKey"
        );
    }

    #[test]
    fn points_boards_default_to_story_points() {
        let s = BoardSettings::parse(r#"{"unit":"storyPoints","members":[{"accountKey":"a","role":"Dev","dailyCapacity":1.25}]}"#).unwrap();
        assert_eq!(s.estimate_source, EstimateSource::StoryPoints);
        assert_eq!(s.members[0].daily, 125);
    }
}
