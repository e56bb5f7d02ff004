//! The in-memory host storage behind the `ct_storage` callbacks, the dispatcher over the
//! `ct_engine_*` exports, and the checks made after every call (see the crate docs).

use std::collections::BTreeMap;
use std::ffi::{c_char, c_void};
use std::ptr;

use capacity_ffi::*;
use serde_json::Value;

use crate::baseline::baseline;

/// The host's limits as docs/json-api.md states them (SAL `PluginSettings`), written out
/// here rather than taken from the core, so that a change there is caught, not followed.
pub(crate) const KEY_PREFIX: &str = "org.capacitytracker:";
const MAX_KEY_UNITS: usize = 100;
pub(crate) const MAX_VALUE_UNITS: usize = 99_000;
const INDEX_KEY: &str = "org.capacitytracker:index";

fn utf16_len(s: &str) -> usize {
    s.encode_utf16().count()
}

/// How an injected storage failure looks to the engine.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FaultKind {
    /// `CT_STORAGE_ERROR` after `ct_storage_reply_set_error`.
    ErrorWithMessage,
    /// `CT_STORAGE_ERROR` with no message.
    ErrorSilent,
    /// A status outside the `CT_STORAGE_*` constants.
    UnknownStatus,
    /// `get` only: `CT_STORAGE_OK` without a value (other callbacks: `ErrorSilent`).
    OkWithoutValue,
    /// `get` only: a value that is not UTF-8, refused by `ct_storage_reply_set_value`.
    InvalidValue,
}

impl FaultKind {
    pub fn from_byte(b: u8) -> FaultKind {
        match b % 5 {
            0 => FaultKind::ErrorWithMessage,
            1 => FaultKind::ErrorSilent,
            2 => FaultKind::UnknownStatus,
            3 => FaultKind::OkWithoutValue,
            _ => FaultKind::InvalidValue,
        }
    }
}

/// Fails the `at`-th storage callback (1-based, counting get, put, remove, lock, unlock).
#[derive(Clone, Copy, Debug)]
pub struct Fault {
    pub at: u64,
    pub kind: FaultKind,
}

/// The host's key-value store, as a C host would keep it, plus what the checks need.
#[derive(Default)]
struct MemStore {
    entries: BTreeMap<String, String>,
    held: Vec<String>,
    calls: u64,
    fault: Option<Fault>,
    fired: bool,
}

impl MemStore {
    fn tick(&mut self) -> Option<FaultKind> {
        self.calls += 1;
        match self.fault {
            Some(f) if f.at == self.calls => {
                self.fired = true;
                Some(f.kind)
            }
            _ => None,
        }
    }
}

/// # Safety
/// `userdata` is the `MemStore` a `Harness` registered, alive while its engine is.
unsafe fn store<'a>(userdata: *mut c_void) -> &'a mut MemStore {
    // SAFETY: as documented; the engine calls back only during a call the harness made.
    unsafe { &mut *userdata.cast::<MemStore>() }
}

/// # Safety
/// `p` must point to `len` readable bytes (the engine's promise to its callbacks).
unsafe fn text<'a>(p: *const c_char, len: usize, what: &str) -> &'a str {
    assert!(!p.is_null(), "the engine passed a NULL {what} to a storage callback");
    // SAFETY: as documented.
    let bytes = unsafe { std::slice::from_raw_parts(p.cast::<u8>(), len) };
    std::str::from_utf8(bytes).unwrap_or_else(|_| panic!("the engine passed a {what} that is not UTF-8: {bytes:?}"))
}

fn check_key(key: &str) {
    assert!(key.starts_with(KEY_PREFIX), "the engine used a key outside its prefix: {key:?}");
    assert!(utf16_len(key) <= MAX_KEY_UNITS, "the engine used a key of {} characters (limit {MAX_KEY_UNITS}): {key:?}", utf16_len(key));
}

/// # Safety
/// `reply` is the reply passed to the running callback.
unsafe fn failure(reply: *mut ct_storage_reply, kind: FaultKind, is_get: bool) -> u32 {
    match kind {
        FaultKind::ErrorWithMessage => {
            let message = "injected storage fault";
            // SAFETY: the live reply, a valid message.
            unsafe { ct_error_free(ct_storage_reply_set_error(reply, message.as_ptr().cast(), message.len())) };
            CT_STORAGE_ERROR
        }
        FaultKind::UnknownStatus => 7,
        FaultKind::OkWithoutValue if is_get => CT_STORAGE_OK,
        FaultKind::InvalidValue if is_get => {
            let bad = b"{\"x\":\"\xff\"}";
            // SAFETY: the live reply, readable bytes.
            let error = unsafe { ct_storage_reply_set_value(reply, bad.as_ptr().cast(), bad.len()) };
            assert!(!error.is_null(), "ct_storage_reply_set_value accepted bytes that are not UTF-8");
            // SAFETY: an error the library returned.
            unsafe { ct_error_free(error) };
            CT_STORAGE_OK
        }
        _ => CT_STORAGE_ERROR,
    }
}

unsafe extern "C" fn get_cb(userdata: *mut c_void, key: *const c_char, key_len: usize, reply: *mut ct_storage_reply) -> u32 {
    // SAFETY: the engine's callback contract (see `store` and `text`).
    let (s, key) = unsafe { (store(userdata), text(key, key_len, "key")) };
    check_key(key);
    if let Some(kind) = s.tick() {
        // SAFETY: the live reply.
        return unsafe { failure(reply, kind, true) };
    }
    match s.entries.get(key) {
        Some(value) => {
            // SAFETY: the live reply and a live string.
            let error = unsafe { ct_storage_reply_set_value(reply, value.as_ptr().cast(), value.len()) };
            assert!(error.is_null(), "ct_storage_reply_set_value refused a stored UTF-8 value");
            CT_STORAGE_OK
        }
        None => CT_STORAGE_NOT_FOUND,
    }
}

unsafe extern "C" fn put_cb(
    userdata: *mut c_void,
    key: *const c_char,
    key_len: usize,
    value: *const c_char,
    value_len: usize,
    reply: *mut ct_storage_reply,
) -> u32 {
    // SAFETY: the engine's callback contract.
    let (s, key, value) = unsafe { (store(userdata), text(key, key_len, "key"), text(value, value_len, "value")) };
    check_key(key);
    let units = utf16_len(value);
    assert!(units <= MAX_VALUE_UNITS, "the engine wrote a value of {units} characters (limit {MAX_VALUE_UNITS}) under {key:?}");
    if let Some(kind) = s.tick() {
        // SAFETY: the live reply.
        return unsafe { failure(reply, kind, false) };
    }
    s.entries.insert(key.to_string(), value.to_string());
    CT_STORAGE_OK
}

unsafe extern "C" fn remove_cb(userdata: *mut c_void, key: *const c_char, key_len: usize, reply: *mut ct_storage_reply) -> u32 {
    // SAFETY: the engine's callback contract.
    let (s, key) = unsafe { (store(userdata), text(key, key_len, "key")) };
    check_key(key);
    if let Some(kind) = s.tick() {
        // SAFETY: the live reply.
        return unsafe { failure(reply, kind, false) };
    }
    match s.entries.remove(key) {
        Some(_) => CT_STORAGE_OK,
        None => CT_STORAGE_NOT_FOUND,
    }
}

unsafe extern "C" fn lock_cb(userdata: *mut c_void, name: *const c_char, name_len: usize, reply: *mut ct_storage_reply) -> u32 {
    // SAFETY: the engine's callback contract.
    let (s, name) = unsafe { (store(userdata), text(name, name_len, "lock name")) };
    // The header promises this, so hosts may use locks that are not re-entrant.
    assert!(!s.held.iter().any(|h| h == name), "the engine took lock {name:?} while holding it (held: {:?})", s.held);
    if let Some(kind) = s.tick() {
        // SAFETY: the live reply.
        return unsafe { failure(reply, kind, false) };
    }
    s.held.push(name.to_string());
    CT_STORAGE_OK
}

unsafe extern "C" fn unlock_cb(userdata: *mut c_void, name: *const c_char, name_len: usize, reply: *mut ct_storage_reply) -> u32 {
    // SAFETY: the engine's callback contract.
    let (s, name) = unsafe { (store(userdata), text(name, name_len, "lock name")) };
    assert_eq!(s.held.last().map(String::as_str), Some(name), "the engine released a lock it does not hold last (held: {:?})", s.held);
    s.held.pop();
    if let Some(kind) = s.tick() {
        // SAFETY: the live reply.
        return unsafe { failure(reply, kind, false) };
    }
    CT_STORAGE_OK
}

/// Every export that takes strings and returns a document (or nothing), by name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    GetBoardSettings,
    PutBoardSettings,
    GetDaysOff,
    PutDaysOff,
    IterationReport,
    GetIterationTeam,
    PutIterationTeam,
    CopyIterationTeam,
    GetTemplate,
    PutTemplate,
    RemoveTemplate,
    ListTemplates,
    ApplyTemplate,
    GetCalendar,
    PutCalendar,
    RemoveCalendar,
    ListCalendars,
    GetReportDefinition,
    PutReportDefinition,
    RemoveReportDefinition,
    ListReportDefinitions,
    MultiProjectReport,
    GetPermissions,
    PutPermissions,
    CheckAccess,
    ExportUser,
    ForgetUser,
    DataInventory,
    ExportAll,
    ImportAll,
}

impl Op {
    /// How many string arguments the export takes.
    pub fn arity(self) -> usize {
        use Op::*;
        match self {
            ListTemplates | ListCalendars | ListReportDefinitions | GetPermissions | DataInventory | ExportAll => 0,
            PutBoardSettings | PutDaysOff | GetIterationTeam | PutTemplate | PutCalendar | PutReportDefinition => 2,
            PutIterationTeam => 3,
            _ => 1,
        }
    }

    /// Operations documented to write nothing.
    fn read_only(self) -> bool {
        use Op::*;
        matches!(
            self,
            GetBoardSettings
                | GetDaysOff
                | IterationReport
                | GetIterationTeam
                | GetTemplate
                | ListTemplates
                | GetCalendar
                | ListCalendars
                | GetReportDefinition
                | ListReportDefinitions
                | MultiProjectReport
                | GetPermissions
                | CheckAccess
                | ExportUser
                | DataInventory
                | ExportAll
        )
    }

    fn returns_document(self) -> bool {
        !matches!(self, Op::RemoveTemplate | Op::RemoveCalendar | Op::RemoveReportDefinition)
    }

    /// The read of what a put stores, with the put's arguments less the document.
    pub fn getter(self) -> Option<Op> {
        use Op::*;
        Some(match self {
            PutBoardSettings => GetBoardSettings,
            PutDaysOff => GetDaysOff,
            PutIterationTeam => GetIterationTeam,
            PutTemplate => GetTemplate,
            PutCalendar => GetCalendar,
            PutReportDefinition => GetReportDefinition,
            PutPermissions => GetPermissions,
            _ => return None,
        })
    }
}

/// # Safety
/// `engine` is live; `args` has `op.arity()` entries; `out` is writable.
unsafe fn invoke(engine: *const ct_engine, op: Op, args: &[&[u8]], out: *mut *mut ct_buffer) -> *mut ct_error {
    let a = |i: usize| (args[i].as_ptr().cast::<c_char>(), args[i].len());
    // SAFETY: the exports' contract: a live engine, readable strings, a writable `out`.
    unsafe {
        use Op::*;
        match op {
            GetBoardSettings => ct_engine_get_board_settings(engine, a(0).0, a(0).1, out),
            PutBoardSettings => ct_engine_put_board_settings(engine, a(0).0, a(0).1, a(1).0, a(1).1, out),
            GetDaysOff => ct_engine_get_days_off(engine, a(0).0, a(0).1, out),
            PutDaysOff => ct_engine_put_days_off(engine, a(0).0, a(0).1, a(1).0, a(1).1, out),
            IterationReport => ct_engine_iteration_report(engine, a(0).0, a(0).1, out),
            GetIterationTeam => ct_engine_get_iteration_team(engine, a(0).0, a(0).1, a(1).0, a(1).1, out),
            PutIterationTeam => ct_engine_put_iteration_team(engine, a(0).0, a(0).1, a(1).0, a(1).1, a(2).0, a(2).1, out),
            CopyIterationTeam => ct_engine_copy_iteration_team(engine, a(0).0, a(0).1, out),
            GetTemplate => ct_engine_get_template(engine, a(0).0, a(0).1, out),
            PutTemplate => ct_engine_put_template(engine, a(0).0, a(0).1, a(1).0, a(1).1, out),
            RemoveTemplate => ct_engine_remove_template(engine, a(0).0, a(0).1),
            ListTemplates => ct_engine_list_templates(engine, out),
            ApplyTemplate => ct_engine_apply_template(engine, a(0).0, a(0).1, out),
            GetCalendar => ct_engine_get_calendar(engine, a(0).0, a(0).1, out),
            PutCalendar => ct_engine_put_calendar(engine, a(0).0, a(0).1, a(1).0, a(1).1, out),
            RemoveCalendar => ct_engine_remove_calendar(engine, a(0).0, a(0).1),
            ListCalendars => ct_engine_list_calendars(engine, out),
            GetReportDefinition => ct_engine_get_report_definition(engine, a(0).0, a(0).1, out),
            PutReportDefinition => ct_engine_put_report_definition(engine, a(0).0, a(0).1, a(1).0, a(1).1, out),
            RemoveReportDefinition => ct_engine_remove_report_definition(engine, a(0).0, a(0).1),
            ListReportDefinitions => ct_engine_list_report_definitions(engine, out),
            MultiProjectReport => ct_engine_multi_project_report(engine, a(0).0, a(0).1, out),
            GetPermissions => ct_engine_get_permissions(engine, out),
            PutPermissions => ct_engine_put_permissions(engine, a(0).0, a(0).1, out),
            CheckAccess => ct_engine_check_access(engine, a(0).0, a(0).1, out),
            ExportUser => ct_engine_export_user(engine, a(0).0, a(0).1, out),
            ForgetUser => ct_engine_forget_user(engine, a(0).0, a(0).1, out),
            DataInventory => ct_engine_data_inventory(engine, out),
            ExportAll => ct_engine_export_all(engine, out),
            ImportAll => ct_engine_import_all(engine, a(0).0, a(0).1, out),
        }
    }
}

/// What an export returned.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// The document returned (`None` for the removes, which return none).
    Ok(Option<String>),
    Err { code: u32, message: String },
}

impl Outcome {
    pub fn document(&self) -> Option<&str> {
        match self {
            Outcome::Ok(Some(t)) => Some(t),
            _ => None,
        }
    }
    pub fn code(&self) -> u32 {
        match self {
            Outcome::Ok(_) => CT_ERROR_OK,
            Outcome::Err { code, .. } => *code,
        }
    }
}

/// What [`Harness::call`] needs to know of an export besides its result.
pub struct Call<'a> {
    /// For messages.
    pub name: &'a str,
    /// Whether every string argument is UTF-8: `CT_ERROR_INVALID_ARGUMENT` only when not.
    pub utf8: bool,
    /// Whether the UTF-8 of every argument is checked before anything else, so that a bad
    /// argument always gives `CT_ERROR_INVALID_ARGUMENT` (the string exports); the bulk
    /// exports check each element in turn, so a bad value before it may be reported first.
    pub utf8_first: bool,
    /// Documented to write nothing.
    pub read_only: bool,
    /// Gives an output on success.
    pub returns_document: bool,
    /// Storage holds values the engine did not write (the stored-values target): a
    /// `CT_ERROR_STORAGE` naming the stored key is then a right answer without a fault.
    pub corrupt_storage: bool,
}

/// The text of a buffer the library returned (freed here), checking its promises: UTF-8,
/// followed by a NUL. `None` for NULL.
///
/// # Safety
/// `buffer` must be NULL or a live buffer, not used afterwards.
pub unsafe fn take_buffer(buffer: *mut ct_buffer) -> Option<String> {
    if buffer.is_null() {
        return None;
    }
    // SAFETY: a live buffer, freed once at the end.
    unsafe {
        let data = ct_buffer_data(buffer).cast::<u8>();
        let len = ct_buffer_len(buffer);
        assert!(!data.is_null(), "ct_buffer_data gave NULL for a live buffer");
        let bytes = std::slice::from_raw_parts(data, len + 1);
        assert_eq!(bytes[len], 0, "an output buffer is not NUL-terminated");
        let text = std::str::from_utf8(&bytes[..len]).unwrap_or_else(|e| panic!("an output buffer is not UTF-8: {e}")).to_string();
        ct_buffer_free(buffer);
        Some(text)
    }
}

/// An engine over its own in-memory storage.
pub struct Harness {
    store: *mut MemStore,
    engine: *mut ct_engine,
    /// See [`Call::corrupt_storage`].
    corrupt: bool,
}

impl Drop for Harness {
    fn drop(&mut self) {
        // SAFETY: both were created in `new` and are freed once; the engine first, as no
        // callback may run after `ct_engine_free`.
        unsafe {
            ct_engine_free(self.engine);
            drop(Box::from_raw(self.store));
        }
    }
}

impl Harness {
    /// An engine over storage holding `entries`.
    pub fn new(entries: BTreeMap<String, String>) -> Harness {
        let store = Box::into_raw(Box::new(MemStore { entries, ..MemStore::default() }));
        let storage = ct_storage {
            userdata: store.cast(),
            get: Some(get_cb),
            put: Some(put_cb),
            remove: Some(remove_cb),
            lock: Some(lock_cb),
            unlock: Some(unlock_cb),
        };
        let mut engine = ptr::null_mut();
        // SAFETY: a valid storage struct whose userdata outlives the engine (see Drop).
        let error = unsafe { ct_engine_new(&storage, &mut engine) };
        assert!(error.is_null() && !engine.is_null(), "ct_engine_new failed");
        Harness { store, engine, corrupt: false }
    }

    /// An engine over `entries` that the engine did not all write itself (stored-values
    /// target): storage errors that name the key are then right answers.
    pub fn over_corrupt(entries: BTreeMap<String, String>) -> Harness {
        let mut h = Harness::new(entries);
        h.corrupt = true;
        h
    }

    /// An engine over a copy of the shared baseline documents (see [`baseline`]).
    pub fn with_baseline() -> Harness {
        Harness::new(baseline().clone())
    }

    fn store(&self) -> &MemStore {
        // SAFETY: alive until Drop; no engine call is running while the harness is borrowed.
        unsafe { &*self.store }
    }

    fn store_mut(&mut self) -> &mut MemStore {
        // SAFETY: as in `store`.
        unsafe { &mut *self.store }
    }

    /// Every stored key and value.
    pub fn entries(&self) -> &BTreeMap<String, String> {
        &self.store().entries
    }

    /// Storage callbacks made so far.
    pub fn calls(&self) -> u64 {
        self.store().calls
    }

    /// Fails one later callback; [`Harness::fault_fired`] tells whether it was reached.
    pub fn inject(&mut self, fault: Option<Fault>) {
        let s = self.store_mut();
        s.fault = fault;
        s.fired = false;
    }

    pub fn fault_fired(&self) -> bool {
        self.store().fired
    }

    /// Calls the export for `op` and checks the invariants of every call (module docs).
    pub fn run(&mut self, op: Op, args: &[&[u8]]) -> Outcome {
        assert_eq!(args.len(), op.arity(), "{op:?} takes {} arguments", op.arity());
        let utf8 = args.iter().all(|a| std::str::from_utf8(a).is_ok());
        let call = Call { name: &format!("{op:?}"), utf8, utf8_first: true, read_only: op.read_only(), returns_document: op.returns_document(), corrupt_storage: self.corrupt };
        self.call(call, |engine| {
            let mut out: *mut ct_buffer = ptr::null_mut();
            // SAFETY: a live engine, arguments of the right count, a writable `out`.
            let error = unsafe { invoke(engine, op, args, &mut out) };
            // SAFETY: NULL or a buffer the library returned, not used after this.
            (error, unsafe { take_buffer(out) })
        })
    }

    /// Makes one call through `export` (which gives the error and, when it wrote one, its
    /// output as text) and checks the invariants of every call (module docs).
    pub fn call(&mut self, call: Call<'_>, export: impl FnOnce(*const ct_engine) -> (*mut ct_error, Option<String>)) -> Outcome {
        let name = call.name;
        let before = self.store().entries.clone();
        let fired_before = self.store().fired;
        let (error, output) = export(self.engine);
        let fired = self.store().fired && !fired_before;
        assert!(self.store().held.is_empty(), "{name} returned holding locks {:?}", self.store().held);
        let utf8 = call.utf8;

        if error.is_null() {
            assert!(utf8, "{name} accepted an argument that is not UTF-8");
            assert!(!fired, "{name} succeeded although a storage callback failed");
            if call.read_only {
                assert!(self.store().entries == before, "{name} changed storage though it only reads");
            }
            if !call.returns_document {
                assert!(output.is_none(), "{name} gave an output it does not document");
                return Outcome::Ok(None);
            }
            let Some(text) = output else { panic!("{name} succeeded without an output") };
            if let Err(e) = serde_json::from_str::<Value>(&text) {
                panic!("{name} returned text that is not JSON ({e}): {text}");
            }
            return Outcome::Ok(Some(text));
        }

        assert!(output.is_none(), "{name} wrote its output although it failed");
        // SAFETY: an error the library returned, read and then freed once.
        let (code, message, field, revision) = unsafe {
            let code = ct_error_code(error);
            let mut len = 0usize;
            let m = ct_error_message(error, &mut len);
            assert!(!m.is_null(), "ct_error_message gave NULL for a live error");
            let message = std::str::from_utf8(std::slice::from_raw_parts(m.cast::<u8>(), len)).expect("error messages are UTF-8").to_string();
            let mut flen = 0usize;
            let f = ct_error_field(error, &mut flen);
            let field = (!f.is_null()).then(|| std::str::from_utf8(std::slice::from_raw_parts(f.cast::<u8>(), flen)).expect("error fields are UTF-8").to_string());
            let mut rev = 0u64;
            let revision = ct_error_current_revision(error, &mut rev).then_some(rev);
            ct_error_free(error);
            (code, message, field, revision)
        };
        match code {
            CT_ERROR_PANIC => panic!("{name}: the engine panicked (caught at the boundary): {message}"),
            CT_ERROR_INVALID_ARGUMENT => assert!(!utf8, "{name}: CT_ERROR_INVALID_ARGUMENT for UTF-8 arguments: {message}"),
            CT_ERROR_VALIDATION | CT_ERROR_CONFLICT | CT_ERROR_TOO_LARGE | CT_ERROR_NOT_FOUND => {
                assert!(utf8 || !call.utf8_first, "{name}: an argument that is not UTF-8 reached the engine ({code}: {message})")
            }
            CT_ERROR_STORAGE if call.corrupt_storage && !fired => {
                assert!(message.contains("org.capacitytracker:"), "{name}: a storage error over a corrupted value that names no stored key: {message}")
            }
            CT_ERROR_STORAGE => assert!(fired, "{name}: a storage error although every storage callback succeeded: {message}"),
            other => panic!("{name}: error code {other} is not a published CT_ERROR_* code ({message})"),
        }
        assert!(!message.is_empty(), "{name}: an error without a message (code {code})");
        if let Some(field) = &field {
            assert!(message.starts_with(field.as_str()), "{name}: the message does not start with the field {field:?}: {message}");
        }
        assert_eq!(revision.is_some(), code == CT_ERROR_CONFLICT, "{name}: a current revision on error {code}, or none on a conflict: {message}");
        if !fired {
            let now = &self.store().entries;
            if code == CT_ERROR_TOO_LARGE {
                // Documented: a new document is entered in the index before it is written,
                // so the index may name one that a refused write never created.
                let strip = |m: &BTreeMap<String, String>| m.iter().filter(|(k, _)| *k != INDEX_KEY).map(|(k, v)| (k.clone(), v.clone())).collect::<Vec<_>>();
                assert!(strip(now) == strip(&before), "{name} failed ({message}) but changed storage");
            } else {
                assert!(*now == before, "{name} failed ({message}) but changed storage");
            }
        }
        Outcome::Err { code, message }
    }

    /// Runs a put; when it succeeds, reads the document back (it must be what the put
    /// returned) and writes it again at its new revision (accepted, unchanged but for the
    /// revision).
    pub fn run_put(&mut self, op: Op, args: &[&[u8]]) -> Outcome {
        let getter = op.getter().expect("a put with a matching get");
        let outcome = self.run(op, args);
        let Some(stored) = outcome.document().map(str::to_string) else { return outcome };
        let ids = &args[..args.len() - 1];
        let read = self.run(getter, ids);
        assert_eq!(read.document(), Some(stored.as_str()), "{getter:?} does not give what {op:?} stored");
        let mut again: Vec<&[u8]> = ids.to_vec();
        again.push(stored.as_bytes());
        let rewritten = self.run(op, &again);
        let Some(rewritten) = rewritten.document() else {
            panic!("{op:?} refused the document it had stored itself: {rewritten:?}\nthe document: {stored}");
        };
        let (mut first, mut second): (Value, Value) = (serde_json::from_str(&stored).unwrap(), serde_json::from_str(rewritten).unwrap());
        let r1 = first["revision"].as_u64().expect("a stored document has a revision");
        assert_eq!(second["revision"].as_u64(), Some(r1 + 1), "{op:?}: writing at revision {r1} did not give {}", r1 + 1);
        first["revision"] = Value::Null;
        second["revision"] = Value::Null;
        assert!(first == second, "{op:?} is not idempotent: storing its own output changed it\nfirst:  {stored}\nsecond: {rewritten}");
        outcome
    }

    /// Runs `op` as the targets do: puts with their read-back checks, the rest plainly.
    pub fn run_any(&mut self, op: Op, args: &[&[u8]]) -> Outcome {
        if op.getter().is_some() {
            self.run_put(op, args)
        } else {
            self.run(op, args)
        }
    }

    /// Every stored document, by `kind:id`, as `export_all` gives them (which must succeed).
    pub fn documents(&mut self) -> BTreeMap<String, Value> {
        let export = self.run(Op::ExportAll, &[]);
        let Some(text) = export.document() else { panic!("export_all failed: {export:?}") };
        let export: Value = serde_json::from_str(text).unwrap();
        export["documents"]
            .as_array()
            .expect("an export lists documents")
            .iter()
            .map(|d| (format!("{}:{}", d["kind"].as_str().unwrap(), d["id"].as_str().unwrap()), d["document"].clone()))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::baseline::{baseline_with_big_board, BASELINE};
    use crate::script::Script;

    #[test]
    fn the_baseline_is_stored_and_readable() {
        let mut harness = Harness::with_baseline();
        let docs = harness.documents();
        assert_eq!(docs.len(), BASELINE.len(), "{:?}", docs.keys().collect::<Vec<_>>());
        let mut harness = Harness::new(baseline_with_big_board().clone());
        assert_eq!(harness.documents().len(), BASELINE.len() + 1);
    }

    #[test]
    fn scripts_split_setup_and_arguments() {
        let s = Script::parse(b"board 7 {}\n\n---\n7\n{\n}\n", 2);
        assert_eq!(s.setup, vec![&b"board 7 {}"[..]]);
        assert_eq!(s.args, vec![&b"7"[..], &b"{\n}\n"[..]]);
        let s = Script::parse(b"abc", 3);
        assert_eq!(s.args, vec![&b"abc"[..], &b""[..], &b""[..]]);
        assert!(Script::parse(b"x\n---", 0).args.is_empty());
    }

    #[test]
    #[should_panic(expected = "a storage error although every storage callback succeeded")]
    fn a_storage_error_from_healthy_storage_is_a_finding() {
        // A stored document the engine cannot read makes it report a storage error with no
        // callback failing: the harness must treat that as a bug, not as a normal outcome.
        let mut entries = baseline().clone();
        entries.insert(format!("{KEY_PREFIX}board:1"), "{not json".into());
        Harness::new(entries).run(Op::GetBoardSettings, &[b"1"]);
    }

    #[test]
    fn a_failed_callback_is_a_storage_error_and_changes_nothing_when_refused() {
        let mut harness = Harness::with_baseline();
        let before = harness.entries().clone();
        harness.inject(Some(Fault { at: 1, kind: FaultKind::OkWithoutValue }));
        let outcome = harness.run(Op::PutDaysOff, &[b"zoe", br#"{"revision":0,"ranges":[]}"#]);
        assert!(harness.fault_fired());
        assert_eq!(outcome.code(), CT_ERROR_STORAGE, "{outcome:?}");
        assert_eq!(*harness.entries(), before);
    }
}
