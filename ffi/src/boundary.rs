//! The panic boundary and the argument checks every export starts with.

use std::ffi::c_char;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::ptr;

use capacity_core::Error;

use crate::error::ct_error;
pub(crate) use crate::panic::boundary_or;
use crate::panic::panic_message;

/// Runs the body of a fallible export. `Err` becomes an owned `ct_error`, and a panic becomes
/// a `CT_ERROR_PANIC` error: unwinding out of an `extern "C"` function would abort the host.
pub(crate) fn boundary(body: impl FnOnce() -> Result<(), Error>) -> *mut ct_error {
    match catch_unwind(AssertUnwindSafe(body)) {
        Ok(Ok(())) => ptr::null_mut(),
        Ok(Err(error)) => ct_error::into_raw(&error),
        Err(payload) => ct_error::into_raw(&Error::panic(panic_message(payload.as_ref()))),
    }
}

/// The error for a bad argument; the message starts with the parameter's C name, like a
/// field path starts a validation message.
pub(crate) fn invalid_argument(parameter: &str, problem: &str) -> Error {
    Error::invalid_argument(format!("{parameter}: {problem}"))
}

/// Checks that a pointer argument is not NULL.
pub(crate) fn non_null<T>(pointer: *const T, parameter: &str) -> Result<(), Error> {
    if pointer.is_null() {
        Err(invalid_argument(parameter, "must not be NULL"))
    } else {
        Ok(())
    }
}

/// Borrows the object behind a non-NULL input pointer.
///
/// # Safety
/// `pointer` must be NULL or point to a live `T` for `'a`.
pub(crate) unsafe fn borrow<'a, T>(pointer: *const T, parameter: &str) -> Result<&'a T, Error> {
    // SAFETY: the caller promises a live object when non-NULL; NULL is rejected.
    unsafe { pointer.as_ref() }.ok_or_else(|| invalid_argument(parameter, "must not be NULL"))
}

/// Reads a `(pointer, length)` string argument as UTF-8 text.
///
/// # Safety
/// `pointer` must be NULL or point to `length` readable bytes that live for `'a`.
pub(crate) unsafe fn utf8<'a>(
    pointer: *const c_char,
    length: usize,
    parameter: &str,
) -> Result<&'a str, Error> {
    non_null(pointer, parameter)?;
    if length > isize::MAX as usize {
        return Err(invalid_argument(
            parameter,
            &format!("length {length} is not a valid size"),
        ));
    }
    // SAFETY: non-NULL and, by the caller's promise, `length` readable bytes; u8 has no
    // alignment requirement and the length fits `isize`.
    let bytes = unsafe { std::slice::from_raw_parts(pointer.cast::<u8>(), length) };
    std::str::from_utf8(bytes).map_err(|e| {
        invalid_argument(
            parameter,
            &format!(
                "is not valid UTF-8 (invalid byte at offset {})",
                e.valid_up_to()
            ),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use capacity_core::ErrorCode;

    #[test]
    fn a_panic_becomes_a_panic_error_with_its_message() {
        let error = boundary(|| panic!("boom {}", 42));
        assert!(!error.is_null());
        // SAFETY: `boundary` returned an owned error.
        let error = unsafe { Box::from_raw(error) };
        assert_eq!(error.code(), ErrorCode::Panic as u32);
        assert_eq!(error.message_str(), "internal error: boom 42");
    }

    #[test]
    fn a_static_str_panic_keeps_its_message() {
        let error = boundary(|| std::panic::panic_any("static boom"));
        // SAFETY: `boundary` returned an owned error.
        let error = unsafe { Box::from_raw(error) };
        assert_eq!(error.message_str(), "internal error: static boom");
    }

    #[test]
    fn an_infallible_export_falls_back_on_panic() {
        assert_eq!(boundary_or(7u32, || panic!("boom")), 7);
        assert_eq!(boundary_or(7u32, || 3), 3);
    }

    #[test]
    fn success_is_null() {
        assert!(boundary(|| Ok(())).is_null());
    }

    #[test]
    fn utf8_names_the_parameter_and_the_offset() {
        let bytes = b"ab\xffc";
        // SAFETY: a live byte string of the given length.
        let error = unsafe { utf8(bytes.as_ptr().cast(), bytes.len(), "board_id") }.unwrap_err();
        assert_eq!(error.code(), ErrorCode::InvalidArgument);
        assert_eq!(
            error.message(),
            "board_id: is not valid UTF-8 (invalid byte at offset 2)"
        );
        // SAFETY: NULL is allowed and rejected.
        let error = unsafe { utf8(std::ptr::null(), 0, "json") }.unwrap_err();
        assert_eq!(error.message(), "json: must not be NULL");
    }
}
