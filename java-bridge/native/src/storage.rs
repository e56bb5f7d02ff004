//! The caller's `org.capacitytracker.api.HostStorage`, seen by the engine as a
//! [`capacity_core::Storage`].
//!
//! Calls go back into Java on the thread of the native call, with its `JNIEnv`. A Java
//! exception thrown by the host is caught and cleared here (JNI must not be called with an
//! exception pending) and becomes a [`StorageError`] carrying its class and message, so the
//! engine stops and reports a storage error; the first such exception is kept to become the
//! cause of the `CapacityStorageException` the caller finally sees.

use capacity_core::{Storage, StorageError};
use jni::objects::{JObject, JString, JThrowable};
use jni::refs::Global;
use jni::{jni_sig, jni_str, Env, JValue};

/// Local references one storage call may create (key, value, class, result) with room to
/// spare; each call runs in its own local frame, so a document stored in many chunks never
/// piles references up in the native method's frame.
const LOCAL_FRAME_CAPACITY: usize = 16;

pub(crate) struct JavaStorage<'call, 'local> {
    env: &'call mut Env<'local>,
    host: &'call JObject<'local>,
    first_exception: Option<Global<JThrowable<'static>>>,
}

impl<'call, 'local> JavaStorage<'call, 'local> {
    pub(crate) fn new(env: &'call mut Env<'local>, host: &'call JObject<'local>) -> Self {
        JavaStorage {
            env,
            host,
            first_exception: None,
        }
    }

    /// The first exception the host threw during this call, if any.
    pub(crate) fn take_exception(&mut self) -> Option<Global<JThrowable<'static>>> {
        self.first_exception.take()
    }

    /// Runs one host call in its own local frame and turns any failure into a
    /// [`StorageError`], leaving no exception pending.
    fn call<T>(
        &mut self,
        method: &str,
        f: impl FnOnce(&mut Env<'_>, &JObject<'_>) -> jni::errors::Result<T>,
    ) -> Result<T, StorageError> {
        let host = self.host;
        self.call_on(host, "HostStorage", method, f)
    }

    /// Like [`Self::call`], on another object of the caller's (the `AccessSubject` of an
    /// authorisation): its exceptions are caught, kept and reported the same way.
    pub(crate) fn call_on<T>(
        &mut self,
        target: &JObject<'_>,
        interface: &str,
        method: &str,
        f: impl FnOnce(&mut Env<'_>, &JObject<'_>) -> jni::errors::Result<T>,
    ) -> Result<T, StorageError> {
        let first_exception = &mut self.first_exception;
        let framed = self.env.with_local_frame(
            LOCAL_FRAME_CAPACITY,
            |env| -> jni::errors::Result<Result<T, StorageError>> {
                Ok(f(env, target).map_err(|e| failure(env, interface, method, e, first_exception)))
            },
        );
        match framed {
            Ok(result) => result,
            // Only pushing the frame itself can fail here (an OutOfMemoryError is pending).
            Err(e) => Err(failure(self.env, interface, method, e, first_exception)),
        }
    }
}

/// Describes a failed host call, catching and clearing the exception behind it.
fn failure(
    env: &mut Env<'_>,
    interface: &str,
    method: &str,
    error: jni::errors::Error,
    first_exception: &mut Option<Global<JThrowable<'static>>>,
) -> StorageError {
    let Some(thrown) = env.exception_occurred() else {
        return StorageError::new(format!("{interface}.{method} could not be called: {error}"));
    };
    env.exception_clear();
    let description = describe(env, &thrown);
    if first_exception.is_none() {
        *first_exception = env.new_global_ref(&thrown).ok();
    }
    // The key is left out on purpose: keys carry account keys, and this message may be logged.
    StorageError::new(format!("{interface}.{method} threw {description}"))
}

/// `<class name>: <message>` of a throwable, as far as Java lets us read them.
fn describe(env: &mut Env<'_>, thrown: &JThrowable<'_>) -> String {
    let result = env.with_local_frame(8, |env| -> jni::errors::Result<String> {
        let class = env.get_object_class(thrown)?;
        let name = env
            .call_method(
                &class,
                jni_str!("getName"),
                jni_sig!("()Ljava/lang/String;"),
                &[],
            )?
            .l()?;
        let name = env.cast_local::<JString>(name)?.try_to_string(env)?;
        let message = env
            .call_method(
                thrown,
                jni_str!("getMessage"),
                jni_sig!("()Ljava/lang/String;"),
                &[],
            )?
            .l()?;
        if message.is_null() {
            return Ok(name);
        }
        let message = env.cast_local::<JString>(message)?.try_to_string(env)?;
        Ok(format!("{name}: {message}"))
    });
    result.unwrap_or_else(|_| {
        // A getMessage() that itself throws: report what we know, leave nothing pending.
        env.exception_clear();
        "an exception that could not be described".to_string()
    })
}

impl Storage for JavaStorage<'_, '_> {
    fn get(&mut self, key: &str) -> Result<Option<String>, StorageError> {
        self.call("get", |env, host| {
            let key = JString::from_str(env, key)?;
            let value = env
                .call_method(
                    host,
                    jni_str!("get"),
                    jni_sig!("(Ljava/lang/String;)Ljava/lang/String;"),
                    &[JValue::Object(&key)],
                )?
                .l()?;
            if value.is_null() {
                return Ok(None);
            }
            let value = env.cast_local::<JString>(value)?;
            Ok(Some(value.try_to_string(env)?))
        })
    }

    fn put(&mut self, key: &str, value: &str) -> Result<(), StorageError> {
        self.call("put", |env, host| {
            let key = JString::from_str(env, key)?;
            let value = JString::from_str(env, value)?;
            env.call_method(
                host,
                jni_str!("put"),
                jni_sig!("(Ljava/lang/String;Ljava/lang/String;)V"),
                &[JValue::Object(&key), JValue::Object(&value)],
            )?;
            Ok(())
        })
    }

    fn remove(&mut self, key: &str) -> Result<(), StorageError> {
        self.call("remove", |env, host| {
            let key = JString::from_str(env, key)?;
            env.call_method(
                host,
                jni_str!("remove"),
                jni_sig!("(Ljava/lang/String;)V"),
                &[JValue::Object(&key)],
            )?;
            Ok(())
        })
    }

    // The engine calls these around every read-modify-write. HostStorage declares both as
    // default no-ops, so a host that needs no locking implements neither; a host whose
    // lock throws (a cluster lock timing out) stops the write before anything is stored.
    fn lock(&mut self, name: &str) -> Result<(), StorageError> {
        self.call("lock", |env, host| {
            let name = JString::from_str(env, name)?;
            env.call_method(
                host,
                jni_str!("lock"),
                jni_sig!("(Ljava/lang/String;)V"),
                &[JValue::Object(&name)],
            )?;
            Ok(())
        })
    }

    fn unlock(&mut self, name: &str) -> Result<(), StorageError> {
        self.call("unlock", |env, host| {
            let name = JString::from_str(env, name)?;
            env.call_method(
                host,
                jni_str!("unlock"),
                jni_sig!("(Ljava/lang/String;)V"),
                &[JValue::Object(&name)],
            )?;
            Ok(())
        })
    }
}
