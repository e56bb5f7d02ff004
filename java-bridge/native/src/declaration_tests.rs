//! The declarations in [`crate::operations`] against what is built from them elsewhere:
//! the committed `Native.java` (generated, byte for byte) and the C header (one export per
//! operation, unless listed as JNI-only).

use std::path::PathBuf;

use crate::declare::render_native_java;
use crate::operations::{JNI_ONLY, SIGNATURES};

fn repo_file(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..").join(path)
}

const NATIVE_JAVA: &str = "java-bridge/api/src/main/java/org/capacitytracker/api/Native.java";

/// Run with `CT_BLESS=1` to write the file instead of comparing it.
#[test]
fn native_java_is_generated_from_the_declarations() {
    let path = repo_file(NATIVE_JAVA);
    let expected = render_native_java(SIGNATURES);
    if std::env::var_os("CT_BLESS").is_some() {
        std::fs::write(&path, &expected).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    if committed != expected {
        let first = committed.lines().zip(expected.lines()).position(|(a, b)| a != b).unwrap_or(committed.lines().count().min(expected.lines().count()));
        panic!(
            "{NATIVE_JAVA} differs from java-bridge/native/src/operations.rs at line {}:\n  committed: {:?}\n  generated: {:?}\n\
             Change the declaration, not the Java file, then run `CT_BLESS=1 cargo test -p capacity-jni` to regenerate it.",
            first + 1,
            committed.lines().nth(first).unwrap_or("<end of file>"),
            expected.lines().nth(first).unwrap_or("<end of file>"),
        );
    }
}

/// `engineGetBoardSettings` → `ct_engine_get_board_settings`; `version` → `ct_version`.
fn c_name(java: &str) -> String {
    let mut out = String::from("ct_");
    for c in java.chars() {
        if c.is_ascii_uppercase() {
            out.push('_');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

#[test]
fn every_operation_has_its_c_export_or_says_why_not() {
    let header = std::fs::read_to_string(repo_file("include/capacity_tracker.h")).unwrap();
    for s in SIGNATURES {
        let c = c_name(s.name);
        let exported = header.contains(&format!(" {c}(")) || header.contains(&format!("*{c}("));
        let jni_only = JNI_ONLY.iter().any(|(name, _)| *name == s.name);
        assert!(exported || jni_only, "{} has no C export {c} in include/capacity_tracker.h; add one in ffi/ or list it in operations::JNI_ONLY with the reason", s.name);
        assert!(!(exported && jni_only), "{} is listed as JNI-only but {c} exists", s.name);
    }
    for (name, _) in JNI_ONLY {
        assert!(SIGNATURES.iter().any(|s| s.name == *name), "JNI_ONLY names {name}, which is not declared");
    }
}

#[test]
fn names_are_unique_and_descriptors_well_formed() {
    let mut names: Vec<&str> = SIGNATURES.iter().map(|s| s.name).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), SIGNATURES.len(), "a native method is declared twice");
    let get = SIGNATURES.iter().find(|s| s.name == "engineGetBoardSettings").unwrap();
    assert_eq!(get.descriptor(), "(JLorg/capacitytracker/api/HostStorage;Ljava/lang/String;)Ljava/lang/String;");
    assert_eq!(c_name("engineGetBoardSettings"), "ct_engine_get_board_settings");
}
