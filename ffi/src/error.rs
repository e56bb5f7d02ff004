//! `ct_error`: the owned error every fallible export returns, and its accessors.

use std::ffi::c_char;

use capacity_core::{Error, ErrorCode};

use crate::panic::boundary_or;

/// Success. Never carried by a `ct_error`; `ct_error_code(NULL)` returns it.
pub const CT_ERROR_OK: u32 = 0;
/// Bad input in a JSON document or identifier; `ct_error_field` names the field.
pub const CT_ERROR_VALIDATION: u32 = 1;
/// A write was based on a stale revision; `ct_error_current_revision` gives the stored one.
/// Nothing was written.
pub const CT_ERROR_CONFLICT: u32 = 2;
/// A storage callback failed; the message carries the host's message. Nothing stored was
/// lost or half-written.
pub const CT_ERROR_STORAGE: u32 = 3;
/// A document exceeds what the host storage can hold; `ct_error_field` names it.
pub const CT_ERROR_TOO_LARGE: u32 = 4;
/// An internal fault was caught at the boundary instead of crashing the host.
pub const CT_ERROR_PANIC: u32 = 5;
/// A NULL pointer, an invalid length or invalid UTF-8 was passed; the message starts with
/// the parameter's name (`board_id: must not be NULL`).
pub const CT_ERROR_INVALID_ARGUMENT: u32 = 6;
/// A well-formed id names no stored document (an unknown template, holiday calendar or
/// report definition); `ct_error_field` names the field that holds the id (`templateId`).
pub const CT_ERROR_NOT_FOUND: u32 = 7;

// The numbers above are published; they must stay equal to the core's codes.
const _: () = {
    assert!(CT_ERROR_OK == ErrorCode::Ok as u32);
    assert!(CT_ERROR_VALIDATION == ErrorCode::Validation as u32);
    assert!(CT_ERROR_CONFLICT == ErrorCode::Conflict as u32);
    assert!(CT_ERROR_STORAGE == ErrorCode::Storage as u32);
    assert!(CT_ERROR_TOO_LARGE == ErrorCode::TooLarge as u32);
    assert!(CT_ERROR_PANIC == ErrorCode::Panic as u32);
    assert!(CT_ERROR_INVALID_ARGUMENT == ErrorCode::InvalidArgument as u32);
    assert!(CT_ERROR_NOT_FOUND == ErrorCode::NotFound as u32);
};

/// An error returned by a `ct_` function: a numeric code (`CT_ERROR_*`), a UTF-8 message,
/// optionally the JSON field path at fault and, for conflicts, the stored revision.
///
/// Owned by the caller, who releases it with `ct_error_free`. Immutable: it may be read
/// from several threads at once and freed on any thread.
pub struct ct_error {
    code: u32,
    /// The message followed by one NUL, so C can print it directly.
    message: Box<[u8]>,
    /// The field path followed by one NUL.
    field: Option<Box<[u8]>>,
    current_revision: Option<u64>,
}

fn nul_terminated(text: &str) -> Box<[u8]> {
    let mut bytes = Vec::with_capacity(text.len() + 1);
    bytes.extend_from_slice(text.as_bytes());
    bytes.push(0);
    bytes.into_boxed_slice()
}

impl ct_error {
    pub(crate) fn new(error: &Error) -> Self {
        ct_error {
            code: error.code() as u32,
            message: nul_terminated(&error.message()),
            // An empty path means the whole document: no field to name.
            field: error.field().filter(|f| !f.is_empty()).map(nul_terminated),
            current_revision: error.current_revision(),
        }
    }

    pub(crate) fn into_raw(error: &Error) -> *mut ct_error {
        Box::into_raw(Box::new(ct_error::new(error)))
    }

    #[cfg(test)]
    pub(crate) fn code(&self) -> u32 {
        self.code
    }

    #[cfg(test)]
    pub(crate) fn message_str(&self) -> &str {
        std::str::from_utf8(&self.message[..self.message.len() - 1]).unwrap()
    }
}

/// Writes the text length (without the NUL) to `len_out` when given, returns the text.
///
/// # Safety
/// `len_out` must be NULL or valid for writing.
unsafe fn text_out(text: &[u8], len_out: *mut usize) -> *const c_char {
    if !len_out.is_null() {
        // SAFETY: non-NULL and, by the caller's promise, writable.
        unsafe { *len_out = text.len() - 1 };
    }
    text.as_ptr().cast()
}

/// The error's code, one of the `CT_ERROR_*` constants.
///
/// `ct_error_code(NULL)` is `CT_ERROR_OK`, so the result of any call can be tested directly:
///
/// ```c
/// ct_error *err = ct_engine_get_days_off(engine, "alice", 5, &out);
/// if (ct_error_code(err) == CT_ERROR_CONFLICT) { ... }
/// ct_error_free(err);
/// ```
///
/// # Safety
/// `error` must be NULL or a live `ct_error`.
#[no_mangle]
pub unsafe extern "C" fn ct_error_code(error: *const ct_error) -> u32 {
    boundary_or(CT_ERROR_PANIC, || {
        // SAFETY: the caller passes NULL or a live error.
        unsafe { error.as_ref() }.map_or(CT_ERROR_OK, |e| e.code)
    })
}

/// The error's message: UTF-8, starting with the field path or parameter name when there is
/// one (`members[3].dailyCapacity: must be between 0 and 24 hours, got 25`).
///
/// Stores the length in bytes, without the terminating NUL, in `*len_out` unless `len_out`
/// is NULL. The text is also NUL-terminated, but it holds an embedded NUL if the input it
/// quotes did (a JSON `\u0000`), so prefer the length. Valid until `ct_error_free(error)`.
/// For a NULL `error`, gives the empty string.
///
/// # Safety
/// `error` must be NULL or a live `ct_error`; `len_out` must be NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn ct_error_message(
    error: *const ct_error,
    len_out: *mut usize,
) -> *const c_char {
    static EMPTY: [u8; 1] = [0];
    boundary_or(std::ptr::null(), || {
        // SAFETY: the caller passes NULL or a live error.
        let text = unsafe { error.as_ref() }.map_or(&EMPTY[..], |e| &e.message);
        // SAFETY: `len_out` is NULL or writable.
        unsafe { text_out(text, len_out) }
    })
}

/// The JSON field path at fault (`members[3].dailyCapacity`), NUL-terminated, or NULL when
/// the error names no field (conflicts, storage errors, invalid arguments, NULL `error`).
///
/// Stores the length in bytes, without the NUL, in `*len_out` unless `len_out` is NULL
/// (0 when there is no field). Valid until `ct_error_free(error)`.
///
/// # Safety
/// `error` must be NULL or a live `ct_error`; `len_out` must be NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn ct_error_field(
    error: *const ct_error,
    len_out: *mut usize,
) -> *const c_char {
    boundary_or(std::ptr::null(), || {
        // SAFETY: the caller passes NULL or a live error.
        match unsafe { error.as_ref() }.and_then(|e| e.field.as_deref()) {
            // SAFETY: `len_out` is NULL or writable.
            Some(field) => unsafe { text_out(field, len_out) },
            None => {
                if !len_out.is_null() {
                    // SAFETY: non-NULL and writable by the caller's promise.
                    unsafe { *len_out = 0 };
                }
                std::ptr::null()
            }
        }
    })
}

/// For a `CT_ERROR_CONFLICT` error: returns true and stores the revision currently stored
/// in `*revision_out` (unless `revision_out` is NULL). Read the document again at that
/// revision before retrying the write. Returns false, writing nothing, for any other error
/// and for NULL.
///
/// # Safety
/// `error` must be NULL or a live `ct_error`; `revision_out` must be NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn ct_error_current_revision(
    error: *const ct_error,
    revision_out: *mut u64,
) -> bool {
    boundary_or(false, || {
        // SAFETY: the caller passes NULL or a live error.
        match unsafe { error.as_ref() }.and_then(|e| e.current_revision) {
            Some(revision) => {
                if !revision_out.is_null() {
                    // SAFETY: non-NULL and writable by the caller's promise.
                    unsafe { *revision_out = revision };
                }
                true
            }
            None => false,
        }
    })
}

/// Releases an error. `ct_error_free(NULL)` does nothing.
///
/// # Safety
/// `error` must be NULL or a `ct_error` returned by this library and not yet freed.
#[no_mangle]
pub unsafe extern "C" fn ct_error_free(error: *mut ct_error) {
    boundary_or((), || {
        if !error.is_null() {
            // SAFETY: the caller passes an error this library boxed and has not freed.
            drop(unsafe { Box::from_raw(error) });
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accessors_report_every_part_of_an_error() {
        let error = ct_error::into_raw(&Error::validation("members[3].dailyCapacity", "too big"));
        let mut len = usize::MAX;
        // SAFETY: `error` is live until freed below; `len` is writable.
        unsafe {
            assert_eq!(ct_error_code(error), CT_ERROR_VALIDATION);
            let message = ct_error_message(error, &mut len);
            assert_eq!(
                std::ffi::CStr::from_ptr(message).to_str().unwrap(),
                "members[3].dailyCapacity: too big"
            );
            assert_eq!(len, "members[3].dailyCapacity: too big".len());
            let field = ct_error_field(error, &mut len);
            assert_eq!(
                std::ffi::CStr::from_ptr(field).to_str().unwrap(),
                "members[3].dailyCapacity"
            );
            assert_eq!(len, "members[3].dailyCapacity".len());
            let mut revision = 99;
            assert!(!ct_error_current_revision(error, &mut revision));
            assert_eq!(revision, 99);
            ct_error_free(error);
        }
    }

    #[test]
    fn null_is_success() {
        let mut len = 5;
        // SAFETY: NULL errors are allowed everywhere.
        unsafe {
            assert_eq!(ct_error_code(std::ptr::null()), CT_ERROR_OK);
            assert_eq!(*ct_error_message(std::ptr::null(), &mut len), 0);
            assert_eq!(len, 0);
            len = 5;
            assert!(ct_error_field(std::ptr::null(), &mut len).is_null());
            assert_eq!(len, 0);
            assert!(!ct_error_current_revision(
                std::ptr::null(),
                std::ptr::null_mut()
            ));
            ct_error_free(std::ptr::null_mut());
        }
    }
}
