//! Tests of the panic boundary and of the error mapping, in a JVM started by the test.
//!
//! The engine offers no input that makes it panic, and a test-only export must not ship in
//! the library, so the boundary is driven here directly: [`bridge::run`] gets a real
//! `JNIEnv` and bodies that panic or fail with each core error, and the test reads back the
//! exception left pending. The API's exception classes are compiled from
//! `java-bridge/api/src/main/java` with `javac` into `target/<profile>/capacity-jni-test-classes`, so this needs a
//! JDK (JAVA_HOME, or `javac` and `java` on PATH) and nothing built by Maven.

use std::path::PathBuf;
use std::process::Command;
use std::sync::OnceLock;

use capacity_core::Error;
use jni::objects::{JObject, JString};
use jni::sys::jlong;
use jni::vm::{InitArgsBuilder, JavaVM};
use jni::{jni_sig, jni_str, Env, EnvUnowned, JValue};

use crate::bridge::{self, BridgeError};

fn jvm() -> &'static JavaVM {
    static JVM: OnceLock<JavaVM> = OnceLock::new();
    JVM.get_or_init(|| {
        let classes = compile_api_classes();
        let args = InitArgsBuilder::new()
            .option(format!("-Djava.class.path={}", classes.display()))
            .option("-Xcheck:jni")
            .build()
            .expect("JVM options");
        JavaVM::new(args)
            .expect("start a JVM (is a JDK installed, with JAVA_HOME or java on PATH?)")
    })
}

fn compile_api_classes() -> PathBuf {
    let sources = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../api/src/main/java/org/capacitytracker/api");
    // Beside the test binary (target/<profile>/), so repeated runs reuse one directory.
    let exe = std::env::current_exe().unwrap();
    let profile_dir = exe.parent().and_then(|deps| deps.parent()).unwrap();
    let out = profile_dir.join("capacity-jni-test-classes");
    std::fs::create_dir_all(&out).unwrap();
    let mut files: Vec<PathBuf> = std::fs::read_dir(&sources)
        .unwrap_or_else(|e| panic!("{}: {e}", sources.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "java"))
        .collect();
    files.sort();
    let javac = std::env::var_os("JAVA_HOME")
        .map(|home| PathBuf::from(home).join("bin/javac"))
        .filter(|p| p.exists())
        .unwrap_or_else(|| PathBuf::from("javac"));
    let status = Command::new(&javac)
        .arg("-d")
        .arg(&out)
        .args(&files)
        .status()
        .expect("run javac");
    assert!(status.success(), "javac failed");
    out
}

/// What the boundary left pending, read back through the exception's own accessors.
#[derive(Debug)]
struct Thrown {
    class: String,
    code: i32,
    message: String,
    field: Option<String>,
    revision: Option<i64>,
    cause_class: Option<String>,
}

/// Runs `body` through [`bridge::run`] as an export would, and returns the exception it left.
fn throw_through_bridge<F>(body: F) -> Thrown
where
    F: for<'a> FnOnce(&mut Env<'a>) -> Result<jlong, BridgeError>,
{
    jvm()
        .attach_current_thread(|env| -> jni::errors::Result<Thrown> {
            // SAFETY: the pointer is this thread's live attachment, used only within this
            // closure, exactly as the JVM would hand it to a native method.
            let mut unowned = unsafe { EnvUnowned::from_raw(env.get_raw()) };
            let returned: jlong = bridge::run(&mut unowned, body);
            assert_eq!(returned, 0, "a failed call returns the default value");
            let thrown = env.exception_occurred().expect("an exception is pending");
            env.exception_clear();
            read_thrown(env, &thrown.into())
        })
        .expect("JNI")
}

fn read_thrown(env: &mut Env<'_>, thrown: &JObject<'_>) -> jni::errors::Result<Thrown> {
    let class = class_name(env, thrown)?;
    let is_capacity = class.starts_with("org.capacitytracker.api.Capacity");
    let code = if is_capacity {
        env.call_method(thrown, jni_str!("code"), jni_sig!("()I"), &[])?
            .i()?
    } else {
        -1
    };
    let message = string_call(env, thrown, "getMessage")?.unwrap_or_default();
    let field = if class.ends_with("ValidationException") || class.ends_with("TooLargeException") {
        string_call(env, thrown, "field")?
    } else {
        None
    };
    let revision = if class.ends_with("ConflictException") {
        Some(
            env.call_method(thrown, jni_str!("currentRevision"), jni_sig!("()J"), &[])?
                .j()?,
        )
    } else {
        None
    };
    let cause = env
        .call_method(
            thrown,
            jni_str!("getCause"),
            jni_sig!("()Ljava/lang/Throwable;"),
            &[],
        )?
        .l()?;
    let cause_class = if cause.is_null() {
        None
    } else {
        Some(class_name(env, &cause)?)
    };
    Ok(Thrown {
        class,
        code,
        message,
        field,
        revision,
        cause_class,
    })
}

fn class_name(env: &mut Env<'_>, obj: &JObject<'_>) -> jni::errors::Result<String> {
    let class = env.get_object_class(obj)?;
    let name = env
        .call_method(
            &class,
            jni_str!("getName"),
            jni_sig!("()Ljava/lang/String;"),
            &[],
        )?
        .l()?;
    env.cast_local::<JString>(name)?.try_to_string(env)
}

fn string_call(
    env: &mut Env<'_>,
    obj: &JObject<'_>,
    method: &str,
) -> jni::errors::Result<Option<String>> {
    let name = jni::strings::JNIString::new(method);
    let value = env
        .call_method(obj, &name, jni_sig!("()Ljava/lang/String;"), &[])?
        .l()?;
    if value.is_null() {
        return Ok(None);
    }
    Ok(Some(env.cast_local::<JString>(value)?.try_to_string(env)?))
}

#[test]
fn a_panic_becomes_a_capacity_native_exception() {
    let t = throw_through_bridge(|_env| -> Result<jlong, BridgeError> {
        panic!("index 7 out of range")
    });
    assert_eq!(t.class, "org.capacitytracker.api.CapacityNativeException");
    assert_eq!(t.code, 5);
    assert_eq!(t.message, "internal error: index 7 out of range");
}

#[test]
fn a_formatted_panic_keeps_its_message() {
    let t =
        throw_through_bridge(|_env| -> Result<jlong, BridgeError> { panic!("bad state {}", 42) });
    assert_eq!(t.code, 5);
    assert_eq!(t.message, "internal error: bad state 42");
}

#[test]
fn validation_names_the_field() {
    let t = throw_through_bridge(|_env| {
        Err(Error::validation(
            "members[3].dailyCapacity",
            "must be between 0 and 24 hours, got 25",
        )
        .into())
    });
    assert_eq!(
        t.class,
        "org.capacitytracker.api.CapacityValidationException"
    );
    assert_eq!(t.code, 1);
    assert_eq!(t.field.as_deref(), Some("members[3].dailyCapacity"));
    assert_eq!(
        t.message,
        "members[3].dailyCapacity: must be between 0 and 24 hours, got 25"
    );
}

#[test]
fn validation_of_the_whole_input_has_no_field() {
    let t =
        throw_through_bridge(|_env| Err(Error::validation("", "expected a JSON object").into()));
    assert_eq!(
        t.class,
        "org.capacitytracker.api.CapacityValidationException"
    );
    assert_eq!(t.field, None);
}

#[test]
fn conflict_carries_the_current_revision() {
    let t = throw_through_bridge(|_env| {
        Err(Error::Conflict {
            key: "org.capacitytracker:board:1".into(),
            current_revision: 9,
            given_revision: 4,
        }
        .into())
    });
    assert_eq!(t.class, "org.capacitytracker.api.CapacityConflictException");
    assert_eq!(t.code, 2);
    assert_eq!(t.revision, Some(9));
}

#[test]
fn too_large_names_its_field() {
    let t = throw_through_bridge(|_env| {
        Err(Error::TooLarge {
            field: "members".into(),
            message: "too long".into(),
        }
        .into())
    });
    assert_eq!(t.class, "org.capacitytracker.api.CapacityTooLargeException");
    assert_eq!(t.code, 4);
    assert_eq!(t.field.as_deref(), Some("members"));
}

#[test]
fn storage_keeps_the_host_exception_as_cause() {
    let t = throw_through_bridge(|env| {
        let message = JString::from_str(env, "disk full")?;
        let host_exception = env.new_object(
            jni_str!("java/lang/IllegalStateException"),
            jni_sig!("(Ljava/lang/String;)V"),
            &[JValue::Object(&message)],
        )?;
        let host_exception = env.cast_local::<jni::objects::JThrowable>(host_exception)?;
        let cause = Some(env.new_global_ref(&host_exception)?);
        Err(BridgeError::Core {
            error: Error::Storage {
                message: "HostStorage.put threw it".into(),
            },
            cause,
        })
    });
    assert_eq!(t.class, "org.capacitytracker.api.CapacityStorageException");
    assert_eq!(t.code, 3);
    assert_eq!(t.message, "storage: HostStorage.put threw it");
    assert_eq!(
        t.cause_class.as_deref(),
        Some("java.lang.IllegalStateException")
    );
}

#[test]
fn invalid_argument_has_code_6() {
    let t = throw_through_bridge(|_env| {
        Err(Error::invalid_argument("boardId: must not be null").into())
    });
    assert_eq!(t.class, "org.capacitytracker.api.CapacityNativeException");
    assert_eq!(t.code, 6);
    assert_eq!(t.message, "boardId: must not be null");
}

#[test]
fn a_pending_java_exception_never_escapes_raw() {
    let t = throw_through_bridge(|env| {
        let thrown = env.throw_new(
            jni_str!("java/lang/ArithmeticException"),
            jni_str!("/ by zero"),
        );
        Err(thrown
            .expect_err("throw_new reports the exception it threw")
            .into())
    });
    assert_eq!(t.class, "org.capacitytracker.api.CapacityNativeException");
    assert_eq!(t.code, 5);
    assert!(
        t.message.starts_with("internal error: JNI call failed"),
        "{}",
        t.message
    );
    assert_eq!(
        t.cause_class.as_deref(),
        Some("java.lang.ArithmeticException")
    );
}

#[test]
fn a_panic_with_a_java_exception_pending_keeps_it_as_cause() {
    let t = throw_through_bridge(|env| -> Result<jlong, BridgeError> {
        let _ = env.throw_new(
            jni_str!("java/lang/IllegalStateException"),
            jni_str!("half done"),
        );
        panic!("gave up")
    });
    assert_eq!(t.class, "org.capacitytracker.api.CapacityNativeException");
    assert_eq!(t.message, "internal error: gave up");
    assert_eq!(
        t.cause_class.as_deref(),
        Some("java.lang.IllegalStateException")
    );
}

#[test]
fn success_leaves_nothing_pending() {
    jvm()
        .attach_current_thread(|env| -> jni::errors::Result<()> {
            // SAFETY: as in `throw_through_bridge`.
            let mut unowned = unsafe { EnvUnowned::from_raw(env.get_raw()) };
            let value: jlong = bridge::run(&mut unowned, |_env| Ok(41 + 1));
            assert_eq!(value, 42);
            assert!(!env.exception_check());
            Ok(())
        })
        .unwrap();
}
