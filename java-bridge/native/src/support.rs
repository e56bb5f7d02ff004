//! What the generated exports share: handle and argument checks, and running an engine call
//! over the caller's `HostStorage` (and `AccessSubject`), so a host's exception becomes the
//! cause of the storage error it led to.
//!
//! Engine handles are `Box<Engine>` pointers owned by the Java `CapacityEngine`, which
//! frees each exactly once and never passes a freed one (its lock makes `engineFree` wait
//! for calls in progress). A zero handle is refused rather than trusted.

use capacity_core::{AccessHost, Engine, Error, Storage};
use jni::objects::{JObject, JString};
use jni::sys::jlong;
use jni::{jni_sig, jni_str, Env, JValue};

use crate::bridge::BridgeError;
use crate::storage::JavaStorage;

/// The engine behind a live handle.
pub(crate) fn engine_ref(handle: jlong) -> Result<&'static Engine, BridgeError> {
    if handle == 0 {
        return Err(Error::invalid_argument("engine: the handle is 0 (engine closed)").into());
    }
    // SAFETY: non-zero handles come from `engine_new` and stay valid until `engine_free`,
    // which CapacityEngine only calls once no call holds the handle (see module docs).
    Ok(unsafe { &*(handle as *const Engine) })
}

/// A string argument as UTF-8. Java strings may hold lone surrogates, which UTF-8 cannot;
/// such a string is decoded lossily (U+FFFD) rather than refused here, and the engine then
/// judges the text it got.
pub(crate) fn string_arg(env: &Env<'_>, s: &JString<'_>, name: &str) -> Result<String, BridgeError> {
    if s.is_null() {
        return Err(Error::invalid_argument(format!("{name}: must not be null")).into());
    }
    Ok(s.try_to_string(env)?)
}

/// Runs an engine operation over the caller's HostStorage, attaching the exception the host
/// threw (if any) to the storage error it caused.
pub(crate) fn with_storage<'local, T>(
    env: &mut Env<'local>,
    engine: jlong,
    host: &JObject<'local>,
    operation: impl FnOnce(&Engine, &mut dyn Storage) -> capacity_core::Result<T>,
) -> Result<T, BridgeError> {
    with_host(env, engine, host, |engine, storage| operation(engine, storage))
}

fn with_host<'local, T>(
    env: &mut Env<'local>,
    engine: jlong,
    host: &JObject<'local>,
    operation: impl FnOnce(&Engine, &mut JavaStorage<'_, 'local>) -> capacity_core::Result<T>,
) -> Result<T, BridgeError> {
    let engine = engine_ref(engine)?;
    if host.is_null() {
        return Err(Error::invalid_argument("storage: must not be null").into());
    }
    let mut storage = JavaStorage::new(env, host);
    match operation(engine, &mut storage) {
        Ok(value) => Ok(value),
        Err(error) => {
            let cause = match error {
                Error::Storage { .. } => storage.take_exception(),
                _ => None,
            };
            Err(BridgeError::Core { error, cause })
        }
    }
}

/// A text argument given as its UTF-8 bytes (`String.getBytes(UTF_8)`), for the large JSON
/// documents: Java encodes a string to UTF-8 with one array copy (and a check) where
/// `GetStringUTFChars` converts char by char to modified UTF-8, which then needs decoding
/// again; for W1's 235 KB request that was a third of the JNI call. Java already replaced any
/// lone surrogate (with `?`), so the bytes are valid UTF-8; anything else is refused.
pub(crate) fn utf8_arg(env: &Env<'_>, bytes: &jni::objects::JByteArray<'_>, name: &str) -> Result<String, BridgeError> {
    if bytes.is_null() {
        return Err(Error::invalid_argument(format!("{name}: must not be null")).into());
    }
    String::from_utf8(env.convert_byte_array(bytes)?)
        .map_err(|e| Error::invalid_argument(format!("{name}: not UTF-8 at byte {}", e.utf8_error().valid_up_to())).into())
}

/// A string argument that may be null (`None`).
pub(crate) fn nullable_string_arg(env: &Env<'_>, s: &JString<'_>) -> Result<Option<String>, BridgeError> {
    if s.is_null() {
        return Ok(None);
    }
    Ok(Some(s.try_to_string(env)?))
}

/// Runs an authorisation over the caller's HostStorage and `AccessSubject` (whose
/// `isAdmin()`, `isMember(String)` and `withCredentials()` the engine calls back on this thread); an exception
/// either throws is reported like a storage failure, with it as the cause.
pub(crate) fn with_access<'local, T>(
    env: &mut Env<'local>,
    engine: jlong,
    host: &JObject<'local>,
    subject: &JObject<'local>,
    operation: impl FnOnce(&Engine, &mut dyn AccessHost) -> capacity_core::Result<T>,
) -> Result<T, BridgeError> {
    if subject.is_null() {
        return Err(Error::invalid_argument("subject: must not be null").into());
    }
    // The subject is called through the JavaStorage, so both share its JNIEnv and its record
    // of the first exception thrown.
    with_host(env, engine, host, |engine, storage| operation(engine, &mut JavaAccess { storage, subject }))
}

struct JavaAccess<'a, 'call, 'local> {
    storage: &'a mut JavaStorage<'call, 'local>,
    subject: &'a JObject<'local>,
}

impl AccessHost for JavaAccess<'_, '_, '_> {
    fn storage(&mut self) -> &mut dyn Storage {
        self.storage
    }

    fn is_admin(&mut self) -> capacity_core::Result<bool> {
        Ok(self.storage.call_on(self.subject, "AccessSubject", "isAdmin", |env, subject| {
            env.call_method(subject, jni_str!("isAdmin"), jni_sig!("()Z"), &[])?.z()
        })?)
    }

    fn is_member(&mut self, group: &str) -> capacity_core::Result<bool> {
        Ok(self.storage.call_on(self.subject, "AccessSubject", "isMember", |env, subject| {
            let group = JString::from_str(env, group)?;
            env.call_method(subject, jni_str!("isMember"), jni_sig!("(Ljava/lang/String;)Z"), &[JValue::Object(&group)])?.z()
        })?)
    }

    fn with_credentials(&mut self) -> capacity_core::Result<bool> {
        Ok(self.storage.call_on(self.subject, "AccessSubject", "withCredentials", |env, subject| {
            env.call_method(subject, jni_str!("withCredentials"), jni_sig!("()Z"), &[])?.z()
        })?)
    }
}

/// The memory of a direct `ByteBuffer` argument (its capacity, from its address), read in
/// place: valid for the native call, while Java holds the buffer. Null gives no bytes.
pub(crate) struct Direct {
    pointer: *mut u8,
    len: usize,
}

impl Direct {
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    pub(crate) fn as_ptr(&self) -> *mut u8 {
        self.pointer
    }

    pub(crate) fn bytes(&self) -> &[u8] {
        if self.len == 0 {
            return &[];
        }
        // SAFETY: the JVM gave this address and capacity for a direct buffer the caller
        // passed, which it keeps alive for the call (`Direct` never outlives the call).
        unsafe { std::slice::from_raw_parts(self.pointer, self.len) }
    }
}

/// A direct `ByteBuffer` argument; a heap buffer (no address) is refused.
pub(crate) fn direct_buffer(env: &Env<'_>, buffer: &jni::objects::JByteBuffer<'_>, name: &str) -> Result<Direct, BridgeError> {
    if buffer.is_null() {
        return Ok(Direct { pointer: std::ptr::null_mut(), len: 0 });
    }
    let len = env.get_direct_buffer_capacity(buffer).map_err(|_| Error::invalid_argument(format!("{name}: must be a direct ByteBuffer")))?;
    if len == 0 {
        return Ok(Direct { pointer: std::ptr::null_mut(), len: 0 });
    }
    let pointer = env.get_direct_buffer_address(buffer).map_err(|_| Error::invalid_argument(format!("{name}: must be a direct ByteBuffer")))?;
    Ok(Direct { pointer, len })
}
