//! The member query's answers, remembered with every storage read that produced them.
//!
//! A member's figures are a function of the request, the account key and the values the
//! engine read from storage while computing them (the engine's caches only decide *which*
//! keys it reads: a board whose stamp it has seen is read by its stamp alone). So an answer
//! is kept with the reads, in order, each key with the value read; a later query with the
//! same request and key reads those keys again, in that order, and when every value is the
//! same, the computation would read the same and answer the same: the kept answer is given
//! without parsing the request or computing. Any write, through this engine or any other
//! (another cluster node) over the same storage, changes a value read (a board's stamp is
//! replaced before its text; days off, iteration changes and calendars are read whole),
//! and the query computes afresh. The reads still cross to the host: this saves the
//! computation, not the upcalls. An answer first computed before the engine had seen the
//! board keeps the board's text among its reads (one read more at each later query) until
//! a write replaces it.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use super::member_capacity::MemberFigures;
use crate::error::Result;
use crate::storage::store::{Storage, StorageError};

/// Answers kept at most; a full memo is dropped and refilled (as the document cache is).
const MEMO_LIMIT: usize = 4_096;
/// An answer whose reads hold more text than this is not kept (bounds the memo's memory at
/// about 16 MB; a member with years of days off is simply computed each time).
const MEMO_ENTRY_CHARS: usize = 4_096;

#[derive(Default)]
pub(crate) struct MemberMemo {
    answers: Mutex<HashMap<(String, String), Arc<Answer>>>,
}

impl std::fmt::Debug for MemberMemo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("MemberMemo")
    }
}

struct Answer {
    reads: Vec<(String, Option<String>)>,
    figures: MemberFigures,
}

impl MemberMemo {
    /// The figures `compute` gives for (`request_json`, `account_key`) over `storage`: the
    /// kept ones when every read they came from reads the same now, else computed (with
    /// their reads recorded) and kept.
    pub(crate) fn figures(
        &self,
        storage: &mut dyn Storage,
        request_json: &str,
        account_key: &str,
        compute: impl FnOnce(&mut dyn Storage) -> Result<MemberFigures>,
    ) -> Result<MemberFigures> {
        let key = (request_json.to_owned(), account_key.to_owned());
        let kept = self.answers.lock().unwrap_or_else(|p| p.into_inner()).get(&key).cloned();
        if let Some(kept) = kept {
            if reads_the_same(storage, &kept.reads)? {
                return Ok(kept.figures.clone());
            }
        }
        let mut recording = Recording { inner: storage, reads: Vec::new(), chars: 0, wrote: false };
        let figures = compute(&mut recording)?;
        if !recording.wrote && recording.chars <= MEMO_ENTRY_CHARS {
            let answer = Arc::new(Answer { reads: recording.reads, figures: figures.clone() });
            let mut answers = self.answers.lock().unwrap_or_else(|p| p.into_inner());
            if answers.len() >= MEMO_LIMIT {
                answers.clear();
            }
            answers.insert(key, answer);
        }
        Ok(figures)
    }
}

/// Whether each key read before reads the same value now. The keys are known up front, so
/// they are read in one [`Storage::get_many`] (one upcall through JNI instead of three).
fn reads_the_same(storage: &mut dyn Storage, reads: &[(String, Option<String>)]) -> Result<bool> {
    let keys: Vec<&str> = reads.iter().map(|(key, _)| key.as_str()).collect();
    let now = storage.get_many(&keys)?;
    Ok(now.len() == reads.len() && now.iter().zip(reads).all(|(now, (_, then))| now == then))
}

/// The host's storage, with every read recorded (key and value, in order).
struct Recording<'s> {
    inner: &'s mut dyn Storage,
    reads: Vec<(String, Option<String>)>,
    chars: usize,
    /// A computation that writes is never kept (the member query does not write).
    wrote: bool,
}

impl Storage for Recording<'_> {
    fn get(&mut self, key: &str) -> std::result::Result<Option<String>, StorageError> {
        let value = self.inner.get(key)?;
        self.chars += key.len() + value.as_ref().map_or(0, String::len);
        if self.chars <= MEMO_ENTRY_CHARS {
            self.reads.push((key.to_owned(), value.clone()));
        }
        Ok(value)
    }

    fn get_many(&mut self, keys: &[&str]) -> std::result::Result<Vec<Option<String>>, StorageError> {
        let values = self.inner.get_many(keys)?;
        for (key, value) in keys.iter().zip(&values) {
            self.chars += key.len() + value.as_ref().map_or(0, String::len);
            if self.chars <= MEMO_ENTRY_CHARS {
                self.reads.push(((*key).to_owned(), value.clone()));
            }
        }
        Ok(values)
    }

    fn put(&mut self, key: &str, value: &str) -> std::result::Result<(), StorageError> {
        self.wrote = true;
        self.inner.put(key, value)
    }

    fn remove(&mut self, key: &str) -> std::result::Result<(), StorageError> {
        self.wrote = true;
        self.inner.remove(key)
    }

    fn lock(&mut self, name: &str) -> std::result::Result<(), StorageError> {
        self.inner.lock(name)
    }

    fn unlock(&mut self, name: &str) -> std::result::Result<(), StorageError> {
        self.inner.unlock(name)
    }
}
