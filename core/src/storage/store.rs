//! The storage contract: the host's key-value store, reached only through [`Storage`].
//!
//! The limits are SAL `PluginSettings`' (Jira's): keys up to 100 characters, string values
//! up to 99,000 characters. Characters are counted as Java counts them (UTF-16 code units)
//! because the Java host is the strictest consumer.

use std::collections::BTreeMap;
use std::fmt;

use crate::error::{Error, Result};

/// Longest key the host must accept.
pub const MAX_KEY_CHARS: usize = 100;
/// Longest value the host must accept.
pub const MAX_VALUE_CHARS: usize = 99_000;
/// Longest document the engine stores (in chunks): a bound on what one request can make
/// the host keep.
pub const MAX_DOCUMENT_CHARS: usize = 4_000_000;
/// Every key the engine writes starts with this.
pub const KEY_PREFIX: &str = "org.capacitytracker:";

/// A failure reported by the host's storage, with the host's own message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StorageError {
    pub message: String,
}

impl StorageError {
    pub fn new(message: impl Into<String>) -> Self {
        StorageError { message: message.into() }
    }
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl From<StorageError> for Error {
    fn from(e: StorageError) -> Self {
        Error::Storage { message: e.message }
    }
}

/// The host's key-value store. Implementations are called synchronously, on the thread
/// that called the engine, only for the duration of that call.
pub trait Storage {
    /// The value under `key`, or `None` when there is none.
    fn get(&mut self, key: &str) -> std::result::Result<Option<String>, StorageError>;
    /// The values under `keys`, in their order (`None` where there is none): what [`get`]
    /// of each key in turn gives, which the default does. A host whose every call costs a
    /// crossing (JNI) answers them all in one; the engine asks this where it knows several
    /// keys up front (a team's days off, the member query's reads).
    ///
    /// [`get`]: Storage::get
    fn get_many(&mut self, keys: &[&str]) -> std::result::Result<Vec<Option<String>>, StorageError> {
        keys.iter().map(|key| self.get(key)).collect()
    }
    /// Stores `value` under `key`, replacing any previous value.
    fn put(&mut self, key: &str, value: &str) -> std::result::Result<(), StorageError>;
    /// Removes `key`; removing an absent key is not an error.
    fn remove(&mut self, key: &str) -> std::result::Result<(), StorageError>;
    /// Takes the lock `name` (a cluster-wide lock in Jira Data Center), waiting for it.
    /// Hosts with a single writer may keep the default, which does nothing.
    fn lock(&mut self, name: &str) -> std::result::Result<(), StorageError> {
        let _ = name;
        Ok(())
    }
    /// Releases the lock `name` taken by [`Storage::lock`].
    fn unlock(&mut self, name: &str) -> std::result::Result<(), StorageError> {
        let _ = name;
        Ok(())
    }
}

/// An in-memory [`Storage`] for tests, benchmarks and embedding hosts that keep nothing.
///
/// ```
/// use capacity_core::{MemoryStorage, Storage};
/// let mut s = MemoryStorage::default();
/// s.put("k", "v").unwrap();
/// assert_eq!(s.get("k").unwrap().as_deref(), Some("v"));
/// ```
#[derive(Debug, Default, Clone)]
pub struct MemoryStorage {
    entries: BTreeMap<String, String>,
}

impl MemoryStorage {
    /// Every stored key and value, in key order.
    pub fn entries(&self) -> impl Iterator<Item = (&str, &str)> {
        self.entries.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }
}

impl Storage for MemoryStorage {
    fn get(&mut self, key: &str) -> std::result::Result<Option<String>, StorageError> {
        Ok(self.entries.get(key).cloned())
    }
    fn put(&mut self, key: &str, value: &str) -> std::result::Result<(), StorageError> {
        self.entries.insert(key.to_string(), value.to_string());
        Ok(())
    }
    fn remove(&mut self, key: &str) -> std::result::Result<(), StorageError> {
        self.entries.remove(key);
        Ok(())
    }
}

/// Length as Java's `String.length()` counts it.
pub fn java_length(s: &str) -> usize {
    s.encode_utf16().count()
}

/// A document too large for one value is stored as chunks under `<key>~<generation>.<i>`
/// and a manifest under `<key>`, written last: a reader sees either the old manifest (and
/// old chunks, still present) or the new one, never a mix.
const MANIFEST_PREFIX: &str = "{\"chunkedDocument\":";
/// Room left after a document key for the chunk suffix `~<generation>.<index>`.
pub const CHUNK_SUFFIX_CHARS: usize = 16;
/// Longest document key, so that its chunk keys still fit the host's key limit.
pub const MAX_DOC_KEY_CHARS: usize = MAX_KEY_CHARS - CHUNK_SUFFIX_CHARS;

#[derive(Debug, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Manifest {
    generation: u64,
    chunks: usize,
    /// Length in UTF-16 units and a hash of the whole, so a torn read is detected.
    length: usize,
    hash: String,
}

#[derive(Debug, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct ManifestEnvelope {
    chunked_document: Manifest,
}

/// The storage key of document `id` of `kind`: readable when it fits, otherwise the id's
/// fingerprint, so that ids of any length (Jira user keys reach 255 characters) fit the
/// host's key limit with room for chunk suffixes. The document itself carries its id.
pub(crate) fn doc_key(kind: &str, id: &str) -> String {
    let plain = format!("{KEY_PREFIX}{kind}:{id}");
    if java_length(&plain) <= MAX_DOC_KEY_CHARS && !id.starts_with('#') && !id.contains('~') {
        plain
    } else {
        format!("{KEY_PREFIX}{kind}:#{:032x}", fingerprint(id.as_bytes()))
    }
}

fn chunk_key(key: &str, generation: u64, index: usize) -> String {
    format!("{key}~{generation}.{index}")
}

/// A 128-bit content fingerprint: two independent 64-bit multiply-rotate lanes over 8-byte
/// words, then an avalanche. It detects torn chunked reads and keys the parse cache; it is
/// not a defence against deliberate collisions, which nothing here needs. It is part of the
/// stored format (manifests carry it), so it never changes.
pub fn fingerprint(bytes: &[u8]) -> u128 {
    const K1: u64 = 0x9E37_79B9_7F4A_7C15;
    const K2: u64 = 0xC2B2_AE3D_27D4_EB4F;
    let (mut a, mut b) = (0x243F_6A88_85A3_08D3u64 ^ bytes.len() as u64, 0x1319_8A2E_0370_7344u64);
    let mut words = bytes.chunks_exact(8);
    for w in &mut words {
        let w = u64::from_le_bytes(w.try_into().expect("chunks of 8"));
        a = (a ^ w).wrapping_mul(K1).rotate_left(29);
        b = (b ^ w.rotate_left(32)).wrapping_mul(K2).rotate_left(31);
    }
    let mut tail = [0u8; 8];
    let rest = words.remainder();
    tail[..rest.len()].copy_from_slice(rest);
    let w = u64::from_le_bytes(tail) ^ ((rest.len() as u64) << 56);
    a = (a ^ w).wrapping_mul(K1).rotate_left(29);
    b = (b ^ w.rotate_left(32)).wrapping_mul(K2).rotate_left(31);
    let mix = |mut x: u64| {
        x ^= x >> 33;
        x = x.wrapping_mul(0xFF51_AFD7_ED55_8CCD);
        x ^= x >> 33;
        x = x.wrapping_mul(0xC4CE_B9FE_1A85_EC53);
        x ^ (x >> 33)
    };
    ((mix(a ^ b.rotate_left(17)) as u128) << 64) | mix(b ^ a.rotate_left(43)) as u128
}

fn parse_manifest(value: &str) -> Option<std::result::Result<Manifest, String>> {
    if !value.starts_with(MANIFEST_PREFIX) {
        return None;
    }
    Some(serde_json::from_str::<ManifestEnvelope>(value).map(|e| e.chunked_document).map_err(|e| e.to_string()))
}

/// Splits `value` into pieces of at most `max` UTF-16 units, never inside a character.
fn split_utf16(value: &str, max: usize) -> Vec<&str> {
    let mut pieces = Vec::new();
    let (mut start, mut units) = (0usize, 0usize);
    for (i, c) in value.char_indices() {
        let w = c.len_utf16();
        if units + w > max {
            pieces.push(&value[start..i]);
            start = i;
            units = 0;
        }
        units += w;
    }
    pieces.push(&value[start..]);
    pieces
}

/// Reads the document under `key`, reassembling chunks when it was stored in pieces.
pub(crate) fn read(storage: &mut dyn Storage, key: &str) -> Result<Option<String>> {
    debug_assert!(java_length(key) <= MAX_DOC_KEY_CHARS, "key too long: {key}");
    let Some(value) = storage.get(key)? else { return Ok(None) };
    assemble(storage, key, value)
}

/// As [`read`] for each of `keys`, with their first values asked in one
/// [`Storage::get_many`]; a document stored in chunks then reads its chunks as [`read`] does.
pub(crate) fn read_many(storage: &mut dyn Storage, keys: &[&str]) -> Result<Vec<Option<String>>> {
    debug_assert!(keys.iter().all(|key| java_length(key) <= MAX_DOC_KEY_CHARS), "key too long: {keys:?}");
    let values = storage.get_many(keys)?;
    if values.len() != keys.len() {
        return Err(Error::Storage { message: format!("the host gave {} values for {} keys", values.len(), keys.len()) });
    }
    keys.iter().zip(values).map(|(key, value)| value.map_or(Ok(None), |value| assemble(storage, key, value))).collect()
}

/// The document under `key` whose stored value is `value`: itself, or the chunks its
/// manifest names, joined and checked.
fn assemble(storage: &mut dyn Storage, key: &str, value: String) -> Result<Option<String>> {
    let manifest = match parse_manifest(&value) {
        None => return Ok(Some(value)),
        Some(Ok(m)) => m,
        Some(Err(e)) => return Err(Error::Storage { message: format!("the manifest of {key} cannot be read: {e}") }),
    };
    check_manifest_bounds(key, &manifest)?;
    let mut whole = String::with_capacity(manifest.length);
    for i in 0..manifest.chunks {
        let ck = chunk_key(key, manifest.generation, i);
        match storage.get(&ck)? {
            Some(piece) => whole.push_str(&piece),
            None => return Err(Error::Storage { message: format!("chunk {ck} of {key} is missing") }),
        }
    }
    if java_length(&whole) != manifest.length || format!("{:032x}", fingerprint(whole.as_bytes())) != manifest.hash {
        return Err(Error::Storage { message: format!("the chunks of {key} do not match its manifest") });
    }
    Ok(Some(whole))
}

/// A stored manifest is data like any other: its length and chunk count are bounded by what
/// `write` can produce before anything is allocated or read, so a corrupted or hostile value
/// becomes a storage error naming the key, never an abort or a long loop in the host's process.
fn check_manifest_bounds(key: &str, manifest: &Manifest) -> Result<()> {
    // Pieces hold MAX_VALUE_CHARS units, one fewer where a surrogate pair would straddle.
    let most_chunks = MAX_DOCUMENT_CHARS.div_ceil(MAX_VALUE_CHARS - 1);
    if manifest.length > MAX_DOCUMENT_CHARS || manifest.chunks > most_chunks || manifest.chunks == 0 {
        return Err(Error::Storage {
            message: format!(
                "the manifest of {key} is corrupt: it claims {} characters in {} chunks; a stored document has at most \
                 {MAX_DOCUMENT_CHARS} characters in at most {most_chunks} chunks",
                manifest.length, manifest.chunks
            ),
        });
    }
    Ok(())
}

/// Writes `value` under `key`. A value over the host's limit is written as chunks, then the
/// manifest, then the previous generation's chunks are removed. If any put fails, the
/// previous document is still what `read` returns.
pub(crate) fn write(storage: &mut dyn Storage, key: &str, value: &str, what: &str) -> Result<()> {
    debug_assert!(java_length(key) <= MAX_DOC_KEY_CHARS, "key too long: {key}");
    let len = java_length(value);
    if len > MAX_DOCUMENT_CHARS {
        return Err(Error::TooLarge {
            field: String::new(),
            message: format!("{what}: the document is {len} characters long; the limit is {MAX_DOCUMENT_CHARS} characters"),
        });
    }
    let previous = match storage.get(key)? {
        Some(v) => parse_manifest(&v).and_then(|m| m.ok()),
        None => None,
    };
    if len <= MAX_VALUE_CHARS {
        storage.put(key, value)?;
    } else {
        let generation = previous.as_ref().map_or(1, |m| m.generation + 1);
        let pieces = split_utf16(value, MAX_VALUE_CHARS);
        for (i, piece) in pieces.iter().enumerate() {
            storage.put(&chunk_key(key, generation, i), piece)?;
        }
        let manifest = ManifestEnvelope {
            chunked_document: Manifest {
                generation,
                chunks: pieces.len(),
                length: len,
                hash: format!("{:032x}", fingerprint(value.as_bytes())),
            },
        };
        let text = serde_json::to_string(&manifest).map_err(|e| Error::panic(e.to_string()))?;
        storage.put(key, &text)?;
    }
    // The new document is committed; what follows only frees space. A failure here
    // leaves unreferenced chunks, which the next write of this key removes... only if it
    // knows them, so it is reported rather than ignored.
    if let Some(old) = previous {
        for i in 0..old.chunks {
            storage.remove(&chunk_key(key, old.generation, i))?;
        }
    }
    Ok(())
}

/// Removes the document under `key`, chunks first... after the manifest, so that a reader
/// never finds a manifest whose chunks are gone.
pub(crate) fn remove(storage: &mut dyn Storage, key: &str) -> Result<()> {
    let previous = match storage.get(key)? {
        Some(v) => parse_manifest(&v).and_then(|m| m.ok()),
        None => return Ok(()),
    };
    storage.remove(key)?;
    if let Some(old) = previous {
        for i in 0..old.chunks {
            storage.remove(&chunk_key(key, old.generation, i))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A storage with only `get`, failing on one key: `get_many` is the default.
    struct GetOnly {
        inner: MemoryStorage,
        failing: &'static str,
        asked: Vec<String>,
    }

    impl Storage for GetOnly {
        fn get(&mut self, key: &str) -> std::result::Result<Option<String>, StorageError> {
            self.asked.push(key.to_owned());
            if key == self.failing {
                return Err(StorageError::new(format!("cannot read {key}")));
            }
            self.inner.get(key)
        }
        fn put(&mut self, key: &str, value: &str) -> std::result::Result<(), StorageError> {
            self.inner.put(key, value)
        }
        fn remove(&mut self, key: &str) -> std::result::Result<(), StorageError> {
            self.inner.remove(key)
        }
    }

    #[test]
    fn get_many_by_default_gets_each_key_in_order_and_stops_at_the_first_error() {
        let mut s = GetOnly { inner: MemoryStorage::default(), failing: "bad", asked: Vec::new() };
        s.put("a", "1").unwrap();
        s.put("c", "3").unwrap();
        assert_eq!(s.get_many(&["c", "b", "a", "c"]).unwrap(), vec![Some("3".into()), None, Some("1".into()), Some("3".into())]);
        assert_eq!(s.asked, ["c", "b", "a", "c"]);
        assert_eq!(s.get_many(&[]).unwrap(), Vec::<Option<String>>::new());
        s.asked.clear();
        assert_eq!(s.get_many(&["a", "bad", "c"]).unwrap_err().to_string(), "cannot read bad");
        assert_eq!(s.asked, ["a", "bad"]);
    }

    /// A host that answers `get_many` with the wrong number of values.
    struct Short(MemoryStorage);

    impl Storage for Short {
        fn get(&mut self, key: &str) -> std::result::Result<Option<String>, StorageError> {
            self.0.get(key)
        }
        fn get_many(&mut self, _: &[&str]) -> std::result::Result<Vec<Option<String>>, StorageError> {
            Ok(vec![None])
        }
        fn put(&mut self, key: &str, value: &str) -> std::result::Result<(), StorageError> {
            self.0.put(key, value)
        }
        fn remove(&mut self, key: &str) -> std::result::Result<(), StorageError> {
            self.0.remove(key)
        }
    }

    #[test]
    fn read_many_assembles_chunked_documents_and_refuses_a_short_answer() {
        let mut s = MemoryStorage::default();
        let long = "x".repeat(MAX_VALUE_CHARS * 2 + 5);
        write(&mut s, "ct.doc.long", &long, "test").unwrap();
        write(&mut s, "ct.doc.short", "{}", "test").unwrap();
        assert!(s.get("ct.doc.long").unwrap().unwrap().starts_with(MANIFEST_PREFIX), "not stored in chunks");
        let read = read_many(&mut s, &["ct.doc.short", "ct.doc.none", "ct.doc.long"]).unwrap();
        assert_eq!(read, vec![Some("{}".to_owned()), None, Some(long)]);
        let err = read_many(&mut Short(s), &["ct.doc.short", "ct.doc.long"]).unwrap_err();
        assert_eq!(err.to_string(), "storage: the host gave 1 values for 2 keys");
    }

    #[test]
    fn fingerprints_tell_near_texts_apart() {
        let base = fingerprint(b"{\"schema\":2,\"revision\":1}");
        assert_ne!(base, fingerprint(b"{\"schema\":2,\"revision\":2}"));
        assert_ne!(fingerprint(b""), fingerprint(b"\0"));
        assert_ne!(fingerprint(b"abcdefgh"), fingerprint(b"abcdefgh\0"));
        assert_eq!(base, fingerprint(b"{\"schema\":2,\"revision\":1}"));
    }

    #[test]
    fn java_length_counts_utf16_units() {
        assert_eq!(java_length("abc"), 3);
        assert_eq!(java_length("é"), 1);
        assert_eq!(java_length("😀"), 2);
    }

    #[test]
    fn write_refuses_documents_over_the_limit_and_keeps_the_old_one() {
        let mut s = MemoryStorage::default();
        write(&mut s, "k", "old", "test").unwrap();
        let big = "x".repeat(MAX_DOCUMENT_CHARS + 1);
        let err = write(&mut s, "k", &big, "test").unwrap_err();
        assert_eq!(err.code(), crate::ErrorCode::TooLarge);
        assert_eq!(read(&mut s, "k").unwrap().as_deref(), Some("old"));
    }

    #[test]
    fn large_documents_round_trip_in_chunks_within_the_limits() {
        let mut s = MemoryStorage::default();
        // Multi-unit characters straddle chunk borders.
        let big: String = "ab😀é".repeat(60_000);
        write(&mut s, "doc", &big, "test").unwrap();
        assert!(s.entries().all(|(k, v)| java_length(k) <= MAX_KEY_CHARS && java_length(v) <= MAX_VALUE_CHARS));
        assert_eq!(read(&mut s, "doc").unwrap().as_deref(), Some(big.as_str()));
        // Rewriting small removes the old chunks.
        write(&mut s, "doc", "small", "test").unwrap();
        assert_eq!(s.entries().count(), 1);
        assert_eq!(read(&mut s, "doc").unwrap().as_deref(), Some("small"));
    }

    /// Fails the n-th put (0-based), counting from the moment it is armed.
    struct FailNthPut {
        inner: MemoryStorage,
        countdown: Option<usize>,
    }

    impl Storage for FailNthPut {
        fn get(&mut self, key: &str) -> std::result::Result<Option<String>, StorageError> {
            self.inner.get(key)
        }
        fn put(&mut self, key: &str, value: &str) -> std::result::Result<(), StorageError> {
            match self.countdown {
                Some(0) => {
                    self.countdown = None;
                    Err(StorageError::new("injected failure"))
                }
                Some(n) => {
                    self.countdown = Some(n - 1);
                    self.inner.put(key, value)
                }
                None => self.inner.put(key, value),
            }
        }
        fn remove(&mut self, key: &str) -> std::result::Result<(), StorageError> {
            self.inner.remove(key)
        }
    }

    #[test]
    fn a_failure_at_any_step_of_a_chunked_write_leaves_the_previous_document_readable() {
        let old: String = "o".repeat(150_000);
        let new: String = "n😀".repeat(120_000);
        for start_small in [false, true] {
            for step in 0..5 {
                let mut s = FailNthPut { inner: MemoryStorage::default(), countdown: None };
                let before = if start_small { "tiny".to_string() } else { old.clone() };
                write(&mut s, "doc", &before, "test").unwrap();
                s.countdown = Some(step);
                let result = write(&mut s, "doc", &new, "test");
                let now = read(&mut s, "doc").unwrap().unwrap();
                match result {
                    Ok(()) => assert_eq!(now, new),
                    Err(e) => {
                        assert_eq!(e.code(), crate::ErrorCode::Storage);
                        assert_eq!(now, before, "step {step}");
                    }
                }
            }
        }
    }
}
