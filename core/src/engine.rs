//! The engine's operations on stored documents: read, validate, write against a revision,
//! and compute reports. Every binding (C ABI, JNI) calls these and only these.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use crate::days_off::DaysOff;
use crate::docstore::{self, to_json, Cache, DocRef};
use crate::error::{Error, Result};
use crate::report;
use crate::settings::{check_account_key, BoardSettings};
use crate::overrides::check_iteration_id;
use crate::store::Storage;
use crate::team;

pub use crate::ids::MAX_BOARD_ID_CHARS;

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
    /// Threads a report may compute on, the caller's included (1 or 2).
    threads: AtomicUsize,
}

impl Default for Engine {
    fn default() -> Engine {
        Engine { cache: Cache::default(), threads: AtomicUsize::new(2) }
    }
}

fn board_ref(board_id: &str) -> Result<DocRef<'_>> {
    crate::ids::BOARD_ID.check(board_id, "boardId")?;
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
    /// [`crate::multi::PARALLEL_FROM`] items or more check and count them on a helper
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
        Ok(docstore::load(storage, &self.cache, &key, BoardSettings::from_stored)?.unwrap_or_else(|| Arc::new(BoardSettings::defaults())))
    }

    pub(crate) fn load_days_off(&self, storage: &mut dyn Storage, account_key: &str) -> Result<Arc<DaysOff>> {
        let key = days_off_ref(account_key)?.key();
        Ok(docstore::load(storage, &self.cache, &key, |t| DaysOff::parse(t, account_key))?
            .unwrap_or_else(|| Arc::new(DaysOff::empty(account_key))))
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

    /// Computes the iteration report for the request's board (see `docs/json-api.md`):
    /// the board's team with the iteration's overrides, the shared holiday calendar, and
    /// each member's days off.
    pub fn iteration_report(&self, storage: &mut dyn Storage, request_json: &str) -> Result<String> {
        // The common form of a request straight to its work set; anything else (and every
        // error) the usual way.
        if let Some((request, work)) = crate::fast_request::read(request_json) {
            return report::to_json(&self.iteration_report_work(storage, &request, &work)?);
        }
        let request = report::parse_request(request_json)?;
        let work = crate::workload::WorkSet::from_items(&request.items);
        report::to_json(&self.iteration_report_work(storage, &request, &work)?)
    }

    /// The iteration report over `work`, given apart from the request: the typed entry the
    /// bulk C ABI uses (the request's own `items` are ignored; `work` must be validated).
    pub fn iteration_report_work(&self, storage: &mut dyn Storage, request: &report::ReportRequest, work: &crate::workload::WorkSet) -> Result<report::Report> {
        let board = self.load_board(storage, &request.board_id)?;
        let mut context = report::Context::default();
        let iteration_id = request.iteration.id.as_deref().filter(|id| check_iteration_id(id, "").is_ok());
        let mut settings: Arc<BoardSettings> = board.clone();
        if let Some(id) = iteration_id {
            let overrides = self.load_iteration(storage, &request.board_id, id)?;
            if !overrides.members.is_empty() {
                let (effective, touched, warnings) = team::apply(&board, &overrides);
                settings = Arc::new(effective);
                context.touched = touched;
                context.warnings = warnings;
            }
        }
        let calendar = match &settings.holiday_calendar {
            Some(id) => {
                let found = self.load_calendar(storage, id)?;
                if found.is_none() {
                    context.warnings.push(report::Warning {
                        code: "holidayCalendarMissing",
                        message: format!("the board uses holiday calendar {id:?}, which no longer exists; its holidays are not counted"),
                    });
                }
                found
            }
            None => None,
        };
        context.calendar = calendar.as_deref();
        let mut days_off = HashMap::with_capacity(settings.members.len());
        for m in &settings.members {
            days_off.insert(m.account_key.clone(), self.load_days_off(storage, &m.account_key)?);
        }
        report::compute_with(request, &settings, &days_off, context, work)
    }
}
