//! A board's days and a member's capacity on one day: the rule of the design's
//! "member day capacity", written once for both reports.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};

use crate::documents::calendars::Calendar;
use crate::documents::settings::{BoardSettings, Member};
use crate::documents::units::{scale, Ratio, RATIO_ONE};

/// Everything about one day that does not depend on the member.
pub(crate) struct TeamDay {
    pub date: NaiveDate,
    pub holiday_fraction: Ratio,
}

/// The board's holidays from `first` to `last` (its own and the shared calendar's): per date,
/// the fraction off (several on one date add up to at most a whole day) and their names.
pub(crate) fn holidays_between(
    settings: &BoardSettings,
    calendar: Option<&Calendar>,
    first: NaiveDate,
    last: NaiveDate,
) -> BTreeMap<NaiveDate, (Ratio, Vec<String>)> {
    let calendar_days = calendar.map(|c| c.days_between(first, last)).unwrap_or_default();
    let mut holidays: BTreeMap<NaiveDate, (Ratio, Vec<String>)> = BTreeMap::new();
    let board_days = settings.holidays.iter().filter(|h| h.date >= first && h.date <= last).map(|h| (h.date, h.fraction, h.name.as_str()));
    let shared_days = calendar_days.iter().map(|h| (h.date, h.fraction, h.name.as_str()));
    for (date, fraction, name) in board_days.chain(shared_days) {
        let e = holidays.entry(date).or_insert((Ratio::ZERO, vec![]));
        e.0 = e.0.saturating_add_one(fraction);
        if !e.1.iter().any(|n| n == name) {
            e.1.push(name.to_string());
        }
    }
    holidays
}

/// The board's days from `first` to `last` with their holiday fractions.
pub(crate) fn team_days(settings: &BoardSettings, calendar: Option<&Calendar>, first: NaiveDate, last: NaiveDate) -> Vec<TeamDay> {
    team_days_with(&holidays_between(settings, calendar, first, last), first, last)
}

/// [`team_days`] from the holidays already found.
pub(crate) fn team_days_with(holidays: &BTreeMap<NaiveDate, (Ratio, Vec<String>)>, first: NaiveDate, last: NaiveDate) -> Vec<TeamDay> {
    let mut next = holidays.iter().peekable();
    first
        .iter_days()
        .take_while(|d| *d <= last)
        .map(|date| {
            let holiday_fraction = match next.peek() {
                Some((d, (f, _))) if **d == date => {
                    let f = *f;
                    next.next();
                    f
                }
                _ => Ratio::ZERO,
            };
            TeamDay { date, holiday_fraction }
        })
        .collect()
}

/// Member day capacity = daily × allocation × focus × (1 − min(1, holiday + day off)) on the
/// member's working weekdays while active, else 0; rounded once per day.
pub(crate) fn member_day(member: &Member, settings: &BoardSettings, day: &TeamDay, off: Ratio) -> i64 {
    let weekdays = member.working_weekdays.unwrap_or(settings.working_weekdays);
    if !weekdays.contains(day.date.weekday()) || !member.is_active(day.date) {
        return 0;
    }
    let away = day.holiday_fraction.saturating_add_one(off);
    scale(member.daily, &[member.allocation, settings.focus_factor, Ratio(RATIO_ONE - away.0)])
}

