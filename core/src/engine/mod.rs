//! The engine's operations on stored documents: read, validate, write against a revision,
//! and compute reports. Every binding (C ABI, JNI) calls these and only these: the bulk
//! entry points too (`bulk.rs`), whose bindings only convert their callers' structs.
//!
//! Board settings and days off are here; the shared documents (one generic path) in
//! `shared.rs`, iteration teams in `team_changes.rs`, permissions in `access.rs`, the
//! reports in `iteration_report.rs`, `multi_report.rs` and `bulk.rs`, backup and privacy
//! in their own files; Kanban boards' saved date ranges in `ranges.rs`.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use crate::documents::days_off::DaysOff;
use crate::storage::docstore::{self, to_json, Cache, DocRef};
use crate::error::{Error, Result};

use crate::documents::settings::{check_account_key, BoardSettings};
use crate::storage::store::Storage;


/// The engine's version, as built.
pub(crate) const VERSION: &str = env!("CARGO_PKG_VERSION");

pub use crate::documents::ids::MAX_BOARD_ID_CHARS;
pub use authorize::{AccessHost, Decision, GroupList};

/// The capacity engine. It holds no storage: each call is given the host's storage, used
/// synchronously on the caller's thread for the duration of that call. A multi-project
/// report over many items may also compute on one helper thread ([`Engine::set_threads`]);
/// storage is never called from it.
///
/// ```
/// use capacity_core::{Engine, MemoryStorage};
/// let engine = Engine::new();
/// let mut storage = MemoryStorage::default();
/// let stored = engine
///     .put_board_settings(&mut storage, "1", r#"{"revision":0,"members":[{"accountKey":"alice","role":"Developer","dailyCapacity":6}]}"#)
///     .unwrap();
/// assert!(stored.contains(r#""revision":1"#));
/// ```
#[derive(Debug)]
pub struct Engine {
    cache: Cache,
    /// The member query's answers with the reads they came from (`member_memo.rs`).
    members: member_memo::MemberMemo,
    /// Threads a report may compute on, the caller's included (1 or 2).
    threads: AtomicUsize,
}

impl Default for Engine {
    fn default() -> Engine {
        Engine { cache: Cache::default(), members: member_memo::MemberMemo::default(), threads: AtomicUsize::new(2) }
    }
}

fn board_ref(board_id: &str) -> Result<DocRef<'_>> {
    crate::documents::ids::BOARD_ID.check(board_id, "boardId")?;
    Ok(DocRef { kind: "board", id: board_id })
}

fn days_off_ref(account_key: &str) -> Result<DocRef<'_>> {
    check_account_key(account_key, "accountKey")?;
    Ok(DocRef { kind: "daysoff", id: account_key })
}

impl Engine {
    pub fn new() -> Engine {
        Engine::default()
    }

    pub(crate) fn cache(&self) -> &Cache {
        &self.cache
    }

    /// How many threads a report may compute on, the caller's included: 1 keeps every
    /// computation on the caller's thread; 2 (the default) lets a multi-project report over
    /// [`crate::reports::multi::PARALLEL_FROM`] items or more check and count them on a helper
    /// thread as well. Anything else is an invalid-argument error.
    pub fn set_threads(&self, threads: usize) -> Result<()> {
        if !(1..=2).contains(&threads) {
            return Err(Error::invalid_argument(format!("threads must be 1 or 2, got {threads}")));
        }
        self.threads.store(threads, Ordering::Relaxed);
        Ok(())
    }

    pub fn threads(&self) -> usize {
        self.threads.load(Ordering::Relaxed)
    }

    pub(crate) fn load_board(&self, storage: &mut dyn Storage, board_id: &str) -> Result<Arc<BoardSettings>> {
        let key = board_ref(board_id)?.key();
        Ok(docstore::load_stamped(storage, &self.cache, &key, BoardSettings::from_stored)?.unwrap_or_else(|| Arc::new(BoardSettings::defaults())))
    }

    pub(crate) fn load_days_off(&self, storage: &mut dyn Storage, account_key: &str) -> Result<Arc<DaysOff>> {
        let key = days_off_ref(account_key)?.key();
        Ok(docstore::load(storage, &self.cache, &key, |t| DaysOff::parse(t, account_key))?
            .unwrap_or_else(|| Arc::new(DaysOff::empty(account_key))))
    }

    /// As [`Self::load_days_off`] for each of `account_keys`, read in one host call.
    pub(crate) fn load_days_off_many(&self, storage: &mut dyn Storage, account_keys: &[&str]) -> Result<Vec<Arc<DaysOff>>> {
        let keys = account_keys.iter().map(|a| Ok(days_off_ref(a)?.key())).collect::<Result<Vec<_>>>()?;
        let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
        let docs = docstore::load_many(storage, &self.cache, &keys, |i, t| DaysOff::parse(t, account_keys[i]))?;
        Ok(docs.into_iter().zip(account_keys).map(|(doc, a)| doc.unwrap_or_else(|| Arc::new(DaysOff::empty(a)))).collect())
    }

    /// The board's settings document; a board never configured gets the defaults at revision 0.
    pub fn get_board_settings(&self, storage: &mut dyn Storage, board_id: &str) -> Result<String> {
        to_json(&self.load_board(storage, board_id)?.doc)
    }

    /// Validates and stores a board's settings, sent with the revision they were read at.
    /// Returns the stored document (revision + 1). A stale revision is a conflict and
    /// nothing is written.
    pub fn put_board_settings(&self, storage: &mut dyn Storage, board_id: &str, settings_json: &str) -> Result<String> {
        let doc = board_ref(board_id)?;
        let mut new = BoardSettings::parse(settings_json)?;
        let expected = new.doc.revision;
        docstore::save(
            storage,
            &self.cache,
            doc,
            expected,
            |s, _| Ok(Some(self.load_board(s, board_id)?.doc.revision).filter(|r| *r > 0)),
            |revision| {
                new.doc.revision = revision;
                to_json(&new.doc)
            },
        )
    }

    /// A person's days off (shared by every board); none stored gives an empty document.
    pub fn get_days_off(&self, storage: &mut dyn Storage, account_key: &str) -> Result<String> {
        to_json(&self.load_days_off(storage, account_key)?.doc)
    }

    /// Validates and stores a person's days off against the revision read.
    pub fn put_days_off(&self, storage: &mut dyn Storage, account_key: &str, days_off_json: &str) -> Result<String> {
        let doc = days_off_ref(account_key)?;
        let mut new = DaysOff::parse(days_off_json, account_key)?;
        let expected = new.doc.revision;
        docstore::save(
            storage,
            &self.cache,
            doc,
            expected,
            |s, _| Ok(Some(self.load_days_off(s, account_key)?.doc.revision).filter(|r| *r > 0)),
            |revision| {
                new.doc.revision = revision;
                to_json(&new.doc)
            },
        )
    }
}

mod backup;
mod privacy;
mod shared;
mod team_changes;
mod access;
mod authorize;
mod iteration_report;
mod multi_report;
mod bulk;
mod ranges;
mod member_capacity;
mod member_memo;
pub use member_capacity::MemberFigures;
