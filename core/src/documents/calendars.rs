//! Shared holiday calendars: explicit dates plus yearly rules, expanded per year.

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::documents::json;
use crate::documents::settings::Day;
use crate::documents::units::Ratio;

pub const SCHEMA: u32 = 1;
pub const MAX_ENTRIES: usize = 500;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CalendarDoc {
    pub schema: u32,
    pub revision: u64,
    pub id: String,
    pub name: String,
    pub dates: Vec<DateDoc>,
    pub rules: Vec<RuleDoc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DateDoc {
    pub date: String,
    pub name: String,
    #[serde(default = "one")]
    pub fraction: f64,
}

fn one() -> f64 {
    1.0
}

/// A yearly rule. `n` counts from 1 (the first Monday); `offset` is days from Easter Sunday.
///
/// The numbers are read as `i64` and range-checked by [`Calendar::parse`]: inside an
/// internally tagged enum serde cannot say which field a type error is in, so a narrower
/// type made an offset of 99999999999 an error naming only `rules[0]` (issue 10, defect 8).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "camelCase", deny_unknown_fields)]
pub enum RuleDoc {
    #[serde(rename_all = "camelCase")]
    Fixed { name: String, month: i64, day: i64, #[serde(default = "one")] fraction: f64 },
    #[serde(rename_all = "camelCase")]
    NthWeekday { name: String, month: i64, weekday: Day, n: i64, #[serde(default = "one")] fraction: f64 },
    #[serde(rename_all = "camelCase")]
    LastWeekday { name: String, month: i64, weekday: Day, #[serde(default = "one")] fraction: f64 },
    #[serde(rename_all = "camelCase")]
    Easter { name: String, offset: i64, #[serde(default = "one")] fraction: f64 },
}

/// A checked month, day or `n` as chrono takes it (out of range: none, so no date).
fn small(n: i64) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct CalendarInput {
    schema: Option<u32>,
    revision: Option<u64>,
    id: Option<String>,
    name: String,
    #[serde(default)]
    dates: Vec<DateDoc>,
    #[serde(default)]
    rules: Vec<RuleDoc>,
}

/// A holiday on a date, from a calendar.
#[derive(Debug, Clone, PartialEq)]
pub struct CalendarDay {
    pub date: NaiveDate,
    pub name: String,
    pub fraction: Ratio,
}

#[derive(Debug, Clone)]
pub struct Calendar {
    pub doc: CalendarDoc,
}

pub fn check_id(id: &str, field: &str) -> Result<()> {
    crate::documents::ids::DOCUMENT_ID.check(id, field)
}

fn check_month_day(month: i64, day: Option<i64>, field: &str) -> Result<()> {
    if !(1..=12).contains(&month) {
        return Err(Error::validation(format!("{field}.month"), format!("must be 1 to 12, got {month}")));
    }
    if let Some(day) = day {
        // 2024 is a leap year, so 29 February is accepted (and skipped in other years).
        if NaiveDate::from_ymd_opt(2024, small(month), small(day)).is_none() {
            return Err(Error::validation(format!("{field}.day"), format!("{month}/{day} is not a day of the year")));
        }
    }
    Ok(())
}

impl Calendar {
    pub fn parse(text: &str, id: &str) -> Result<Calendar> {
        check_id(id, "id")?;
        let input: CalendarInput = json::parse(text, "")?;
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
        if input.dates.len() + input.rules.len() > MAX_ENTRIES {
            return Err(Error::validation("dates", format!("at most {MAX_ENTRIES} dates and rules together")));
        }
        for (i, d) in input.dates.iter().enumerate() {
            let f = format!("dates[{i}]");
            json::date(&d.date, &format!("{f}.date"))?;
            json::text(&d.name, &format!("{f}.name"), 1, 100)?;
            Ratio::fraction(d.fraction, &format!("{f}.fraction"), false)?;
        }
        for (i, r) in input.rules.iter().enumerate() {
            let f = format!("rules[{i}]");
            let (name, fraction) = match r {
                RuleDoc::Fixed { name, month, day, fraction } => {
                    check_month_day(*month, Some(*day), &f)?;
                    (name, fraction)
                }
                RuleDoc::NthWeekday { name, month, n, fraction, .. } => {
                    check_month_day(*month, None, &f)?;
                    if !(1..=5).contains(n) {
                        return Err(Error::validation(format!("{f}.n"), format!("must be 1 to 5, got {n}")));
                    }
                    (name, fraction)
                }
                RuleDoc::LastWeekday { name, month, fraction, .. } => {
                    check_month_day(*month, None, &f)?;
                    (name, fraction)
                }
                RuleDoc::Easter { name, offset, fraction } => {
                    if !(-100..=100).contains(offset) {
                        return Err(Error::validation(format!("{f}.offset"), format!("must be -100 to 100 days, got {offset}")));
                    }
                    (name, fraction)
                }
            };
            json::text(name, &format!("{f}.name"), 1, 100)?;
            Ratio::fraction(*fraction, &format!("{f}.fraction"), false)?;
        }
        Ok(Calendar {
            doc: CalendarDoc {
                schema: SCHEMA,
                revision: input.revision.unwrap_or(0),
                id: id.to_string(),
                name: input.name,
                dates: input.dates,
                rules: input.rules,
            },
        })
    }

    /// Every holiday of the calendar from `first` to `last`, in date order.
    pub fn days_between(&self, first: NaiveDate, last: NaiveDate) -> Vec<CalendarDay> {
        let mut out = Vec::new();
        let frac = |f: f64| Ratio((f * crate::documents::units::RATIO_ONE as f64).round() as i64);
        for d in &self.doc.dates {
            if let Ok(date) = NaiveDate::parse_from_str(&d.date, "%Y-%m-%d") {
                if date >= first && date <= last {
                    out.push(CalendarDay { date, name: d.name.clone(), fraction: frac(d.fraction) });
                }
            }
        }
        // A rule's date can fall in the year before or after the one it is computed for
        // (an Easter offset of -100 days lands in December), so neighbours are expanded too.
        for year in first.year() - 1..=last.year() + 1 {
            for r in &self.doc.rules {
                let (date, name, fraction) = match r {
                    RuleDoc::Fixed { name, month, day, fraction } => (NaiveDate::from_ymd_opt(year, small(*month), small(*day)), name, fraction),
                    RuleDoc::NthWeekday { name, month, weekday, n, fraction } => (nth_weekday(year, small(*month), weekday.weekday(), small(*n)), name, fraction),
                    RuleDoc::LastWeekday { name, month, weekday, fraction } => (last_weekday(year, small(*month), weekday.weekday()), name, fraction),
                    // Checked arithmetic: a stored document is not re-validated on every read.
                    RuleDoc::Easter { name, offset, fraction } => {
                        (easter(year).and_then(|e| e.checked_add_signed(Duration::try_days(*offset)?)), name, fraction)
                    }
                };
                if let Some(date) = date.filter(|d| *d >= first && *d <= last) {
                    out.push(CalendarDay { date, name: name.clone(), fraction: frac(*fraction) });
                }
            }
        }
        out.sort_by(|a, b| a.date.cmp(&b.date).then(a.name.cmp(&b.name)));
        out
    }
}

/// The `n`-th `weekday` of a month (n from 1), if the month has one.
pub fn nth_weekday(year: i32, month: u32, weekday: Weekday, n: u32) -> Option<NaiveDate> {
    NaiveDate::from_weekday_of_month_opt(year, month, weekday, u8::try_from(n).ok()?)
}

/// The last `weekday` of a month.
pub fn last_weekday(year: i32, month: u32, weekday: Weekday) -> Option<NaiveDate> {
    let next_month = if month == 12 { NaiveDate::from_ymd_opt(year + 1, 1, 1)? } else { NaiveDate::from_ymd_opt(year, month + 1, 1)? };
    let mut d = next_month.pred_opt()?;
    while d.weekday() != weekday {
        d = d.pred_opt()?;
    }
    Some(d)
}

/// Western (Gregorian) Easter Sunday: the anonymous Gregorian computus.
pub fn easter(year: i32) -> Option<NaiveDate> {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn easter_dates_are_right() {
        assert_eq!(easter(2024), Some(d("2024-03-31")));
        assert_eq!(easter(2025), Some(d("2025-04-20")));
        assert_eq!(easter(2026), Some(d("2026-04-05")));
        assert_eq!(easter(2027), Some(d("2027-03-28")));
        assert_eq!(easter(2038), Some(d("2038-04-25")));
    }

    #[test]
    fn weekday_rules() {
        // Thanksgiving: fourth Thursday of November; Memorial Day: last Monday of May.
        assert_eq!(nth_weekday(2026, 11, Weekday::Thu, 4), Some(d("2026-11-26")));
        assert_eq!(last_weekday(2026, 5, Weekday::Mon), Some(d("2026-05-25")));
        assert_eq!(last_weekday(2026, 12, Weekday::Thu), Some(d("2026-12-31")));
        assert_eq!(nth_weekday(2026, 2, Weekday::Mon, 5), None);
    }

    #[test]
    fn a_calendar_expands_over_years() {
        let cal = Calendar::parse(
            r#"{"name":"Germany (federal)","dates":[{"date":"2027-05-01","name":"One-off","fraction":0.5}],
               "rules":[{"type":"fixed","name":"New Year","month":1,"day":1},
                        {"type":"easter","name":"Good Friday","offset":-2},
                        {"type":"easter","name":"Easter Monday","offset":1},
                        {"type":"fixed","name":"Leap","month":2,"day":29}]}"#,
            "de",
        )
        .unwrap();
        let days = cal.days_between(d("2026-01-01"), d("2027-12-31"));
        let names: Vec<(String, &str)> = days.iter().map(|c| (c.date.to_string(), c.name.as_str())).collect();
        assert_eq!(
            names,
            [
                ("2026-01-01".into(), "New Year"),
                ("2026-04-03".into(), "Good Friday"),
                ("2026-04-06".into(), "Easter Monday"),
                ("2027-01-01".into(), "New Year"),
                ("2027-03-26".into(), "Good Friday"),
                ("2027-03-29".into(), "Easter Monday"),
                ("2027-05-01".into(), "One-off"),
            ]
        );
        assert_eq!(days[6].fraction, Ratio(5000));
    }

    #[test]
    fn bad_rules_name_the_field() {
        let e = Calendar::parse(r#"{"name":"X","rules":[{"type":"fixed","name":"N","month":2,"day":30}]}"#, "x").unwrap_err();
        assert_eq!(e.field(), Some("rules[0].day"));
        let e = Calendar::parse(r#"{"name":"X","rules":[{"type":"nthWeekday","name":"N","month":2,"weekday":"MON","n":6}]}"#, "x").unwrap_err();
        assert_eq!(e.field(), Some("rules[0].n"));
        let e = Calendar::parse(r#"{"name":"X","rules":[{"type":"lunar","name":"N"}]}"#, "x").unwrap_err();
        assert!(e.field().unwrap().starts_with("rules[0]"), "{e}");
        // Issue 10, defect 8: these named only rules[0] (an i32 overflow inside the tagged enum).
        for (rule, field) in [
            (r#"{"type":"easter","name":"N","offset":99999999999}"#, "rules[0].offset"),
            (r#"{"type":"easter","name":"N","offset":-99999999999}"#, "rules[0].offset"),
            (r#"{"type":"fixed","name":"N","month":99999999999,"day":1}"#, "rules[0].month"),
            (r#"{"type":"fixed","name":"N","month":1,"day":-5}"#, "rules[0].day"),
            (r#"{"type":"nthWeekday","name":"N","month":1,"weekday":"MON","n":4294967296}"#, "rules[0].n"),
        ] {
            let e = Calendar::parse(&format!(r#"{{"name":"X","rules":[{rule}]}}"#), "x").unwrap_err();
            assert_eq!(e.field(), Some(field), "{rule}: {e}");
        }
    }

    #[test]
    fn stored_rules_out_of_range_give_no_date_and_no_panic() {
        let cal = Calendar {
            doc: CalendarDoc {
                schema: SCHEMA,
                revision: 1,
                id: "x".into(),
                name: "X".into(),
                dates: vec![],
                rules: vec![
                    RuleDoc::Easter { name: "E".into(), offset: i64::MAX, fraction: 1.0 },
                    RuleDoc::Fixed { name: "F".into(), month: -1, day: 1, fraction: 1.0 },
                    RuleDoc::NthWeekday { name: "N".into(), month: 1, weekday: crate::documents::settings::Day::MON, n: 257, fraction: 1.0 },
                ],
            },
        };
        assert!(cal.days_between(d("2026-01-01"), d("2026-12-31")).is_empty());
    }
}
