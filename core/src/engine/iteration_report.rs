//! The iteration report, from JSON or from a work set already read.

use std::collections::HashMap;
use std::sync::Arc;

use super::shared::{Calendars};
use super::Engine;
use crate::documents::overrides::check_iteration_id;
use crate::documents::settings::BoardSettings;
use crate::error::Result;
use crate::items::WorkSet;
use crate::reports::iteration::{self, Report, ReportRequest};
use crate::reports::period::{self, PeriodKind};
use crate::reports::{quick_reader, team, warning::Warning};
use crate::storage::store::Storage;

impl Engine {
    /// Computes the iteration report for the request's board (see `docs/json-api.md`):
    /// the board's team with the iteration's overrides, the shared holiday calendar, and
    /// each member's days off.
    pub fn iteration_report(&self, storage: &mut dyn Storage, request_json: &str) -> Result<String> {
        // The common form of a request straight to its work set; anything else (and every
        // error) the usual way.
        if let Some((request, work)) = quick_reader::read(request_json) {
            return iteration::to_json(&self.iteration_report_work(storage, &request, &work)?);
        }
        let request = iteration::parse_request(request_json)?;
        let work = WorkSet::from_items(&request.items);
        iteration::to_json(&self.iteration_report_work(storage, &request, &work)?)
    }

    /// The iteration report over `work`, given apart from the request: the typed entry the
    /// bulk C ABI uses (the request's own `items` are ignored; `work` must be validated).
    pub fn iteration_report_work(&self, storage: &mut dyn Storage, request: &ReportRequest, work: &WorkSet) -> Result<Report> {
        self.iteration_report_for(storage, request, work, None)
    }

    /// As [`Self::iteration_report_work`]; with `only`, the team is that one member (after
    /// the iteration's changes), so only their days off are read and only their row is
    /// computed: each row depends on the member alone, so it is the full report's row.
    pub(crate) fn iteration_report_for(
        &self,
        storage: &mut dyn Storage,
        request: &ReportRequest,
        work: &WorkSet,
        only: Option<&str>,
    ) -> Result<Report> {
        let board = self.load_board(storage, &request.board_id)?;
        let kind = request.iteration.kind;
        kind.check_id(request.iteration.id.as_deref(), "iteration.id")?;
        let mut context = iteration::Context::default();
        let iteration_id = request.iteration.id.as_deref().filter(|id| check_iteration_id(id, "").is_ok());
        let mut settings: Arc<BoardSettings> = board.clone();
        if let Some(id) = iteration_id {
            let overrides = self.load_iteration_of_loaded_board(storage, &request.board_id, id)?;
            if !overrides.members.is_empty() {
                let (effective, touched, warnings) = team::apply(&board, &overrides);
                settings = Arc::new(effective);
                context.touched = touched;
                context.warnings = warnings;
            }
        }
        if let Some(key) = only {
            settings = Arc::new(settings.with_member_only(key));
        }
        let calendar = match &settings.holiday_calendar {
            Some(id) => {
                let found = self.load_doc::<Calendars>(storage, id)?;
                if found.is_none() {
                    context.warnings.push(Warning {
                        code: "holidayCalendarMissing",
                        message: format!("the board uses holiday calendar {id:?}, which no longer exists; its holidays are not counted"),
                    });
                }
                found
            }
            None => None,
        };
        context.calendar = calendar.as_deref();
        // A date range counts only open, assigned work (`reports::period`).
        let kept;
        let work = if kind == PeriodKind::Range {
            let dropped;
            (kept, dropped) = period::keep(kind, work);
            if dropped > 0 {
                context.warnings.push(Warning {
                    code: "rangeLeavesOut",
                    message: format!("{dropped} items done or unassigned are not counted: a date range counts open, assigned work only"),
                });
            }
            &kept
        } else {
            work
        };
        // One host call for the whole team's days off (one upcall through JNI, not one each).
        let keys: Vec<&str> = settings.members.iter().map(|m| m.account_key.as_str()).collect();
        let loaded = self.load_days_off_many(storage, &keys)?;
        let days_off: HashMap<String, _> = keys.iter().map(|k| k.to_string()).zip(loaded).collect();
        iteration::compute_with(request, &settings, &days_off, context, work)
    }
}
