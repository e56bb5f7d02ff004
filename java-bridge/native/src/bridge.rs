//! The one place that decides how a failure reaches Java.
//!
//! Every export runs its body through [`run`]. A body fails with a [`BridgeError`]; the
//! [`ThrowCapacityException`] policy turns that (or a panic) into exactly one pending
//! `org.capacitytracker.api.Capacity*Exception` and returns a null/zero value, so the Java
//! side always sees either a result or one of its own exception types:
//!
//! | core error        | Java exception                | extra                          |
//! |-------------------|-------------------------------|--------------------------------|
//! | `Validation`      | `CapacityValidationException` | `field()` (null when empty)    |
//! | `Conflict`        | `CapacityConflictException`   | `currentRevision()`            |
//! | `Storage`         | `CapacityStorageException`    | cause: the HostStorage's throw |
//! | `TooLarge`        | `CapacityTooLargeException`   | `field()`                      |
//! | `Panic`, a panic  | `CapacityNativeException`     | code 5                         |
//! | `InvalidArgument` | `CapacityNativeException`     | code 6                         |
//! | `NotFound`        | `CapacityNotFoundException`   | `field()` (the id's field)     |
//! | a JNI failure     | `CapacityNativeException`     | cause: any pending exception   |

use std::any::Any;
use std::panic::{catch_unwind, AssertUnwindSafe};

use capacity_core::Error;
use jni::errors::ErrorPolicy;
use jni::objects::{JObject, JString, JThrowable};
use jni::refs::Global;
use jni::{jni_sig, jni_str, Env, EnvUnowned, JValue};

/// Why an export could not produce its result.
pub(crate) enum BridgeError {
    /// The engine reported an error. `cause` is the exception a `HostStorage` method threw,
    /// kept so Java sees it as the cause of the storage error it led to.
    Core {
        error: Error,
        cause: Option<Global<JThrowable<'static>>>,
    },
    /// A JNI call failed (out of memory, usually); a Java exception may be pending.
    Jni(jni::errors::Error),
}

impl From<jni::errors::Error> for BridgeError {
    fn from(e: jni::errors::Error) -> Self {
        BridgeError::Jni(e)
    }
}

impl From<Error> for BridgeError {
    fn from(error: Error) -> Self {
        BridgeError::Core { error, cause: None }
    }
}

/// Runs an export's body with the caller's `Env`, catching panics, and resolves any failure
/// into a pending Java exception plus `T::default()` (null or 0) as the return value.
pub(crate) fn run<'local, T, F>(env: &mut EnvUnowned<'local>, body: F) -> T
where
    T: Default,
    F: FnOnce(&mut Env<'local>) -> Result<T, BridgeError>,
{
    env.with_env(body).resolve::<ThrowCapacityException>()
}

/// The [`ErrorPolicy`] behind [`run`].
pub(crate) struct ThrowCapacityException;

impl<T: Default> ErrorPolicy<T, BridgeError> for ThrowCapacityException {
    type Captures<'unowned_env_local: 'native_method, 'native_method> = ();

    fn on_error<'unowned_env_local: 'native_method, 'native_method>(
        env: &mut Env<'unowned_env_local>,
        _captures: &mut (),
        err: BridgeError,
    ) -> jni::errors::Result<T> {
        // Whatever is pending now was not thrown for the caller to see (storage callbacks
        // clear their own): it becomes the cause of the exception we throw instead.
        let pending = take_pending(env);
        match err {
            BridgeError::Core { error, cause } => {
                let cause = cause.as_ref().map(|g| g.as_obj()).or(pending.as_ref());
                throw_error(env, &error, cause);
            }
            BridgeError::Jni(e) => {
                let error = Error::panic(format!("JNI call failed: {e}"));
                throw_error(env, &error, pending.as_ref());
            }
        }
        Ok(T::default())
    }

    fn on_panic<'unowned_env_local: 'native_method, 'native_method>(
        env: &mut Env<'unowned_env_local>,
        _captures: &mut (),
        payload: Box<dyn Any + Send + 'static>,
    ) -> jni::errors::Result<T> {
        let pending = take_pending(env);
        let error = Error::panic(panic_message(payload));
        throw_error(env, &error, pending.as_ref());
        Ok(T::default())
    }
}

/// Clears and returns the pending exception, if any, so JNI may be called again.
fn take_pending<'local>(env: &mut Env<'local>) -> Option<JObject<'local>> {
    let pending = env.exception_occurred()?;
    env.exception_clear();
    Some(pending.into())
}

/// The text of a panic, without dropping a payload whose destructor could panic again.
pub(crate) fn panic_message(payload: Box<dyn Any + Send + 'static>) -> String {
    if let Some(s) = payload.downcast_ref::<&'static str>() {
        return (*s).to_string();
    }
    if let Some(s) = payload.downcast_ref::<String>() {
        return s.clone();
    }
    if catch_unwind(AssertUnwindSafe(|| drop(payload))).is_err() {
        // The second payload is leaked on purpose: dropping it could panic a third time.
        return "panic with a non-string payload (whose drop panicked)".to_string();
    }
    "panic with a non-string payload".to_string()
}

/// Leaves exactly one exception pending for `error`. If building our own exception fails
/// (a missing class would mean a broken jar), a plain `java.lang.Error` carries the message
/// instead, so the caller never sees a null result without an exception.
pub(crate) fn throw_error(env: &mut Env<'_>, error: &Error, cause: Option<&JObject<'_>>) {
    let built = env.with_local_frame_returning_local::<_, JObject, jni::errors::Error>(16, |env| {
        new_exception(env, error, cause)
    });
    let thrown = match built {
        Ok(exception) => env
            .cast_local::<JThrowable>(exception)
            .and_then(|t| env.throw(&t)),
        Err(e) => Err(e),
    };
    match thrown {
        Err(jni::errors::Error::JavaException) if env.exception_check() => {}
        _ => {
            env.exception_clear();
            let text = format!("Capacity Tracker could not raise its own exception for: {error}");
            let text = jni::strings::JNIString::new(text);
            // Nothing else can be done if even this fails; the JVM then has an
            // OutOfMemoryError pending, which is what it would show the caller anyway.
            let _ = env.throw_new(jni_str!("java/lang/Error"), &text);
        }
    }
}

/// Constructs (without throwing) the Java exception for `error`.
fn new_exception<'local>(
    env: &mut Env<'local>,
    error: &Error,
    cause: Option<&JObject<'_>>,
) -> jni::errors::Result<JObject<'local>> {
    // Classes come from FindClass, which inside a native method resolves through the class
    // loader of `Native`: with two copies of the API loaded (plugin upgrade), each library
    // throws its own loader's exception classes.
    let message = JString::from_str(env, error.message())?;
    let null = JObject::null();
    let cause = cause.unwrap_or(&null);
    match error {
        Error::Validation { field, .. } => {
            let field = optional_string(env, field)?;
            let class = env.find_class(jni_str!(
                "org/capacitytracker/api/CapacityValidationException"
            ))?;
            env.new_object(
                &class,
                jni_sig!("(Ljava/lang/String;Ljava/lang/String;)V"),
                &[JValue::Object(&message), JValue::Object(&field)],
            )
        }
        Error::Conflict {
            current_revision, ..
        } => {
            let class = env.find_class(jni_str!(
                "org/capacitytracker/api/CapacityConflictException"
            ))?;
            let revision = i64::try_from(*current_revision).unwrap_or(i64::MAX);
            env.new_object(
                &class,
                jni_sig!("(Ljava/lang/String;J)V"),
                &[JValue::Object(&message), JValue::Long(revision)],
            )
        }
        Error::Storage { .. } => {
            let class =
                env.find_class(jni_str!("org/capacitytracker/api/CapacityStorageException"))?;
            env.new_object(
                &class,
                jni_sig!("(Ljava/lang/String;Ljava/lang/Throwable;)V"),
                &[JValue::Object(&message), JValue::Object(cause)],
            )
        }
        Error::TooLarge { field, .. } => {
            let field = optional_string(env, field)?;
            let class = env.find_class(jni_str!(
                "org/capacitytracker/api/CapacityTooLargeException"
            ))?;
            env.new_object(
                &class,
                jni_sig!("(Ljava/lang/String;Ljava/lang/String;)V"),
                &[JValue::Object(&message), JValue::Object(&field)],
            )
        }
        Error::NotFound { field, .. } => {
            let field = optional_string(env, field)?;
            let class = env.find_class(jni_str!(
                "org/capacitytracker/api/CapacityNotFoundException"
            ))?;
            env.new_object(
                &class,
                jni_sig!("(Ljava/lang/String;Ljava/lang/String;)V"),
                &[JValue::Object(&message), JValue::Object(&field)],
            )
        }
        Error::Panic { .. } => {
            let class =
                env.find_class(jni_str!("org/capacitytracker/api/CapacityNativeException"))?;
            env.new_object(
                &class,
                jni_sig!("(Ljava/lang/String;Ljava/lang/Throwable;)V"),
                &[JValue::Object(&message), JValue::Object(cause)],
            )
        }
        Error::InvalidArgument { .. } => {
            let class =
                env.find_class(jni_str!("org/capacitytracker/api/CapacityNativeException"))?;
            let code = capacity_core::ErrorCode::InvalidArgument as i32;
            env.new_object(
                &class,
                jni_sig!("(ILjava/lang/String;)V"),
                &[JValue::Int(code), JValue::Object(&message)],
            )
        }
    }
}

/// A Java string, or null for an empty field path (the input as a whole was wrong).
fn optional_string<'local>(env: &mut Env<'local>, s: &str) -> jni::errors::Result<JObject<'local>> {
    if s.is_empty() {
        Ok(JObject::null())
    } else {
        Ok(JString::from_str(env, s)?.into())
    }
}
