//! `ct_engine`: the engine handle, its life cycle, and the checks every operation shares.

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
/// threads may call `ct_engine_*` functions on one engine at the same time. The storage
/// callbacks must then be thread-safe too, and concurrent writes of one document are kept
/// apart only by the `lock` / `unlock` callbacks (see `ct_storage`).
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

/// A string argument as C passes it: pointer, length in bytes, and the parameter's name
/// for error messages.
pub(crate) struct Text {
    pointer: *const c_char,
    length: usize,
    name: &'static str,
}

pub(crate) fn text(pointer: *const c_char, length: usize, name: &'static str) -> Text {
    Text {
        pointer,
        length,
        name,
    }
}

/// The part every engine operation shares: check `engine`, every string and `out` for
/// NULL (in parameter order), then every string for UTF-8, then run `operation` with the
/// host's callbacks as storage. `out` is NULL for operations that return no document.
///
/// # Safety
/// `engine` must be NULL or a live engine; each text NULL or readable for its length;
/// `out` `None`, or `Some` of NULL or a writable pointer.
unsafe fn call<const N: usize>(
    engine: *const ct_engine,
    args: [Text; N],
    out: Option<*mut *mut ct_buffer>,
    operation: impl FnOnce(
        &Engine,
        &mut CallbackStorage<'_>,
        [&str; N],
    ) -> Result<Option<String>, Error>,
) -> *mut ct_error {
    boundary(|| {
        non_null(engine, "engine")?;
        for arg in &args {
            non_null(arg.pointer, arg.name)?;
        }
        if let Some(out) = out {
            non_null(out, "out")?;
        }
        let mut strings = [""; N];
        for (string, arg) in strings.iter_mut().zip(&args) {
            // SAFETY: non-NULL, and readable for its length by the caller's promise.
            *string = unsafe { utf8(arg.pointer, arg.length, arg.name) }?;
        }
        // SAFETY: non-NULL, and live by the caller's promise.
        let engine = unsafe { &*engine };
        let mut storage = CallbackStorage::new(&engine.storage);
        let json = operation(&engine.engine, &mut storage, strings)?;
        if let (Some(out), Some(json)) = (out, json) {
            // SAFETY: checked non-NULL above, writable by the caller's promise.
            unsafe { write_out(out, ct_buffer::into_raw(json)) };
        }
        Ok(())
    })
}

/// Runs `operation` with the engine and the host's callbacks as storage, for exports whose
/// arguments are not all strings (the bulk entry points); they check their arguments first.
///
/// # Safety
/// `engine` must be non-NULL and live.
pub(crate) unsafe fn engine_call<R>(
    engine: *const ct_engine,
    operation: impl FnOnce(&Engine, &mut CallbackStorage<'_>) -> Result<R, Error>,
) -> Result<R, Error> {
    // SAFETY: non-NULL and live by the caller's promise.
    let engine = unsafe { &*engine };
    let mut storage = CallbackStorage::new(&engine.storage);
    operation(&engine.engine, &mut storage)
}

/// An operation that returns a document in a new buffer in `*out`.
///
/// # Safety
/// As for [`call`], with `out` NULL or writable.
pub(crate) unsafe fn returning<const N: usize>(
    engine: *const ct_engine,
    args: [Text; N],
    out: *mut *mut ct_buffer,
    operation: impl FnOnce(&Engine, &mut CallbackStorage<'_>, [&str; N]) -> Result<String, Error>,
) -> *mut ct_error {
    // SAFETY: forwarded.
    unsafe {
        call(engine, args, Some(out), |e, s, a| {
            operation(e, s, a).map(Some)
        })
    }
}

/// An operation that returns nothing but success or an error.
///
/// # Safety
/// As for [`call`].
pub(crate) unsafe fn returning_nothing<const N: usize>(
    engine: *const ct_engine,
    args: [Text; N],
    operation: impl FnOnce(&Engine, &mut CallbackStorage<'_>, [&str; N]) -> Result<(), Error>,
) -> *mut ct_error {
    // SAFETY: forwarded.
    unsafe {
        call(engine, args, None, |e, s, a| {
            operation(e, s, a).map(|()| None)
        })
    }
}

/// Creates an engine over the host's storage callbacks.
///
/// `storage` is copied; its `userdata` must stay valid until `ct_engine_free`. On success
/// stores the new engine in `*engine_out` and returns NULL; on failure (NULL `storage`,
/// NULL callback, NULL `engine_out`: `CT_ERROR_INVALID_ARGUMENT`) leaves `*engine_out`
/// untouched and returns the error.
///
/// ```c
/// ct_storage storage = { &my_store, my_get, my_put, my_remove, my_lock, my_unlock };
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

/// Sets how many threads the engine's reports may compute on, the caller's included:
/// 1 keeps every computation on the caller's thread; 2 (the default) lets a multi-project
/// report over 50,000 items or more check and count them on one helper thread as well,
/// with the same result. Storage callbacks are always called on the caller's thread.
/// Other values, or a NULL `engine`, are `CT_ERROR_INVALID_ARGUMENT`. Safe to call while
/// other threads use the engine; reports already running keep the setting they began with.
///
/// ```c
/// ct_error *err = ct_engine_set_threads(engine, 1);
/// ```
///
/// # Safety
/// `engine` must be NULL or a live engine.
#[no_mangle]
pub unsafe extern "C" fn ct_engine_set_threads(
    engine: *const ct_engine,
    threads: usize,
) -> *mut ct_error {
    boundary(|| {
        non_null(engine, "engine")?;
        // SAFETY: non-NULL, and live by the caller's promise.
        unsafe { &*engine }.engine.set_threads(threads)
    })
}

/// The library's version (`"0.1.0"`): a static NUL-terminated string, never freed.
///
/// ```c
/// printf("capacity tracker %s\n", ct_version());
/// ```
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_is_the_core_version() {
        // SAFETY: ct_version returns a static NUL-terminated string.
        let version = unsafe { CStr::from_ptr(ct_version()) };
        assert_eq!(version.to_str().unwrap(), capacity_core::version());
        assert_eq!(ct_version(), ct_version());
    }
}
