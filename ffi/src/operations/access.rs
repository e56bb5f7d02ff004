//! Permissions and the access question.

use std::ffi::c_char;

use crate::buffer::ct_buffer;
use crate::engine::{ct_engine, returning, text};
use crate::error::ct_error;

/// Reads the permissions document (disabled, at revision 0, until one is stored).
///
/// On success stores the result in a new buffer in `*out` and returns NULL; on failure
/// leaves `*out` untouched and returns the error.
///
/// # Safety
/// `engine` must be NULL or a live engine, each string NULL or readable for its length,
/// and `out` NULL or writable (see the conventions at the top of the header).
#[no_mangle]
pub unsafe extern "C" fn ct_engine_get_permissions(
    engine: *const ct_engine,
    out: *mut *mut ct_buffer,
) -> *mut ct_error {
    // SAFETY: the caller's promises, as documented above.
    unsafe { returning(engine, [], out, |e, s, []| e.get_permissions(s)) }
}

/// Writes the permissions document against the revision read; gives the stored document.
///
/// On success stores the result in a new buffer in `*out` and returns NULL; on failure
/// leaves `*out` untouched and returns the error.
///
/// # Safety
/// `engine` must be NULL or a live engine, each string NULL or readable for its length,
/// and `out` NULL or writable (see the conventions at the top of the header).
#[no_mangle]
pub unsafe extern "C" fn ct_engine_put_permissions(
    engine: *const ct_engine,
    permissions_json: *const c_char,
    permissions_json_len: usize,
    out: *mut *mut ct_buffer,
) -> *mut ct_error {
    // SAFETY: the caller's promises, as documented above.
    unsafe {
        returning(
            engine,
            [text(
                permissions_json,
                permissions_json_len,
                "permissions_json",
            )],
            out,
            |e, s, [permissions_json]| e.put_permissions(s, permissions_json),
        )
    }
}

/// Answers an access question against the stored permissions:
/// `{"user", "groups", "admin", "action", "boardId", "accountKey"}` gives
/// `{"allowed", "reason"}`. The actions `readDaysOff` and `writeDaysOff` take the person's
/// `accountKey`: their own days off are always theirs; anyone else's only for a board
/// (`boardId`) they are a member of, as reading or writing that board allows.
///
/// On success stores the result in a new buffer in `*out` and returns NULL; on failure
/// leaves `*out` untouched and returns the error.
///
/// # Safety
/// `engine` must be NULL or a live engine, each string NULL or readable for its length,
/// and `out` NULL or writable (see the conventions at the top of the header).
#[no_mangle]
pub unsafe extern "C" fn ct_engine_check_access(
    engine: *const ct_engine,
    query_json: *const c_char,
    query_json_len: usize,
    out: *mut *mut ct_buffer,
) -> *mut ct_error {
    // SAFETY: the caller's promises, as documented above.
    unsafe {
        returning(
            engine,
            [text(query_json, query_json_len, "query_json")],
            out,
            |e, s, [query_json]| e.check_access(s, query_json),
        )
    }
}
