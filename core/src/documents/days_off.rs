//! A person's days off, shared by every board they are on.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::documents::json;
use crate::documents::settings::check_account_key;
use crate::documents::units::Ratio;

pub const SCHEMA: u32 = 1;
pub const MAX_RANGES: usize = 1000;
/// A range may span at most this many days (a long leave is one range, not a decade).
pub const MAX_RANGE_DAYS: i64 = 366;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DaysOffDoc {
    pub schema: u32,
    pub revision: u64,
    pub account_key: String,
    pub ranges: Vec<RangeDoc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RangeDoc {
    pub start: String,
    pub end: String,
    pub fraction: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct DaysOffInput {
    schema: Option<u32>,
    revision: Option<u64>,
    account_key: Option<String>,
    #[serde(default)]
    ranges: Vec<RangeInput>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct RangeInput {
    start: String,
    end: String,
    fraction: Option<f64>,
    reason: Option<String>,
}

/// Validated days off: the fraction off per date, overlaps merged by taking the largest.
#[derive(Debug, Clone)]
pub struct DaysOff {
    pub doc: DaysOffDoc,
    pub by_date: BTreeMap<NaiveDate, Ratio>,
}

impl DaysOff {
    pub fn empty(account_key: &str) -> DaysOff {
        DaysOff {
            doc: DaysOffDoc { schema: SCHEMA, revision: 0, account_key: account_key.to_string(), ranges: vec![] },
            by_date: BTreeMap::new(),
        }
    }

    /// Fraction of `date` the person is off (0 when not off).
    pub fn fraction(&self, date: NaiveDate) -> Ratio {
        self.by_date.get(&date).copied().unwrap_or(Ratio::ZERO)
    }

    /// Parses a document for `account_key`; its own `accountKey`, if given, must match.
    pub fn parse(text: &str, account_key: &str) -> Result<DaysOff> {
        check_account_key(account_key, "accountKey")?;
        let input: DaysOffInput = json::parse(text, "")?;
        let schema = input.schema.unwrap_or(SCHEMA);
        if schema != SCHEMA {
            return Err(Error::validation("schema", format!("unsupported schema {schema}; this engine reads schema {SCHEMA}")));
        }
        if let Some(k) = &input.account_key {
            if k != account_key {
                return Err(Error::validation("accountKey", format!("the document is for {k:?} but was sent for {account_key:?}")));
            }
        }
        if input.ranges.len() > MAX_RANGES {
            return Err(Error::validation("ranges", format!("at most {MAX_RANGES} ranges, got {}", input.ranges.len())));
        }
        let mut by_date: BTreeMap<NaiveDate, Ratio> = BTreeMap::new();
        let mut ranges = Vec::with_capacity(input.ranges.len());
        for (i, r) in input.ranges.into_iter().enumerate() {
            let f = format!("ranges[{i}]");
            let start = json::date(&r.start, &format!("{f}.start"))?;
            let end = json::date(&r.end, &format!("{f}.end"))?;
            if end < start {
                return Err(Error::validation(format!("{f}.end"), format!("must not be before start ({start}), got {end}")));
            }
            let days = (end - start).num_days() + 1;
            if days > MAX_RANGE_DAYS {
                return Err(Error::validation(format!("{f}.end"), format!("a range may span at most {MAX_RANGE_DAYS} days, got {days}")));
            }
            let fraction_value = r.fraction.unwrap_or(1.0);
            let fraction = Ratio::fraction(fraction_value, &format!("{f}.fraction"), false)?;
            if let Some(reason) = &r.reason {
                json::text(reason, &format!("{f}.reason"), 0, 200)?;
            }
            let mut d = start;
            while d <= end {
                let slot = by_date.entry(d).or_insert(Ratio::ZERO);
                *slot = (*slot).max(fraction);
                d = d.succ_opt().expect("validated dates are far from the calendar's end");
            }
            ranges.push(RangeDoc { start: r.start, end: r.end, fraction: fraction_value, reason: r.reason });
        }
        Ok(DaysOff {
            doc: DaysOffDoc { schema: SCHEMA, revision: input.revision.unwrap_or(0), account_key: account_key.to_string(), ranges },
            by_date,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn overlapping_ranges_never_double_count() {
        let off = DaysOff::parse(
            r#"{"ranges":[{"start":"2026-12-01","end":"2026-12-03","fraction":0.5},{"start":"2026-12-02","end":"2026-12-02"}]}"#,
            "alice",
        )
        .unwrap();
        assert_eq!(off.fraction(d("2026-12-01")), Ratio(5000));
        assert_eq!(off.fraction(d("2026-12-02")), Ratio::ONE);
        assert_eq!(off.fraction(d("2026-12-04")), Ratio::ZERO);
    }

    #[test]
    fn bad_ranges_name_the_field() {
        let e = DaysOff::parse(r#"{"ranges":[{"start":"2026-12-03","end":"2026-12-01"}]}"#, "a").unwrap_err();
        assert_eq!(e.field(), Some("ranges[0].end"));
        let e = DaysOff::parse(r#"{"ranges":[{"start":"2026-12-01","end":"2026-12-01","fraction":0}]}"#, "a").unwrap_err();
        assert_eq!(e.field(), Some("ranges[0].fraction"));
        let e = DaysOff::parse(r#"{"accountKey":"bob"}"#, "alice").unwrap_err();
        assert_eq!(e.field(), Some("accountKey"));
        let e = DaysOff::parse(r#"{"ranges":[{"start":"2026-01-01","end":"2028-01-01"}]}"#, "a").unwrap_err();
        assert_eq!(e.field(), Some("ranges[0].end"));
    }
}
