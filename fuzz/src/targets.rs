//! The bodies of the fuzz targets (`fuzz_targets/*.rs` call one each).

use std::collections::BTreeMap;

use capacity_ffi::{CT_ERROR_OK, CT_ERROR_STORAGE};
use serde_json::Value;

use crate::baseline::{baseline, baseline_with_big_board};
use crate::harness::{Fault, FaultKind, Harness, Op};
use crate::script::Script;

/// The body of the one-operation targets: baseline storage, the input's setup, then `op`
/// on the input's arguments, every call checked.
pub fn fuzz_operation(op: Op, data: &[u8]) {
    let script = Script::parse(data, op.arity());
    let mut harness = Harness::with_baseline();
    script.apply_setup(&mut harness);
    harness.run_any(op, &script.args);
}

/// Where `export_all`'s documents name `key` as a person: board and template members,
/// iteration team changes, days-off documents, permission lists (`kind:id` each).
pub fn places_naming(documents: &BTreeMap<String, Value>, key: &str) -> Vec<String> {
    fn names(v: &Value, key: &str) -> bool {
        match v {
            Value::Object(m) => m.iter().any(|(k, x)| {
                (k == "accountKey" && x == key) || (k == "users" && x.as_array().is_some_and(|us| us.iter().any(|u| u == key))) || names(x, key)
            }),
            Value::Array(a) => a.iter().any(|x| names(x, key)),
            _ => false,
        }
    }
    documents.iter().filter(|(_, doc)| names(doc, key)).map(|(name, _)| name.clone()).collect()
}

/// The privacy target: `export_user` must list every place that names the person,
/// `forget_user` must remove exactly those, leave no mention, and a second `forget_user`
/// must find nothing and write nothing.
pub fn fuzz_privacy(data: &[u8]) {
    let script = Script::parse(data, 1);
    let mut harness = Harness::with_baseline();
    script.apply_setup(&mut harness);
    let key = script.args[0];
    let exported = harness.run(Op::ExportUser, &[key]);
    let before = harness.documents();
    let forgot = harness.run(Op::ForgetUser, &[key]);
    let (Some(exported), Some(forgot)) = (exported.document(), forgot.document()) else {
        assert_eq!(exported.code(), forgot.code(), "export_user and forget_user disagree on the key: {exported:?} / {forgot:?}");
        return;
    };
    let key = std::str::from_utf8(key).expect("an accepted key is UTF-8");
    let (exported, forgot): (Value, Value) = (serde_json::from_str(exported).unwrap(), serde_json::from_str(forgot).unwrap());

    let mut named = places_naming(&before, key);
    let in_permissions = named.iter().any(|p| p.starts_with("permissions:"));
    named.retain(|p| !p.starts_with("permissions:"));
    for (what, report) in [("export_user", &exported), ("forget_user", &forgot)] {
        let places = report["permissions"].as_array().map_or(0, Vec::len);
        assert_eq!(places > 0, in_permissions, "{what} of {key:?} gave permission places {} though the lists name the person: {in_permissions}", report["permissions"]);
    }
    let mut listed: Vec<String> = Vec::new();
    for b in exported["boards"].as_array().unwrap() {
        listed.push(format!("board:{}", b["boardId"].as_str().unwrap()));
    }
    for i in exported["iterations"].as_array().unwrap() {
        listed.push(format!("iteration:{}:{}", i["boardId"].as_str().unwrap(), i["iterationId"].as_str().unwrap()));
    }
    for t in exported["templates"].as_array().unwrap() {
        listed.push(format!("template:{}", t["templateId"].as_str().unwrap()));
    }
    if !exported["daysOff"].is_null() {
        listed.push(format!("daysoff:{key}"));
    }
    listed.sort();
    named.sort();
    assert_eq!(listed, named, "export_user of {key:?} does not list every document naming the person");

    let mut removed: Vec<String> = Vec::new();
    for (field, kind) in [("boards", "board"), ("iterations", "iteration"), ("templates", "template")] {
        for id in forgot[field].as_array().unwrap() {
            removed.push(format!("{kind}:{}", id.as_str().unwrap()));
        }
    }
    if forgot["daysOff"] == true {
        removed.push(format!("daysoff:{key}"));
    }
    removed.sort();
    assert_eq!(removed, named, "forget_user of {key:?} did not report removing exactly what named the person");

    let after = harness.documents();
    let left = places_naming(&after, key);
    assert!(left.is_empty(), "forget_user of {key:?} left it in {left:?}");
    let stored = harness.entries().clone();
    harness.run(Op::DataInventory, &[]);
    let again = harness.run(Op::ForgetUser, &[key.as_bytes()]);
    let again: Value = serde_json::from_str(again.document().expect("a second forget_user succeeds")).unwrap();
    for field in ["boards", "iterations", "templates", "permissions"] {
        assert_eq!(again[field].as_array().map(Vec::len), Some(0), "a second forget_user of {key:?} removed {field}: {again}");
    }
    assert_eq!(again["daysOff"], false, "a second forget_user of {key:?} removed days off");
    assert!(*harness.entries() == stored, "a second forget_user of {key:?} wrote to storage");
}

/// Operations the storage-fault target exercises (the byte after its header picks one).
pub const FAULT_OPS: &[Op] = &[
    Op::PutBoardSettings,
    Op::PutDaysOff,
    Op::PutIterationTeam,
    Op::CopyIterationTeam,
    Op::PutTemplate,
    Op::RemoveTemplate,
    Op::ApplyTemplate,
    Op::PutCalendar,
    Op::RemoveCalendar,
    Op::PutReportDefinition,
    Op::RemoveReportDefinition,
    Op::PutPermissions,
    Op::ForgetUser,
    Op::ImportAll,
    Op::IterationReport,
    Op::MultiProjectReport,
    Op::ExportUser,
    Op::CheckAccess,
    Op::ExportAll,
];

/// The storage-fault target. Input: operation byte, fault position (2 bytes), fault kind
/// (bit 7: start from the baseline with the chunked board `big`), then a script.
///
/// The operation runs once on healthy storage (the reference), then again from the same
/// storage with one callback failing. Checks: the failure is reported as
/// `CT_ERROR_STORAGE` (or as the reference's own error), and afterwards every document
/// still reads, each as it was before or as the reference left it: nothing is lost or
/// half-written.
pub fn fuzz_storage_faults(data: &[u8]) {
    let [op, p0, p1, kind, rest @ ..] = data else { return };
    let op = FAULT_OPS[*op as usize % FAULT_OPS.len()];
    let base = if kind & 0x80 != 0 { baseline_with_big_board() } else { baseline() };
    let script = Script::parse(rest, op.arity());
    let mut setup = Harness::new(base.clone());
    script.apply_setup(&mut setup);
    let start = setup.entries().clone();
    drop(setup);

    let mut reference = Harness::new(start.clone());
    let expected = reference.run(op, &script.args);
    let calls = reference.calls();
    if calls == 0 {
        return;
    }
    let after_reference = reference.documents();
    let before = Harness::new(start.clone()).documents();

    let at = u64::from(u16::from_le_bytes([*p0, *p1])) % calls + 1;
    let mut faulty = Harness::new(start);
    faulty.inject(Some(Fault { at, kind: FaultKind::from_byte(kind & 0x7f) }));
    let outcome = faulty.run(op, &script.args);
    if !faulty.fault_fired() {
        // The same calls in the same order reach the same callback count: fewer calls
        // than the reference means the operation took another path on equal storage.
        panic!("{op:?}: callback {at} of {calls} was never made with the same input and storage");
    }
    let code = outcome.code();
    assert!(
        code == CT_ERROR_STORAGE || (code == expected.code() && code != CT_ERROR_OK),
        "{op:?} with callback {at} failing gave {outcome:?}; healthy storage gave {expected:?}"
    );
    faulty.inject(None);
    let after = faulty.documents();
    let names: std::collections::BTreeSet<&String> = before.keys().chain(after_reference.keys()).chain(after.keys()).collect();
    for name in names {
        let now = after.get(name);
        assert!(
            now == before.get(name) || now == after_reference.get(name),
            "{op:?} with callback {at} failing ({:?}) left {name} neither as it was nor as written:\nnow:    {now:?}\nbefore: {:?}\nafter:  {:?}",
            FaultKind::from_byte(kind & 0x7f),
            before.get(name),
            after_reference.get(name)
        );
    }
}

fn without_revision(mut doc: Value) -> Value {
    if let Some(o) = doc.as_object_mut() {
        o.remove("revision");
    }
    doc
}

/// The import target: `import_all` of the input, then the backup promise on whatever the
/// storage now holds: its export merges back into it as all unchanged, and restores into
/// empty storage as the same documents (revisions aside); the listings read it all.
pub fn fuzz_import(data: &[u8]) {
    let script = Script::parse(data, 1);
    let mut harness = Harness::with_baseline();
    script.apply_setup(&mut harness);
    if harness.run(Op::ImportAll, &script.args).code() != CT_ERROR_OK {
        return;
    }
    for op in [Op::ListTemplates, Op::ListCalendars, Op::ListReportDefinitions, Op::DataInventory] {
        harness.run(op, &[]);
    }
    let export = harness.run(Op::ExportAll, &[]);
    let export = export.document().expect("export_all succeeds");
    let documents = harness.documents();

    let merge = format!(r#"{{"mode":"merge","export":{export}}}"#);
    let stored = harness.entries().clone();
    let merged = harness.run(Op::ImportAll, &[merge.as_bytes()]);
    let merged: Value = serde_json::from_str(merged.document().unwrap_or_else(|| panic!("an export does not import back: {merged:?}"))).unwrap();
    assert!(
        merged["written"] == Value::Array(vec![]) && merged["conflicts"] == Value::Array(vec![]),
        "merging the storage's own export changed or disputed something: {merged}"
    );
    assert!(*harness.entries() == stored, "merging the storage's own export wrote to storage");

    let mut restored = Harness::new(BTreeMap::new());
    let restore = format!(r#"{{"mode":"empty","export":{export}}}"#);
    let outcome = restored.run(Op::ImportAll, &[restore.as_bytes()]);
    assert!(outcome.document().is_some(), "an export does not restore into empty storage: {outcome:?}");
    let again = restored.documents();
    let strip = |docs: BTreeMap<String, Value>| docs.into_iter().map(|(k, v)| (k, without_revision(v))).collect::<BTreeMap<_, _>>();
    let (before, after) = (strip(documents), strip(again));
    for name in before.keys().chain(after.keys()) {
        assert_eq!(before.get(name), after.get(name), "{name} differs after a backup and restore");
    }
}

/// The reads the stored-values target makes, with arguments that meet the baseline.
const STORED_READS: &[(Op, &[&str])] = &[
    (Op::GetBoardSettings, &["1"]),
    (Op::GetBoardSettings, &["pts"]),
    (Op::GetBoardSettings, &["big"]),
    (Op::GetDaysOff, &["alice"]),
    (Op::GetDaysOff, &["JIRAUSER10000-a-very-long-account-key-that-is-too-long-for-a-readable-storage-key-of-the-host-so-it-is-fingerprinted"]),
    (Op::IterationReport, &[r#"{"boardId":"1","iteration":{"id":"3","start":"2026-11-30T09:00:00+01:00","end":"2026-12-11T17:00:00+01:00"},"items":[{"key":"A-1","assignee":"alice","remainingSeconds":7200},{"key":"A-2","assignee":"zed","remainingSeconds":3600}]}"#]),
    (Op::IterationReport, &[r#"{"boardId":"big","iteration":{"start":"2026-12-01","end":"2026-12-11"},"items":[]}"#]),
    (Op::GetIterationTeam, &["1", "3"]),
    (Op::GetTemplate, &["squad"]),
    (Op::ListTemplates, &[]),
    (Op::GetCalendar, &["de"]),
    (Op::ListCalendars, &[]),
    (Op::GetReportDefinition, &["q4"]),
    (Op::ListReportDefinitions, &[]),
    (Op::MultiProjectReport, &[r#"{"reportId":"q4","boards":[{"boardId":"1","iterations":[{"id":"3","start":"2026-11-30","end":"2026-12-11","items":[{"key":"A-1","assignee":"alice","remainingSeconds":3600}]}]},{"boardId":"2","iterations":[]}]}"#]),
    (Op::GetPermissions, &[]),
    (Op::CheckAccess, &[r#"{"user":"alice","groups":["jira-users"],"action":"writeBoard","boardId":"1"}"#]),
    (Op::ExportUser, &["alice"]),
    (Op::DataInventory, &[]),
    (Op::ExportAll, &[]),
];

/// The stored-values target (issue 10): storage holding what another version, another
/// process or a damaged database could leave — any value under any key the engine reads,
/// chunk manifests and the index included. Every read path must answer a document or an
/// error (a storage error naming the key, or a validation error), never panic, abort or
/// write. Input: lines `<selector> <value>`; the selector picks a stored key (by hash), or
/// `+key` names one; `\n` in a value is a line break.
pub fn fuzz_stored_values(data: &[u8]) {
    let mut entries = baseline_with_big_board().clone();
    let keys: Vec<String> = entries.keys().cloned().collect();
    for line in data.split(|b| *b == b'\n').filter(|l| !l.is_empty()).take(8) {
        let Ok(line) = std::str::from_utf8(line) else { continue };
        let (selector, value) = line.split_once(' ').unwrap_or((line, ""));
        let key = match selector.strip_prefix('+') {
            Some(k) if k.starts_with("org.capacitytracker:") => k.to_string(),
            Some(k) => format!("org.capacitytracker:{k}"),
            None => keys[selector.bytes().fold(0usize, |n, b| n.wrapping_mul(31).wrapping_add(b as usize)) % keys.len()].clone(),
        };
        entries.insert(key, value.replace("\\n", "\n"));
    }
    let mut harness = Harness::over_corrupt(entries);
    for (op, args) in STORED_READS {
        let args: Vec<&[u8]> = args.iter().map(|a| a.as_bytes()).collect();
        harness.run(*op, &args);
    }
}
