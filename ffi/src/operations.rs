//! Every engine operation, one export each. They share one shape: the engine, the string
//! arguments as (pointer, length) in UTF-8, and `out` last for the document returned; the
//! checks and the panic boundary live in `engine::call`.
//!
//! Documents are the JSON of docs/json-api.md, carried through unchanged: the core parses,
//! validates and renders them.

use std::ffi::c_char;

use crate::buffer::ct_buffer;
use crate::engine::{ct_engine, returning, returning_nothing, text};
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

/// Reads one iteration's team changes (members added, removed or changed for that iteration
/// only). None stored gives an empty document at revision 0.
///
/// On success stores the result in a new buffer in `*out` and returns NULL; on failure
/// leaves `*out` untouched and returns the error.
///
/// # Safety
/// `engine` must be NULL or a live engine, each string NULL or readable for its length,
/// and `out` NULL or writable (see the conventions at the top of the header).
#[no_mangle]
pub unsafe extern "C" fn ct_engine_get_iteration_team(
    engine: *const ct_engine,
    board_id: *const c_char,
    board_id_len: usize,
    iteration_id: *const c_char,
    iteration_id_len: usize,
    out: *mut *mut ct_buffer,
) -> *mut ct_error {
    // SAFETY: the caller's promises, as documented above.
    unsafe {
        returning(
            engine,
            [
                text(board_id, board_id_len, "board_id"),
                text(iteration_id, iteration_id_len, "iteration_id"),
            ],
            out,
            |e, s, [board_id, iteration_id]| e.get_iteration_team(s, board_id, iteration_id),
        )
    }
}

/// Writes one iteration's team changes against the revision read; gives the stored
/// document.
///
/// On success stores the result in a new buffer in `*out` and returns NULL; on failure
/// leaves `*out` untouched and returns the error.
///
/// # Safety
/// `engine` must be NULL or a live engine, each string NULL or readable for its length,
/// and `out` NULL or writable (see the conventions at the top of the header).
#[no_mangle]
pub unsafe extern "C" fn ct_engine_put_iteration_team(
    engine: *const ct_engine,
    board_id: *const c_char,
    board_id_len: usize,
    iteration_id: *const c_char,
    iteration_id_len: usize,
    team_json: *const c_char,
    team_json_len: usize,
    out: *mut *mut ct_buffer,
) -> *mut ct_error {
    // SAFETY: the caller's promises, as documented above.
    unsafe {
        returning(
            engine,
            [
                text(board_id, board_id_len, "board_id"),
                text(iteration_id, iteration_id_len, "iteration_id"),
                text(team_json, team_json_len, "team_json"),
            ],
            out,
            |e, s, [board_id, iteration_id, team_json]| {
                e.put_iteration_team(s, board_id, iteration_id, team_json)
            },
        )
    }
}

/// Copies one iteration's team changes to another ("same team as last sprint"):
/// `{"boardId", "fromIterationId", "toIterationId", "revision"}` with the target's revision
/// read. Gives the target's stored document.
///
/// On success stores the result in a new buffer in `*out` and returns NULL; on failure
/// leaves `*out` untouched and returns the error.
///
/// # Safety
/// `engine` must be NULL or a live engine, each string NULL or readable for its length,
/// and `out` NULL or writable (see the conventions at the top of the header).
#[no_mangle]
pub unsafe extern "C" fn ct_engine_copy_iteration_team(
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
            |e, s, [request_json]| e.copy_iteration_team(s, request_json),
        )
    }
}

/// Reads a team template; an unknown id is `CT_ERROR_NOT_FOUND` naming `templateId` (a
/// malformed one `CT_ERROR_VALIDATION`).
///
/// On success stores the result in a new buffer in `*out` and returns NULL; on failure
/// leaves `*out` untouched and returns the error.
///
/// # Safety
/// `engine` must be NULL or a live engine, each string NULL or readable for its length,
/// and `out` NULL or writable (see the conventions at the top of the header).
#[no_mangle]
pub unsafe extern "C" fn ct_engine_get_template(
    engine: *const ct_engine,
    template_id: *const c_char,
    template_id_len: usize,
    out: *mut *mut ct_buffer,
) -> *mut ct_error {
    // SAFETY: the caller's promises, as documented above.
    unsafe {
        returning(
            engine,
            [text(template_id, template_id_len, "template_id")],
            out,
            |e, s, [template_id]| e.get_template(s, template_id),
        )
    }
}

/// Writes a team template against the revision read; gives the stored document.
///
/// On success stores the result in a new buffer in `*out` and returns NULL; on failure
/// leaves `*out` untouched and returns the error.
///
/// # Safety
/// `engine` must be NULL or a live engine, each string NULL or readable for its length,
/// and `out` NULL or writable (see the conventions at the top of the header).
#[no_mangle]
pub unsafe extern "C" fn ct_engine_put_template(
    engine: *const ct_engine,
    template_id: *const c_char,
    template_id_len: usize,
    template_json: *const c_char,
    template_json_len: usize,
    out: *mut *mut ct_buffer,
) -> *mut ct_error {
    // SAFETY: the caller's promises, as documented above.
    unsafe {
        returning(
            engine,
            [
                text(template_id, template_id_len, "template_id"),
                text(template_json, template_json_len, "template_json"),
            ],
            out,
            |e, s, [template_id, template_json]| e.put_template(s, template_id, template_json),
        )
    }
}

/// Removes a team template. Returns NULL on success (also when there was none).
///
/// # Safety
/// `engine` must be NULL or a live engine and each string NULL or readable for its length
/// (see the conventions at the top of the header).
#[no_mangle]
pub unsafe extern "C" fn ct_engine_remove_template(
    engine: *const ct_engine,
    template_id: *const c_char,
    template_id_len: usize,
) -> *mut ct_error {
    // SAFETY: the caller's promises, as documented above.
    unsafe {
        returning_nothing(
            engine,
            [text(template_id, template_id_len, "template_id")],
            |e, s, [template_id]| e.remove_template(s, template_id),
        )
    }
}

/// Lists every template: `[{"id", "name"}]`.
///
/// On success stores the result in a new buffer in `*out` and returns NULL; on failure
/// leaves `*out` untouched and returns the error.
///
/// # Safety
/// `engine` must be NULL or a live engine, each string NULL or readable for its length,
/// and `out` NULL or writable (see the conventions at the top of the header).
#[no_mangle]
pub unsafe extern "C" fn ct_engine_list_templates(
    engine: *const ct_engine,
    out: *mut *mut ct_buffer,
) -> *mut ct_error {
    // SAFETY: the caller's promises, as documented above.
    unsafe { returning(engine, [], out, |e, s, []| e.list_templates(s)) }
}

/// Applies a template to a board's team, or to one iteration's team:
/// `{"templateId", "boardId", "iterationId"?, "revision"}`. Gives
/// `{"added", "changed", "unchanged", "leftAlone", "document"}` with the stored document.
/// An unknown template is `CT_ERROR_NOT_FOUND` naming `templateId`.
///
/// On success stores the result in a new buffer in `*out` and returns NULL; on failure
/// leaves `*out` untouched and returns the error.
///
/// # Safety
/// `engine` must be NULL or a live engine, each string NULL or readable for its length,
/// and `out` NULL or writable (see the conventions at the top of the header).
#[no_mangle]
pub unsafe extern "C" fn ct_engine_apply_template(
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
            |e, s, [request_json]| e.apply_template(s, request_json),
        )
    }
}

/// Reads a shared holiday calendar; an unknown id is `CT_ERROR_NOT_FOUND` naming
/// `calendarId`.
///
/// On success stores the result in a new buffer in `*out` and returns NULL; on failure
/// leaves `*out` untouched and returns the error.
///
/// # Safety
/// `engine` must be NULL or a live engine, each string NULL or readable for its length,
/// and `out` NULL or writable (see the conventions at the top of the header).
#[no_mangle]
pub unsafe extern "C" fn ct_engine_get_calendar(
    engine: *const ct_engine,
    calendar_id: *const c_char,
    calendar_id_len: usize,
    out: *mut *mut ct_buffer,
) -> *mut ct_error {
    // SAFETY: the caller's promises, as documented above.
    unsafe {
        returning(
            engine,
            [text(calendar_id, calendar_id_len, "calendar_id")],
            out,
            |e, s, [calendar_id]| e.get_calendar(s, calendar_id),
        )
    }
}

/// Writes a shared holiday calendar against the revision read; gives the stored document.
///
/// On success stores the result in a new buffer in `*out` and returns NULL; on failure
/// leaves `*out` untouched and returns the error.
///
/// # Safety
/// `engine` must be NULL or a live engine, each string NULL or readable for its length,
/// and `out` NULL or writable (see the conventions at the top of the header).
#[no_mangle]
pub unsafe extern "C" fn ct_engine_put_calendar(
    engine: *const ct_engine,
    calendar_id: *const c_char,
    calendar_id_len: usize,
    calendar_json: *const c_char,
    calendar_json_len: usize,
    out: *mut *mut ct_buffer,
) -> *mut ct_error {
    // SAFETY: the caller's promises, as documented above.
    unsafe {
        returning(
            engine,
            [
                text(calendar_id, calendar_id_len, "calendar_id"),
                text(calendar_json, calendar_json_len, "calendar_json"),
            ],
            out,
            |e, s, [calendar_id, calendar_json]| e.put_calendar(s, calendar_id, calendar_json),
        )
    }
}

/// Removes a shared holiday calendar. Returns NULL on success.
///
/// # Safety
/// `engine` must be NULL or a live engine and each string NULL or readable for its length
/// (see the conventions at the top of the header).
#[no_mangle]
pub unsafe extern "C" fn ct_engine_remove_calendar(
    engine: *const ct_engine,
    calendar_id: *const c_char,
    calendar_id_len: usize,
) -> *mut ct_error {
    // SAFETY: the caller's promises, as documented above.
    unsafe {
        returning_nothing(
            engine,
            [text(calendar_id, calendar_id_len, "calendar_id")],
            |e, s, [calendar_id]| e.remove_calendar(s, calendar_id),
        )
    }
}

/// Lists every holiday calendar: `[{"id", "name"}]`.
///
/// On success stores the result in a new buffer in `*out` and returns NULL; on failure
/// leaves `*out` untouched and returns the error.
///
/// # Safety
/// `engine` must be NULL or a live engine, each string NULL or readable for its length,
/// and `out` NULL or writable (see the conventions at the top of the header).
#[no_mangle]
pub unsafe extern "C" fn ct_engine_list_calendars(
    engine: *const ct_engine,
    out: *mut *mut ct_buffer,
) -> *mut ct_error {
    // SAFETY: the caller's promises, as documented above.
    unsafe { returning(engine, [], out, |e, s, []| e.list_calendars(s)) }
}

/// Reads a saved multi-project report definition; an unknown id is `CT_ERROR_NOT_FOUND`
/// naming `reportId`.
///
/// On success stores the result in a new buffer in `*out` and returns NULL; on failure
/// leaves `*out` untouched and returns the error.
///
/// # Safety
/// `engine` must be NULL or a live engine, each string NULL or readable for its length,
/// and `out` NULL or writable (see the conventions at the top of the header).
#[no_mangle]
pub unsafe extern "C" fn ct_engine_get_report_definition(
    engine: *const ct_engine,
    report_id: *const c_char,
    report_id_len: usize,
    out: *mut *mut ct_buffer,
) -> *mut ct_error {
    // SAFETY: the caller's promises, as documented above.
    unsafe {
        returning(
            engine,
            [text(report_id, report_id_len, "report_id")],
            out,
            |e, s, [report_id]| e.get_report_definition(s, report_id),
        )
    }
}

/// Writes a multi-project report definition against the revision read; gives the stored
/// document.
///
/// On success stores the result in a new buffer in `*out` and returns NULL; on failure
/// leaves `*out` untouched and returns the error.
///
/// # Safety
/// `engine` must be NULL or a live engine, each string NULL or readable for its length,
/// and `out` NULL or writable (see the conventions at the top of the header).
#[no_mangle]
pub unsafe extern "C" fn ct_engine_put_report_definition(
    engine: *const ct_engine,
    report_id: *const c_char,
    report_id_len: usize,
    definition_json: *const c_char,
    definition_json_len: usize,
    out: *mut *mut ct_buffer,
) -> *mut ct_error {
    // SAFETY: the caller's promises, as documented above.
    unsafe {
        returning(
            engine,
            [
                text(report_id, report_id_len, "report_id"),
                text(definition_json, definition_json_len, "definition_json"),
            ],
            out,
            |e, s, [report_id, definition_json]| {
                e.put_report_definition(s, report_id, definition_json)
            },
        )
    }
}

/// Removes a multi-project report definition. Returns NULL on success.
///
/// # Safety
/// `engine` must be NULL or a live engine and each string NULL or readable for its length
/// (see the conventions at the top of the header).
#[no_mangle]
pub unsafe extern "C" fn ct_engine_remove_report_definition(
    engine: *const ct_engine,
    report_id: *const c_char,
    report_id_len: usize,
) -> *mut ct_error {
    // SAFETY: the caller's promises, as documented above.
    unsafe {
        returning_nothing(
            engine,
            [text(report_id, report_id_len, "report_id")],
            |e, s, [report_id]| e.remove_report_definition(s, report_id),
        )
    }
}

/// Lists every multi-project report definition: `[{"id", "name"}]`.
///
/// On success stores the result in a new buffer in `*out` and returns NULL; on failure
/// leaves `*out` untouched and returns the error.
///
/// # Safety
/// `engine` must be NULL or a live engine, each string NULL or readable for its length,
/// and `out` NULL or writable (see the conventions at the top of the header).
#[no_mangle]
pub unsafe extern "C" fn ct_engine_list_report_definitions(
    engine: *const ct_engine,
    out: *mut *mut ct_buffer,
) -> *mut ct_error {
    // SAFETY: the caller's promises, as documented above.
    unsafe { returning(engine, [], out, |e, s, []| e.list_report_definitions(s)) }
}

/// Computes a multi-project report: `{"reportId"}` or `{"definition"}`, plus each board's
/// iterations with their items (docs/json-api.md, "Multi-project report definitions").
/// Writes nothing.
///
/// On success stores the result in a new buffer in `*out` and returns NULL; on failure
/// leaves `*out` untouched and returns the error.
///
/// # Safety
/// `engine` must be NULL or a live engine, each string NULL or readable for its length,
/// and `out` NULL or writable (see the conventions at the top of the header).
#[no_mangle]
pub unsafe extern "C" fn ct_engine_multi_project_report(
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
            |e, s, [request_json]| e.multi_project_report(s, request_json),
        )
    }
}

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
