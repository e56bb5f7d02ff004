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
    }
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
    if let Some(hit) = cache.get::<T>(key, print) {
        return Ok(Some(hit));
    }
    let parsed = Arc::new(parse(&text).map_err(|e| Error::Storage {
        message: format!("the stored document {key} cannot be read ({e}); restore it from a backup or remove it"),
    })?);
    cache.put(key, print, parsed.clone());
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
        store::write(storage, &key, &text, doc.kind)?;
        Ok(text)
    })
}

/// Removes a document and its index entry.
pub fn remove(storage: &mut dyn Storage, cache: &Cache, doc: DocRef) -> Result<()> {
    let key = doc.key();
    locked(storage, &key, |storage| {
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
