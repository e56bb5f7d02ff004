//! The documents boards share (iteration teams, templates, holiday calendars, report
//! definitions) and the multi-project report.

use std::ffi::c_char;

use crate::buffer::ct_buffer;
use crate::engine::{ct_engine, returning, returning_nothing, text};
use crate::error::ct_error;

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
