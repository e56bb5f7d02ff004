//! Which local dates an iteration covers, read in the board's time zone.
//!
//! Jira stores sprint dates as instants; a team works in local dates. The rule: the
//! iteration covers the local dates from its start date to its end date, and an end
//! instant at exactly local midnight excludes that date (a sprint "ending Monday 00:00"
//! ends on Sunday). The reading is stated in words so users can see why.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, Offset, TimeZone};
use chrono_tz::Tz;

use crate::error::{Error, Result};

/// Longest iteration the engine reads: a year and a bit, enough for any sprint or release.
pub const MAX_ITERATION_DAYS: i64 = 400;

/// The local dates an iteration may cover. The zone rules the engine carries (chrono-tz's
/// build of the tz database) stop at the end of 2099: past it every zone keeps the offset it
/// had in January, so Berlin would stay on winter time in July 2100 and a sprint ending at
/// local midnight would gain a day. Refusing is honest; planning does not reach that far.
/// The lower bound keeps every date four-digit (an instant in year 0 read in a zone west of
/// UTC would be the year -1, which `YYYY-MM-DD` cannot write), and so one the engine reads.
pub const FIRST_DATE: NaiveDate = const_date(1900, 1, 1);
pub const LAST_DATE: NaiveDate = const_date(2099, 12, 31);

const fn const_date(year: i32, month: u32, day: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(d) => d,
        None => panic!("not a date"),
    }
}

/// An instant or a plain date, as the caller sent it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Moment {
    Instant(DateTime<FixedOffset>),
    Date(NaiveDate),
}

impl Moment {
    pub fn parse(text: &str, field: &str) -> Result<Moment> {
        if text.len() == 10 {
            if let Ok(d) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
                return Ok(Moment::Date(d));
            }
        }
        DateTime::parse_from_rfc3339(text)
            .or_else(|_| DateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%.f%z"))
            .map(Moment::Instant)
            .map_err(|_| {
                Error::validation(
                    field,
                    format!("must be a date YYYY-MM-DD or an instant like 2026-11-30T09:00:00.000+01:00, got {text:?}"),
                )
            })
    }
}

/// The local dates an iteration covers, and how they were read.
#[derive(Debug, Clone, PartialEq)]
pub struct DateReading {
    pub first: NaiveDate,
    pub last: NaiveDate,
    start: Moment,
    end: Moment,
    tz: Tz,
}

impl DateReading {
    pub fn dates(&self) -> impl Iterator<Item = NaiveDate> {
        self.first.iter_days().take_while({
            let last = self.last;
            move |d| *d <= last
        })
    }
}

fn describe(m: &Moment, local: Option<DateTime<Tz>>) -> String {
    match (m, local) {
        (Moment::Instant(i), Some(l)) => format!("{} is {} {}", i.to_rfc3339(), l.format("%Y-%m-%d %H:%M"), l.format("%Z")),
        (Moment::Date(d), _) => format!("{d} (a date)"),
        (Moment::Instant(i), None) => i.to_rfc3339(),
    }
}

/// Reads `start` and `end` in `tz`.
pub fn read_dates(start: Moment, end: Moment, tz: Tz) -> Result<DateReading> {
    let start_local = match start {
        Moment::Instant(i) => Some(i.with_timezone(&tz)),
        Moment::Date(_) => None,
    };
    let end_local = match end {
        Moment::Instant(i) => Some(i.with_timezone(&tz)),
        Moment::Date(_) => None,
    };
    let first = match (start, start_local) {
        (Moment::Date(d), _) => d,
        (_, Some(l)) => l.date_naive(),
        _ => unreachable!(),
    };
    let last = match (end, end_local) {
        (Moment::Date(d), _) => d,
        (_, Some(l)) if l.time() == NaiveTime::MIN => l.date_naive().pred_opt().unwrap_or(l.date_naive()),
        (_, Some(l)) => l.date_naive(),
        _ => unreachable!(),
    };
    for (date, field) in [(first, "iteration.start"), (last, "iteration.end")] {
        if !(FIRST_DATE..=LAST_DATE).contains(&date) {
            return Err(Error::validation(
                field,
                format!("{date} (local, in {tz}) is outside {FIRST_DATE} to {LAST_DATE}: the time-zone rules the engine carries end with 2099"),
            ));
        }
    }
    if last < first {
        return Err(Error::validation(
            "iteration.end",
            format!("the iteration ends ({last}) before it starts ({first}) in {tz}"),
        ));
    }
    let days = (last - first).num_days() + 1;
    if days > MAX_ITERATION_DAYS {
        return Err(Error::validation(
            "iteration.end",
            format!("an iteration may cover at most {MAX_ITERATION_DAYS} days, got {days}"),
        ));
    }
    Ok(DateReading { first, last, start, end, tz })
}

impl DateReading {
    /// True when the zone's UTC offset differs between the first and last date. Looked up
    /// on demand: a multi-project report reads tens of thousands of iterations and needs
    /// only their dates.
    pub fn offset_changes(&self) -> bool {
        let offset_at = |d: NaiveDate| self.tz.offset_from_utc_date(&d).fix();
        offset_at(self.first) != offset_at(self.last)
    }

    /// How the dates were read, in words, for the panel's date-reading note. Made on demand:
    /// a multi-project report reads thousands of iterations and shows none of this.
    pub fn explanation(&self) -> String {
        let (first, last, tz) = (self.first, self.last, self.tz);
        let local = |m: &Moment| match m {
            Moment::Instant(i) => Some(i.with_timezone(&tz)),
            Moment::Date(_) => None,
        };
        let end_local = local(&self.end);
        let end_note = match end_local {
            Some(l) if l.time() == NaiveTime::MIN => format!(", at local midnight, so {} itself is not included", l.date_naive()),
            _ => String::new(),
        };
        let days = (last - first).num_days() + 1;
        let mut text = format!(
            "Dates read in {tz}: start {}, end {}{end_note}; the iteration covers {first} to {last} ({days} day{}).",
            describe(&self.start, local(&self.start)),
            describe(&self.end, end_local),
            if days == 1 { "" } else { "s" },
        );
        if self.offset_changes() {
            let offset_at = |d: NaiveDate| tz.offset_from_utc_date(&d).fix();
            text.push_str(&format!(
                " The UTC offset of {tz} changes within the iteration ({} to {}); dates are local dates throughout.",
                offset_at(first),
                offset_at(last)
            ));
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(start: &str, end: &str, tz: &str) -> DateReading {
        read_dates(Moment::parse(start, "s").unwrap(), Moment::parse(end, "e").unwrap(), tz.parse().unwrap()).unwrap()
    }

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn end_at_local_midnight_excludes_that_date() {
        let r = read("2026-11-30T09:00:00.000+01:00", "2026-12-14T00:00:00.000+01:00", "Europe/Berlin");
        assert_eq!((r.first, r.last), (d("2026-11-30"), d("2026-12-13")));
        assert!(r.explanation().contains("not included"), "{}", r.explanation());
    }

    #[test]
    fn instants_are_read_in_the_board_zone() {
        // 23:30 UTC on the 29th is already the 30th in Berlin, still the 29th in UTC.
        let r = read("2026-11-29T23:30:00Z", "2026-12-11T16:00:00Z", "Europe/Berlin");
        assert_eq!(r.first, d("2026-11-30"));
        let r = read("2026-11-29T23:30:00Z", "2026-12-11T16:00:00Z", "UTC");
        assert_eq!(r.first, d("2026-11-29"));
        // Jira's offset form without a colon.
        let r = read("2026-11-30T09:00:00.000+0100", "2026-12-11", "Europe/Berlin");
        assert_eq!((r.first, r.last), (d("2026-11-30"), d("2026-12-11")));
    }

    #[test]
    fn offset_change_is_noticed() {
        let r = read("2026-03-23", "2026-04-03", "Europe/Berlin");
        assert!(r.offset_changes());
        assert!(!read("2026-11-30", "2026-12-11", "Europe/Berlin").offset_changes());
    }

    /// Issue 10, defect 6: a sprint in July 2100 was read with Berlin on winter time (the
    /// zone rules stop after 2099), and an end at 9999-12-31T23:59:59Z in a +14:00 zone
    /// gave the last date "+10000-01-01", which the engine refuses as input. Both read
    /// without error before; now they are refused, naming the field.
    #[test]
    fn dates_past_the_zone_rules_are_refused_and_every_date_read_is_writable() {
        let refused = |start: &str, end: &str, tz: &str| {
            read_dates(Moment::parse(start, "s").unwrap(), Moment::parse(end, "e").unwrap(), tz.parse().unwrap()).unwrap_err()
        };
        let e = refused("2100-07-01T00:00:00+02:00", "2100-07-14T00:00:00+02:00", "Europe/Berlin");
        assert_eq!(e.field(), Some("iteration.start"));
        assert!(e.to_string().contains("2099"), "{e}");
        assert_eq!(refused("9999-12-20T00:00:00Z", "9999-12-31T23:59:59Z", "Pacific/Kiritimati").field(), Some("iteration.start"));
        assert_eq!(refused("2099-12-20T00:00:00Z", "2099-12-31T11:00:00Z", "Pacific/Kiritimati").field(), Some("iteration.end"));
        assert_eq!(refused("0000-01-01T00:00:00Z", "0000-01-02T00:00:00Z", "America/New_York").field(), Some("iteration.start"));
        assert_eq!(refused("2099-12-30", "2100-01-02", "UTC").field(), Some("iteration.end"));

        // The rules hold through 2099: Berlin is on summer time in July 2099.
        let july = read("2099-07-01T00:00:00+02:00", "2099-07-15T00:00:00+02:00", "Europe/Berlin");
        assert_eq!((july.first, july.last), (d("2099-07-01"), d("2099-07-14")));
        assert!(read("2099-03-20", "2099-04-05", "Europe/Berlin").offset_changes(), "DST still starts in March 2099");
        // The last instant that still ends in 2099 locally: local midnight excludes 2100-01-01.
        let last = read("2099-12-20T00:00:00Z", "2099-12-31T10:00:00Z", "Pacific/Kiritimati");
        assert_eq!(last.last, LAST_DATE);
        // Every date a reading emits is one the engine reads back.
        for r in [july, last, read("1900-01-01", "1900-01-31", "Pacific/Kiritimati")] {
            for date in r.dates() {
                assert_eq!(crate::documents::json::date(&date.to_string(), "x").unwrap(), date);
            }
        }
    }

    #[test]
    fn zone_rules_stop_after_2099_which_is_why_the_bound_exists() {
        let berlin: Tz = "Europe/Berlin".parse().unwrap();
        let offset = |y, m| berlin.offset_from_utc_date(&NaiveDate::from_ymd_opt(y, m, 1).unwrap()).fix().local_minus_utc();
        assert_eq!(offset(2099, 7), 7200);
        // If this starts failing, chrono-tz carries rules further and LAST_DATE may move.
        assert_eq!(offset(2100, 7), 3600, "winter time in July 2100");
    }

    #[test]
    fn reversed_dates_are_rejected() {
        let e = read_dates(Moment::parse("2026-12-11", "s").unwrap(), Moment::parse("2026-11-30", "e").unwrap(), chrono_tz::UTC).unwrap_err();
        assert_eq!(e.field(), Some("iteration.end"));
        assert!(Moment::parse("yesterday", "iteration.start").is_err());
    }
}
