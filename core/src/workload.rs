//! Work items as the caller sends them, and which of them count toward whose workload.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasher, Hasher};
use std::sync::OnceLock;

use serde::{Deserialize, Deserializer};

use crate::error::{Error, Result};
use crate::settings::{EstimateSource, SubtaskPolicy};
use crate::units::{check_finite, Unit};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum StatusCategory {
    New,
    Indeterminate,
    Done,
}

/// A short string of a request (an item key, an account key) kept in place when it fits,
/// so that reading a request of thousands of items does not allocate for each of their
/// keys; a longer one is kept on the heap. Reads as a `&str`.
#[derive(Clone)]
pub enum Text {
    /// The first `len` bytes hold the string.
    Inline(u8, [u8; INLINE]),
    Heap(Box<str>),
}

/// The longest string a [`Text`] holds in place: the size of a `Box<str>` and a bit.
const INLINE: usize = 22;

impl Text {
    pub fn new(s: &str) -> Text {
        if s.len() <= INLINE {
            let mut bytes = [0u8; INLINE];
            bytes[..s.len()].copy_from_slice(s.as_bytes());
            Text::Inline(s.len() as u8, bytes)
        } else {
            Text::Heap(s.into())
        }
    }

    pub fn as_str(&self) -> &str {
        match self {
            // Whole strings are stored, so this never fails (and checks a few bytes only).
            Text::Inline(len, bytes) => std::str::from_utf8(&bytes[..*len as usize]).expect("a stored string"),
            Text::Heap(s) => s,
        }
    }
}

impl std::ops::Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq for Text {
    fn eq(&self, other: &Text) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Text {}

impl std::fmt::Debug for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl std::fmt::Display for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Text {
        Text::new(s)
    }
}

impl From<String> for Text {
    fn from(s: String) -> Text {
        if s.len() <= INLINE {
            Text::new(&s)
        } else {
            Text::Heap(s.into_boxed_str())
        }
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Text, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Text;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E>(self, v: &str) -> std::result::Result<Text, E> {
                Ok(Text::new(v))
            }
            fn visit_string<E>(self, v: String) -> std::result::Result<Text, E> {
                Ok(Text::from(v))
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

/// One work item (a Jira issue or sub-task).
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Item {
    pub key: Text,
    #[serde(default)]
    pub assignee: Option<Text>,
    #[serde(default)]
    pub status_category: Option<StatusCategory>,
    #[serde(default)]
    pub remaining_seconds: Option<i64>,
    #[serde(default)]
    pub original_seconds: Option<i64>,
    #[serde(default)]
    pub story_points: Option<f64>,
    /// The value of the board's custom estimate field, in the board's unit.
    #[serde(default)]
    pub custom_estimate: Option<f64>,
    #[serde(default)]
    pub parent: Option<Text>,
    #[serde(default)]
    pub subtask: bool,
}

/// Checks every item once, where JSON becomes items.
pub fn validate(items: &[Item]) -> Result<()> {
    let mut keys = FastSet::with_capacity_and_hasher(items.len(), FastState::default());
    for (i, item) in items.iter().enumerate() {
        let f = |name: &str| format!("items[{i}].{name}");
        let key = item.key.as_str();
        if !chars_within(key, 1, 255) {
            return Err(Error::validation(f("key"), "must be 1 to 255 characters"));
        }
        if !keys.insert(key) {
            return Err(Error::validation(f("key"), format!("{key:?} appears more than once")));
        }
        if item.parent.as_deref() == Some(key) {
            return Err(Error::validation(f("parent"), "an item cannot be its own parent"));
        }
        check_estimates(item.remaining_seconds, item.original_seconds, item.story_points, item.custom_estimate, &f)?;
        if let Some(a) = &item.assignee {
            if !chars_within(a, 1, 255) {
                return Err(Error::validation(f("assignee"), "must be 1 to 255 characters, or null when unassigned"));
            }
        }
    }
    Ok(())
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
pub(crate) fn rust_name(json_name: &str) -> &str {
    match json_name {
        "remainingSeconds" => "remaining_seconds",
        "originalSeconds" => "original_seconds",
        "storyPoints" => "story_points",
        "customEstimate" => "custom_estimate",
        other => other,
    }
}

/// The estimate ranges every entry point enforces.
pub fn check_estimates(
    remaining: Option<i64>,
    original: Option<i64>,
    points: Option<f64>,
    custom: Option<f64>,
    f: &dyn Fn(&str) -> String,
) -> Result<()> {
    for (name, v) in [("remainingSeconds", remaining), ("originalSeconds", original)] {
        if let Some(v) = v {
            // Ten years of seconds: anything larger is a unit mistake, not an estimate.
            if !(0..=315_360_000).contains(&v) {
                return Err(Error::validation(f(name), format!("must be between 0 and 315360000 seconds, got {v}")));
            }
        }
    }
    for (name, v) in [("storyPoints", points), ("customEstimate", custom)] {
        if let Some(p) = v {
            check_finite(p, &f(name))?;
            if !(0.0..=100_000.0).contains(&p) {
                return Err(Error::validation(f(name), format!("must be between 0 and 100000, got {p}")));
            }
        }
    }
    Ok(())
}

/// A work item by index: people and parents are positions in the work set, so grouping
/// a million items needs no hashing. JSON items and the C ABI's bulk arrays both become this.
#[derive(Debug, Clone, Copy, Default)]
pub struct WorkItem<'a> {
    pub key: &'a str,
    /// Index into [`WorkSet::people`]; `None` when unassigned.
    pub assignee: Option<u32>,
    /// Index into [`WorkSet::items`] of the parent, when it is in the set.
    pub parent: Option<u32>,
    pub done: bool,
    pub subtask: bool,
    pub remaining_seconds: Option<i64>,
    pub original_seconds: Option<i64>,
    pub story_points: Option<f64>,
    pub custom_estimate: Option<f64>,
}

impl WorkItem<'_> {
    /// The estimate the board reads, in seconds (hours boards) or hundredths (points).
    pub fn raw_estimate(&self, source: EstimateSource, unit: Unit) -> Option<i64> {
        raw_estimate(source, unit, self.remaining_seconds, self.original_seconds, self.story_points, self.custom_estimate)
    }
}

/// The estimate a board reads from an item's four, in seconds (hours boards) or hundredths
/// (points): the one rule for every form an item comes in.
#[inline]
pub fn raw_estimate(source: EstimateSource, unit: Unit, remaining: Option<i64>, original: Option<i64>, points: Option<f64>, custom: Option<f64>) -> Option<i64> {
    match source {
        EstimateSource::Remaining => remaining,
        EstimateSource::Original => original,
        EstimateSource::StoryPoints => points.map(|p| (p * 100.0).round() as i64),
        EstimateSource::Custom => custom.map(|v| match unit {
            Unit::Hours => (v * 3600.0).round() as i64,
            Unit::StoryPoints => (v * 100.0).round() as i64,
        }),
    }
}

/// Items and the people they are assigned to.
#[derive(Debug, Default)]
pub struct WorkSet<'a> {
    pub people: Vec<&'a str>,
    pub items: Vec<WorkItem<'a>>,
}

impl<'a> WorkSet<'a> {
    /// Indexes JSON items (already validated): people by first appearance, parents by key.
    pub fn from_items(items: &'a [Item]) -> WorkSet<'a> {
        let mut people: Vec<&str> = Vec::new();
        let mut person_of: FastMap<&str, u32> = FastMap::default();
        let mut position: FastMap<&str, u32> = FastMap::with_capacity_and_hasher(items.len(), FastState::default());
        let keys: Vec<&str> = items.iter().map(|it| it.key.as_str()).collect();
        position.extend(keys.iter().enumerate().map(|(i, k)| (*k, i as u32)));
        let mut work_items = Vec::with_capacity(items.len());
        work_items.extend(items.iter().zip(keys).map(|(it, key)| WorkItem {
                key,
                assignee: it.assignee.as_deref().map(|a| {
                    *person_of.entry(a).or_insert_with(|| {
                        people.push(a);
                        (people.len() - 1) as u32
                    })
                }),
                parent: it.parent.as_deref().and_then(|p| position.get(p).copied()),
                done: it.status_category == Some(StatusCategory::Done),
                subtask: it.subtask,
                remaining_seconds: it.remaining_seconds,
                original_seconds: it.original_seconds,
                story_points: it.story_points,
                custom_estimate: it.custom_estimate,
            }));
        WorkSet { people, items: work_items }
    }

    /// Checks a work set that did not come from JSON (the bulk entry points) as JSON items
    /// are checked: every key of 1 to 255 characters and named once, every index in range,
    /// every estimate in range, every person named once. Errors name `items[i].<field>` with
    /// the fields' Rust (and C) names.
    pub fn validate(&self) -> Result<()> {
        let n = self.items.len();
        let mut keys = FastSet::with_capacity_and_hasher(n, FastState::default());
        for (i, it) in self.items.iter().enumerate() {
            let f = |name: &str| format!("items[{i}].{name}");
            if !chars_within(it.key, 1, 255) {
                return Err(Error::validation(f("key"), "must be 1 to 255 characters"));
            }
            if !keys.insert(it.key) {
                return Err(Error::validation(f("key"), format!("{:?} appears more than once", it.key)));
            }
            if it.assignee.is_some_and(|a| a as usize >= self.people.len()) {
                return Err(Error::validation(f("assignee"), format!("person index {} is outside the {} people given", it.assignee.unwrap(), self.people.len())));
            }
            if it.parent.is_some_and(|p| p as usize >= n || p as usize == i) {
                return Err(Error::validation(f("parent"), format!("item index {} is not another item of the {n} given", it.parent.unwrap())));
            }
            check_estimates(it.remaining_seconds, it.original_seconds, it.story_points, it.custom_estimate, &|name| f(rust_name(name)))?;
        }
        check_people(&self.people)
    }

    /// For each item, its estimate in raw base units when it counts toward workload
    /// (`Some(None)`: counts, but has no estimate), or `None` when it does not count
    /// (done, or excluded by the sub-task policy).
    pub fn counted(&self, source: EstimateSource, unit: Unit, policy: SubtaskPolicy) -> Vec<Option<Option<i64>>> {
        // Parents whose work is tracked on their sub-tasks.
        let mut tracked_below = Vec::new();
        if policy == SubtaskPolicy::Subtasks {
            tracked_below.resize(self.items.len(), false);
            for it in &self.items {
                if it.subtask && it.raw_estimate(source, unit).is_some() {
                    if let Some(p) = it.parent {
                        tracked_below[p as usize] = true;
                    }
                }
            }
        }
        self.items
            .iter()
            .enumerate()
            .map(|(i, it)| {
                let counts = !it.done
                    && match policy {
                        SubtaskPolicy::All => true,
                        SubtaskPolicy::Parents => !it.subtask,
                        SubtaskPolicy::Subtasks => it.subtask || !tracked_below[i],
                    };
                counts.then(|| it.raw_estimate(source, unit))
            })
            .collect()
    }
}

/// Checks the people of a bulk work set: each an account key of 1 to 255 characters, named once.
pub fn check_people(people: &[&str]) -> Result<()> {
    let mut seen = FastSet::with_capacity_and_hasher(people.len(), FastState::default());
    for (i, p) in people.iter().enumerate() {
        if !chars_within(p, 1, 255) {
            return Err(Error::validation(format!("people[{i}]"), "must be an account key of 1 to 255 characters"));
        }
        if !seen.insert(*p) {
            return Err(Error::validation(format!("people[{i}]"), format!("{p:?} appears more than once")));
        }
    }
    Ok(())
}

/// Converts a sum of raw estimates to base units, once per person so rounding happens once:
/// seconds → minutes (half up) for hours; points are already hundredths.
pub fn to_base_units(raw: i64, unit: Unit) -> i64 {
    match unit {
        Unit::Hours => (raw + 30) / 60,
        Unit::StoryPoints => raw,
    }
}

/// Workload per person of a work set: raw sum and the counted items' indices, grouped
/// by person in one array (a report lists thousands of items; one allocation, not one per person).
pub struct Tallies {
    pub raw: Vec<i64>,
    pub unassigned_raw: i64,
    /// Counted item indices, person by person (in item order), then the unassigned ones.
    pub order: Vec<u32>,
    /// Where each person's items start in `order`; the unassigned start at `start[people]`,
    /// and `start[people + 1]` is the end.
    pub start: Vec<u32>,
    pub unestimated: Vec<u32>,
}

impl Tallies {
    pub fn of(set: &WorkSet, counted: &[Option<Option<i64>>]) -> Tallies {
        let people = set.people.len();
        let mut raw = vec![0; people];
        let mut unassigned_raw = 0;
        // Owners are the people, then `people` for the unassigned: count per owner, then
        // place (a counting sort, keeping item order within each owner).
        let mut start = vec![0u32; people + 2];
        let mut unestimated = Vec::new();
        for (i, (it, c)) in set.items.iter().zip(counted).enumerate() {
            let Some(estimate) = c else { continue };
            if estimate.is_none() {
                unestimated.push(i as u32);
            }
            let owner = match it.assignee {
                Some(p) => {
                    raw[p as usize] += estimate.unwrap_or(0);
                    p as usize
                }
                None => {
                    unassigned_raw += estimate.unwrap_or(0);
                    people
                }
            };
            start[owner + 1] += 1;
        }
        for o in 1..start.len() {
            start[o] += start[o - 1];
        }
        let mut next = start.clone();
        let mut order = vec![0u32; start[people + 1] as usize];
        for (i, (it, c)) in set.items.iter().zip(counted).enumerate() {
            if c.is_some() {
                let owner = it.assignee.map_or(people, |p| p as usize);
                order[next[owner] as usize] = i as u32;
                next[owner] += 1;
            }
        }
        Tallies { raw, unassigned_raw, order, start, unestimated }
    }

    /// The counted items of person `p`.
    pub fn items(&self, p: usize) -> &[u32] {
        &self.order[self.start[p] as usize..self.start[p + 1] as usize]
    }

    /// The counted items nobody is assigned.
    pub fn unassigned(&self) -> &[u32] {
        self.items(self.start.len() - 2)
    }
}

/// Builds the engine's maps keyed by the caller's strings (item keys, account keys): several
/// times faster than std's SipHash on such short keys, which matters with a million items.
/// Not a keyed cryptographic hash, but seeded at random once per process and finished with
/// a full avalanche, so a caller cannot pick keys that all land in one bucket; each map also
/// lives for one call only.
#[derive(Clone, Copy)]
pub struct FastState {
    seed: u64,
}

impl Default for FastState {
    fn default() -> FastState {
        static SEED: OnceLock<u64> = OnceLock::new();
        FastState { seed: *SEED.get_or_init(|| std::collections::hash_map::RandomState::new().hash_one(0x5eed_u64)) }
    }
}

impl BuildHasher for FastState {
    type Hasher = FastHasher;
    fn build_hasher(&self) -> FastHasher {
        FastHasher { hash: self.seed }
    }
}

/// Word-at-a-time multiply-rotate mixing, with the murmur3 finaliser at the end.
pub struct FastHasher {
    hash: u64,
}

impl FastHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash ^ word).wrapping_mul(0x9e37_79b9_7f4a_7c15).rotate_left(23);
    }
}

impl Hasher for FastHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        self.add(bytes.len() as u64);
        let mut words = bytes.chunks_exact(8);
        for w in &mut words {
            self.add(u64::from_le_bytes(w.try_into().expect("eight bytes")));
        }
        // The last 1 to 7 bytes in two overlapping loads (which, with the length, still
        // tell every tail apart), not a byte-by-byte copy.
        let rest = words.remainder();
        let n = rest.len();
        if n >= 4 {
            let head = u32::from_le_bytes(rest[..4].try_into().expect("four bytes"));
            let tail = u32::from_le_bytes(rest[n - 4..].try_into().expect("four bytes"));
            self.add(head as u64 | (tail as u64) << 32);
        } else if n > 0 {
            self.add(rest[0] as u64 | (rest[n / 2] as u64) << 8 | (rest[n - 1] as u64) << 16);
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(i as u64);
    }
    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(i as u64);
    }
    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    #[inline]
    fn finish(&self) -> u64 {
        let mut h = self.hash;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^ (h >> 33)
    }
}

pub type FastMap<K, V> = HashMap<K, V, FastState>;
pub type FastSet<K> = HashSet<K, FastState>;

#[cfg(test)]
mod tests {
    use super::*;

    fn item(key: &str, parent: Option<&str>, subtask: bool, remaining: Option<i64>) -> Item {
        Item {
            key: key.into(),
            assignee: Some("a".into()),
            status_category: Some(StatusCategory::New),
            remaining_seconds: remaining,
            original_seconds: None,
            story_points: None,
            custom_estimate: None,
            parent: parent.map(Into::into),
            subtask,
        }
    }

    fn keys(items: &[Item], policy: SubtaskPolicy) -> Vec<String> {
        let set = WorkSet::from_items(items);
        let counted = set.counted(EstimateSource::Remaining, Unit::Hours, policy);
        set.items.iter().zip(counted).filter(|(_, c)| c.is_some()).map(|(i, _)| i.key.to_string()).collect()
    }

    #[test]
    fn subtask_policy_never_counts_both() {
        let items = vec![
            item("P1", None, false, Some(3600)),
            item("S1", Some("P1"), true, Some(1800)),
            item("P2", None, false, Some(7200)),
            item("S2", Some("P2"), true, None),
        ];
        assert_eq!(keys(&items, SubtaskPolicy::Subtasks), ["S1", "P2", "S2"]);
        assert_eq!(keys(&items, SubtaskPolicy::Parents), ["P1", "P2"]);
        assert_eq!(keys(&items, SubtaskPolicy::All), ["P1", "S1", "P2", "S2"]);
    }

    #[test]
    fn done_items_do_not_count() {
        let mut done = item("D", None, false, Some(60));
        done.status_category = Some(StatusCategory::Done);
        assert!(keys(&[done], SubtaskPolicy::All).is_empty());
    }

    #[test]
    fn validation_names_the_item_field() {
        let mut bad = item("X", None, false, Some(-5));
        assert_eq!(validate(std::slice::from_ref(&bad)).unwrap_err().field(), Some("items[0].remainingSeconds"));
        bad.remaining_seconds = None;
        bad.story_points = Some(-1.0);
        assert_eq!(validate(&[bad]).unwrap_err().field(), Some("items[0].storyPoints"));
        let dup = vec![item("A", None, false, None), item("A", None, false, None)];
        assert_eq!(validate(&dup).unwrap_err().field(), Some("items[1].key"));
    }

    #[test]
    fn bulk_sets_check_their_indices() {
        let w = |assignee, parent| WorkItem { key: "K", assignee, parent, ..WorkItem::default() };
        let set = WorkSet { people: vec!["a"], items: vec![w(Some(1), None)] };
        assert_eq!(set.validate().unwrap_err().field(), Some("items[0].assignee"));
        let set = WorkSet { people: vec!["a"], items: vec![w(Some(0), Some(0))] };
        assert_eq!(set.validate().unwrap_err().field(), Some("items[0].parent"));
        let set = WorkSet { people: vec!["a"], items: vec![w(Some(0), None)] };
        assert!(set.validate().is_ok());
        let set = WorkSet { people: vec!["a"], items: vec![w(Some(0), None), w(None, None)] };
        assert_eq!(set.validate().unwrap_err().field(), Some("items[1].key"));
        let mut negative = w(None, None);
        negative.remaining_seconds = Some(-1);
        let set = WorkSet { people: vec![], items: vec![negative] };
        assert_eq!(set.validate().unwrap_err().field(), Some("items[0].remaining_seconds"));
        let set = WorkSet { people: vec!["a", "b", "a"], items: vec![] };
        assert_eq!(set.validate().unwrap_err().field(), Some("people[2]"));
    }

    #[test]
    fn texts_read_back_whole_in_place_or_not() {
        for s in ["", "A-1", "exactly-twenty-two-ch", "a longer key that does not fit in place", "ünïcödé-ключ"] {
            let t = Text::from(s);
            assert_eq!(t.as_str(), s);
            assert_eq!(Text::from(s.to_string()), t);
            assert_eq!(format!("{t:?}"), format!("{s:?}"));
        }
        let item: Item = serde_json::from_str(r#"{"key":"A\u002d1","assignee":"ann"}"#).unwrap();
        assert_eq!((&*item.key, item.assignee.as_deref()), ("A-1", Some("ann")));
    }

    #[test]
    fn the_fast_hasher_tells_short_keys_apart() {
        let state = FastState::default();
        let hashes: FastSet<u64> = (0..10_000).map(|i| state.hash_one(format!("K-{i}"))).collect();
        assert_eq!(hashes.len(), 10_000);
        let tails: FastSet<u64> = ["a", "ab", "abc", "abcd", "abcde", "b", "ba", "\0", "\0\0"].iter().map(|s| state.hash_one(s)).collect();
        assert_eq!(tails.len(), 9);
    }
}
