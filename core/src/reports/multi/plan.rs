//! What the first pass of a multi-project report reads for each board: its settings,
//! calendar, iterations as day ranges and members' days off.

use std::sync::Arc;

use chrono::NaiveDate;

use crate::capacity::calendar::Moment;
use crate::documents::days_off::DaysOff;
use crate::documents::settings::BoardSettings;
use crate::documents::units::Unit;
use crate::error::Result;
use crate::reports::warning::Warning;

/// One board of the report, as read in the first pass.
pub(crate) struct BoardPlan {
    pub(crate) settings: Arc<BoardSettings>,
    pub(crate) calendar: Option<Arc<crate::documents::calendars::Calendar>>,
    /// The request's board whose iterations and items are this board's.
    pub(crate) request_board: Option<usize>,
    /// Iterations as (first day, last day), in days from the period's first.
    pub(crate) iterations: Vec<(i64, i64)>,
    pub(crate) range_first: NaiveDate,
    pub(crate) range_last: NaiveDate,
    /// Each member's days off, when they have any.
    pub(crate) days_off: Vec<Option<Arc<DaysOff>>>,
    /// Where the board's workload per (iteration, member) starts in the raw table.
    pub(crate) raw_at: usize,
}

/// The last board's iterations as read: its request board, its zone, the iterations as day
/// ranges, and the first and last day of its range.
pub(crate) type ReadIterations = (usize, chrono_tz::Tz, Vec<(i64, i64)>, NaiveDate, NaiveDate);

/// What pass 1 read: the boards' plans, their unit, and warnings about them.
pub(crate) struct Boards {
    pub(crate) plans: Vec<BoardPlan>,
    pub(crate) unit: Option<Unit>,
    pub(crate) warnings: Vec<Warning>,
}

/// An iteration start or end: a plain date read directly (a thousand boards send the same
/// sprint dates), anything else as `Moment::parse` reads it.
pub(crate) fn moment(text: &str, field: impl FnOnce() -> String) -> Result<Moment> {
    let b = text.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().try_fold(0u32, |n, c| c.is_ascii_digit().then(|| n * 10 + (c - b'0') as u32));
    if b.len() == 10 && b[4] == b'-' && b[7] == b'-' {
        if let (Some(y), Some(m), Some(d)) = (digits(0..4), digits(5..7), digits(8..10)) {
            if let Some(date) = NaiveDate::from_ymd_opt(y as i32, m, d) {
                return Ok(Moment::Date(date));
            }
        }
    }
    Moment::parse(text, &field())
}
