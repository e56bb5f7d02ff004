//! The engine's operations on stored documents: read, validate, write against a revision,
//! and compute reports. Every binding (C ABI, JNI) calls these and only these.

use std::collections::HashMap;

use crate::days_off::DaysOff;
use crate::error::{Error, Result};
use crate::report;
use crate::settings::{check_account_key, BoardSettings};
use crate::store::{self, Storage};

/// Longest board id: ids are Jira board ids or names of the host's choosing.
pub const MAX_BOARD_ID_CHARS: usize = 40;

/// The capacity engine. It holds no storage: each call is given the host's storage, used
/// synchronously on the caller's thread for the duration of that call.
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
#[derive(Debug, Default)]
pub struct Engine {
    _private: (),
}

fn board_key(board_id: &str) -> Result<String> {
    let ok_len = (1..=MAX_BOARD_ID_CHARS).contains(&board_id.chars().count());
    if !ok_len || !board_id.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-') {
        return Err(Error::validation(
            "boardId",
            format!("must be 1 to {MAX_BOARD_ID_CHARS} characters of A-Z, a-z, 0-9, _ and -, got {board_id:?}"),
        ));
    }
    Ok(store::doc_key("board", board_id))
}

fn days_off_key(account_key: &str) -> Result<String> {
    check_account_key(account_key, "accountKey")?;
    Ok(store::doc_key("daysoff", account_key))
}

fn unreadable(key: &str, e: Error) -> Error {
    Error::Storage { message: format!("the stored document {key} cannot be read ({e}); restore it from a backup or remove it") }
}

fn to_json<T: serde::Serialize>(doc: &T) -> Result<String> {
    serde_json::to_string(doc).map_err(|e| Error::panic(format!("serialisation failed: {e}")))
}

impl Engine {
    pub fn new() -> Engine {
        Engine::default()
    }

    fn load_board(&self, storage: &mut dyn Storage, board_id: &str) -> Result<BoardSettings> {
        let key = board_key(board_id)?;
        match store::read(storage, &key)? {
            Some(text) => BoardSettings::from_stored(&text).map_err(|e| unreadable(&key, e)),
            None => Ok(BoardSettings::defaults()),
        }
    }

    fn load_days_off(&self, storage: &mut dyn Storage, account_key: &str) -> Result<DaysOff> {
        let key = days_off_key(account_key)?;
        match store::read(storage, &key)? {
            Some(text) => DaysOff::parse(&text, account_key).map_err(|e| unreadable(&key, e)),
            None => Ok(DaysOff::empty(account_key)),
        }
    }

    /// The board's settings document; a board never configured gets the defaults at revision 0.
    pub fn get_board_settings(&self, storage: &mut dyn Storage, board_id: &str) -> Result<String> {
        to_json(&self.load_board(storage, board_id)?.doc)
    }

    /// Validates and stores a board's settings, sent with the revision they were read at.
    /// Returns the stored document (revision + 1). A stale revision is a conflict and
    /// nothing is written.
    pub fn put_board_settings(&self, storage: &mut dyn Storage, board_id: &str, settings_json: &str) -> Result<String> {
        let key = board_key(board_id)?;
        let mut new = BoardSettings::parse(settings_json)?;
        let current = self.load_board(storage, board_id)?.doc.revision;
        if new.doc.revision != current {
            return Err(Error::Conflict { key, current_revision: current, given_revision: new.doc.revision });
        }
        new.doc.revision = current + 1;
        let text = to_json(&new.doc)?;
        store::write(storage, &key, &text, "settings")?;
        Ok(text)
    }

    /// A person's days off (shared by every board); none stored gives an empty document.
    pub fn get_days_off(&self, storage: &mut dyn Storage, account_key: &str) -> Result<String> {
        to_json(&self.load_days_off(storage, account_key)?.doc)
    }

    /// Validates and stores a person's days off against the revision read.
    pub fn put_days_off(&self, storage: &mut dyn Storage, account_key: &str, days_off_json: &str) -> Result<String> {
        let key = days_off_key(account_key)?;
        let mut new = DaysOff::parse(days_off_json, account_key)?;
        let current = self.load_days_off(storage, account_key)?.doc.revision;
        if new.doc.revision != current {
            return Err(Error::Conflict { key, current_revision: current, given_revision: new.doc.revision });
        }
        new.doc.revision = current + 1;
        let text = to_json(&new.doc)?;
        store::write(storage, &key, &text, "daysOff")?;
        Ok(text)
    }

    /// Computes the iteration report for the request's board (see `docs/json-api.md`).
    pub fn iteration_report(&self, storage: &mut dyn Storage, request_json: &str) -> Result<String> {
        let request = report::parse_request(request_json)?;
        let settings = self.load_board(storage, &request.board_id)?;
        let mut days_off = HashMap::with_capacity(settings.members.len());
        for m in &settings.members {
            days_off.insert(m.account_key.clone(), self.load_days_off(storage, &m.account_key)?);
        }
        report::to_json(&report::compute(&request, &settings, &days_off)?)
    }
}
