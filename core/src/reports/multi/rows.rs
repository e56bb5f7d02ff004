//! The second pass: each member's capacity in every bucket, and their workload spread
//! over the buckets their iterations cover, summed into rows.

use std::ops::Range;
use std::sync::Arc;

use chrono::NaiveDate;

use super::plan::BoardPlan;
use super::spread::{spread_into, spread_two};
use super::table::{BucketOut, CellSums};
use crate::capacity::index::{BoardDays, MemberCapacity, MemberShape};
use crate::capacity::days::team_days;
use crate::documents::days_off::DaysOff;
use crate::documents::units::{Ratio};
use crate::items::bulk::NO_INDEX;
use crate::items::{to_base_units, FastMap};

/// A part of an iteration: its bucket (or none: days outside the period), the cut points
/// of its first day and of the day after its last, and its length in days.
#[derive(Clone, Copy)]
pub(crate) struct Part {
    bucket: u32,
    from_cut: u32,
    to_cut: u32,
    days: i64,
}

/// The report's period and its buckets.
pub(crate) struct Span<'a> {
    pub(crate) first: NaiveDate,
    pub(crate) last: NaiveDate,
    pub(crate) buckets: &'a [BucketOut],
}

/// Where each member's numbers go: members of all boards one after the other.
pub(crate) struct Rows<'a> {
    pub(crate) count: usize,
    pub(crate) of_member: &'a [u32],
}

/// What a board's days and ranges depend on: boards alike in these (most boards of an
/// instance share the company's holidays and sprint cadence) share one [`BoardShape`].
#[derive(PartialEq, Eq, Hash)]
pub(crate) struct ShapeKey {
    holidays: Vec<(NaiveDate, Ratio)>,
    /// The shared holiday calendar, by identity (the engine's cache hands out one per text).
    calendar: Option<usize>,
    range: (NaiveDate, NaiveDate),
    iterations: Vec<(i64, i64)>,
}

impl ShapeKey {
    fn of(plan: &BoardPlan) -> ShapeKey {
        ShapeKey {
            holidays: plan.settings.holidays.iter().map(|h| (h.date, h.fraction)).collect(),
            calendar: plan.calendar.as_ref().map(|c| Arc::as_ptr(c) as usize),
            range: (plan.range_first, plan.range_last),
            iterations: plan.iterations.clone(),
        }
    }
}

/// A board's days over its range, the cut points of every bucket and iteration part, and
/// the capacity sweeps of the members without days off, by [`MemberShape`].
pub(crate) struct BoardShape {
    days: BoardDays,
    /// Day indices of the board's range where some asked-for range starts or ends.
    cuts: Vec<u32>,
    /// Index into `cuts` of each bucket's first day, then of the day after the period.
    bucket_cuts: Vec<u32>,
    /// Parts of each iteration: its days before the period, in each bucket, after it;
    /// iteration `i`'s are `parts[part_at[i]..part_at[i + 1]]`.
    parts: Vec<Part>,
    part_at: Vec<usize>,
    /// [`MemberCapacity::cumulative`] at `cuts`, for members without days off.
    plain: FastMap<MemberShape, Vec<i64>>,
}

impl BoardShape {
    fn new(plan: &BoardPlan, period: &Span) -> BoardShape {
        let (first, last, buckets) = (period.first, period.last, period.buckets);
        let days = BoardDays::new(team_days(&plan.settings, plan.calendar.as_deref(), plan.range_first, plan.range_last));
        let shift = (first - plan.range_first).num_days();
        let period_last = (last - first).num_days();
        // Buckets as day indices from the period's first day.
        let spans: Vec<(i64, i64)> = buckets.iter().map(|b| ((b.start - first).num_days(), (b.end - first).num_days())).collect();
        let mut points: Vec<i64> = spans.iter().map(|(a, _)| a + shift).collect();
        points.push(period_last + 1 + shift);
        for (a, b) in &plan.iterations {
            points.extend([a + shift, b + 1 + shift]);
        }
        points.sort_unstable();
        points.dedup();
        let cuts: Vec<u32> = points.iter().map(|p| *p as u32).collect();
        let cut = |day: i64| cuts.binary_search(&((day + shift) as u32)).expect("every range end is a cut") as u32;
        let bucket_cuts: Vec<u32> = spans.iter().map(|(a, _)| cut(*a)).chain([cut(period_last + 1)]).collect();
        let mut parts = Vec::new();
        let mut part_at = Vec::with_capacity(plan.iterations.len() + 1);
        for (a, b) in &plan.iterations {
            part_at.push(parts.len());
            let mut part = |bucket: u32, x: i64, y: i64| parts.push(Part { bucket, from_cut: cut(x), to_cut: cut(y + 1), days: y - x + 1 });
            if *a < 0 {
                part(NO_INDEX, *a, (*b).min(-1));
            }
            // The buckets the iteration overlaps: from the one holding its first day on.
            let from = spans.partition_point(|(_, end)| end < a);
            for (bk, (start, end)) in spans.iter().enumerate().skip(from) {
                if start > b {
                    break;
                }
                part(bk as u32, (*a).max(*start), (*b).min(*end));
            }
            if *b > period_last {
                part(NO_INDEX, (*a).max(period_last + 1), *b);
            }
        }
        part_at.push(parts.len());
        BoardShape { days, cuts, bucket_cuts, parts, part_at, plain: FastMap::default() }
    }
}

/// The cells of rows `wanted` (into `sums`, which holds those rows), summed over their
/// members: each member's capacity in every bucket and their workload spread over the
/// buckets their iterations cover.
pub(crate) fn member_rows(plans: &[BoardPlan], period: &Span, rows: &Rows, raw: &[i64], wanted: Range<usize>, sums: &mut [CellSums]) {
    let nb = period.buckets.len();
    let mut member_at = 0;
    let mut capacity = MemberCapacity::default();
    let no_days_off = DaysOff::empty("");
    let mut shapes: FastMap<ShapeKey, BoardShape> = FastMap::default();
    let (mut swept, mut weights, mut shares) = (Vec::new(), Vec::new(), Vec::new());
    for plan in plans {
        let settings = &*plan.settings;
        let members = &settings.members;
        let of_member = &rows.of_member[member_at..member_at + members.len()];
        member_at += members.len();
        if !of_member.iter().any(|r| wanted.contains(&(*r as usize))) {
            continue;
        }
        let BoardShape { days, cuts, bucket_cuts, parts, part_at, plain } = shapes.entry(ShapeKey::of(plan)).or_insert_with(|| BoardShape::new(plan, period));
        for (m, member) in members.iter().enumerate() {
            let row = of_member[m] as usize;
            if !wanted.contains(&row) {
                continue;
            }
            let cumulative: &[i64] = match plan.days_off[m].as_deref() {
                Some(off) => {
                    capacity.reset(days, member, settings, off);
                    capacity.cumulative(days, cuts, &mut swept);
                    &swept
                }
                None => plain.entry(MemberShape::of(days, member, settings)).or_insert_with(|| {
                    let mut out = Vec::new();
                    capacity.reset(days, member, settings, &no_days_off);
                    capacity.cumulative(days, cuts, &mut out);
                    out
                }),
            };
            let row_sums = &mut sums[(row - wanted.start) * nb..][..nb];
            for (b, s) in row_sums.iter_mut().enumerate() {
                s.capacity += cumulative[bucket_cuts[b + 1] as usize] - cumulative[bucket_cuts[b] as usize];
            }
            if plan.request_board.is_some() {
                for it in 0..plan.iterations.len() {
                    let total = to_base_units(raw[plan.raw_at + m * plan.iterations.len() + it], settings.unit);
                    if total == 0 {
                        continue;
                    }
                    let its_parts = &parts[part_at[it]..part_at[it + 1]];
                    if let [only] = its_parts {
                        // All of it (what spreading over one part gives).
                        if only.bucket != NO_INDEX {
                            row_sums[only.bucket as usize].workload += total;
                        }
                        continue;
                    }
                    if let [a, b] = its_parts {
                        let weight = |p: &Part| cumulative[p.to_cut as usize] - cumulative[p.from_cut as usize];
                        if let Some(first) = spread_two(total, weight(a), weight(b)) {
                            for (p, share) in [(a, first), (b, total - first)] {
                                if p.bucket != NO_INDEX {
                                    row_sums[p.bucket as usize].workload += share;
                                }
                            }
                            continue;
                        }
                    }
                    weights.clear();
                    weights.extend(its_parts.iter().map(|p| cumulative[p.to_cut as usize] - cumulative[p.from_cut as usize]));
                    // No capacity at all: spread by days instead.
                    if weights.iter().all(|w| *w == 0) {
                        weights.clear();
                        weights.extend(its_parts.iter().map(|p| p.days));
                    }
                    spread_into(total, &weights, &mut shares);
                    for (p, share) in its_parts.iter().zip(&shares) {
                        if p.bucket != NO_INDEX {
                            row_sums[p.bucket as usize].workload += share;
                        }
                    }
                }
            }
        }
    }
}

/// The order that sorts `keys`: by their first sixteen bytes, held in one number so that
/// most comparisons read no string (account keys are mostly shorter), then by the whole
/// key among those alike in the first sixteen.
pub(crate) fn sorted_order(keys: &[&str]) -> Vec<u32> {
    let prefix = |k: &str| {
        let mut bytes = [0u8; 16];
        let n = k.len().min(16);
        bytes[..n].copy_from_slice(&k.as_bytes()[..n]);
        u128::from_be_bytes(bytes)
    };
    let mut by_prefix: Vec<(u128, u32)> = keys.iter().enumerate().map(|(i, k)| (prefix(k), i as u32)).collect();
    by_prefix.sort_unstable();
    let mut order: Vec<u32> = by_prefix.iter().map(|(_, i)| *i).collect();
    // Keys padded alike compare alike only when one is longer than sixteen bytes or they
    // differ in trailing NULs: those runs are sorted again by the whole key.
    let mut from = 0;
    while from < by_prefix.len() {
        let to = from + by_prefix[from..].iter().take_while(|(p, _)| *p == by_prefix[from].0).count();
        if to - from > 1 {
            order[from..to].sort_unstable_by(|a, b| keys[*a as usize].cmp(keys[*b as usize]));
        }
        from = to;
    }
    order
}

/// Numbers the distinct keys of a sequence in sorted order: each element's number, and the
/// distinct keys sorted. `expected` is about how many distinct keys there are: a table
/// grown step by step hashes every key again at each step, and hashing a key reads it
/// (tens of thousands of account keys, each somewhere else in memory).
pub(crate) fn number_in_order<'k>(sequence: impl Iterator<Item = &'k str>, expected: usize) -> (Vec<u32>, Vec<&'k str>) {
    let mut first_seen: FastMap<&str, u32> = FastMap::with_capacity_and_hasher(expected, Default::default());
    let mut keys: Vec<&str> = Vec::new();
    let mut numbers: Vec<u32> = sequence
        .map(|k| {
            *first_seen.entry(k).or_insert_with(|| {
                keys.push(k);
                (keys.len() - 1) as u32
            })
        })
        .collect();
    let order = sorted_order(&keys);
    let mut rank = vec![0u32; keys.len()];
    for (r, k) in order.iter().enumerate() {
        rank[*k as usize] = r as u32;
    }
    for n in &mut numbers {
        *n = rank[*n as usize];
    }
    (numbers, order.iter().map(|k| keys[*k as usize]).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_sort_as_strings_do() {
        let keys = ["b", "a", "abcdefghijklmnopq", "abcdefghijklmnop", "abcdefghijklmnopa", "a\0", "", "é", "z", "abcdefghijklmnopq2"];
        let order = sorted_order(&keys);
        let mut expected = keys.to_vec();
        expected.sort();
        assert_eq!(order.iter().map(|i| keys[*i as usize]).collect::<Vec<_>>(), expected);
    }
}
