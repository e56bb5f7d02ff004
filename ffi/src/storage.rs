//! Host storage through C callbacks: `ct_storage`, `ct_storage_reply` and the adapter that
//! makes them a core `Storage`.

use std::ffi::{c_char, c_void};

use capacity_core::{Error, Storage, StorageError};

use crate::boundary::{boundary, utf8};
use crate::error::ct_error;

/// Storage callback status: the operation succeeded.
pub const CT_STORAGE_OK: u32 = 0;
/// Storage callback status: `get` found no value under the key (also accepted from `remove`
/// for an absent key).
pub const CT_STORAGE_NOT_FOUND: u32 = 1;
/// Storage callback status: the operation failed; set a message with
/// `ct_storage_reply_set_error`. The engine call then fails with `CT_ERROR_STORAGE`.
pub const CT_STORAGE_ERROR: u32 = 2;

/// Reads the value stored under a key.
///
/// `key` is UTF-8, `key_len` bytes long and NOT NUL-terminated. On success call
/// `ct_storage_reply_set_value(reply, value, value_len)` (the value is copied) and return
/// `CT_STORAGE_OK`; return `CT_STORAGE_NOT_FOUND` when nothing is stored under the key;
/// on failure return `CT_STORAGE_ERROR`, ideally after `ct_storage_reply_set_error`.
/// `key` and `reply` are valid only until the callback returns.
pub type ct_storage_get_fn = Option<
    unsafe extern "C" fn(
        userdata: *mut c_void,
        key: *const c_char,
        key_len: usize,
        reply: *mut ct_storage_reply,
    ) -> u32,
>;

/// Stores a value under a key, replacing any previous value, and returns `CT_STORAGE_OK`,
/// or `CT_STORAGE_ERROR` (with `ct_storage_reply_set_error`) leaving the old value in place.
///
/// `key` and `value` are UTF-8, NOT NUL-terminated, and valid only until the callback
/// returns: copy them. Keys are at most 100 characters and values at most 99,000 characters
/// (Jira's `PluginSettings` limits); the engine splits larger documents itself.
pub type ct_storage_put_fn = Option<
    unsafe extern "C" fn(
        userdata: *mut c_void,
        key: *const c_char,
        key_len: usize,
        value: *const c_char,
        value_len: usize,
        reply: *mut ct_storage_reply,
    ) -> u32,
>;

/// Removes the value under a key. Returns `CT_STORAGE_OK` (or `CT_STORAGE_NOT_FOUND`: removing
/// an absent key is not an error), or `CT_STORAGE_ERROR` with `ct_storage_reply_set_error`.
/// `key` is UTF-8, NOT NUL-terminated, valid only until the callback returns.
pub type ct_storage_remove_fn = Option<
    unsafe extern "C" fn(
        userdata: *mut c_void,
        key: *const c_char,
        key_len: usize,
        reply: *mut ct_storage_reply,
    ) -> u32,
>;

/// Takes (`ct_storage.lock`) or releases (`ct_storage.unlock`) the named lock `name`
/// (UTF-8, `name_len` bytes, NOT NUL-terminated, valid only during the call).
///
/// The engine takes a lock around each read-check-write of a document, so two writers of
/// the same document (two threads, or two nodes of a Jira Data Center cluster) cannot both
/// succeed from the same revision. `lock` waits until the lock is held by the calling
/// thread and returns `CT_STORAGE_OK`, or returns `CT_STORAGE_ERROR` (nothing is then
/// written). `unlock` is always called on the same thread after a successful `lock` of the
/// same name, also when the engine call fails; if `unlock` fails, the call reports
/// `CT_ERROR_STORAGE` even though the write it protected may have completed. Locks of
/// different names nest (a document's key, then the index's key); one call never takes a
/// name it already holds, so the host's locks need not be re-entrant.
pub type ct_storage_lock_fn = Option<
    unsafe extern "C" fn(
        userdata: *mut c_void,
        name: *const c_char,
        name_len: usize,
        reply: *mut ct_storage_reply,
    ) -> u32,
>;

/// The host's key-value store, as callbacks. The engine keeps nothing itself: every
/// document is read and written through these, keys prefixed `org.capacitytracker:`.
///
/// Callback rules:
/// - `get`, `put` and `remove` are required. `lock` and `unlock` are optional but go
///   together: leave both NULL only if one writer at a time can reach the storage (one
///   thread, one node). Each callback receives `userdata` first, unchanged.
/// - They are called synchronously, on the thread that called the `ct_engine_*` function,
///   only while that call runs; never afterwards, never from a thread of the library's own.
/// - When several threads call one engine at once, the callbacks run concurrently on those
///   threads, so they (and whatever `userdata` points to) must be thread-safe.
/// - They must return normally: no C++ exception, `longjmp` or thread cancellation may
///   leave them. They must not call `ct_engine_*` functions (no re-entrancy).
/// - A status other than the `CT_STORAGE_*` constants is treated as a failure.
///
/// `ct_engine_new` copies this struct, so it may be discarded afterwards, but `userdata`
/// must stay valid until `ct_engine_free`.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct ct_storage {
    /// Passed unchanged as the first argument of every callback; may be NULL.
    pub userdata: *mut c_void,
    /// Reads a value (required).
    pub get: ct_storage_get_fn,
    /// Writes a value (required).
    pub put: ct_storage_put_fn,
    /// Removes a value (required).
    pub remove: ct_storage_remove_fn,
    /// Takes a named lock (optional, with `unlock`).
    pub lock: ct_storage_lock_fn,
    /// Releases a named lock (optional, with `lock`).
    pub unlock: ct_storage_lock_fn,
}

/// What a storage callback hands back besides its status: `get`'s value and any callback's
/// error message. Owned by the library; valid only during the callback it was passed to.
#[derive(Default)]
pub struct ct_storage_reply {
    value: Option<String>,
    error: Option<String>,
    /// Why a value the callback offered was refused, so a host that ignores the returned
    /// `ct_error` still gets a precise failure instead of a misleading "no value".
    refused_value: Option<String>,
}

/// Delivers the value found by a `get` callback (copied; UTF-8, `value_len` bytes, no NUL
/// needed). Call it at most once per reply; a second call replaces the first value.
///
/// Returns NULL on success, or a `CT_ERROR_INVALID_ARGUMENT` error (to free with
/// `ct_error_free`) when `reply` or `value` is NULL or `value` is not valid UTF-8; the
/// engine call then fails with `CT_ERROR_STORAGE` even if the callback returns
/// `CT_STORAGE_OK`.
///
/// ```c
/// static uint32_t my_get(void *userdata, const char *key, size_t key_len, ct_storage_reply *reply) {
///     const struct entry *e = lookup(userdata, key, key_len);
///     if (e == NULL) return CT_STORAGE_NOT_FOUND;
///     ct_error_free(ct_storage_reply_set_value(reply, e->value, e->value_len));
///     return CT_STORAGE_OK;
/// }
/// ```
///
/// # Safety
/// `reply` must be NULL or the reply passed to the running callback; `value` must be NULL or
/// point to `value_len` readable bytes.
#[no_mangle]
pub unsafe extern "C" fn ct_storage_reply_set_value(
    reply: *mut ct_storage_reply,
    value: *const c_char,
    value_len: usize,
) -> *mut ct_error {
    boundary(|| {
        // SAFETY: the caller passes NULL or the live reply of the running callback.
        let reply = unsafe { reply.as_mut() }
            .ok_or_else(|| crate::boundary::invalid_argument("reply", "must not be NULL"))?;
        // SAFETY: `value` is NULL or `value_len` readable bytes.
        match unsafe { utf8(value, value_len, "value") } {
            Ok(text) => {
                reply.value = Some(text.to_owned());
                reply.refused_value = None;
                Ok(())
            }
            Err(error) => {
                reply.value = None;
                reply.refused_value = Some(error.message());
                Err(error)
            }
        }
    })
}

/// Sets the message explaining why a callback returns `CT_STORAGE_ERROR` (copied; UTF-8,
/// `message_len` bytes, no NUL needed). The engine call's `CT_ERROR_STORAGE` error then
/// carries it: `storage: <message>`.
///
/// Returns NULL on success, or a `CT_ERROR_INVALID_ARGUMENT` error (to free with
/// `ct_error_free`) when `reply` or `message` is NULL or `message` is not valid UTF-8.
///
/// # Safety
/// `reply` must be NULL or the reply passed to the running callback; `message` must be NULL
/// or point to `message_len` readable bytes.
#[no_mangle]
pub unsafe extern "C" fn ct_storage_reply_set_error(
    reply: *mut ct_storage_reply,
    message: *const c_char,
    message_len: usize,
) -> *mut ct_error {
    boundary(|| {
        // SAFETY: the caller passes NULL or the live reply of the running callback.
        let reply = unsafe { reply.as_mut() }
            .ok_or_else(|| crate::boundary::invalid_argument("reply", "must not be NULL"))?;
        // SAFETY: `message` is NULL or `message_len` readable bytes.
        reply.error = Some(unsafe { utf8(message, message_len, "message") }?.to_owned());
        Ok(())
    })
}

/// Checks the callbacks once, when the engine is created, so calls never meet a NULL one.
pub(crate) fn check_callbacks(storage: &ct_storage) -> Result<(), Error> {
    use crate::boundary::invalid_argument;
    if storage.get.is_none() {
        return Err(invalid_argument("storage->get", "must not be NULL"));
    }
    if storage.put.is_none() {
        return Err(invalid_argument("storage->put", "must not be NULL"));
    }
    if storage.remove.is_none() {
        return Err(invalid_argument("storage->remove", "must not be NULL"));
    }
    match (storage.lock.is_some(), storage.unlock.is_some()) {
        (true, false) => Err(invalid_argument(
            "storage->unlock",
            "must not be NULL when storage->lock is set",
        )),
        (false, true) => Err(invalid_argument(
            "storage->lock",
            "must not be NULL when storage->unlock is set",
        )),
        _ => Ok(()),
    }
}

/// The host's callbacks seen as a core [`Storage`] for the duration of one engine call.
pub(crate) struct CallbackStorage<'a> {
    callbacks: &'a ct_storage,
}

impl<'a> CallbackStorage<'a> {
    /// `callbacks` must have passed [`check_callbacks`].
    pub(crate) fn new(callbacks: &'a ct_storage) -> Self {
        CallbackStorage { callbacks }
    }
}

impl ct_storage_reply {
    /// The error for a callback that did not succeed, preferring the host's own words.
    fn failure(self, operation: &str, key: &str, status: u32) -> StorageError {
        if let Some(message) = self.error {
            return StorageError::new(message);
        }
        let why = match status {
            CT_STORAGE_ERROR => "failed without a message".to_string(),
            CT_STORAGE_OK => match self.refused_value {
                Some(refused) => format!("gave an unusable value ({refused})"),
                None => {
                    "returned CT_STORAGE_OK without calling ct_storage_reply_set_value".to_string()
                }
            },
            other => format!("returned the unknown status {other}"),
        };
        // Lock callbacks are given a lock name, the others a storage key.
        let subject = if operation.ends_with("lock") {
            "lock"
        } else {
            "key"
        };
        StorageError::new(format!(
            "the host's {operation} callback for {subject} {key} {why}"
        ))
    }
}

impl Storage for CallbackStorage<'_> {
    fn get(&mut self, key: &str) -> Result<Option<String>, StorageError> {
        let Some(get) = self.callbacks.get else {
            unreachable!("checked by check_callbacks")
        };
        let mut reply = ct_storage_reply::default();
        // SAFETY: the host promised a valid callback and userdata for the engine's lifetime;
        // `key` and `reply` outlive the call.
        let status = unsafe {
            get(
                self.callbacks.userdata,
                key.as_ptr().cast(),
                key.len(),
                &mut reply,
            )
        };
        match (status, reply.value.take()) {
            (CT_STORAGE_OK, Some(value)) => Ok(Some(value)),
            (CT_STORAGE_NOT_FOUND, _) => Ok(None),
            (status, _) => Err(reply.failure("get", key, status)),
        }
    }

    fn put(&mut self, key: &str, value: &str) -> Result<(), StorageError> {
        let Some(put) = self.callbacks.put else {
            unreachable!("checked by check_callbacks")
        };
        let mut reply = ct_storage_reply::default();
        // SAFETY: as in `get`; `value` outlives the call too.
        let status = unsafe {
            put(
                self.callbacks.userdata,
                key.as_ptr().cast(),
                key.len(),
                value.as_ptr().cast(),
                value.len(),
                &mut reply,
            )
        };
        match status {
            CT_STORAGE_OK => Ok(()),
            status => Err(reply.failure("put", key, status)),
        }
    }

    fn remove(&mut self, key: &str) -> Result<(), StorageError> {
        let Some(remove) = self.callbacks.remove else {
            unreachable!("checked by check_callbacks")
        };
        let mut reply = ct_storage_reply::default();
        // SAFETY: as in `get`.
        let status = unsafe {
            remove(
                self.callbacks.userdata,
                key.as_ptr().cast(),
                key.len(),
                &mut reply,
            )
        };
        match status {
            CT_STORAGE_OK | CT_STORAGE_NOT_FOUND => Ok(()),
            status => Err(reply.failure("remove", key, status)),
        }
    }

    fn lock(&mut self, name: &str) -> Result<(), StorageError> {
        self.call_lock(self.callbacks.lock, "lock", name)
    }

    fn unlock(&mut self, name: &str) -> Result<(), StorageError> {
        self.call_lock(self.callbacks.unlock, "unlock", name)
    }
}

impl CallbackStorage<'_> {
    /// Without lock callbacks the host has promised a single writer: nothing to take.
    fn call_lock(
        &self,
        callback: ct_storage_lock_fn,
        operation: &str,
        name: &str,
    ) -> Result<(), StorageError> {
        let Some(callback) = callback else {
            return Ok(());
        };
        let mut reply = ct_storage_reply::default();
        // SAFETY: as in `get`.
        let status = unsafe {
            callback(
                self.callbacks.userdata,
                name.as_ptr().cast(),
                name.len(),
                &mut reply,
            )
        };
        match status {
            CT_STORAGE_OK => Ok(()),
            status => Err(reply.failure(operation, name, status)),
        }
    }
}
