//! A quick reader for the common form of an iteration report request: a panel sends
//! thousands of items as plain JSON objects, and reading them into items with serde, then
//! checking and indexing them, costs most of a report's time through the C ABI. This reader
//! goes straight from the text to the indexed [`WorkSet`] in one pass, borrowing keys from
//! the text. It takes only what it is sure of (known fields, strings without escapes,
//! plain numbers, items that pass every check) and gives up on anything else, so that the
//! engine then reads the request the usual way, with its error messages. Whenever it gives
//! a request, the usual way gives the same one: a fuzz target checks it
//! (`fuzz/fuzz_targets/fast_request.rs`).
//!
//! Only the `items` array is read here; the rest of the request (a board id and an
//! iteration) is cut out and handed to serde, which reads it as before. The bulk
//! multi-project request (tens of thousands of iterations, no items) is read alike: its
//! `boards` here, the rest by serde.

use crate::items::bulk::Placement;
use crate::items::validate::item_passes;
use crate::reports::multi::{BoardWork, IterationWork, MultiRequest, MultiWork};
use crate::reports::iteration::ReportRequest;
use crate::items::{FastMap, FastState, Text, WorkItem, WorkSet};

/// The request in `text` (without its items) and its items as a checked work set, as
/// `report::parse_request` and `WorkSet::from_items` make them, or `None` when this reader
/// is not sure of them.
pub fn read(text: &str) -> Option<(ReportRequest, WorkSet<'_>)> {
    let mut work = None;
    let rest = top_level(text, "items", |r| {
        work = Some(r.items()?);
        Some(())
    })?;
    let request: ReportRequest = serde_json::from_str(&rest).ok()?;
    Some((request, work.unwrap_or_default()))
}

/// A multi-project report request whose iterations carry no items (the bulk entry's form),
/// as `json::parse` reads it, or `None` when this reader is not sure of it.
pub fn read_multi(text: &str) -> Option<MultiRequest> {
    let mut boards = None;
    let rest = top_level(text, "boards", |r| {
        boards = Some(r.boards(false)?.0);
        Some(())
    })?;
    let mut request: MultiRequest = serde_json::from_str(&rest).ok()?;
    request.boards = boards.unwrap_or_default();
    Some(request)
}

/// A multi-project report request with its items, as the usual reading gives it (the
/// request, its iterations' items taken out, and the items checked and placed as
/// `MultiWork::from_request` places them), or `None` when this reader is not sure of it.
pub fn read_multi_work(text: &str) -> Option<(MultiRequest, MultiWork<'_>)> {
    let mut read = None;
    let rest = top_level(text, "boards", |r| {
        read = Some(r.boards(true)?);
        Some(())
    })?;
    let mut request: MultiRequest = serde_json::from_str(&rest).ok()?;
    let (boards, parts) = read.unwrap_or_default();
    request.boards = boards;
    Some((request, MultiWork::from_parts(parts.into_iter())))
}

/// Reads the top-level object of `text`: the value of `special` (at most once) with
/// `read_special`, every other member copied as it is into the object returned, for serde.
fn top_level<'a>(text: &'a str, special: &str, mut read_special: impl FnMut(&mut Reader<'a>) -> Option<()>) -> Option<String> {
    let mut r = Reader { text, at: 0 };
    let mut rest = String::with_capacity(256);
    let mut seen = false;
    r.ws();
    r.expect(b'{')?;
    rest.push('{');
    r.ws();
    if !r.eat(b'}') {
        loop {
            let key = r.string()?;
            r.ws();
            r.expect(b':')?;
            r.ws();
            if key == special {
                if seen {
                    return None;
                }
                seen = true;
                read_special(&mut r)?;
            } else {
                let from = r.at;
                r.skip_value()?;
                if rest.len() > 1 {
                    rest.push(',');
                }
                rest.push('"');
                rest.push_str(key);
                rest.push_str("\":");
                rest.push_str(text.get(from..r.at)?);
            }
            r.ws();
            if r.eat(b'}') {
                break;
            }
            r.expect(b',')?;
            r.ws();
        }
    }
    r.ws();
    if r.at != text.len() {
        return None;
    }
    rest.push('}');
    Some(rest)
}

/// Where a string's text ends in `bytes` (the string's opening quote just read): the first
/// quote, backslash or control character. Tests eight bytes at once (the classic "has a
/// zero byte" word trick), then the last few one by one: the byte-at-a-time loop was the
/// hottest loop of reading W1's request (its values are short: keys, account keys).
fn string_end(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGH: u64 = u64::from_ne_bytes([0x80; 8]);
    // A byte's high bit is set where the byte of `x` is 0 (or, after such a byte, by its
    // borrow: so only the lowest flagged byte is sure, which is the one wanted).
    let zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
    let mut at = 0;
    while let Some(chunk) = bytes.get(at..at + 8) {
        let word = u64::from_le_bytes(chunk.try_into().ok()?);
        // Bytes below 0x20 borrow when 0x20 is taken away; bytes from 0x80 up never flag.
        let control = word.wrapping_sub(ONES * 0x20) & !word & HIGH;
        let found = zero(word ^ (ONES * u64::from(b'"'))) | zero(word ^ (ONES * u64::from(b'\\'))) | control;
        if found != 0 {
            return Some(at + (found.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    bytes[at..].iter().position(|c| matches!(c, b'"' | b'\\' | 0..=0x1f)).map(|n| at + n)
}

/// The length of `name` when `text` starts with it. The name's length is a constant here,
/// so the comparison is a few loads, not a call to `memcmp` (which it was when the name
/// was chosen at run time: a sixth of reading a request).
#[inline(always)]
fn is<const N: usize>(text: &[u8], name: &[u8; N]) -> Option<usize> {
    let head: &[u8; N] = text.get(..N)?.try_into().ok()?;
    (head == name).then_some(N)
}

/// A key or account key as a map key, compared without a call to `memcmp`: such keys are
/// short, and the call was most of each look-up (2,000 items each look up their assignee,
/// their key and their parent). Hashes as the `str` does.
#[derive(Clone, Copy, Hash)]
struct Short<'a>(&'a str);

impl PartialEq for Short<'_> {
    #[inline]
    fn eq(&self, other: &Self) -> bool {
        let (a, b) = (self.0.as_bytes(), other.0.as_bytes());
        let n = a.len();
        if n != b.len() {
            return false;
        }
        // Two overlapping loads from each end cover every length from 4 to 16.
        let word = |s: &[u8], at: usize| u64::from_le_bytes(s[at..at + 8].try_into().expect("eight bytes"));
        let half = |s: &[u8], at: usize| u32::from_le_bytes(s[at..at + 4].try_into().expect("four bytes"));
        match n {
            8..=16 => word(a, 0) == word(b, 0) && word(a, n - 8) == word(b, n - 8),
            4..=7 => half(a, 0) == half(b, 0) && half(a, n - 4) == half(b, n - 4),
            _ => a == b,
        }
    }
}

impl Eq for Short<'_> {}

struct Reader<'a> {
    text: &'a str,
    at: usize,
}

/// One iteration's items, and where the iteration is in the request.
type PlacedWork<'a> = (Placement, WorkSet<'a>);

/// An item as read: its parent still a key, its assignee still an account key.
struct Read<'a> {
    item: WorkItem<'a>,
    parent: Option<&'a str>,
    assignee: Option<&'a str>,
}

/// The fields of an item, as bits, to notice one given twice.
const KEY: u16 = 1;
const ASSIGNEE: u16 = 1 << 1;
const STATUS: u16 = 1 << 2;
const REMAINING: u16 = 1 << 3;
const ORIGINAL: u16 = 1 << 4;
const POINTS: u16 = 1 << 5;
const CUSTOM: u16 = 1 << 6;
const PARENT: u16 = 1 << 7;
const SUBTASK: u16 = 1 << 8;

impl<'a> Reader<'a> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn eat(&mut self, c: u8) -> bool {
        let hit = self.peek() == Some(c);
        if hit {
            self.at += 1;
        }
        hit
    }

    fn expect(&mut self, c: u8) -> Option<()> {
        self.eat(c).then_some(())
    }

    fn ws(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.peek() {
            self.at += 1;
        }
    }

    /// A string without escapes or control characters (else `None`).
    fn string(&mut self) -> Option<&'a str> {
        self.expect(b'"')?;
        let from = self.at;
        let length = string_end(&self.text.as_bytes()[from..])?;
        self.at = from + length;
        self.expect(b'"')?;
        // Cut at ASCII quotes: always on a character boundary.
        self.text.get(from..from + length)
    }

    fn string_or_null(&mut self) -> Option<Option<&'a str>> {
        if self.literal(b"null") {
            return Some(None);
        }
        Some(Some(self.string()?))
    }

    /// An item's field name (its bit), matched whole with its quotes against the names
    /// known, without scanning it as a string first; `None` for any other string (which
    /// then makes the reader give up, as an unknown name always did).
    fn field_name(&mut self) -> Option<u16> {
        let rest = &self.text.as_bytes()[self.at..];
        let (length, bit) = match rest.get(1)? {
            b'k' => (is(rest, b"\"key\"")?, KEY),
            b'a' => (is(rest, b"\"assignee\"")?, ASSIGNEE),
            b's' => match rest.get(2)? {
                b't' => match rest.get(3)? {
                    b'a' => (is(rest, b"\"statusCategory\"")?, STATUS),
                    _ => (is(rest, b"\"storyPoints\"")?, POINTS),
                },
                _ => (is(rest, b"\"subtask\"")?, SUBTASK),
            },
            b'r' => (is(rest, b"\"remainingSeconds\"")?, REMAINING),
            b'o' => (is(rest, b"\"originalSeconds\"")?, ORIGINAL),
            b'c' => (is(rest, b"\"customEstimate\"")?, CUSTOM),
            b'p' => (is(rest, b"\"parent\"")?, PARENT),
            _ => return None,
        };
        self.at += length;
        Some(bit)
    }

    fn literal(&mut self, word: &[u8]) -> bool {
        let hit = self.text.as_bytes()[self.at..].starts_with(word);
        if hit {
            self.at += word.len();
        }
        hit
    }

    /// A plain number from here: `int` or `int.frac`, no sign or exponent, no leading zero
    /// before another digit; its text and whether it has a fraction.
    fn number(&mut self) -> Option<(&'a str, bool)> {
        let from = self.at;
        let digits = |r: &mut Reader| {
            let start = r.at;
            while let Some(b'0'..=b'9') = r.peek() {
                r.at += 1;
            }
            r.at - start
        };
        let whole = digits(self);
        if whole == 0 || (whole > 1 && self.text.as_bytes()[from] == b'0') {
            return None;
        }
        let fraction = self.eat(b'.');
        if fraction && digits(self) == 0 {
            return None;
        }
        if matches!(self.peek(), Some(b'e' | b'E' | b'-' | b'+' | b'.')) {
            return None;
        }
        Some((self.text.get(from..self.at)?, fraction))
    }

    /// A whole number that fits an `i64` with room (at most 18 digits), or null.
    fn whole(&mut self) -> Option<Option<i64>> {
        if self.literal(b"null") {
            return Some(None);
        }
        let (text, fraction) = self.number()?;
        if fraction || text.len() > 18 {
            return None;
        }
        Some(Some(text.parse().ok()?))
    }

    /// A number every correct reader reads alike (at most 15 digits, so a whole one is
    /// exact and a decimal one is rounded once to the nearest), or null.
    fn decimal(&mut self) -> Option<Option<f64>> {
        if self.literal(b"null") {
            return Some(None);
        }
        let (text, _) = self.number()?;
        if text.len() > 16 {
            return None;
        }
        Some(Some(text.parse().ok()?))
    }

    /// The items as a work set, as `WorkSet::from_items` makes it of checked items: people
    /// by first appearance, parents by key.
    fn items(&mut self) -> Option<WorkSet<'a>> {
        self.expect(b'[')?;
        // The items as they will be returned, and beside them each one's parent key, resolved
        // in place at the end (not copied from a list of items as read into a second list).
        let mut items: Vec<WorkItem<'a>> = Vec::new();
        let mut parents: Vec<Option<&'a str>> = Vec::new();
        let mut people: Vec<&'a str> = Vec::new();
        let mut person_of: FastMap<Short<'a>, u32> = FastMap::default();
        self.ws();
        if !self.eat(b']') {
            loop {
                let mut item = self.item()?;
                if let Some(a) = item.assignee {
                    let next = people.len() as u32;
                    let p = *person_of.entry(Short(a)).or_insert(next);
                    if p == next {
                        people.push(a);
                    }
                    item.item.assignee = Some(p);
                }
                items.push(item.item);
                parents.push(item.parent);
                self.ws();
                if self.eat(b']') {
                    break;
                }
                self.expect(b',')?;
                self.ws();
            }
        }
        let mut position: FastMap<Short<'_>, u32> = FastMap::with_capacity_and_hasher(items.len(), FastState::default());
        for (i, it) in items.iter().enumerate() {
            if position.insert(Short(it.key), i as u32).is_some() {
                return None;
            }
        }
        for (it, parent) in items.iter_mut().zip(parents) {
            it.parent = parent.and_then(|p| position.get(&Short(p)).copied());
        }
        Some(WorkSet { people, items })
    }

    /// One item, if it passes every check `items::validate` makes of one item.
    fn item(&mut self) -> Option<Read<'a>> {
        self.expect(b'{')?;
        let mut item = WorkItem::default();
        let (mut assignee, mut parent) = (None, None);
        let mut seen = 0u16;
        self.ws();
        loop {
            let field = self.field_name()?;
            self.ws();
            self.expect(b':')?;
            self.ws();
            match field {
                KEY => {
                    item.key = self.string()?;
                }
                ASSIGNEE => {
                    assignee = self.string_or_null()?;
                }
                STATUS => {
                    item.done = match self.string_or_null()? {
                        None | Some("new" | "indeterminate") => false,
                        Some("done") => true,
                        Some(_) => return None,
                    };
                }
                REMAINING => {
                    item.remaining_seconds = self.whole()?;
                }
                ORIGINAL => {
                    item.original_seconds = self.whole()?;
                }
                POINTS => {
                    item.story_points = self.decimal()?;
                }
                CUSTOM => {
                    item.custom_estimate = self.decimal()?;
                }
                PARENT => {
                    parent = self.string_or_null()?;
                }
                SUBTASK => {
                    item.subtask = if self.literal(b"true") {
                        true
                    } else if self.literal(b"false") {
                        false
                    } else {
                        return None;
                    };
                }
                _ => return None,
            }
            if seen & field != 0 {
                return None;
            }
            seen |= field;
            self.ws();
            if self.eat(b'}') {
                break;
            }
            self.expect(b',')?;
            self.ws();
        }
        let key = (seen & KEY != 0).then_some(item.key);
        let estimates = (item.remaining_seconds, item.original_seconds, item.story_points, item.custom_estimate);
        let valid = item_passes(key, parent, assignee, estimates);
        valid.then_some(Read { item, parent, assignee })
    }

    /// Elements of an array, each read with `element`.
    fn array<T>(&mut self, mut element: impl FnMut(&mut Reader<'a>) -> Option<T>) -> Option<Vec<T>> {
        self.expect(b'[')?;
        let mut out = Vec::new();
        self.ws();
        if self.eat(b']') {
            return Some(out);
        }
        loop {
            out.push(element(self)?);
            self.ws();
            if self.eat(b']') {
                return Some(out);
            }
            self.expect(b',')?;
            self.ws();
        }
    }

    /// The members of an object, each given to `member` with its name.
    fn object(&mut self, mut member: impl FnMut(&mut Reader<'a>, &'a str) -> Option<()>) -> Option<()> {
        self.expect(b'{')?;
        self.ws();
        if self.eat(b'}') {
            return Some(());
        }
        loop {
            let name = self.string()?;
            self.ws();
            self.expect(b':')?;
            self.ws();
            member(self, name)?;
            self.ws();
            if self.eat(b'}') {
                return Some(());
            }
            self.expect(b',')?;
            self.ws();
        }
    }

    /// A multi-project request's boards and, when `with_items`, each iteration's items as a
    /// checked work set (without, only empty `items` are taken).
    fn boards(&mut self, with_items: bool) -> Option<(Vec<BoardWork>, Vec<PlacedWork<'a>>)> {
        let mut work = Vec::new();
        let mut b = 0u32;
        let boards = self.array(|r| {
            let (mut board_id, mut iterations) = (None, None);
            r.object(|r, name| match name {
                "boardId" if board_id.is_none() => {
                    board_id = Some(r.string()?.to_string());
                    Some(())
                }
                "iterations" if iterations.is_none() => {
                    let mut i = 0u32;
                    iterations = Some(r.array(|r| {
                        let (iteration, items) = r.iteration(with_items)?;
                        if let Some(items) = items {
                            work.push((Placement { board: b, iteration: i }, items));
                        }
                        i += 1;
                        Some(iteration)
                    })?);
                    Some(())
                }
                _ => None,
            })?;
            b += 1;
            Some(BoardWork { board_id: board_id?, iterations: iterations.unwrap_or_default() })
        })?;
        Some((boards, work))
    }

    fn iteration(&mut self, with_items: bool) -> Option<(IterationWork, Option<WorkSet<'a>>)> {
        let (mut id, mut start, mut end, mut items) = (None, None, None, None);
        self.object(|r, name| match name {
            "id" if id.is_none() => {
                id = Some(r.string_or_null()?.map(Text::new));
                Some(())
            }
            "start" if start.is_none() => {
                start = Some(Text::new(r.string()?));
                Some(())
            }
            "end" if end.is_none() => {
                end = Some(Text::new(r.string()?));
                Some(())
            }
            "items" if items.is_none() => {
                if with_items {
                    items = Some(r.items()?);
                    return Some(());
                }
                // Only no items: a request with items is read the usual way.
                items = Some(WorkSet::default());
                r.expect(b'[')?;
                r.ws();
                r.expect(b']')
            }
            _ => None,
        })?;
        Some((IterationWork { id: id.flatten(), start: start?, end: end?, kind: Default::default(), items: Vec::new() }, items.filter(|_| with_items)))
    }

    /// Steps over one JSON value of any kind, for serde to read: strings (escapes and
    /// all), nested objects and arrays, and the characters of anything else. It need not
    /// judge the value: serde reads it, and refuses what is not JSON.
    fn skip_value(&mut self) -> Option<()> {
        let b = self.text.as_bytes();
        let mut depth = 0usize;
        loop {
            match *b.get(self.at)? {
                b'"' => {
                    self.at += 1;
                    loop {
                        match *b.get(self.at)? {
                            b'"' => break,
                            b'\\' => self.at += 2,
                            _ => self.at += 1,
                        }
                    }
                    self.at += 1;
                }
                b'{' | b'[' => {
                    depth += 1;
                    self.at += 1;
                }
                b'}' | b']' => {
                    if depth == 0 {
                        return Some(());
                    }
                    depth -= 1;
                    self.at += 1;
                }
                b',' if depth == 0 => return Some(()),
                _ => self.at += 1,
            }
            if depth == 0 && matches!(b.get(self.at), Some(b',' | b'}' | b']') | None) {
                return Some(());
            }
        }
    }
}

/// Checks the quick readers against the usual reading (serde, checks, indexing) on `text`,
/// panicking on any difference: whenever a quick reader gives a request (and work set),
/// the usual reading accepts the text and gives the same. The fuzz target
/// `fuzz/fuzz_targets/fast_request.rs` runs this on every input.
pub fn check_against_usual_reading(text: &str) {
    use crate::documents::json;
    use crate::items::{validate, Item};
    if let Some(request) = read_multi(text) {
        let usual: MultiRequest = json::parse(text, "").unwrap_or_else(|e| panic!("the quick reader took a multi-project request the usual reading refuses: {e}"));
        assert_eq!(format!("{request:?}"), format!("{usual:?}"), "the quick reader and the usual reading differ");
    }
    if let Some((request, work)) = read_multi_work(text) {
        let mut usual: MultiRequest = json::parse(text, "").unwrap_or_else(|e| panic!("the quick reader took a multi-project request the usual reading refuses: {e}"));
        for board in &usual.boards {
            for it in &board.iterations {
                if let Err(e) = validate::check_items(&it.items) {
                    panic!("the quick reader took items the usual checks refuse: {e}");
                }
            }
        }
        let taken: Vec<Vec<Vec<Item>>> = usual.boards.iter_mut().map(|b| b.iterations.iter_mut().map(|i| std::mem::take(&mut i.items)).collect()).collect();
        let parts = taken.iter().enumerate().flat_map(|(b, its)| {
            its.iter().enumerate().map(move |(i, items)| (Placement { board: b as u32, iteration: i as u32 }, WorkSet::from_items(items)))
        });
        assert_eq!(format!("{request:?} {work:?}"), format!("{usual:?} {:?}", MultiWork::from_parts(parts)), "the quick reader and the usual reading differ");
    }
    let Some((request, work)) = read(text) else { return };
    let mut usual = crate::reports::iteration::parse_request(text).unwrap_or_else(|e| panic!("the quick reader took a request the usual reading refuses: {e}"));
    let items = std::mem::take(&mut usual.items);
    assert_eq!(format!("{request:?} {work:?}"), format!("{usual:?} {:?}", WorkSet::from_items(&items)), "the quick reader and the usual reading differ");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_strings_end_is_found_eight_bytes_at_a_time_as_one_at_a_time() {
        let naive = |b: &[u8]| b.iter().position(|c| matches!(c, b'"' | b'\\' | 0..=0x1f));
        // Every byte that is special or next to special in value, at every place of a text
        // up to three words long, over a filler of each kind (the word trick's borrows).
        let probes = [0x00, 0x1f, 0x20, 0x21, b'"', 0x23, 0x5b, b'\\', 0x5d, 0x7f, 0x80, 0xa2, 0xdc, 0xff];
        for filler in [b'a', 0x20, 0x21, 0x7f, 0x80, 0xff, 0xc3] {
            for len in 0..24 {
                let plain = vec![filler; len];
                assert_eq!(string_end(&plain), naive(&plain), "{filler:#x} × {len}");
                for at in 0..len {
                    for probe in probes {
                        let mut text = plain.clone();
                        text[at] = probe;
                        assert_eq!(string_end(&text), naive(&text), "{probe:#x} at {at} of {len} over {filler:#x}");
                        // A second special byte after the first never moves the answer.
                        if at + 1 < len {
                            text[len - 1] = b'"';
                            assert_eq!(string_end(&text), naive(&text), "{probe:#x} at {at}, a quote last, of {len}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn short_keys_are_equal_exactly_when_their_texts_are() {
        let texts: Vec<String> = (0..20)
            .flat_map(|n| {
                let base = "abcdefghijklmnopqrstu"[..n].to_string();
                // The same length differing at each place, and at none.
                (0..n).map(move |i| {
                    let mut t = base.clone().into_bytes();
                    t[i] = b'Z';
                    String::from_utf8(t).unwrap()
                }).chain(std::iter::once("abcdefghijklmnopqrstu"[..n].to_string()))
            })
            .collect();
        for a in &texts {
            for b in &texts {
                assert_eq!(Short(a) == Short(b), a == b, "{a:?} {b:?}");
            }
        }
    }

    /// The quick reading and the usual one, each as text to compare.
    fn both(text: &str) -> (Option<String>, Result<String, String>) {
        let fast = read(text).map(|(r, w)| format!("{r:?} {w:?}"));
        let usual = crate::reports::iteration::parse_request(text)
            .map(|mut r| {
                let items = std::mem::take(&mut r.items);
                format!("{r:?} {:?}", crate::items::WorkSet::from_items(&items))
            })
            .map_err(|e| e.to_string());
        (fast, usual)
    }

    #[test]
    fn reads_plain_requests_as_the_usual_way_does() {
        let text = r#" { "boardId" : "7", "iteration": {"id":"5","start":"2026-11-30T09:00:00+01:00","end":"2026-12-11"},
            "items": [ {"key":"A-1","assignee":"ann","statusCategory":"done","remainingSeconds":3600,"subtask":false},
                       {"key":"A-2","assignee":null,"parent":"A-1","subtask":true,"originalSeconds":0,"storyPoints":2.5,"customEstimate":13},
                       {"statusCategory":null,"key":"Ä-3","remainingSeconds":null,"storyPoints":null,"assignee":"bob","parent":"A-9"},
                       {"key":"A-4","assignee":"ann","parent":"A-2"} ] } "#;
        let (fast, usual) = both(text);
        assert!(fast.is_some(), "the quick reader takes a plain request");
        assert_eq!(fast, usual.ok());
        for text in [
            r#"{"items":[],"boardId":"1","iteration":{"start":"2026-01-01","end":"2026-01-02"}}"#,
            r#"{"boardId":"1","iteration":{"start":"2026-01-01","end":"2026-01-02"}}"#,
        ] {
            let (fast, usual) = both(text);
            assert!(fast.is_some());
            assert_eq!(fast, usual.ok());
        }
    }

    #[test]
    fn gives_up_on_anything_unusual_or_wrong() {
        let base = |items: &str| format!(r#"{{"boardId":"1","iteration":{{"start":"2026-01-01","end":"2026-01-02"}},"items":[{items}]}}"#);
        for items in [
            r#"{"key":"A\u002d1"}"#,
            r#"{"key":"A-1","remainingSeconds":1.0}"#,
            r#"{"key":"A-1","remainingSeconds":-1}"#,
            r#"{"key":"A-1","remainingSeconds":01}"#,
            r#"{"key":"A-1","remainingSeconds":1e3}"#,
            r#"{"key":"A-1","remainingSeconds":9999999999999999999}"#,
            r#"{"key":"A-1","remainingSeconds":315360001}"#,
            r#"{"key":"A-1","storyPoints":0.1234567890123456789}"#,
            r#"{"key":"A-1","storyPoints":100001}"#,
            r#"{"key":"A-1","key":"A-2"}"#,
            r#"{"key":"A-1","colour":"red"}"#,
            r#"{"assignee":"ann"}"#,
            r#"{}"#,
            r#"{"key":""}"#,
            r#"{"key":"A-1","assignee":""}"#,
            r#"{"key":"A-1","parent":"A-1"}"#,
            r#"{"key":"A-1"},{"key":"A-1"}"#,
            r#"{"key":"A-1","subtask":null}"#,
            r#"{"key":"A-1","statusCategory":"closed"}"#,
            r#"{"key":"A-1",}"#,
            r#"{"key":"A-1"},"#,
            // Field names are matched whole, quotes included: near misses and escapes.
            r#"{"ke\u0079":"A-1"}"#,
            r#"{"key":"A-1","keys":"A-2"}"#,
            r#"{"key":"A-1","subtasks":false}"#,
            r#"{"key":"A-1","stat":"new"}"#,
            r#"{"key":"A-1","storyPoint":1}"#,
            r#"{"key":"A-1","Parent":"A-2"}"#,
            r#"{"key":"A-1","":1}"#,
            r#"{"key":"A-1","s"#,
            r#"{key:"A-1"}"#,
        ] {
            let text = base(items);
            assert!(read(&text).is_none(), "{items}");
        }
        for text in [
            r#"{"boardId":"1","iteration":{"start":"2026-01-01","end":"2026-01-02"},"items":[],"items":[]}"#,
            r#"{"boardId":"1","iteration":{"start":"2026-01-01","end":"2026-01-02"},"items":[]} x"#,
            r#"{"boardId":"1" "iteration":{"start":"2026-01-01","end":"2026-01-02"}}"#,
            r#"{"board\u0049d":"1","iteration":{"start":"2026-01-01","end":"2026-01-02"}}"#,
            r#"{"boardId":"1","iteration":{"start":"2026-01-01","end":"2026-01-02"},"colour":1}"#,
            r#"{"boardId":"1","iteration":{"start":"2026-01-01","end":"2026-01-02"},"items":null}"#,
        ] {
            assert!(read(text).is_none(), "{text}");
        }
    }

    /// The quick reading of a multi-project request and the usual one, as text to compare.
    fn both_multi(text: &str) -> (Option<String>, Option<String>) {
        let fast = read_multi(text).map(|r| format!("{r:?}"));
        let usual = crate::documents::json::parse::<MultiRequest>(text, "").ok().map(|r| format!("{r:?}"));
        (fast, usual)
    }

    #[test]
    fn reads_bulk_multi_project_requests_as_the_usual_way_does() {
        let text = r#"{"definition":{"name":"Year","boardIds":["B1"],"period":{"start":"2026-01-05","end":"2026-03-01"},"bucket":"week","grouping":"person"},
            "boards":[{"boardId":"B1","iterations":[{"id":"1","start":"2026-01-05","end":"2026-01-16"},{"id":null,"start":"2026-01-19T09:00:00+01:00","end":"2026-01-30","items":[]}]},
                      {"iterations":[],"boardId":"B2"},{"boardId":"B3"}]}"#;
        let (fast, usual) = both_multi(text);
        assert!(fast.is_some(), "the quick reader takes a bulk request");
        assert_eq!(fast, usual);
        let (fast, usual) = both_multi(r#"{"reportId":"year"}"#);
        assert!(fast.is_some());
        assert_eq!(fast, usual);
        for text in [
            r#"{"reportId":"r","boards":[{"boardId":"B1","iterations":[{"start":"2026-01-05","end":"2026-01-16","items":[{"key":"A-1"}]}]}]}"#,
            r#"{"reportId":"r","boards":[{"boardId":"B1","boardId":"B2"}]}"#,
            r#"{"reportId":"r","boards":[{"iterations":[]}]}"#,
            r#"{"reportId":"r","boards":[{"boardId":"B1","iterations":[{"start":"2026-01-05"}]}]}"#,
            r#"{"reportId":"r","boards":[{"boardId":"B1","colour":1}]}"#,
            r#"{"reportId":"r","boards":[{"boardId":"B\u0031"}]}"#,
            r#"{"reportId":"r","boards":[],"boards":[]}"#,
        ] {
            assert!(read_multi(text).is_none(), "{text}");
        }
    }

    /// The usual reading of a multi-project request with items, as text to compare.
    fn usual_multi_work(text: &str) -> Option<String> {
        let mut request = crate::documents::json::parse::<MultiRequest>(text, "").ok()?;
        for board in &request.boards {
            for it in &board.iterations {
                crate::items::validate::check_items(&it.items).ok()?;
            }
        }
        let taken: Vec<Vec<Vec<crate::items::Item>>> =
            request.boards.iter_mut().map(|b| b.iterations.iter_mut().map(|i| std::mem::take(&mut i.items)).collect()).collect();
        let parts = taken.iter().enumerate().flat_map(|(b, its)| {
            its.iter().enumerate().map(move |(i, items)| (Placement { board: b as u32, iteration: i as u32 }, WorkSet::from_items(items)))
        });
        Some(format!("{request:?} {:?}", MultiWork::from_parts(parts)))
    }

    #[test]
    fn reads_multi_project_requests_with_items_as_the_usual_way_does() {
        let text = r#"{"reportId":"r","boards":[
            {"boardId":"A","iterations":[{"start":"2026-01-05","end":"2026-01-16","items":[
                {"key":"A-1","assignee":"ann","remainingSeconds":3600},{"key":"A-2","assignee":"bob","parent":"A-1","subtask":true}]},
              {"start":"2026-01-19","end":"2026-01-30"}]},
            {"boardId":"B","iterations":[{"start":"2026-01-05","end":"2026-01-16","items":[
                {"key":"A-1","assignee":"bob","statusCategory":"done"},{"key":"B-1","assignee":"cat","parent":"A-9"}]}]}]}"#;
        let fast = read_multi_work(text).map(|(r, w)| format!("{r:?} {w:?}"));
        assert!(fast.is_some(), "the quick reader takes a plain request");
        assert_eq!(fast, usual_multi_work(text));
        let duplicate = text.replace(r#""key":"A-2""#, r#""key":"A-1""#);
        assert!(read_multi_work(&duplicate).is_none(), "a key twice in one iteration");
    }

    #[test]
    fn other_values_are_left_to_serde_escapes_and_all() {
        let (fast, usual) = both(r#"{"boardId":"a\"}b","iteration":{"name":"S [1]\\","start":"2026-01-01","end":"2026-01-02"},"items":[{"key":"K"}]}"#);
        assert!(fast.is_some());
        assert_eq!(fast, usual.ok());
    }
}
