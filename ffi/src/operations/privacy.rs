//! Privacy (a person's data exported or forgotten, the inventory) and backup.

use std::ffi::c_char;

use crate::buffer::ct_buffer;
use crate::engine::{ct_engine, returning, text};
use crate::error::ct_error;

/// Everything stored about one person, as one JSON document (privacy: right of access).
///
/// On success stores the result in a new buffer in `*out` and returns NULL; on failure
/// leaves `*out` untouched and returns the error.
///
/// # Safety
/// `engine` must be NULL or a live engine, each string NULL or readable for its length,
/// and `out` NULL or writable (see the conventions at the top of the header).
#[no_mangle]
pub unsafe extern "C" fn ct_engine_export_user(
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
            |e, s, [account_key]| e.export_user(s, account_key),
        )
    }
}

/// Removes one person from every board, iteration team, template, days-off entry and
/// permission list; gives what was removed. Running it again removes nothing more.
///
/// On success stores the result in a new buffer in `*out` and returns NULL; on failure
/// leaves `*out` untouched and returns the error.
///
/// # Safety
/// `engine` must be NULL or a live engine, each string NULL or readable for its length,
/// and `out` NULL or writable (see the conventions at the top of the header).
#[no_mangle]
pub unsafe extern "C" fn ct_engine_forget_user(
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
            |e, s, [account_key]| e.forget_user(s, account_key),
        )
    }
}

/// What categories of personal data are stored, and where.
///
/// On success stores the result in a new buffer in `*out` and returns NULL; on failure
/// leaves `*out` untouched and returns the error.
///
/// # Safety
/// `engine` must be NULL or a live engine, each string NULL or readable for its length,
/// and `out` NULL or writable (see the conventions at the top of the header).
#[no_mangle]
pub unsafe extern "C" fn ct_engine_data_inventory(
    engine: *const ct_engine,
    out: *mut *mut ct_buffer,
) -> *mut ct_error {
    // SAFETY: the caller's promises, as documented above.
    unsafe { returning(engine, [], out, |e, s, []| e.data_inventory(s)) }
}

/// Every stored document as one JSON export (backup, or moving between instances).
///
/// On success stores the result in a new buffer in `*out` and returns NULL; on failure
/// leaves `*out` untouched and returns the error.
///
/// # Safety
/// `engine` must be NULL or a live engine, each string NULL or readable for its length,
/// and `out` NULL or writable (see the conventions at the top of the header).
#[no_mangle]
pub unsafe extern "C" fn ct_engine_export_all(
    engine: *const ct_engine,
    out: *mut *mut ct_buffer,
) -> *mut ct_error {
    // SAFETY: the caller's promises, as documented above.
    unsafe { returning(engine, [], out, |e, s, []| e.export_all(s)) }
}

/// Imports an export: `{"mode": "empty" | "merge", "export": {...}}`. Every document is
/// validated before anything is written; `empty` refuses storage that already holds
/// documents; `merge` writes what is missing and lists what differs under `conflicts`
/// without overwriting it. Gives `{"written", "unchanged", "conflicts"}`.
///
/// On success stores the result in a new buffer in `*out` and returns NULL; on failure
/// leaves `*out` untouched and returns the error.
///
/// # Safety
/// `engine` must be NULL or a live engine, each string NULL or readable for its length,
/// and `out` NULL or writable (see the conventions at the top of the header).
#[no_mangle]
pub unsafe extern "C" fn ct_engine_import_all(
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
            |e, s, [request_json]| e.import_all(s, request_json),
        )
    }
}
