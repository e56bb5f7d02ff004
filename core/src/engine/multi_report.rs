//! The multi-project report: what the engine reads for it (pass 1, on the caller's
//! thread: the host's storage is called on no other), and the computation it hands on to
//! `reports::multi`.

use std::sync::Arc;

use chrono::NaiveDate;

use super::shared::{Calendars, ReportDefinitions};
use super::Engine;
use crate::capacity::calendar::read_dates;
use crate::documents::days_off::DaysOff;
use crate::documents::json;
use crate::documents::report_defs::ReportDefDoc;
use crate::documents::units::Unit;
use crate::error::{Error, Result};
use crate::items::bulk::MultiItem;
use crate::items::{validate, FastMap};
use crate::reports::multi::plan::{moment, BoardPlan, Boards, ReadIterations};
use crate::reports::multi::{self, prefix, side_by_side, MultiReport, MultiRequest, MultiTable, MultiWork, PARALLEL_FROM};
use crate::reports::period;
use crate::reports::quick_reader;
use crate::reports::warning::Warning;
use crate::storage::docstore::{self, to_json};
use crate::storage::store::Storage;

impl Engine {
    /// Computes a multi-project report (see `docs/json-api.md`).
    pub fn multi_project_report(&self, storage: &mut dyn Storage, request_json: &str) -> Result<String> {
        // The common form of a request straight to its work; anything else (and every
        // error) the usual way.
        if let Some((request, work)) = quick_reader::read_multi_work(request_json) {
            return to_json(&self.multi_project_report_work(storage, &request, &work)?);
        }
        let request: MultiRequest = json::parse(request_json, "")?;
        for (b, board) in request.boards.iter().enumerate() {
            for (i, it) in board.iterations.iter().enumerate() {
                validate::check_items(&it.items).map_err(|e| prefix(e, &format!("boards[{b}].iterations[{i}].")))?;
            }
        }
        let work = MultiWork::from_request(&request);
        to_json(&self.multi_project_report_work(storage, &request, &work)?)
    }

    /// The multi-project report over work given apart from the request (the request's
    /// iterations carry no items; `work` places each item in one).
    pub fn multi_project_report_work(&self, storage: &mut dyn Storage, request: &MultiRequest, work: &MultiWork) -> Result<MultiReport> {
        Ok(self.multi_project_table(storage, request, &work.set.people, &work.to_items())?.to_report())
    }

    /// The multi-project report in compact form, over bulk items (checked here with
    /// [`validate::check_multi_items`]; items in the request's iterations are not read).
    ///
    /// Reads storage on the caller's thread, board after board, as the JSON entry does,
    /// then sums the items in one pass over them, in their order. With two threads allowed
    /// ([`Engine::set_threads`]) and [`PARALLEL_FROM`] items or more, a helper thread
    /// checks the items while storage is read, then counts half of them and computes half
    /// of the rows; the result is the same.
    pub fn multi_project_table(&self, storage: &mut dyn Storage, request: &MultiRequest, people: &[&str], items: &[MultiItem]) -> Result<MultiTable> {
        let definition: Result<Arc<ReportDefDoc>> = match (&request.report_id, &request.definition) {
            (Some(id), None) => self.find_named::<ReportDefinitions>(storage, id),
            (None, Some(d)) => d.validate().map_err(|e| prefix(e, "definition.")).map(|()| Arc::new(d.clone())),
            (Some(_), Some(_)) => Err(Error::validation("reportId", "give reportId or definition, not both")),
            // Issue 10, defect 8: `{}` was told "not both".
            (None, None) => Err(Error::validation("reportId", "give reportId (a stored report definition) or definition (one inline)")),
        };
        // The JSON entry checks the items before it looks the definition up, so a request
        // wrong in both ways fails the same way through either entry: the items' error first.
        let definition = match definition {
            Ok(d) => d,
            Err(e) => {
                validate::check_multi_items(&request.board_shapes(), people, items)?;
                return Err(e);
            }
        };
        let (first, last) = multi::period(&definition);
        let board_ids = multi::board_ids(&definition, request);

        // Pass 1, every read, on the caller's thread (the host's storage is called on no
        // other), while a helper checks the items of a large report.
        let parallel = self.threads() > 1 && items.len() >= PARALLEL_FROM;
        let (read, checked) = side_by_side(parallel, || validate::check_multi_items(&request.board_shapes(), people, items), || self.read_boards(storage, request, &board_ids, (first, last)));
        checked?;
        let mut boards = read?;
        // Date ranges count open, assigned work only (`reports::period`).
        let kept;
        let items = if request.has_ranges() {
            let dropped;
            (kept, dropped) = period::keep_multi(items, |b, i| request.kind_of(b, i));
            if dropped > 0 {
                boards.warnings.push(Warning {
                    code: "rangeLeavesOut",
                    message: format!("{dropped} items done or unassigned in date ranges are not counted: a date range counts open, assigned work only"),
                });
            }
            &kept[..]
        } else {
            items
        };
        Ok(multi::compute(&definition, board_ids, boards, request.boards.len(), people, items, parallel))
    }

    /// Pass 1 of a multi-project report, every read: each board's settings, calendar,
    /// iterations (read in its time zone) and members' days off.
    fn read_boards(&self, storage: &mut dyn Storage, request: &MultiRequest, board_ids: &[String], (first, last): (NaiveDate, NaiveDate)) -> Result<Boards> {
        // A board sent twice takes its last iterations and items.
        let request_board: FastMap<&str, usize> = request.boards.iter().enumerate().map(|(i, b)| (b.board_id.as_str(), i)).collect();
        let mut warnings = Vec::new();
        let mut unit: Option<Unit> = None;
        // Only the people the index lists have a days-off document (it never misses one):
        // one read of the index instead of a read per person, most of whom have none.
        let index = docstore::load_index(storage, self.cache())?;
        let mut days_off: FastMap<&str, Option<Option<Arc<DaysOff>>>> =
            index.documents.get("daysoff").into_iter().flatten().map(|k| (k.as_str(), None)).collect();
        let mut plans: Vec<BoardPlan> = Vec::with_capacity(board_ids.len());
        let mut raw_len = 0;
        let mut previous: Option<ReadIterations> = None;

        for (bi, board_id) in board_ids.iter().enumerate() {
            let settings = self.load_board(storage, board_id).map_err(|e| prefix(e, &format!("boards[{bi}].")))?;
            match unit {
                None => unit = Some(settings.unit),
                Some(u) if u != settings.unit => {
                    return Err(Error::validation(
                        format!("boards[{bi}]"),
                        format!("board {board_id} counts in {} but the report's first board in {}; a report sums one unit", settings.unit.label(), u.label()),
                    ))
                }
                _ => {}
            }
            if settings.members.is_empty() {
                warnings.push(Warning { code: "boardWithoutTeam", message: format!("board {board_id} has no team members") });
            }
            let calendar = match &settings.holiday_calendar {
                Some(id) => {
                    let found = self.load_doc::<Calendars>(storage, id)?;
                    if found.is_none() {
                        warnings.push(Warning {
                            code: "holidayCalendarMissing",
                            message: format!("board {board_id} uses holiday calendar {id:?}, which no longer exists; its holidays are not counted"),
                        });
                    }
                    found
                }
                None => None,
            };
            let rb = request_board.get(board_id.as_str()).copied();
            // The board's iterations, read in its time zone; most boards share the previous
            // one's sprint dates and zone, read once.
            let (mut iterations, mut range_first, mut range_last): (Vec<(i64, i64)>, NaiveDate, NaiveDate) = (Vec::new(), first, last);
            if let Some(rb) = rb {
                let asked = &request.boards[rb].iterations;
                let alike = |(p, tz, ..): &ReadIterations| {
                    *tz == settings.time_zone && request.boards[*p].iterations.iter().map(|i| (&i.start, &i.end)).eq(asked.iter().map(|i| (&i.start, &i.end)))
                };
                match previous.as_ref().filter(|p| alike(p)) {
                    Some((_, _, known, a, b)) => (iterations, range_first, range_last) = (known.clone(), *a, *b),
                    None => {
                        for (ii, it) in asked.iter().enumerate() {
                            let field = || format!("boards[{rb}].iterations[{ii}]");
                            let start = moment(&it.start, || format!("{}.start", field()))?;
                            let end = moment(&it.end, || format!("{}.end", field()))?;
                            let reading = read_dates(start, end, settings.time_zone).map_err(|e| match e {
                                // read_dates names iteration.start or iteration.end.
                                Error::Validation { field: f, message } => {
                                    let which = if f.ends_with(".start") { "start" } else { "end" };
                                    Error::validation(format!("{}.{which}", field()), message)
                                }
                                other => other,
                            })?;
                            range_first = range_first.min(reading.first);
                            range_last = range_last.max(reading.last);
                            iterations.push(((reading.first - first).num_days(), (reading.last - first).num_days()));
                        }
                        previous = Some((rb, settings.time_zone, iterations.clone(), range_first, range_last));
                    }
                }
            }
            let mut offs = Vec::with_capacity(settings.members.len());
            for member in &settings.members {
                let off = match days_off.get_mut(member.account_key.as_str()) {
                    None => None,
                    Some(Some(known)) => known.clone(),
                    Some(unread) => {
                        // An empty document counts as none, so the second pass need not look.
                        let d = self.load_days_off(storage, &member.account_key)?;
                        unread.insert((!d.by_date.is_empty()).then_some(d)).clone()
                    }
                };
                offs.push(off);
            }
            // Where `sum_items` puts this board's workload.
            let raw_at = raw_len;
            if rb.is_some() {
                raw_len += iterations.len() * settings.members.len();
            }
            plans.push(BoardPlan { settings, calendar, request_board: rb, iterations, range_first, range_last, days_off: offs, raw_at });
        }
        Ok(Boards { plans, unit, warnings })
    }
}