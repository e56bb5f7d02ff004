//! The small member query: one member's figures over one iteration, as numbers.

use std::ffi::c_char;

use capacity_core::documents::units::Unit;
use capacity_core::MemberFigures;
use chrono::NaiveDate;

use crate::boundary::{invalid_argument, non_null};
use crate::bulk::{CT_UNIT_HOURS, CT_UNIT_STORY_POINTS};
use crate::engine::{ct_engine, returning_nothing, text};
use crate::error::ct_error;

/// One member's figures, as `ct_engine_member_capacity` gives them. Capacity, remaining
/// capacity, workload and daily capacity are in base units (`unit`); dates are days since
/// 1970-01-01 in the board's time zone.
#[repr(C)]
#[derive(Debug, Clone, Copy, Default)]
pub struct ct_member_capacity {
    /// `CT_UNIT_HOURS` (minutes) or `CT_UNIT_STORY_POINTS` (hundredths of a point).
    pub unit: u32,
    /// Working days of the member in the iteration.
    pub working_days: u32,
    pub capacity: i64,
    /// Whether the request had an `asOf` date, and so `remaining_capacity` is set.
    pub has_remaining_capacity: bool,
    /// Capacity from `asOf` on; 0 when `has_remaining_capacity` is false.
    pub remaining_capacity: i64,
    /// The request's items assigned to the member (0 when none were passed).
    pub workload: i64,
    pub daily_capacity: i64,
    /// Allocation in ten-thousandths (10000 = 100 %).
    pub allocation: i64,
    /// Days off on working days, in ten-thousandths of a day.
    pub days_off: i64,
    pub first_date: i32,
    pub last_date: i32,
    /// Whether `as_of` is set.
    pub has_as_of: bool,
    pub as_of: i32,
}

fn epoch_day(date: NaiveDate) -> i32 {
    // Dates are checked to lie before 2100, so the day count fits.
    (date - NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default()).num_days() as i32
}

impl From<&MemberFigures> for ct_member_capacity {
    fn from(f: &MemberFigures) -> Self {
        ct_member_capacity {
            unit: match f.unit {
                Unit::Hours => CT_UNIT_HOURS,
                Unit::StoryPoints => CT_UNIT_STORY_POINTS,
            },
            working_days: f.working_days,
            capacity: f.capacity,
            has_remaining_capacity: f.remaining_capacity.is_some(),
            remaining_capacity: f.remaining_capacity.unwrap_or(0),
            workload: f.workload,
            daily_capacity: f.daily_capacity,
            allocation: f.allocation,
            days_off: f.days_off,
            first_date: epoch_day(f.first_date),
            last_date: epoch_day(f.last_date),
            has_as_of: f.as_of.is_some(),
            as_of: f.as_of.map_or(0, epoch_day),
        }
    }
}

/// One member's figures over one iteration: `request_json` is an iteration report request
/// (docs/json-api.md, "Iteration report"; `items` may be empty), `account_key` the member.
/// The numbers are that member's row of the report. A key not on the iteration's team is
/// `CT_ERROR_NOT_FOUND` naming `accountKey`.
///
/// ```c
/// ct_member_capacity figures;
/// ct_error *err = ct_engine_member_capacity(engine, req, req_len, "alice", 5, &figures);
/// ```
///
/// On success fills `*out` and returns NULL; on failure leaves `*out` untouched and returns
/// the error.
///
/// # Safety
/// `engine` must be NULL or a live engine, each string NULL or readable for its length,
/// and `out` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn ct_engine_member_capacity(
    engine: *const ct_engine,
    request_json: *const c_char,
    request_json_len: usize,
    account_key: *const c_char,
    account_key_len: usize,
    out: *mut ct_member_capacity,
) -> *mut ct_error {
    if let Err(e) = non_null(out, "out") {
        return ct_error::into_raw(&e);
    }
    let mut figures = None;
    // SAFETY: the caller's promises, as documented above.
    let error = unsafe {
        returning_nothing(
            engine,
            [text(request_json, request_json_len, "request_json"), text(account_key, account_key_len, "account_key")],
            |e, s, [request_json, account_key]| {
                figures = Some(ct_member_capacity::from(&e.member_capacity(s, request_json, account_key)?));
                Ok(())
            },
        )
    };
    match (error.is_null(), figures) {
        // SAFETY: checked non-NULL above, writable by the caller's promise.
        (true, Some(f)) => unsafe { out.write(f) },
        (true, None) => return ct_error::into_raw(&invalid_argument("out", "no figures were computed")),
        _ => {}
    }
    error
}
