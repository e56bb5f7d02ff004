//! The native methods of `org.capacitytracker.api.Native`, one function each.
//!
//! Engine handles are `Box<Engine>` pointers owned by the Java `CapacityEngine`, which
//! frees each exactly once and never passes a freed one (its lock makes `engineFree` wait
//! for calls in progress). A zero handle is refused rather than trusted.

use capacity_core::{Engine, Error, Storage};
use jni::objects::{JClass, JObject, JString};
use jni::sys::{jint, jlong};
use jni::{jni_mangle, Env, EnvUnowned};

use crate::bridge::{self, BridgeError};
use crate::storage::JavaStorage;

#[jni_mangle("org.capacitytracker.api.Native", "version")]
pub fn version<'local>(mut env: EnvUnowned<'local>, _class: JClass<'local>) -> JString<'local> {
    bridge::run(&mut env, |env| {
        Ok(JString::from_str(env, capacity_core::version())?)
    })
}

#[jni_mangle("org.capacitytracker.api.Native", "engineNew")]
pub fn engine_new<'local>(mut env: EnvUnowned<'local>, _class: JClass<'local>) -> jlong {
    bridge::run(&mut env, |_env| {
        Ok(Box::into_raw(Box::new(Engine::new())) as jlong)
    })
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

#[jni_mangle("org.capacitytracker.api.Native", "engineSetThreads")]
pub fn engine_set_threads<'local>(mut env: EnvUnowned<'local>, _class: JClass<'local>, engine: jlong, threads: jint) {
    bridge::run(&mut env, |_env| {
        let threads = usize::try_from(threads).map_err(|_| Error::invalid_argument(format!("threads must be 1 or 2, got {threads}")))?;
        Ok(engine_ref(engine)?.set_threads(threads)?)
    })
}

// Board settings, days off and the iteration report.

#[jni_mangle("org.capacitytracker.api.Native", "engineGetBoardSettings")]
pub fn engine_get_board_settings<'local>(
    mut env: EnvUnowned<'local>,
    _class: JClass<'local>,
    engine: jlong,
    storage: JObject<'local>,
    board_id: JString<'local>,
) -> JString<'local> {
    bridge::run(&mut env, |env| {
        let board_id = string_arg(env, &board_id, "boardId")?;
        json_call(env, engine, &storage, |e, s| {
            e.get_board_settings(s, &board_id)
        })
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
        let board_id = string_arg(env, &board_id, "boardId")?;
        let settings_json = string_arg(env, &settings_json, "settingsJson")?;
        json_call(env, engine, &storage, |e, s| {
            e.put_board_settings(s, &board_id, &settings_json)
        })
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
        let account_key = string_arg(env, &account_key, "accountKey")?;
        json_call(env, engine, &storage, |e, s| {
            e.get_days_off(s, &account_key)
        })
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
        let account_key = string_arg(env, &account_key, "accountKey")?;
        let days_off_json = string_arg(env, &days_off_json, "daysOffJson")?;
        json_call(env, engine, &storage, |e, s| {
            e.put_days_off(s, &account_key, &days_off_json)
        })
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
        let request_json = string_arg(env, &request_json, "requestJson")?;
        json_call(env, engine, &storage, |e, s| {
            e.iteration_report(s, &request_json)
        })
    })
}

// Shared documents: iteration teams, templates, holiday calendars, report definitions,
// permissions.

#[jni_mangle("org.capacitytracker.api.Native", "engineGetIterationTeam")]
pub fn engine_get_iteration_team<'local>(
    mut env: EnvUnowned<'local>,
    _class: JClass<'local>,
    engine: jlong,
    storage: JObject<'local>,
    board_id: JString<'local>,
    iteration_id: JString<'local>,
) -> JString<'local> {
    bridge::run(&mut env, |env| {
        let board_id = string_arg(env, &board_id, "boardId")?;
        let iteration_id = string_arg(env, &iteration_id, "iterationId")?;
        json_call(env, engine, &storage, |e, s| {
            e.get_iteration_team(s, &board_id, &iteration_id)
        })
    })
}

#[jni_mangle("org.capacitytracker.api.Native", "enginePutIterationTeam")]
pub fn engine_put_iteration_team<'local>(
    mut env: EnvUnowned<'local>,
    _class: JClass<'local>,
    engine: jlong,
    storage: JObject<'local>,
    board_id: JString<'local>,
    iteration_id: JString<'local>,
    team_json: JString<'local>,
) -> JString<'local> {
    bridge::run(&mut env, |env| {
        let board_id = string_arg(env, &board_id, "boardId")?;
        let iteration_id = string_arg(env, &iteration_id, "iterationId")?;
        let team_json = string_arg(env, &team_json, "teamJson")?;
        json_call(env, engine, &storage, |e, s| {
            e.put_iteration_team(s, &board_id, &iteration_id, &team_json)
        })
    })
}

#[jni_mangle("org.capacitytracker.api.Native", "engineCopyIterationTeam")]
pub fn engine_copy_iteration_team<'local>(
    mut env: EnvUnowned<'local>,
    _class: JClass<'local>,
    engine: jlong,
    storage: JObject<'local>,
    request_json: JString<'local>,
) -> JString<'local> {
    bridge::run(&mut env, |env| {
        let request_json = string_arg(env, &request_json, "requestJson")?;
        json_call(env, engine, &storage, |e, s| {
            e.copy_iteration_team(s, &request_json)
        })
    })
}

#[jni_mangle("org.capacitytracker.api.Native", "engineGetTemplate")]
pub fn engine_get_template<'local>(
    mut env: EnvUnowned<'local>,
    _class: JClass<'local>,
    engine: jlong,
    storage: JObject<'local>,
    template_id: JString<'local>,
) -> JString<'local> {
    bridge::run(&mut env, |env| {
        let template_id = string_arg(env, &template_id, "templateId")?;
        json_call(env, engine, &storage, |e, s| {
            e.get_template(s, &template_id)
        })
    })
}

#[jni_mangle("org.capacitytracker.api.Native", "enginePutTemplate")]
pub fn engine_put_template<'local>(
    mut env: EnvUnowned<'local>,
    _class: JClass<'local>,
    engine: jlong,
    storage: JObject<'local>,
    template_id: JString<'local>,
    template_json: JString<'local>,
) -> JString<'local> {
    bridge::run(&mut env, |env| {
        let template_id = string_arg(env, &template_id, "templateId")?;
        let template_json = string_arg(env, &template_json, "templateJson")?;
        json_call(env, engine, &storage, |e, s| {
            e.put_template(s, &template_id, &template_json)
        })
    })
}

#[jni_mangle("org.capacitytracker.api.Native", "engineRemoveTemplate")]
pub fn engine_remove_template<'local>(
    mut env: EnvUnowned<'local>,
    _class: JClass<'local>,
    engine: jlong,
    storage: JObject<'local>,
    template_id: JString<'local>,
) {
    bridge::run(&mut env, |env| {
        let template_id = string_arg(env, &template_id, "templateId")?;
        unit_call(env, engine, &storage, |e, s| {
            e.remove_template(s, &template_id)
        })
    })
}

#[jni_mangle("org.capacitytracker.api.Native", "engineListTemplates")]
pub fn engine_list_templates<'local>(
    mut env: EnvUnowned<'local>,
    _class: JClass<'local>,
    engine: jlong,
    storage: JObject<'local>,
) -> JString<'local> {
    bridge::run(&mut env, |env| {
        json_call(env, engine, &storage, |e, s| e.list_templates(s))
    })
}

#[jni_mangle("org.capacitytracker.api.Native", "engineApplyTemplate")]
pub fn engine_apply_template<'local>(
    mut env: EnvUnowned<'local>,
    _class: JClass<'local>,
    engine: jlong,
    storage: JObject<'local>,
    request_json: JString<'local>,
) -> JString<'local> {
    bridge::run(&mut env, |env| {
        let request_json = string_arg(env, &request_json, "requestJson")?;
        json_call(env, engine, &storage, |e, s| {
            e.apply_template(s, &request_json)
        })
    })
}

#[jni_mangle("org.capacitytracker.api.Native", "engineGetCalendar")]
pub fn engine_get_calendar<'local>(
    mut env: EnvUnowned<'local>,
    _class: JClass<'local>,
    engine: jlong,
    storage: JObject<'local>,
    calendar_id: JString<'local>,
) -> JString<'local> {
    bridge::run(&mut env, |env| {
        let calendar_id = string_arg(env, &calendar_id, "calendarId")?;
        json_call(env, engine, &storage, |e, s| {
            e.get_calendar(s, &calendar_id)
        })
    })
}

#[jni_mangle("org.capacitytracker.api.Native", "enginePutCalendar")]
pub fn engine_put_calendar<'local>(
    mut env: EnvUnowned<'local>,
    _class: JClass<'local>,
    engine: jlong,
    storage: JObject<'local>,
    calendar_id: JString<'local>,
    calendar_json: JString<'local>,
) -> JString<'local> {
    bridge::run(&mut env, |env| {
        let calendar_id = string_arg(env, &calendar_id, "calendarId")?;
        let calendar_json = string_arg(env, &calendar_json, "calendarJson")?;
        json_call(env, engine, &storage, |e, s| {
            e.put_calendar(s, &calendar_id, &calendar_json)
        })
    })
}

#[jni_mangle("org.capacitytracker.api.Native", "engineRemoveCalendar")]
pub fn engine_remove_calendar<'local>(
    mut env: EnvUnowned<'local>,
    _class: JClass<'local>,
    engine: jlong,
    storage: JObject<'local>,
    calendar_id: JString<'local>,
) {
    bridge::run(&mut env, |env| {
        let calendar_id = string_arg(env, &calendar_id, "calendarId")?;
        unit_call(env, engine, &storage, |e, s| {
            e.remove_calendar(s, &calendar_id)
        })
    })
}

#[jni_mangle("org.capacitytracker.api.Native", "engineListCalendars")]
pub fn engine_list_calendars<'local>(
    mut env: EnvUnowned<'local>,
    _class: JClass<'local>,
    engine: jlong,
    storage: JObject<'local>,
) -> JString<'local> {
    bridge::run(&mut env, |env| {
        json_call(env, engine, &storage, |e, s| e.list_calendars(s))
    })
}

#[jni_mangle("org.capacitytracker.api.Native", "engineGetReportDefinition")]
pub fn engine_get_report_definition<'local>(
    mut env: EnvUnowned<'local>,
    _class: JClass<'local>,
    engine: jlong,
    storage: JObject<'local>,
    report_id: JString<'local>,
) -> JString<'local> {
    bridge::run(&mut env, |env| {
        let report_id = string_arg(env, &report_id, "reportId")?;
        json_call(env, engine, &storage, |e, s| {
            e.get_report_definition(s, &report_id)
        })
    })
}

#[jni_mangle("org.capacitytracker.api.Native", "enginePutReportDefinition")]
pub fn engine_put_report_definition<'local>(
    mut env: EnvUnowned<'local>,
    _class: JClass<'local>,
    engine: jlong,
    storage: JObject<'local>,
    report_id: JString<'local>,
    definition_json: JString<'local>,
) -> JString<'local> {
    bridge::run(&mut env, |env| {
        let report_id = string_arg(env, &report_id, "reportId")?;
        let definition_json = string_arg(env, &definition_json, "definitionJson")?;
        json_call(env, engine, &storage, |e, s| {
            e.put_report_definition(s, &report_id, &definition_json)
        })
    })
}

#[jni_mangle("org.capacitytracker.api.Native", "engineRemoveReportDefinition")]
pub fn engine_remove_report_definition<'local>(
    mut env: EnvUnowned<'local>,
    _class: JClass<'local>,
    engine: jlong,
    storage: JObject<'local>,
    report_id: JString<'local>,
) {
    bridge::run(&mut env, |env| {
        let report_id = string_arg(env, &report_id, "reportId")?;
        unit_call(env, engine, &storage, |e, s| {
            e.remove_report_definition(s, &report_id)
        })
    })
}

#[jni_mangle("org.capacitytracker.api.Native", "engineListReportDefinitions")]
pub fn engine_list_report_definitions<'local>(
    mut env: EnvUnowned<'local>,
    _class: JClass<'local>,
    engine: jlong,
    storage: JObject<'local>,
) -> JString<'local> {
    bridge::run(&mut env, |env| {
        json_call(env, engine, &storage, |e, s| e.list_report_definitions(s))
    })
}

// Reports across boards.

#[jni_mangle("org.capacitytracker.api.Native", "engineMultiProjectReport")]
pub fn engine_multi_project_report<'local>(
    mut env: EnvUnowned<'local>,
    _class: JClass<'local>,
    engine: jlong,
    storage: JObject<'local>,
    request_json: JString<'local>,
) -> JString<'local> {
    bridge::run(&mut env, |env| {
        let request_json = string_arg(env, &request_json, "requestJson")?;
        json_call(env, engine, &storage, |e, s| {
            e.multi_project_report(s, &request_json)
        })
    })
}

#[jni_mangle("org.capacitytracker.api.Native", "engineGetPermissions")]
pub fn engine_get_permissions<'local>(
    mut env: EnvUnowned<'local>,
    _class: JClass<'local>,
    engine: jlong,
    storage: JObject<'local>,
) -> JString<'local> {
    bridge::run(&mut env, |env| {
        json_call(env, engine, &storage, |e, s| e.get_permissions(s))
    })
}

#[jni_mangle("org.capacitytracker.api.Native", "enginePutPermissions")]
pub fn engine_put_permissions<'local>(
    mut env: EnvUnowned<'local>,
    _class: JClass<'local>,
    engine: jlong,
    storage: JObject<'local>,
    permissions_json: JString<'local>,
) -> JString<'local> {
    bridge::run(&mut env, |env| {
        let permissions_json = string_arg(env, &permissions_json, "permissionsJson")?;
        json_call(env, engine, &storage, |e, s| {
            e.put_permissions(s, &permissions_json)
        })
    })
}

#[jni_mangle("org.capacitytracker.api.Native", "engineCheckAccess")]
pub fn engine_check_access<'local>(
    mut env: EnvUnowned<'local>,
    _class: JClass<'local>,
    engine: jlong,
    storage: JObject<'local>,
    query_json: JString<'local>,
) -> JString<'local> {
    bridge::run(&mut env, |env| {
        let query_json = string_arg(env, &query_json, "queryJson")?;
        json_call(env, engine, &storage, |e, s| e.check_access(s, &query_json))
    })
}

// Privacy and backup.

#[jni_mangle("org.capacitytracker.api.Native", "engineExportUser")]
pub fn engine_export_user<'local>(
    mut env: EnvUnowned<'local>,
    _class: JClass<'local>,
    engine: jlong,
    storage: JObject<'local>,
    account_key: JString<'local>,
) -> JString<'local> {
    bridge::run(&mut env, |env| {
        let account_key = string_arg(env, &account_key, "accountKey")?;
        json_call(env, engine, &storage, |e, s| e.export_user(s, &account_key))
    })
}

#[jni_mangle("org.capacitytracker.api.Native", "engineForgetUser")]
pub fn engine_forget_user<'local>(
    mut env: EnvUnowned<'local>,
    _class: JClass<'local>,
    engine: jlong,
    storage: JObject<'local>,
    account_key: JString<'local>,
) -> JString<'local> {
    bridge::run(&mut env, |env| {
        let account_key = string_arg(env, &account_key, "accountKey")?;
        json_call(env, engine, &storage, |e, s| e.forget_user(s, &account_key))
    })
}

#[jni_mangle("org.capacitytracker.api.Native", "engineDataInventory")]
pub fn engine_data_inventory<'local>(
    mut env: EnvUnowned<'local>,
    _class: JClass<'local>,
    engine: jlong,
    storage: JObject<'local>,
) -> JString<'local> {
    bridge::run(&mut env, |env| {
        json_call(env, engine, &storage, |e, s| e.data_inventory(s))
    })
}

#[jni_mangle("org.capacitytracker.api.Native", "engineExportAll")]
pub fn engine_export_all<'local>(
    mut env: EnvUnowned<'local>,
    _class: JClass<'local>,
    engine: jlong,
    storage: JObject<'local>,
) -> JString<'local> {
    bridge::run(&mut env, |env| {
        json_call(env, engine, &storage, |e, s| e.export_all(s))
    })
}

#[jni_mangle("org.capacitytracker.api.Native", "engineImportAll")]
pub fn engine_import_all<'local>(
    mut env: EnvUnowned<'local>,
    _class: JClass<'local>,
    engine: jlong,
    storage: JObject<'local>,
    request_json: JString<'local>,
) -> JString<'local> {
    bridge::run(&mut env, |env| {
        let request_json = string_arg(env, &request_json, "requestJson")?;
        json_call(env, engine, &storage, |e, s| e.import_all(s, &request_json))
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

/// A string argument as UTF-8. Java strings may hold lone surrogates, which UTF-8 cannot;
/// such a string is decoded lossily (U+FFFD) rather than refused here, and the engine then
/// judges the text it got.
fn string_arg(env: &Env<'_>, s: &JString<'_>, name: &str) -> Result<String, BridgeError> {
    if s.is_null() {
        return Err(Error::invalid_argument(format!("{name}: must not be null")).into());
    }
    Ok(s.try_to_string(env)?)
}

/// Runs an engine operation that answers JSON, over the caller's HostStorage.
fn json_call<'local>(
    env: &mut Env<'local>,
    engine: jlong,
    host: &JObject<'local>,
    operation: impl FnOnce(&Engine, &mut dyn Storage) -> capacity_core::Result<String>,
) -> Result<JString<'local>, BridgeError> {
    let json = with_storage(env, engine, host, operation)?;
    Ok(JString::from_str(env, json)?)
}

/// Runs an engine operation that answers nothing (a removal), over the caller's HostStorage.
fn unit_call<'local>(
    env: &mut Env<'local>,
    engine: jlong,
    host: &JObject<'local>,
    operation: impl FnOnce(&Engine, &mut dyn Storage) -> capacity_core::Result<()>,
) -> Result<(), BridgeError> {
    with_storage(env, engine, host, operation)
}

/// Runs an engine operation over the caller's HostStorage, attaching the exception the host
/// threw (if any) to the storage error it caused.
fn with_storage<'local, T>(
    env: &mut Env<'local>,
    engine: jlong,
    host: &JObject<'local>,
    operation: impl FnOnce(&Engine, &mut dyn Storage) -> capacity_core::Result<T>,
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
