//! Versioned documents over the host storage: a parse cache keyed by content, writes that
//! check the revision under the host's lock, and the index of every document the engine
//! keeps (SAL `PluginSettings` cannot list its keys, yet backup and privacy operations must
//! find every document).

use std::any::Any;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::{Arc, Mutex};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::storage::store::{self, fingerprint, Storage, KEY_PREFIX};

/// The kinds of document, as named in the index and in keys.
pub const KINDS: [&str; 8] = ["board", "daysoff", "iteration", "template", "calendar", "report", "permissions", "ranges"];

/// Parsed documents by storage key, each with the fingerprint of the text it came from:
/// a write by another engine (another cluster node) changes the text, so it is seen on the
/// next read.
/// A cached document: the fingerprint of the text it was parsed from, and the parsed value.
type Entry = (u128, Arc<dyn Any + Send + Sync>);

#[derive(Default)]
pub struct Cache {
    entries: Mutex<HashMap<String, Entry>>,
    /// For stamped documents ([`STAMPED`]): the stamp last seen with the text it announced,
    /// and that text's fingerprint (the entry above).
    stamps: Mutex<HashMap<String, (String, u128)>>,
}

impl std::fmt::Debug for Cache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Cache")
    }
}

/// Bounds memory: a full cache is simply dropped and refilled.
const CACHE_LIMIT: usize = 20_000;

impl Cache {
    fn get<T: Send + Sync + 'static>(&self, key: &str, print: u128) -> Option<Arc<T>> {
        let entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        let (p, value) = entries.get(key)?;
        if *p != print {
            return None;
        }
        value.clone().downcast::<T>().ok()
    }

    fn put<T: Send + Sync + 'static>(&self, key: &str, print: u128, value: Arc<T>) {
        let mut entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        if entries.len() >= CACHE_LIMIT {
            entries.clear();
        }
        entries.insert(key.to_string(), (print, value));
    }

    fn forget(&self, key: &str) {
        self.entries.lock().unwrap_or_else(|p| p.into_inner()).remove(key);
        self.stamps.lock().unwrap_or_else(|p| p.into_inner()).remove(key);
    }

    /// The fingerprint of the text `stamp` announced, when this cache saw that text under it.
    fn stamped(&self, key: &str, stamp: &str) -> Option<u128> {
        let stamps = self.stamps.lock().unwrap_or_else(|p| p.into_inner());
        stamps.get(key).filter(|(s, _)| s == stamp).map(|(_, print)| *print)
    }

    fn put_stamp(&self, key: &str, stamp: String, print: u128) {
        let mut stamps = self.stamps.lock().unwrap_or_else(|p| p.into_inner());
        if stamps.len() >= CACHE_LIMIT {
            stamps.clear();
        }
        stamps.insert(key.to_string(), (stamp, print));
    }
}

/// Kinds whose every write first stores a stamp beside the document (see [`load_stamped`]):
/// boards, which every report and member query reads.
const STAMPED: [&str; 1] = ["board"];

/// Where a stamped document's stamp is kept: the document's key with a suffix no chunk key
/// has (`~<digits>.<digits>`) and no document key has (ids never contain `~`); it fits
/// the room `store::CHUNK_SUFFIX_CHARS` leaves.
fn stamp_key(key: &str) -> String {
    format!("{key}~stamp")
}

/// A stamp: the fingerprint of the text about to be written, and a value no other write
/// (on this node or any other, before or after a removal) draws, so a stamp never comes back.
fn new_stamp(text: &str) -> String {
    use std::hash::{BuildHasher, Hasher};
    use std::sync::atomic::{AtomicU64, Ordering};
    static WRITES: AtomicU64 = AtomicU64::new(0);
    // RandomState's keys are random per process (the OS's randomness, no file read); the
    // counter and the clock tell this process's writes apart.
    let mut unique = std::collections::hash_map::RandomState::new().build_hasher();
    unique.write_u64(WRITES.fetch_add(1, Ordering::Relaxed));
    unique.write_u128(std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos()));
    format!("{:032x}.{:016x}", fingerprint(text.as_bytes()), unique.finish())
}

/// The fingerprint a stamp announces (none for a value that is not a stamp).
fn stamp_print(stamp: &str) -> Option<u128> {
    u128::from_str_radix(stamp.get(..32)?, 16).ok()
}

/// Reads and parses the document under `key` (`None` when absent), from the cache when the
/// stored text has not changed. A stored document that no longer parses is a storage
/// error: it is reported, never silently replaced.
pub fn load<T, F>(storage: &mut dyn Storage, cache: &Cache, key: &str, parse: F) -> Result<Option<Arc<T>>>
where
    T: Send + Sync + 'static,
    F: FnOnce(&str) -> Result<T>,
{
    let Some(text) = store::read(storage, key)? else { return Ok(None) };
    let print = fingerprint(text.as_bytes());
    parse_cached(cache, key, &text, print, parse).map(Some)
}

/// As [`load`] for each of `keys` (parsed by `parse(index, text)`), their values read in one
/// [`Storage::get_many`]: a team's days off cost one host call, not one per member.
pub fn load_many<T, F>(storage: &mut dyn Storage, cache: &Cache, keys: &[&str], mut parse: F) -> Result<Vec<Option<Arc<T>>>>
where
    T: Send + Sync + 'static,
    F: FnMut(usize, &str) -> Result<T>,
{
    let texts = store::read_many(storage, keys)?;
    let mut docs = Vec::with_capacity(texts.len());
    for (i, text) in texts.into_iter().enumerate() {
        docs.push(match text {
            Some(text) => Some(parse_cached(cache, keys[i], &text, fingerprint(text.as_bytes()), |t| parse(i, t))?),
            None => None,
        });
    }
    Ok(docs)
}

fn parse_cached<T, F>(cache: &Cache, key: &str, text: &str, print: u128, parse: F) -> Result<Arc<T>>
where
    T: Send + Sync + 'static,
    F: FnOnce(&str) -> Result<T>,
{
    if let Some(hit) = cache.get::<T>(key, print) {
        return Ok(hit);
    }
    let parsed = Arc::new(parse(text).map_err(|e| Error::Storage {
        message: format!("the stored document {key} cannot be read ({e}); restore it from a backup or remove it"),
    })?);
    cache.put(key, print, parsed.clone());
    Ok(parsed)
}

/// As [`load`], for a document of a [`STAMPED`] kind: first reads its stamp (a short value),
/// and when this cache has seen the text that stamp announced, returns it without reading
/// the document. Otherwise reads the document as [`load`] does, and remembers the stamp
/// only if the text read is the one it announced.
///
/// Why this never serves a stale document, even when other engines (other cluster nodes)
/// write the same storage: every write stores a new stamp, never drawn before, *before*
/// it writes the document ([`save`]), and a removal removes the stamp first ([`remove`]).
/// A remembered (stamp, text) pair was true when remembered: the document held that text
/// while the stamp stood. Any later write replaces the stamp before the text, so the stamp
/// read back unchanged means no write has begun since. A write that stopped half-way
/// (stamp written, document not) leaves a stamp whose text never appears: every read then
/// takes the long way until the next write, which is slow but right.
pub fn load_stamped<T, F>(storage: &mut dyn Storage, cache: &Cache, key: &str, parse: F) -> Result<Option<Arc<T>>>
where
    T: Send + Sync + 'static,
    F: FnOnce(&str) -> Result<T>,
{
    let stamp = storage.get(&stamp_key(key))?;
    if let Some(stamp) = &stamp {
        if let Some(hit) = cache.stamped(key, stamp).and_then(|print| cache.get::<T>(key, print)) {
            return Ok(Some(hit));
        }
    }
    let Some(text) = store::read(storage, key)? else { return Ok(None) };
    let print = fingerprint(text.as_bytes());
    let parsed = parse_cached(cache, key, &text, print, parse)?;
    if let Some(stamp) = stamp.filter(|s| stamp_print(s) == Some(print)) {
        cache.put_stamp(key, stamp, print);
    }
    Ok(Some(parsed))
}

/// Runs `f` holding the host's lock `name`, releasing it whatever `f` returns.
pub fn locked<R>(storage: &mut dyn Storage, name: &str, f: impl FnOnce(&mut dyn Storage) -> Result<R>) -> Result<R> {
    storage.lock(name)?;
    let result = f(storage);
    let unlocked = storage.unlock(name);
    let value = result?;
    unlocked?;
    Ok(value)
}

/// The index document: every document id the engine has written, by kind.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Index {
    pub schema: u32,
    pub revision: u64,
    pub documents: BTreeMap<String, BTreeSet<String>>,
}

pub fn index_key() -> String {
    format!("{KEY_PREFIX}index")
}

pub fn load_index(storage: &mut dyn Storage, cache: &Cache) -> Result<Arc<Index>> {
    let key = index_key();
    Ok(load(storage, cache, &key, |t| crate::documents::json::parse::<Index>(t, "index"))?.unwrap_or_else(|| Arc::new(Index { schema: 1, ..Index::default() })))
}

fn save_index(storage: &mut dyn Storage, cache: &Cache, index: &Index) -> Result<()> {
    let key = index_key();
    let text = serde_json::to_string(index).map_err(|e| Error::panic(e.to_string()))?;
    store::write(storage, &key, &text, "index")?;
    cache.forget(&key);
    Ok(())
}

/// Records that document `id` of `kind` exists, before it is first written: the index may
/// name a document that a failed write never created (read as absent), but never misses one.
fn index_add(storage: &mut dyn Storage, cache: &Cache, kind: &str, id: &str) -> Result<()> {
    locked(storage, &index_key(), |storage| {
        let index = load_index(storage, cache)?;
        if index.documents.get(kind).is_some_and(|ids| ids.contains(id)) {
            return Ok(());
        }
        let mut index = (*index).clone();
        index.schema = 1;
        index.revision = next_revision(&index_key(), index.revision)?;
        index.documents.entry(kind.to_string()).or_default().insert(id.to_string());
        save_index(storage, cache, &index)
    })
}

fn index_remove(storage: &mut dyn Storage, cache: &Cache, kind: &str, id: &str) -> Result<()> {
    locked(storage, &index_key(), |storage| {
        let index = load_index(storage, cache)?;
        if !index.documents.get(kind).is_some_and(|ids| ids.contains(id)) {
            return Ok(());
        }
        let mut index = (*index).clone();
        index.revision = next_revision(&index_key(), index.revision)?;
        if let Some(ids) = index.documents.get_mut(kind) {
            ids.remove(id);
            if ids.is_empty() {
                index.documents.remove(kind);
            }
        }
        save_index(storage, cache, &index)
    })
}

/// A document kind's storage identity.
pub struct DocRef<'a> {
    pub kind: &'static str,
    pub id: &'a str,
}

impl DocRef<'_> {
    pub fn key(&self) -> String {
        store::doc_key(self.kind, self.id)
    }
}

/// Writes a new version of a document read at `expected` revision: under the host's lock,
/// checks the stored revision (`current` reads it), then stores `render(current + 1)`.
/// Returns the stored text. A stale revision is a conflict and nothing is written.
pub fn save<C, R>(storage: &mut dyn Storage, cache: &Cache, doc: DocRef, expected: u64, current: C, render: R) -> Result<String>
where
    C: FnOnce(&mut dyn Storage, &Cache) -> Result<Option<u64>>,
    R: FnOnce(u64) -> Result<String>,
{
    let key = doc.key();
    locked(storage, &key, |storage| {
        let stored = current(storage, cache)?;
        let current_revision = stored.unwrap_or(0);
        if expected != current_revision {
            return Err(Error::Conflict { key: key.clone(), current_revision, given_revision: expected });
        }
        let text = render(next_revision(&key, current_revision)?)?;
        if stored.is_none() {
            index_add(storage, cache, doc.kind, doc.id)?;
        }
        if STAMPED.contains(&doc.kind) {
            storage.put(&stamp_key(&key), &new_stamp(&text))?;
        }
        store::write(storage, &key, &text, doc.kind)?;
        Ok(text)
    })
}

/// Removes a document and its index entry.
pub fn remove(storage: &mut dyn Storage, cache: &Cache, doc: DocRef) -> Result<()> {
    let key = doc.key();
    locked(storage, &key, |storage| {
        if STAMPED.contains(&doc.kind) {
            storage.remove(&stamp_key(&key))?;
        }
        store::remove(storage, &key)?;
        cache.forget(&key);
        Ok(())
    })?;
    index_remove(storage, cache, doc.kind, doc.id)
}

/// Serialises a document (never fails for the engine's types).
pub fn to_json<T: Serialize>(doc: &T) -> Result<String> {
    serde_json::to_string(doc).map_err(|e| Error::panic(format!("serialisation failed: {e}")))
}

/// The revision after `revision`. A stored revision at the top of its range is corrupt data
/// (no document is written 2^64 times): a storage error naming the key, never a wrap to 0
/// that would let a stale writer's revision match again.
fn next_revision(key: &str, revision: u64) -> Result<u64> {
    revision.checked_add(1).ok_or_else(|| Error::Storage {
        message: format!("the stored revision of {key} is {revision}, the largest there is: the document is corrupt"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::store::{MemoryStorage, StorageError};
    use crate::Engine;

    /// The host's storage with the keys read counted.
    #[derive(Default)]
    struct Counting {
        inner: MemoryStorage,
        reads: Vec<String>,
    }

    impl Storage for Counting {
        fn get(&mut self, key: &str) -> std::result::Result<Option<String>, StorageError> {
            self.reads.push(key.to_string());
            self.inner.get(key)
        }
        fn put(&mut self, key: &str, value: &str) -> std::result::Result<(), StorageError> {
            self.inner.put(key, value)
        }
        fn remove(&mut self, key: &str) -> std::result::Result<(), StorageError> {
            self.inner.remove(key)
        }
    }

    const BOARD: &str = r#"{"revision":0,"members":[{"accountKey":"alice","role":"Developer","dailyCapacity":6}]}"#;

    fn key() -> String {
        store::doc_key("board", "1")
    }

    /// The first member's daily capacity in hours, as the engine reads the board now.
    fn daily(engine: &Engine, s: &mut Counting) -> Option<f64> {
        let doc: serde_json::Value = serde_json::from_str(&engine.get_board_settings(s, "1").unwrap()).unwrap();
        doc["members"][0]["dailyCapacity"].as_f64()
    }

    fn set_daily(engine: &Engine, s: &mut Counting, hours: u32) {
        let mut doc: serde_json::Value = serde_json::from_str(&engine.get_board_settings(s, "1").unwrap()).unwrap();
        doc["members"][0]["dailyCapacity"] = hours.into();
        engine.put_board_settings(s, "1", &doc.to_string()).unwrap();
    }

    #[test]
    fn a_board_seen_before_is_served_after_reading_its_stamp_alone() {
        let engine = Engine::new();
        let mut s = Counting::default();
        engine.put_board_settings(&mut s, "1", BOARD).unwrap();
        assert_eq!(daily(&engine, &mut s), Some(6.0));
        s.reads.clear();
        assert_eq!(daily(&engine, &mut s), Some(6.0));
        assert_eq!(s.reads, [stamp_key(&key())], "only the stamp is read");
    }

    #[test]
    fn a_write_through_this_engine_is_seen_on_the_next_read() {
        let engine = Engine::new();
        let mut s = Counting::default();
        engine.put_board_settings(&mut s, "1", BOARD).unwrap();
        assert_eq!(daily(&engine, &mut s), Some(6.0));
        set_daily(&engine, &mut s, 7);
        assert_eq!(daily(&engine, &mut s), Some(7.0));
    }

    #[test]
    fn another_engines_write_is_seen_on_the_next_read() {
        // Two cluster nodes: two engines, each with its own cache, over one shared storage.
        let (node_a, node_b) = (Engine::new(), Engine::new());
        let mut s = Counting::default();
        node_a.put_board_settings(&mut s, "1", BOARD).unwrap();
        assert_eq!(daily(&node_a, &mut s), Some(6.0));
        assert_eq!(daily(&node_a, &mut s), Some(6.0), "cached on node a");
        set_daily(&node_b, &mut s, 8);
        assert_eq!(daily(&node_a, &mut s), Some(8.0));
        set_daily(&node_b, &mut s, 6);
        assert_eq!(daily(&node_a, &mut s), Some(6.0), "back to an earlier figure: a new stamp all the same");
    }

    #[test]
    fn a_write_that_stopped_after_its_stamp_is_never_served_from_the_cache() {
        let engine = Engine::new();
        let mut s = Counting::default();
        engine.put_board_settings(&mut s, "1", BOARD).unwrap();
        assert_eq!(daily(&engine, &mut s), Some(6.0));
        // Another node stamped a new text, then failed before writing it.
        s.inner.put(&stamp_key(&key()), &new_stamp("{\"never\":\"written\"}")).unwrap();
        for _ in 0..2 {
            s.reads.clear();
            assert_eq!(daily(&engine, &mut s), Some(6.0));
            assert_eq!(s.reads, [stamp_key(&key()), key()], "the document is read each time");
        }
        // A text written behind the engine's back under the old stamp is no stamp's text either.
        let stamp = s.inner.get(&stamp_key(&key())).unwrap();
        set_daily(&engine, &mut s, 5);
        s.inner.put(&stamp_key(&key()), stamp.as_deref().unwrap()).unwrap();
        assert_eq!(daily(&engine, &mut s), Some(5.0));
    }

    #[test]
    fn stamps_are_never_drawn_twice_even_for_the_same_text() {
        assert_ne!(new_stamp(BOARD), new_stamp(BOARD));
        assert_eq!(stamp_print(&new_stamp(BOARD)), Some(fingerprint(BOARD.as_bytes())));
        assert_eq!(stamp_print("not a stamp"), None);
    }

    #[test]
    fn removing_a_stamped_document_removes_its_stamp_first() {
        let engine = Engine::new();
        let mut s = Counting::default();
        engine.put_board_settings(&mut s, "1", BOARD).unwrap();
        let cache = engine.cache();
        remove(&mut s, cache, DocRef { kind: "board", id: "1" }).unwrap();
        assert_eq!(s.inner.get(&stamp_key(&key())).unwrap(), None);
        assert_eq!(daily(&engine, &mut s), None, "the defaults: no members");
    }

    #[test]
    fn the_stamps_are_bounded_like_the_documents() {
        let engine = Engine::new();
        let mut s = Counting::default();
        engine.put_board_settings(&mut s, "1", BOARD).unwrap();
        assert_eq!(daily(&engine, &mut s), Some(6.0));
        let cache = engine.cache();
        for i in 0..CACHE_LIMIT {
            cache.put_stamp(&format!("other{i}"), String::new(), 0);
        }
        assert!(cache.stamps.lock().unwrap().len() <= CACHE_LIMIT);
        // Evicted: read the long way, and still right.
        s.reads.clear();
        assert_eq!(daily(&engine, &mut s), Some(6.0));
        assert_eq!(s.reads, [stamp_key(&key()), key()]);
        s.reads.clear();
        assert_eq!(daily(&engine, &mut s), Some(6.0));
        assert_eq!(s.reads, [stamp_key(&key())], "remembered again");
    }
}
