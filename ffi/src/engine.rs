//! `ct_engine`: the engine handle and its operations.

use std::ffi::{c_char, CStr, CString};
use std::sync::OnceLock;

use capacity_core::{Engine, Error};

use crate::boundary::{borrow, boundary, boundary_or, non_null, utf8};
use crate::buffer::ct_buffer;
use crate::error::ct_error;
use crate::storage::{check_callbacks, ct_storage, CallbackStorage};

/// The capacity engine bound to the host's storage callbacks.
///
/// Created by `ct_engine_new`, released by `ct_engine_free`. Thread-safe: any number of
/// threads may call `ct_engine_*` functions on one engine at the same time (the storage
/// callbacks must then be thread-safe too, see `ct_storage`).
/// `ct_engine_free` must not run while another call on the same engine is in progress.
pub struct ct_engine {
    engine: Engine,
    storage: ct_storage,
}

// SAFETY: the core engine is Send + Sync; the callbacks and userdata are the host's, and
// the header requires them to be thread-safe when an engine is shared between threads.
unsafe impl Send for ct_engine {}
// SAFETY: as above.
unsafe impl Sync for ct_engine {}

/// Writes a freshly created object to a checked output parameter.
///
/// # Safety
/// `out` must be non-NULL (checked with `non_null`) and writable.
unsafe fn write_out<T>(out: *mut *mut T, value: *mut T) {
    // SAFETY: checked non-NULL by the caller, writable by the C caller's promise.
    unsafe { *out = value };
}

/// Runs one engine operation after the caller's argument checks and hands the JSON result
/// to the caller in a new buffer.
///
/// # Safety
/// `out` must be non-NULL and writable.
unsafe fn respond(
    engine: &ct_engine,
    out: *mut *mut ct_buffer,
    operation: impl FnOnce(&Engine, &mut CallbackStorage<'_>) -> Result<String, Error>,
) -> Result<(), Error> {
    let mut storage = CallbackStorage::new(&engine.storage);
    let json = operation(&engine.engine, &mut storage)?;
    // SAFETY: forwarded from the caller.
    unsafe { write_out(out, ct_buffer::into_raw(json)) };
    Ok(())
}

/// Creates an engine over the host's storage callbacks.
///
/// `storage` is copied; its `userdata` must stay valid until `ct_engine_free`. On success
/// stores the new engine in `*engine_out` and returns NULL; on failure (NULL `storage`,
/// NULL callback, NULL `engine_out`: `CT_ERROR_INVALID_ARGUMENT`) leaves `*engine_out`
/// untouched and returns the error.
///
/// ```c
/// ct_storage storage = { &my_store, my_get, my_put, my_remove };
/// ct_engine *engine = NULL;
/// ct_error *err = ct_engine_new(&storage, &engine);
/// if (err != NULL) {
///     size_t len;
///     const char *msg = ct_error_message(err, &len);
///     fprintf(stderr, "capacity tracker: %.*s\n", (int)len, msg);
///     ct_error_free(err);
///     return;
/// }
/// ... ct_engine_get_board_settings(engine, "42", 2, &out) ...
/// ct_engine_free(engine);
/// ```
///
/// # Safety
/// `storage` must be NULL or a valid `ct_storage` whose callbacks follow its rules;
/// `engine_out` must be NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn ct_engine_new(
    storage: *const ct_storage,
    engine_out: *mut *mut ct_engine,
) -> *mut ct_error {
    boundary(|| {
        // SAFETY: the caller passes NULL or a valid storage struct.
        let storage = unsafe { borrow(storage, "storage") }?;
        non_null(engine_out, "engine_out")?;
        check_callbacks(storage)?;
        let engine = Box::new(ct_engine {
            engine: Engine::new(),
            storage: *storage,
        });
        // SAFETY: checked non-NULL above.
        unsafe { write_out(engine_out, Box::into_raw(engine)) };
        Ok(())
    })
}

/// Releases an engine. `ct_engine_free(NULL)` does nothing. No callback runs after it
/// returns; the host may then release `userdata`.
///
/// # Safety
/// `engine` must be NULL or an engine from `ct_engine_new`, not yet freed, with no call on
/// it in progress.
#[no_mangle]
pub unsafe extern "C" fn ct_engine_free(engine: *mut ct_engine) {
    boundary_or((), || {
        if !engine.is_null() {
            // SAFETY: the caller passes an engine this library boxed and has not freed.
            drop(unsafe { Box::from_raw(engine) });
        }
    })
}

/// Reads a board's settings. `board_id` is UTF-8, `board_id_len` bytes, no NUL needed
/// (1–40 characters of `A-Z a-z 0-9 _ -`). A board never stored gives its defaults at
/// revision 0.
///
/// On success stores the settings JSON (see docs/json-api.md, "Board settings") in a new
/// buffer in `*out` and returns NULL; on failure leaves `*out` untouched and returns the
/// error (`CT_ERROR_INVALID_ARGUMENT`, `CT_ERROR_VALIDATION`, `CT_ERROR_STORAGE`, ...).
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
/// # Safety
/// `engine` must be NULL or a live engine; `board_id` must be NULL or `board_id_len`
/// readable bytes; `out` must be NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn ct_engine_get_board_settings(
    engine: *const ct_engine,
    board_id: *const c_char,
    board_id_len: usize,
    out: *mut *mut ct_buffer,
) -> *mut ct_error {
    boundary(|| {
        non_null(engine, "engine")?;
        non_null(board_id, "board_id")?;
        non_null(out, "out")?;
        // SAFETY: the caller's promises above, pointers checked non-NULL.
        unsafe {
            let engine = &*engine;
            let board_id = utf8(board_id, board_id_len, "board_id")?;
            respond(engine, out, |e, s| e.get_board_settings(s, board_id))
        }
    })
}

/// Writes a board's settings. `settings_json` is the settings document (UTF-8,
/// `settings_json_len` bytes) carrying the `revision` it was read at (0 for a new board).
///
/// On success stores the stored document (normalised, revision + 1) in a new buffer in
/// `*out` and returns NULL. If the stored revision differs, nothing is written and the
/// error is `CT_ERROR_CONFLICT` with `ct_error_current_revision`; a bad document gives
/// `CT_ERROR_VALIDATION` naming the field; a failing callback gives `CT_ERROR_STORAGE` and
/// leaves the stored document as it was.
///
/// # Safety
/// `engine` must be NULL or a live engine; `board_id` and `settings_json` must be NULL or
/// readable for their lengths; `out` must be NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn ct_engine_put_board_settings(
    engine: *const ct_engine,
    board_id: *const c_char,
    board_id_len: usize,
    settings_json: *const c_char,
    settings_json_len: usize,
    out: *mut *mut ct_buffer,
) -> *mut ct_error {
    boundary(|| {
        non_null(engine, "engine")?;
        non_null(board_id, "board_id")?;
        non_null(settings_json, "settings_json")?;
        non_null(out, "out")?;
        // SAFETY: the caller's promises above, pointers checked non-NULL.
        unsafe {
            let engine = &*engine;
            let board_id = utf8(board_id, board_id_len, "board_id")?;
            let settings_json = utf8(settings_json, settings_json_len, "settings_json")?;
            respond(engine, out, |e, s| {
                e.put_board_settings(s, board_id, settings_json)
            })
        }
    })
}

/// Reads a person's days off (shared by every board). `account_key` is UTF-8,
/// `account_key_len` bytes (1–72 characters). A person with none stored gives an empty
/// document at revision 0.
///
/// On success stores the days-off JSON (docs/json-api.md, "Days off") in a new buffer in
/// `*out` and returns NULL; on failure leaves `*out` untouched and returns the error.
///
/// # Safety
/// `engine` must be NULL or a live engine; `account_key` must be NULL or
/// `account_key_len` readable bytes; `out` must be NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn ct_engine_get_days_off(
    engine: *const ct_engine,
    account_key: *const c_char,
    account_key_len: usize,
    out: *mut *mut ct_buffer,
) -> *mut ct_error {
    boundary(|| {
        non_null(engine, "engine")?;
        non_null(account_key, "account_key")?;
        non_null(out, "out")?;
        // SAFETY: the caller's promises above, pointers checked non-NULL.
        unsafe {
            let engine = &*engine;
            let account_key = utf8(account_key, account_key_len, "account_key")?;
            respond(engine, out, |e, s| e.get_days_off(s, account_key))
        }
    })
}

/// Writes a person's days off. `days_off_json` is the days-off document (UTF-8,
/// `days_off_json_len` bytes) carrying the `revision` it was read at.
///
/// On success stores the stored document (normalised, revision + 1) in a new buffer in
/// `*out` and returns NULL. Errors as for `ct_engine_put_board_settings`.
///
/// # Safety
/// `engine` must be NULL or a live engine; `account_key` and `days_off_json` must be NULL
/// or readable for their lengths; `out` must be NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn ct_engine_put_days_off(
    engine: *const ct_engine,
    account_key: *const c_char,
    account_key_len: usize,
    days_off_json: *const c_char,
    days_off_json_len: usize,
    out: *mut *mut ct_buffer,
) -> *mut ct_error {
    boundary(|| {
        non_null(engine, "engine")?;
        non_null(account_key, "account_key")?;
        non_null(days_off_json, "days_off_json")?;
        non_null(out, "out")?;
        // SAFETY: the caller's promises above, pointers checked non-NULL.
        unsafe {
            let engine = &*engine;
            let account_key = utf8(account_key, account_key_len, "account_key")?;
            let days_off_json = utf8(days_off_json, days_off_json_len, "days_off_json")?;
            respond(engine, out, |e, s| {
                e.put_days_off(s, account_key, days_off_json)
            })
        }
    })
}

/// Computes an iteration's capacity report. `request_json` is the iteration report request
/// (docs/json-api.md: board id, iteration, work items; UTF-8, `request_json_len` bytes).
/// Reads the board's settings and its members' days off through the storage callbacks;
/// writes nothing.
///
/// On success stores the report JSON in a new buffer in `*out` and returns NULL; on failure
/// leaves `*out` untouched and returns the error (`CT_ERROR_VALIDATION` names the field).
///
/// # Safety
/// `engine` must be NULL or a live engine; `request_json` must be NULL or
/// `request_json_len` readable bytes; `out` must be NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn ct_engine_iteration_report(
    engine: *const ct_engine,
    request_json: *const c_char,
    request_json_len: usize,
    out: *mut *mut ct_buffer,
) -> *mut ct_error {
    boundary(|| {
        non_null(engine, "engine")?;
        non_null(request_json, "request_json")?;
        non_null(out, "out")?;
        // SAFETY: the caller's promises above, pointers checked non-NULL.
        unsafe {
            let engine = &*engine;
            let request_json = utf8(request_json, request_json_len, "request_json")?;
            respond(engine, out, |e, s| e.iteration_report(s, request_json))
        }
    })
}

/// The library's version (`"0.1.0"`): a static NUL-terminated string, never freed.
#[no_mangle]
pub extern "C" fn ct_version() -> *const c_char {
    static VERSION: OnceLock<CString> = OnceLock::new();
    fn version() -> &'static CStr {
        VERSION.get_or_init(|| {
            CString::new(capacity_core::version()).expect("a version string has no NUL")
        })
    }
    boundary_or(c"".as_ptr(), || version().as_ptr())
}
