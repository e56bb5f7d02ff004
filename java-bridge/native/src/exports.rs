//! The native methods of `org.capacitytracker.api.Native`, one function each.
//!
//! Engine handles are `Box<Engine>` pointers owned by the Java `CapacityEngine`, which
//! frees each exactly once and never passes a freed one (its lock makes `engineFree` wait
//! for calls in progress). A zero handle is refused rather than trusted.

use capacity_core::{Engine, Error, Storage};
use jni::objects::{JClass, JObject, JString};
use jni::sys::jlong;
use jni::{jni_mangle, Env, EnvUnowned};

use crate::bridge::{self, BridgeError};
use crate::storage::JavaStorage;

#[jni_mangle("org.capacitytracker.api.Native", "version")]
pub fn version<'local>(mut env: EnvUnowned<'local>, _class: JClass<'local>) -> JString<'local> {
    bridge::run(&mut env, |env| Ok(JString::from_str(env, capacity_core::version())?))
}

#[jni_mangle("org.capacitytracker.api.Native", "engineNew")]
pub fn engine_new<'local>(mut env: EnvUnowned<'local>, _class: JClass<'local>) -> jlong {
    bridge::run(&mut env, |_env| Ok(Box::into_raw(Box::new(Engine::new())) as jlong))
}

#[jni_mangle("org.capacitytracker.api.Native", "engineFree")]
pub fn engine_free<'local>(mut env: EnvUnowned<'local>, _class: JClass<'local>, engine: jlong) {
    bridge::run(&mut env, |_env| {
        if engine != 0 {
            // SAFETY: a non-zero handle came from `engine_new`, and CapacityEngine frees it
            // once, after every call that used it has returned.
            drop(unsafe { Box::from_raw(engine as *mut Engine) });
        }
        Ok(())
    })
}

#[jni_mangle("org.capacitytracker.api.Native", "engineGetBoardSettings")]
pub fn engine_get_board_settings<'local>(
    mut env: EnvUnowned<'local>,
    _class: JClass<'local>,
    engine: jlong,
    storage: JObject<'local>,
    board_id: JString<'local>,
) -> JString<'local> {
    bridge::run(&mut env, |env| {
        let engine = engine_ref(engine)?;
        let board_id = string_arg(env, &board_id, "boardId")?;
        let json = with_storage(env, &storage, |s| engine.get_board_settings(s, &board_id))?;
        Ok(JString::from_str(env, json)?)
    })
}

#[jni_mangle("org.capacitytracker.api.Native", "enginePutBoardSettings")]
pub fn engine_put_board_settings<'local>(
    mut env: EnvUnowned<'local>,
    _class: JClass<'local>,
    engine: jlong,
    storage: JObject<'local>,
    board_id: JString<'local>,
    settings_json: JString<'local>,
) -> JString<'local> {
    bridge::run(&mut env, |env| {
        let engine = engine_ref(engine)?;
        let board_id = string_arg(env, &board_id, "boardId")?;
        let settings = string_arg(env, &settings_json, "settingsJson")?;
        let json =
            with_storage(env, &storage, |s| engine.put_board_settings(s, &board_id, &settings))?;
        Ok(JString::from_str(env, json)?)
    })
}

#[jni_mangle("org.capacitytracker.api.Native", "engineGetDaysOff")]
pub fn engine_get_days_off<'local>(
    mut env: EnvUnowned<'local>,
    _class: JClass<'local>,
    engine: jlong,
    storage: JObject<'local>,
    account_key: JString<'local>,
) -> JString<'local> {
    bridge::run(&mut env, |env| {
        let engine = engine_ref(engine)?;
        let account_key = string_arg(env, &account_key, "accountKey")?;
        let json = with_storage(env, &storage, |s| engine.get_days_off(s, &account_key))?;
        Ok(JString::from_str(env, json)?)
    })
}

#[jni_mangle("org.capacitytracker.api.Native", "enginePutDaysOff")]
pub fn engine_put_days_off<'local>(
    mut env: EnvUnowned<'local>,
    _class: JClass<'local>,
    engine: jlong,
    storage: JObject<'local>,
    account_key: JString<'local>,
    days_off_json: JString<'local>,
) -> JString<'local> {
    bridge::run(&mut env, |env| {
        let engine = engine_ref(engine)?;
        let account_key = string_arg(env, &account_key, "accountKey")?;
        let days_off = string_arg(env, &days_off_json, "daysOffJson")?;
        let json =
            with_storage(env, &storage, |s| engine.put_days_off(s, &account_key, &days_off))?;
        Ok(JString::from_str(env, json)?)
    })
}

#[jni_mangle("org.capacitytracker.api.Native", "engineIterationReport")]
pub fn engine_iteration_report<'local>(
    mut env: EnvUnowned<'local>,
    _class: JClass<'local>,
    engine: jlong,
    storage: JObject<'local>,
    request_json: JString<'local>,
) -> JString<'local> {
    bridge::run(&mut env, |env| {
        let engine = engine_ref(engine)?;
        let request = string_arg(env, &request_json, "requestJson")?;
        let json = with_storage(env, &storage, |s| engine.iteration_report(s, &request))?;
        Ok(JString::from_str(env, json)?)
    })
}

/// The engine behind a live handle.
fn engine_ref(handle: jlong) -> Result<&'static Engine, BridgeError> {
    if handle == 0 {
        return Err(Error::invalid_argument("engine: the handle is 0 (engine closed)").into());
    }
    // SAFETY: non-zero handles come from `engine_new` and stay valid until `engine_free`,
    // which CapacityEngine only calls once no call holds the handle (see module docs).
    Ok(unsafe { &*(handle as *const Engine) })
}

/// A string argument as UTF-8 (Java strings are UTF-16; unpaired surrogates become U+FFFD).
fn string_arg(env: &Env<'_>, s: &JString<'_>, name: &str) -> Result<String, BridgeError> {
    if s.is_null() {
        return Err(Error::invalid_argument(format!("{name}: must not be null")).into());
    }
    Ok(s.try_to_string(env)?)
}

/// Runs an engine operation over the caller's HostStorage, attaching the exception the host
/// threw (if any) to the storage error it caused.
fn with_storage<'local>(
    env: &mut Env<'local>,
    host: &JObject<'local>,
    operation: impl FnOnce(&mut dyn Storage) -> capacity_core::Result<String>,
) -> Result<String, BridgeError> {
    if host.is_null() {
        return Err(Error::invalid_argument("storage: must not be null").into());
    }
    let mut storage = JavaStorage::new(env, host);
    match operation(&mut storage) {
        Ok(json) => Ok(json),
        Err(error) => {
            let cause = match error {
                Error::Storage { .. } => storage.take_exception(),
                _ => None,
            };
            Err(BridgeError::Core { error, cause })
        }
    }
}
