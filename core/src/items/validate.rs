//! The one place that checks work items, whichever way they come in: JSON items read by
//! serde ([`check_items`]), the quick reader ([`item_passes`]), and the bulk arrays of the
//! C ABI and JNI ([`check_bulk_flags`], [`check_work_set`], [`check_multi_items`]). Each
//! rule and each limit is written here once; the readers differ only in how they name a
//! field (JSON's `remainingSeconds`, the structs' `remaining_seconds`) and, for the quick
//! reader, in saying only whether an item passes (it then leaves the text to serde, whose
//! reading gives the message).
//!
//! Messages and field paths are part of the contract (conformance vectors, C and Java
//! tests compare them byte for byte).
//!
//! ```
//! use capacity_core::items::validate::{check_estimates, MAX_ESTIMATE_SECONDS};
//! let f = |name: &str| format!("items[0].{name}");
//! assert!(check_estimates(Some(MAX_ESTIMATE_SECONDS), None, None, None, &f).is_ok());
//! let e = check_estimates(Some(MAX_ESTIMATE_SECONDS + 1), None, None, None, &f).unwrap_err();
//! assert_eq!(e.message(), "items[0].remainingSeconds: must be between 0 and 315360000 seconds, got 315360001");
//! ```

use super::bulk::{MultiItem, ITEM_FLAGS, ITEM_HAS_CUSTOM_ESTIMATE, ITEM_HAS_ORIGINAL, ITEM_HAS_REMAINING, ITEM_HAS_STORY_POINTS, NO_INDEX};
use super::hash::{FastSet, FastState};
use super::{Item, WorkSet};
use crate::documents::settings::MAX_ACCOUNT_KEY_CHARS;
use crate::documents::units::check_finite;
use crate::error::{Error, Result};

/// Longest item key (`DEMO-12`), in characters: Jira's own limit on an issue key's
/// project part and number together is far below it.
pub const MAX_ITEM_KEY_CHARS: usize = 255;

/// Longest assignee (an account key), in characters: the account keys of board settings
/// ([`MAX_ACCOUNT_KEY_CHARS`]), so that every assignee could be a member.
pub const MAX_ASSIGNEE_CHARS: usize = MAX_ACCOUNT_KEY_CHARS;

/// Largest estimate in seconds (remaining and original): ten years. Anything larger is a
/// unit mistake (milliseconds sent as seconds), not an estimate.
pub const MAX_ESTIMATE_SECONDS: i64 = 315_360_000;

/// Largest story-point or custom-field estimate: far above any real one, and small
/// enough that a million of them, in hundredths, sum without overflow.
pub const MAX_ESTIMATE_VALUE: f64 = 100_000.0;

/// Checks JSON items once, where JSON becomes items: keys of 1 to [`MAX_ITEM_KEY_CHARS`]
/// characters, each once; no item its own parent; estimates in range; assignees of 1 to
/// [`MAX_ASSIGNEE_CHARS`] characters. Errors name `items[i].<field>` as JSON does.
pub fn check_items(items: &[Item]) -> Result<()> {
    let mut keys = FastSet::with_capacity_and_hasher(items.len(), FastState::default());
    for (i, item) in items.iter().enumerate() {
        let f = |name: &str| format!("items[{i}].{name}");
        let key = item.key.as_str();
        if !key_fits(key) {
            return Err(Error::validation(f("key"), format!("must be 1 to {MAX_ITEM_KEY_CHARS} characters")));
        }
        if !keys.insert(key) {
            return Err(Error::validation(f("key"), format!("{key:?} appears more than once")));
        }
        if item.parent.as_deref() == Some(key) {
            return Err(Error::validation(f("parent"), "an item cannot be its own parent"));
        }
        check_estimates(item.remaining_seconds, item.original_seconds, item.story_points, item.custom_estimate, &f)?;
        if let Some(a) = &item.assignee {
            if !assignee_fits(a) {
                return Err(Error::validation(f("assignee"), format!("must be 1 to {MAX_ASSIGNEE_CHARS} characters, or null when unassigned")));
            }
        }
    }
    Ok(())
}

/// Whether one item the quick reader took passes every check [`check_items`] makes of one
/// item alone (a key given twice is the reader's own check, over the whole array).
pub(crate) fn item_passes(key: Option<&str>, parent: Option<&str>, assignee: Option<&str>, estimates: (Option<i64>, Option<i64>, Option<f64>, Option<f64>)) -> bool {
    let (remaining, original, points, custom) = estimates;
    key.is_some_and(|key| key_fits(key) && parent != Some(key))
        && assignee.is_none_or(assignee_fits)
        && check_estimates(remaining, original, points, custom, &|_| String::new()).is_ok()
}

/// The estimate ranges every entry point enforces: seconds from 0 to
/// [`MAX_ESTIMATE_SECONDS`], points and custom values finite, from 0 to
/// [`MAX_ESTIMATE_VALUE`]. `f` names a field from its JSON name.
pub fn check_estimates(
    remaining: Option<i64>,
    original: Option<i64>,
    points: Option<f64>,
    custom: Option<f64>,
    f: &dyn Fn(&str) -> String,
) -> Result<()> {
    for (name, v) in [("remainingSeconds", remaining), ("originalSeconds", original)] {
        if let Some(v) = v {
            if !seconds_fit(v) {
                return Err(Error::validation(f(name), format!("must be between 0 and {MAX_ESTIMATE_SECONDS} seconds, got {v}")));
            }
        }
    }
    for (name, v) in [("storyPoints", points), ("customEstimate", custom)] {
        if let Some(p) = v {
            // The field is named only on failure: formatting it for every estimate cost
            // 2,000 story-point items 130 µs (W1's size, core bench).
            if !p.is_finite() {
                check_finite(p, &f(name))?;
            }
            if !value_fits(p) {
                return Err(Error::validation(f(name), format!("must be between 0 and {MAX_ESTIMATE_VALUE}, got {p}")));
            }
        }
    }
    Ok(())
}

/// Checks the bits of a bulk item: only the defined `ITEM_*` flags, and `reserved` zero.
/// Errors name `items[i].flags` or `items[i].reserved`.
pub fn check_bulk_flags(i: usize, flags: u32, reserved: u32) -> Result<()> {
    if flags & !ITEM_FLAGS != 0 {
        return Err(Error::validation(format!("items[{i}].flags"), format!("has undefined bits 0x{:x}", flags & !ITEM_FLAGS)));
    }
    if reserved != 0 {
        return Err(Error::validation(format!("items[{i}].reserved"), "must be 0"));
    }
    Ok(())
}

/// Checks a work set that did not come from JSON (the bulk entry points) as JSON items
/// are checked: every key of 1 to [`MAX_ITEM_KEY_CHARS`] characters and named once, every
/// index in range, every estimate in range, every person named once. Errors name
/// `items[i].<field>` with the fields' Rust (and C) names.
pub fn check_work_set(set: &WorkSet) -> Result<()> {
    let n = set.items.len();
    let mut keys = FastSet::with_capacity_and_hasher(n, FastState::default());
    for (i, it) in set.items.iter().enumerate() {
        let f = |name: &str| format!("items[{i}].{name}");
        if !key_fits(it.key) {
            return Err(Error::validation(f("key"), format!("must be 1 to {MAX_ITEM_KEY_CHARS} characters")));
        }
        if !keys.insert(it.key) {
            return Err(Error::validation(f("key"), format!("{:?} appears more than once", it.key)));
        }
        if let Some(a) = it.assignee.filter(|a| *a as usize >= set.people.len()) {
            return Err(Error::validation(f("assignee"), format!("person index {a} is outside the {} people given", set.people.len())));
        }
        if let Some(p) = it.parent.filter(|p| *p as usize >= n || *p as usize == i) {
            return Err(Error::validation(f("parent"), format!("item index {p} is not another item of the {n} given")));
        }
        check_estimates(it.remaining_seconds, it.original_seconds, it.story_points, it.custom_estimate, &|name| f(rust_name(name)))?;
    }
    check_people(&set.people)
}

/// Checks the people of a bulk work set: each an account key of 1 to
/// [`MAX_ASSIGNEE_CHARS`] characters, named once.
pub fn check_people(people: &[&str]) -> Result<()> {
    let mut seen = FastSet::with_capacity_and_hasher(people.len(), FastState::default());
    for (i, p) in people.iter().enumerate() {
        if !assignee_fits(p) {
            return Err(Error::validation(format!("people[{i}]"), format!("must be an account key of 1 to {MAX_ASSIGNEE_CHARS} characters")));
        }
        if !seen.insert(*p) {
            return Err(Error::validation(format!("people[{i}]"), format!("{p:?} appears more than once")));
        }
    }
    Ok(())
}

/// Checks a bulk caller's people and multi-project items against the request's boards,
/// given as (board id, number of iterations): every index in range, a parent in its
/// child's board and iteration, only known flags, every estimate that is flagged within
/// range. Errors name `people[i]` or `items[i].<field>` with the field's C name.
pub fn check_multi_items(boards: &[(&str, usize)], people: &[&str], items: &[MultiItem]) -> Result<()> {
    check_people(people)?;
    // A million items are checked in a tight pass that only says whether all are right;
    // the pass below, which names the first error, runs only when one is not.
    let iterations: Vec<u32> = boards.iter().map(|(_, n)| (*n).min(u32::MAX as usize) as u32).collect();
    let in_range = |has: bool, v: f64| !has || value_fits(v);
    let seconds = |has: bool, v: i64| !has || seconds_fit(v);
    let all_right = items.iter().enumerate().all(|(i, it)| {
        iterations.get(it.board as usize).is_some_and(|n| it.iteration < *n)
            && (it.assignee == NO_INDEX || (it.assignee as usize) < people.len())
            && (it.parent == NO_INDEX || items.get(it.parent as usize).is_some_and(|p| it.parent as usize != i && (p.board, p.iteration) == (it.board, it.iteration)))
            && it.flags & !ITEM_FLAGS == 0
            && it.reserved == 0
            && seconds(it.has(ITEM_HAS_REMAINING), it.remaining_seconds)
            && seconds(it.has(ITEM_HAS_ORIGINAL), it.original_seconds)
            && in_range(it.has(ITEM_HAS_STORY_POINTS), it.story_points)
            && in_range(it.has(ITEM_HAS_CUSTOM_ESTIMATE), it.custom_estimate)
    });
    if all_right {
        return Ok(());
    }
    let n = items.len();
    for (i, it) in items.iter().enumerate() {
        let f = |name: &str| format!("items[{i}].{name}");
        let Some((board_id, board_iterations)) = boards.get(it.board as usize) else {
            return Err(Error::validation(f("board"), format!("board index {} is outside the {} boards of the request", it.board, boards.len())));
        };
        if it.iteration as usize >= *board_iterations {
            return Err(Error::validation(
                f("iteration"),
                format!("iteration index {} is outside the {board_iterations} iterations of board {board_id}", it.iteration),
            ));
        }
        if it.assignee != NO_INDEX && it.assignee as usize >= people.len() {
            return Err(Error::validation(f("assignee"), format!("person index {} is outside the {} people given", it.assignee, people.len())));
        }
        if it.parent != NO_INDEX {
            let p = it.parent as usize;
            if p >= n || p == i {
                return Err(Error::validation(f("parent"), format!("item index {p} is not another item of the {n} given")));
            }
            if (items[p].board, items[p].iteration) != (it.board, it.iteration) {
                return Err(Error::validation(f("parent"), "a parent must be in the same board and iteration"));
            }
        }
        check_bulk_flags(i, it.flags, it.reserved)?;
        let (remaining, original, points, custom) = it.estimates();
        check_estimates(remaining, original, points, custom, &|name| f(rust_name(name)))?;
    }
    Ok(())
}

pub(crate) fn key_fits(key: &str) -> bool {
    chars_within(key, 1, MAX_ITEM_KEY_CHARS)
}

fn assignee_fits(account_key: &str) -> bool {
    chars_within(account_key, 1, MAX_ASSIGNEE_CHARS)
}

fn seconds_fit(v: i64) -> bool {
    (0..=MAX_ESTIMATE_SECONDS).contains(&v)
}

fn value_fits(v: f64) -> bool {
    (0.0..=MAX_ESTIMATE_VALUE).contains(&v)
}

/// Whether `text` has `min..=max` characters, counting them only when the byte length
/// cannot decide (a character takes one to four bytes).
pub(crate) fn chars_within(text: &str, min: usize, max: usize) -> bool {
    let bytes = text.len();
    if bytes < min {
        return false;
    }
    if bytes <= max && bytes.div_ceil(4) >= min {
        return true;
    }
    (min..=max).contains(&text.chars().count())
}

/// The Rust (and C) name of an estimate field [`check_estimates`] names as JSON does.
fn rust_name(json_name: &str) -> &str {
    match json_name {
        "remainingSeconds" => "remaining_seconds",
        "originalSeconds" => "original_seconds",
        "storyPoints" => "story_points",
        "customEstimate" => "custom_estimate",
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::check_estimates;

    fn field(n: &str) -> String {
        format!("items[4].{n}")
    }

    #[test]
    fn a_non_finite_estimate_is_named() {
        let e = check_estimates(None, None, Some(f64::NAN), None, &field).unwrap_err();
        assert_eq!(e.field(), Some("items[4].storyPoints"));
        assert!(e.message().contains("must be a finite number"), "{}", e.message());
        let e = check_estimates(None, None, None, Some(f64::INFINITY), &field).unwrap_err();
        assert_eq!(e.field(), Some("items[4].customEstimate"));
    }

    #[test]
    fn finite_estimates_in_range_pass_and_out_of_range_are_named() {
        assert!(check_estimates(Some(0), Some(3600), Some(3.5), Some(0.0), &field).is_ok());
        let e = check_estimates(None, None, Some(-1.0), None, &field).unwrap_err();
        assert_eq!(e.field(), Some("items[4].storyPoints"));
    }
}
