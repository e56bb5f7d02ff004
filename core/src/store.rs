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
    /// Stores `value` under `key`, replacing any previous value.
    fn put(&mut self, key: &str, value: &str) -> std::result::Result<(), StorageError>;
    /// Removes `key`; removing an absent key is not an error.
    fn remove(&mut self, key: &str) -> std::result::Result<(), StorageError>;
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

/// Reads the raw value under `key`.
pub(crate) fn read(storage: &mut dyn Storage, key: &str) -> Result<Option<String>> {
    debug_assert!(java_length(key) <= MAX_KEY_CHARS, "key too long: {key}");
    Ok(storage.get(key)?)
}

/// Writes `value` under `key` after checking the host limits, so a host never sees a
/// value it would have to truncate or refuse.
pub(crate) fn write(storage: &mut dyn Storage, key: &str, value: &str, what: &str) -> Result<()> {
    debug_assert!(java_length(key) <= MAX_KEY_CHARS, "key too long: {key}");
    let len = java_length(value);
    if len > MAX_VALUE_CHARS {
        return Err(Error::TooLarge {
            field: String::new(),
            message: format!(
                "{what}: the document is {len} characters long; the storage limit is \
                 {MAX_VALUE_CHARS} characters"
            ),
        });
    }
    Ok(storage.put(key, value)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn java_length_counts_utf16_units() {
        assert_eq!(java_length("abc"), 3);
        assert_eq!(java_length("é"), 1);
        assert_eq!(java_length("😀"), 2);
    }

    #[test]
    fn write_refuses_values_over_the_limit_and_keeps_the_old_one() {
        let mut s = MemoryStorage::default();
        write(&mut s, "k", "old", "test").unwrap();
        let big = "x".repeat(MAX_VALUE_CHARS + 1);
        let err = write(&mut s, "k", &big, "test").unwrap_err();
        assert_eq!(err.code(), crate::ErrorCode::TooLarge);
        assert_eq!(read(&mut s, "k").unwrap().as_deref(), Some("old"));
    }
}
