//! A member's capacity over many date ranges at once: the multi-project report asks for
//! every member's capacity in every bucket and iteration part of a year, across thousands
//! of boards.
//!
//! On an ordinary working day a member's capacity is one constant (daily × allocation ×
//! focus, rounded once); only holidays and days off differ. So the capacity of a range is
//! that constant times the ordinary working days in it (a prefix count per weekday mask),
//! plus the summed differences on special days. One sweep gives the capacity up to each
//! range end ([`MemberCapacity::cumulative`]); a range's capacity is then a subtraction. It
//! equals the day-by-day sum exactly (a property test checks it).

use chrono::{Datelike, NaiveDate};

use crate::documents::days_off::DaysOff;
use crate::capacity::days::{member_day, TeamDay};
use crate::documents::settings::{BoardSettings, Member, Weekdays};
use crate::documents::units::{scale, Ratio};

/// Per board: the days of a range and, per weekday mask, how many ordinary working days
/// (no holiday) precede each day.
pub struct BoardDays {
    pub first: NaiveDate,
    pub days: Vec<TeamDay>,
    /// Indices of the days with a holiday.
    holidays: Vec<usize>,
    masks: Vec<(Weekdays, Vec<u32>)>,
}

impl BoardDays {
    pub fn new(days: Vec<TeamDay>) -> BoardDays {
        let first = days.first().map(|d| d.date).unwrap_or(NaiveDate::MIN);
        let holidays = days.iter().enumerate().filter(|(_, d)| d.holiday_fraction != Ratio::ZERO).map(|(i, _)| i).collect();
        BoardDays { first, days, holidays, masks: Vec::new() }
    }

    fn ordinary_prefix(&mut self, mask: Weekdays) -> usize {
        if let Some(i) = self.masks.iter().position(|(m, _)| *m == mask) {
            return i;
        }
        let mut prefix = Vec::with_capacity(self.days.len() + 1);
        let mut n = 0u32;
        prefix.push(0);
        for d in &self.days {
            if mask.contains(d.date.weekday()) && d.holiday_fraction == Ratio::ZERO {
                n += 1;
            }
            prefix.push(n);
        }
        self.masks.push((mask, prefix));
        self.masks.len() - 1
    }

    /// Index of `date` in the range (may be outside it: callers clamp).
    pub fn index(&self, date: NaiveDate) -> i64 {
        (date - self.first).num_days()
    }
}

/// Everything a member's capacity over a board's days depends on, besides their days off:
/// members alike in these (most of a team) have the same capacity on every day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MemberShape {
    mask: Weekdays,
    daily: i64,
    allocation: Ratio,
    focus: Ratio,
    /// Active day indices, inclusive, clamped to the board's range.
    active: (i64, i64),
}

impl MemberShape {
    pub fn of(board: &BoardDays, member: &Member, settings: &BoardSettings) -> MemberShape {
        let last = board.days.len() as i64 - 1;
        MemberShape {
            mask: member.working_weekdays.unwrap_or(settings.working_weekdays),
            daily: member.daily,
            allocation: member.allocation,
            focus: settings.focus_factor,
            active: (member.active_from.map_or(0, |d| board.index(d).max(0)), member.active_to.map_or(last, |d| board.index(d).min(last))),
        }
    }
}

/// One member's capacity over ranges of a board's days.
#[derive(Default)]
pub struct MemberCapacity {
    mask_slot: usize,
    ordinary: i64,
    /// Active day indices, inclusive, clamped to the board's range.
    active: (i64, i64),
    /// Special days: (day index, capacity minus what an ordinary day would count).
    specials: Vec<(u32, i64)>,
    /// Prefix sums of the specials' differences.
    special_prefix: Vec<i64>,
}

impl MemberCapacity {
    #[cfg(test)]
    pub fn new(board: &mut BoardDays, member: &Member, settings: &BoardSettings, off: &DaysOff) -> MemberCapacity {
        let mut capacity = MemberCapacity::default();
        capacity.reset(board, member, settings, off);
        capacity
    }

    /// Makes this the capacity of `member`, reusing its buffers: a multi-project report
    /// indexes tens of thousands of members one after the other.
    pub fn reset(&mut self, board: &mut BoardDays, member: &Member, settings: &BoardSettings, off: &DaysOff) {
        let MemberShape { mask, active: (from, to), .. } = MemberShape::of(board, member, settings);
        let mask_slot = board.ordinary_prefix(mask);
        let ordinary = scale(member.daily, &[member.allocation, settings.focus_factor, Ratio::ONE]);
        let last = board.days.len() as i64 - 1;
        let specials = &mut self.specials;
        specials.clear();
        let mut add = |i: i64, day: &TeamDay, off_fraction: Ratio| {
            if i < from || i > to || !mask.contains(day.date.weekday()) {
                return;
            }
            // A day off wholly (the usual holiday) counts nothing: no need to scale.
            let value = if day.holiday_fraction.saturating_add_one(off_fraction) == Ratio::ONE { 0 } else { member_day(member, settings, day, off_fraction) };
            let counted_as = if day.holiday_fraction == Ratio::ZERO { ordinary } else { 0 };
            if value != counted_as {
                specials.push((i as u32, value - counted_as));
            }
        };
        // Holidays, then days off that are not holidays (a holiday already took the day off into account).
        for &i in &board.holidays {
            let day = &board.days[i];
            add(i as i64, day, off.fraction(day.date));
        }
        for (date, fraction) in off.by_date.range(board.first..) {
            let i = board.index(*date);
            if i > last {
                break;
            }
            let day = &board.days[i as usize];
            if day.holiday_fraction == Ratio::ZERO {
                add(i, day, *fraction);
            }
        }
        specials.sort_unstable();
        let special_prefix = &mut self.special_prefix;
        special_prefix.clear();
        let mut sum = 0;
        special_prefix.push(0);
        for (_, d) in specials.iter() {
            sum += d;
            special_prefix.push(sum);
        }
        self.mask_slot = mask_slot;
        self.ordinary = ordinary;
        self.active = (from, to);
    }

    /// The capacity of days `0..k` for each `k` of `cuts` (ascending, at most the number of
    /// days), into `out`: then the capacity of days `a..=b` is `out[j] - out[i]` where
    /// `cuts[i] = a` and `cuts[j] = b + 1`, the same as [`MemberCapacity::between`].
    /// One sweep, so a report asking for many ranges of the same days pays per range only a
    /// subtraction.
    pub fn cumulative(&self, board: &BoardDays, cuts: &[u32], out: &mut Vec<i64>) {
        out.clear();
        let prefix = &board.masks[self.mask_slot].1;
        let (from, to) = self.active;
        if self.specials.is_empty() && from == 0 && to + 1 == board.days.len() as i64 {
            // Active throughout with no special day: ordinary days only (most members).
            out.extend(cuts.iter().map(|k| self.ordinary * prefix[*k as usize] as i64));
            return;
        }
        // Before `from` nothing counts; from `to + 1` on nothing more does. Every special
        // lies within the active days.
        let mut next_special = 0;
        let mut specials_sum = 0;
        for &k in cuts {
            let end = (k as i64).min(to + 1);
            if end <= from {
                out.push(0);
                continue;
            }
            while let Some((day, difference)) = self.specials.get(next_special) {
                if *day as i64 >= end {
                    break;
                }
                specials_sum += difference;
                next_special += 1;
            }
            let ordinary_days = (prefix[end as usize] - prefix[from as usize]) as i64;
            out.push(self.ordinary * ordinary_days + specials_sum);
        }
    }

    /// Capacity over day indices `a..=b` of the board's range, directly (O(log s) for s
    /// special days): the reference the sweep of [`MemberCapacity::cumulative`] is tested
    /// against.
    #[cfg(test)]
    pub fn between(&self, board: &BoardDays, a: i64, b: i64) -> i64 {
        let a = a.max(self.active.0);
        let b = b.min(self.active.1);
        if a > b {
            return 0;
        }
        let prefix = &board.masks[self.mask_slot].1;
        let ordinary_days = (prefix[b as usize + 1] - prefix[a as usize]) as i64;
        let lo = self.specials.partition_point(|(i, _)| (*i as i64) < a);
        let hi = self.specials.partition_point(|(i, _)| (*i as i64) <= b);
        self.ordinary * ordinary_days + self.special_prefix[hi] - self.special_prefix[lo]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::capacity::days::team_days;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn equals_the_day_by_day_sum(
            daily in 0.0f64..=24.0,
            allocation in 0.0f64..=100.0,
            focus in 0.0f64..=100.0,
            holidays in proptest::collection::vec((0i64..60, 0.05f64..=1.0), 0..6),
            offs in proptest::collection::vec((0i64..60, 0i64..5, 0.05f64..=1.0), 0..6),
            mask in 0u8..128,
            active in proptest::option::of((0i64..60, 0i64..60)),
            a in 0i64..60,
            len in 0i64..60,
        ) {
            let first = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
            let day = |i: i64| first + chrono::Duration::days(i);
            let days: Vec<String> = ["MON","TUE","WED","THU","FRI","SAT","SUN"].iter().enumerate()
                .filter(|(i, _)| mask & (1 << i) != 0).map(|(_, d)| format!("\"{d}\"")).collect();
            let hol: Vec<String> = holidays.iter().map(|(i, f)| format!(r#"{{"date":"{}","name":"H","fraction":{f}}}"#, day(*i))).collect();
            let (from, to) = match active { Some((x, y)) => (Some(day(x.min(y))), Some(day(x.max(y)))), None => (None, None) };
            let active_json = match (from, to) {
                (Some(f), Some(t)) => format!(r#","activeFrom":"{f}","activeTo":"{t}""#),
                _ => String::new(),
            };
            let settings = BoardSettings::parse(&format!(
                r#"{{"focusFactor":{focus},"holidays":[{}],"workingWeekdays":[{}],"members":[{{"accountKey":"m","role":"R","dailyCapacity":{daily},"allocation":{allocation}{active_json}}}]}}"#,
                hol.join(","), days.join(",")
            )).unwrap();
            let ranges: Vec<String> = offs.iter().map(|(i, n, f)| format!(r#"{{"start":"{}","end":"{}","fraction":{f}}}"#, day(*i), day(i + n))).collect();
            let off = DaysOff::parse(&format!(r#"{{"ranges":[{}]}}"#, ranges.join(",")), "m").unwrap();
            let member = &settings.members[0];
            let mut board = BoardDays::new(team_days(&settings, None, day(0), day(59)));
            let cap = MemberCapacity::new(&mut board, member, &settings, &off);
            let b = (a + len).min(59);
            let expected: i64 = board.days[a as usize..=b as usize].iter().map(|d| member_day(member, &settings, d, off.fraction(d.date))).sum();
            prop_assert_eq!(cap.between(&board, a, b), expected);
            // The sweep gives the same ranges, also for a member reset from another.
            let mut reused = MemberCapacity::new(&mut board, &settings.members[0], &BoardSettings::defaults(), &DaysOff::empty("x"));
            reused.reset(&mut board, member, &settings, &off);
            let cuts = [0, a as u32, b as u32 + 1, 60];
            let mut out = Vec::new();
            reused.cumulative(&board, &cuts, &mut out);
            prop_assert_eq!(out[2] - out[1], expected);
            prop_assert_eq!(out[0], 0);
            prop_assert_eq!(out[3], cap.between(&board, 0, 59));
        }
    }
}
