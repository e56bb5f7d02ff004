//! People allocated above 100 % across boards in a bucket.

use chrono::NaiveDate;

use super::plan::BoardPlan;
use super::table::{BucketOut, Keys, Overload};
use crate::documents::units::RATIO_ONE;

/// Every member's membership (person, membership) for the over-allocation check, in board
/// order.
pub(crate) fn memberships(plans: &[BoardPlan], person_of_member: &[u32], (first, last): (NaiveDate, NaiveDate)) -> Vec<(u32, Membership)> {
    let mut out = Vec::with_capacity(person_of_member.len());
    let members = plans.iter().enumerate().flat_map(|(bi, plan)| plan.settings.members.iter().map(move |m| (bi, m)));
    for ((bi, member), person) in members.zip(person_of_member) {
        let from = member.active_from.unwrap_or(first).max(first);
        let to = member.active_to.unwrap_or(last).min(last);
        if from <= to {
            out.push((*person, (bi as u32, member.allocation.0, from, to)));
        }
    }
    out
}

/// A membership: (board index, allocation, active from, active to).
pub(crate) type Membership = (u32, i64, NaiveDate, NaiveDate);

/// For each person (by rank) and bucket, the highest sum of allocations over any day (they
/// change only where a membership starts, so only those days and the bucket's first are
/// examined), when it exceeds 100 %. Returns the overloads (runs of buckets alike), the
/// people they name, and the board lists they point into.
pub(crate) fn over_allocations(memberships: Vec<(u32, Membership)>, people: &[&str], buckets: &[BucketOut], (first, last): (NaiveDate, NaiveDate)) -> (Vec<Overload>, Keys, Vec<u32>) {
    // By person, each person's memberships in board order.
    let memberships = by_person(memberships, people.len());
    let mut overloads: Vec<Overload> = Vec::new();
    let mut names = Keys::default();
    let mut boards: Vec<u32> = Vec::new();
    for group in memberships.chunk_by(|a, b| a.0 == b.0) {
        if group.iter().map(|(_, s)| s.1).sum::<i64>() <= RATIO_ONE {
            continue;
        }
        let person = names.len() as u32;
        if group.iter().all(|(_, s)| s.2 == first && s.3 == last) {
            // Every membership spans the whole period: the same sum, over every board, in
            // every bucket (what the day-by-day search below finds for each).
            let from = boards.len() as u32;
            boards.extend(group.iter().map(|(_, s)| s.0));
            names.push(people[group[0].0 as usize]);
            let allocation = group.iter().map(|(_, s)| s.1).sum();
            overloads.push(Overload { person, buckets: (0, buckets.len() as u32 - 1), allocation, boards: (from, boards.len() as u32) });
            continue;
        }
        let mut named = false;
        for (bk, b) in buckets.iter().enumerate() {
            let mut worst: (i64, Option<NaiveDate>) = (0, None);
            let starts = group.iter().map(|(_, s)| s.2).filter(|d| *d >= b.start && *d <= b.end);
            for day in std::iter::once(b.start).chain(starts) {
                let sum: i64 = group.iter().filter(|(_, s)| s.2 <= day && day <= s.3).map(|(_, s)| s.1).sum();
                if sum > worst.0 {
                    worst = (sum, Some(day));
                }
            }
            let (allocation, Some(day)) = worst else { continue };
            if allocation <= RATIO_ONE {
                continue;
            }
            let on_day = group.iter().filter(|(_, s)| s.2 <= day && day <= s.3).map(|(_, s)| s.0);
            if !named {
                names.push(people[group[0].0 as usize]);
                named = true;
            }
            // The previous bucket's run goes on when this bucket has the same sum and boards.
            if let Some(run) = overloads.last_mut().filter(|o| o.person == person && o.buckets.1 + 1 == bk as u32 && o.allocation == allocation) {
                if on_day.clone().eq(boards[run.boards.0 as usize..run.boards.1 as usize].iter().copied()) {
                    run.buckets.1 = bk as u32;
                    continue;
                }
            }
            let from = boards.len() as u32;
            boards.extend(on_day);
            overloads.push(Overload { person, buckets: (bk as u32, bk as u32), allocation, boards: (from, boards.len() as u32) });
        }
    }
    (overloads, names, boards)
}

/// `memberships` (people numbered below `people`) grouped by person, in their order within
/// each group: what a stable sort by person gives, in two passes instead of a sort (an
/// instance-wide report has tens of thousands of memberships).
fn by_person(memberships: Vec<(u32, Membership)>, people: usize) -> Vec<(u32, Membership)> {
    let mut at = vec![0usize; people + 1];
    for m in &memberships {
        at[m.0 as usize + 1] += 1;
    }
    for p in 1..at.len() {
        at[p] += at[p - 1];
    }
    // Every place is written once below.
    let mut sorted = vec![(0, (0, 0, NaiveDate::MIN, NaiveDate::MIN)); memberships.len()];
    for m in memberships {
        sorted[at[m.0 as usize]] = m;
        at[m.0 as usize] += 1;
    }
    sorted
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn memberships_are_grouped_by_person_in_their_order() {
        let day = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
        let m = |person: u32, board: u32| (person, (board, 5_000, day, day));
        let given = vec![m(2, 0), m(0, 1), m(2, 2), m(1, 3), m(0, 4), m(2, 5), m(3, 6)];
        let mut expected = given.clone();
        expected.sort_by_key(|m| m.0);
        assert_eq!(by_person(given, 5), expected);
        assert_eq!(by_person(Vec::new(), 0), Vec::new());
    }
}
