//! `ct_buffer`: owned output text.

use std::ffi::c_char;

use crate::boundary::boundary_or;

/// Output text owned by the caller: a JSON document in UTF-8. Released with
/// `ct_buffer_free`. Immutable: it may be read from several threads and freed on any thread.
pub struct ct_buffer {
    /// The text followed by one NUL.
    bytes: Box<[u8]>,
}

impl ct_buffer {
    pub(crate) fn into_raw(text: String) -> *mut ct_buffer {
        let mut bytes = text.into_bytes();
        bytes.push(0);
        Box::into_raw(Box::new(ct_buffer {
            bytes: bytes.into_boxed_slice(),
        }))
    }
}

/// The buffer's bytes: UTF-8 JSON, `ct_buffer_len(buffer)` bytes long and followed by a NUL
/// (JSON text never contains a raw NUL, so it is also a C string). Valid until
/// `ct_buffer_free(buffer)`. NULL for a NULL `buffer`.
///
/// ```c
/// printf("%.*s\n", (int)ct_buffer_len(out), ct_buffer_data(out));
/// ```
///
/// # Safety
/// `buffer` must be NULL or a live `ct_buffer`.
#[no_mangle]
pub unsafe extern "C" fn ct_buffer_data(buffer: *const ct_buffer) -> *const c_char {
    boundary_or(std::ptr::null(), || {
        // SAFETY: the caller passes NULL or a live buffer.
        unsafe { buffer.as_ref() }.map_or(std::ptr::null(), |b| b.bytes.as_ptr().cast())
    })
}

/// The buffer's length in bytes, without the terminating NUL; 0 for a NULL `buffer`.
///
/// # Safety
/// `buffer` must be NULL or a live `ct_buffer`.
#[no_mangle]
pub unsafe extern "C" fn ct_buffer_len(buffer: *const ct_buffer) -> usize {
    boundary_or(0, || {
        // SAFETY: the caller passes NULL or a live buffer.
        unsafe { buffer.as_ref() }.map_or(0, |b| b.bytes.len() - 1)
    })
}

/// Releases a buffer. `ct_buffer_free(NULL)` does nothing.
///
/// # Safety
/// `buffer` must be NULL or a `ct_buffer` returned by this library and not yet freed.
#[no_mangle]
pub unsafe extern "C" fn ct_buffer_free(buffer: *mut ct_buffer) {
    boundary_or((), || {
        if !buffer.is_null() {
            // SAFETY: the caller passes a buffer this library boxed and has not freed.
            drop(unsafe { Box::from_raw(buffer) });
        }
    })
}
