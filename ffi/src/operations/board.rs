//! A board's settings, a person's days off, and the iteration report over them.

use std::ffi::c_char;

use crate::buffer::ct_buffer;
use crate::engine::{ct_engine, returning, text};
use crate::error::ct_error;

/// Reads a board's settings (docs/json-api.md, "Board settings"). `board_id`: 1–40
/// characters of `A-Z a-z 0-9 _ -`. A board never stored gives its defaults at revision 0.
///
/// ```c
/// ct_buffer *settings = NULL;
/// ct_error *err = ct_engine_get_board_settings(engine, "42", 2, &settings);
/// if (err == NULL) {
///     use_json(ct_buffer_data(settings), ct_buffer_len(settings));
///     ct_buffer_free(settings);
/// }
/// ct_error_free(err);
/// ```
///
/// On success stores the result in a new buffer in `*out` and returns NULL; on failure
/// leaves `*out` untouched and returns the error.
///
/// # Safety
/// `engine` must be NULL or a live engine, each string NULL or readable for its length,
/// and `out` NULL or writable (see the conventions at the top of the header).
#[no_mangle]
pub unsafe extern "C" fn ct_engine_get_board_settings(
    engine: *const ct_engine,
    board_id: *const c_char,
    board_id_len: usize,
    out: *mut *mut ct_buffer,
) -> *mut ct_error {
    // SAFETY: the caller's promises, as documented above.
    unsafe {
        returning(
            engine,
            [text(board_id, board_id_len, "board_id")],
            out,
            |e, s, [board_id]| e.get_board_settings(s, board_id),
        )
    }
}

/// Writes a board's settings. `settings_json` carries the `revision` it was read at (0 for a
/// new board). Gives the stored document (normalised, revision + 1). A stale revision is
/// `CT_ERROR_CONFLICT` (see `ct_error_current_revision`) and writes nothing; a bad document
/// is `CT_ERROR_VALIDATION` naming the field; a failing callback is `CT_ERROR_STORAGE` and
/// leaves the stored document as it was.
///
/// On success stores the result in a new buffer in `*out` and returns NULL; on failure
/// leaves `*out` untouched and returns the error.
///
/// # Safety
/// `engine` must be NULL or a live engine, each string NULL or readable for its length,
/// and `out` NULL or writable (see the conventions at the top of the header).
#[no_mangle]
pub unsafe extern "C" fn ct_engine_put_board_settings(
    engine: *const ct_engine,
    board_id: *const c_char,
    board_id_len: usize,
    settings_json: *const c_char,
    settings_json_len: usize,
    out: *mut *mut ct_buffer,
) -> *mut ct_error {
    // SAFETY: the caller's promises, as documented above.
    unsafe {
        returning(
            engine,
            [
                text(board_id, board_id_len, "board_id"),
                text(settings_json, settings_json_len, "settings_json"),
            ],
            out,
            |e, s, [board_id, settings_json]| e.put_board_settings(s, board_id, settings_json),
        )
    }
}

/// Reads a Kanban board's saved date ranges (docs/json-api.md, "Kanban boards"): named
/// periods the board plans against. None stored gives an empty list at revision 0.
///
/// On success stores the result in a new buffer in `*out` and returns NULL; on failure
/// leaves `*out` untouched and returns the error.
///
/// # Safety
/// `engine` must be NULL or a live engine, each string NULL or readable for its length,
/// and `out` NULL or writable (see the conventions at the top of the header).
#[no_mangle]
pub unsafe extern "C" fn ct_engine_get_board_ranges(
    engine: *const ct_engine,
    board_id: *const c_char,
    board_id_len: usize,
    out: *mut *mut ct_buffer,
) -> *mut ct_error {
    // SAFETY: the caller's promises, as documented above.
    unsafe { returning(engine, [text(board_id, board_id_len, "board_id")], out, |e, s, [board_id]| e.get_board_ranges(s, board_id)) }
}

/// Writes a board's date ranges (the whole list), sent with the `revision` read. A stale
/// revision is `CT_ERROR_CONFLICT` and writes nothing; a bad range is `CT_ERROR_VALIDATION`
/// naming the field (`ranges[1].end`).
///
/// On success stores the result in a new buffer in `*out` and returns NULL; on failure
/// leaves `*out` untouched and returns the error.
///
/// # Safety
/// `engine` must be NULL or a live engine, each string NULL or readable for its length,
/// and `out` NULL or writable (see the conventions at the top of the header).
#[no_mangle]
pub unsafe extern "C" fn ct_engine_put_board_ranges(
    engine: *const ct_engine,
    board_id: *const c_char,
    board_id_len: usize,
    ranges_json: *const c_char,
    ranges_json_len: usize,
    out: *mut *mut ct_buffer,
) -> *mut ct_error {
    // SAFETY: the caller's promises, as documented above.
    unsafe {
        returning(
            engine,
            [text(board_id, board_id_len, "board_id"), text(ranges_json, ranges_json_len, "ranges_json")],
            out,
            |e, s, [board_id, ranges_json]| e.put_board_ranges(s, board_id, ranges_json),
        )
    }
}

/// Reads a person's days off (shared by every board; docs/json-api.md, "Days off").
/// `account_key`: the person's account key. None stored gives an empty document at
/// revision 0.
///
/// On success stores the result in a new buffer in `*out` and returns NULL; on failure
/// leaves `*out` untouched and returns the error.
///
/// # Safety
/// `engine` must be NULL or a live engine, each string NULL or readable for its length,
/// and `out` NULL or writable (see the conventions at the top of the header).
#[no_mangle]
pub unsafe extern "C" fn ct_engine_get_days_off(
    engine: *const ct_engine,
    account_key: *const c_char,
    account_key_len: usize,
    out: *mut *mut ct_buffer,
) -> *mut ct_error {
    // SAFETY: the caller's promises, as documented above.
    unsafe {
        returning(
            engine,
            [text(account_key, account_key_len, "account_key")],
            out,
            |e, s, [account_key]| e.get_days_off(s, account_key),
        )
    }
}

/// Writes a person's days off against the revision read; gives the stored document.
/// Errors as for `ct_engine_put_board_settings`.
///
/// On success stores the result in a new buffer in `*out` and returns NULL; on failure
/// leaves `*out` untouched and returns the error.
///
/// # Safety
/// `engine` must be NULL or a live engine, each string NULL or readable for its length,
/// and `out` NULL or writable (see the conventions at the top of the header).
#[no_mangle]
pub unsafe extern "C" fn ct_engine_put_days_off(
    engine: *const ct_engine,
    account_key: *const c_char,
    account_key_len: usize,
    days_off_json: *const c_char,
    days_off_json_len: usize,
    out: *mut *mut ct_buffer,
) -> *mut ct_error {
    // SAFETY: the caller's promises, as documented above.
    unsafe {
        returning(
            engine,
            [
                text(account_key, account_key_len, "account_key"),
                text(days_off_json, days_off_json_len, "days_off_json"),
            ],
            out,
            |e, s, [account_key, days_off_json]| e.put_days_off(s, account_key, days_off_json),
        )
    }
}

/// Computes an iteration's capacity report from `request_json` (board id, iteration, work
/// items; docs/json-api.md, "Iteration report request"). Reads the board's settings, its
/// members' days off and the iteration's team changes; writes nothing.
///
/// On success stores the result in a new buffer in `*out` and returns NULL; on failure
/// leaves `*out` untouched and returns the error.
///
/// # Safety
/// `engine` must be NULL or a live engine, each string NULL or readable for its length,
/// and `out` NULL or writable (see the conventions at the top of the header).
#[no_mangle]
pub unsafe extern "C" fn ct_engine_iteration_report(
    engine: *const ct_engine,
    request_json: *const c_char,
    request_json_len: usize,
    out: *mut *mut ct_buffer,
) -> *mut ct_error {
    // SAFETY: the caller's promises, as documented above.
    unsafe {
        returning(
            engine,
            [text(request_json, request_json_len, "request_json")],
            out,
            |e, s, [request_json]| e.iteration_report(s, request_json),
        )
    }
}
