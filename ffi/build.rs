//! On Windows GNU targets, hands the linker a module-definition file listing exactly the
//! header's `ct_` functions. rustc writes such a list itself, but zig's linker (the one
//! `scripts/build-platforms.sh` uses through cargo-zigbuild) ignores it, and a MinGW DLL
//! without one exports every symbol — which keeps all of std alive, its socket code and the
//! `ws2_32.dll` import with it. With this file only the C ABI is exported and the linker drops
//! the rest. A name listed here that the crate does not define fails the link; a function
//! missing from it fails `tests/platforms` (the DLL's exports against the header).
use std::{env, fs, path::PathBuf};

fn main() {
    let header = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap()).join("../include/capacity_tracker.h");
    println!("cargo:rerun-if-changed={}", header.display());
    println!("cargo:rerun-if-changed=build.rs");
    if env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows")
        || env::var("CARGO_CFG_TARGET_ENV").as_deref() != Ok("gnu")
    {
        return;
    }
    let text = fs::read_to_string(&header).expect("read include/capacity_tracker.h");
    let def = PathBuf::from(env::var("OUT_DIR").unwrap()).join("capacity_ffi.def");
    fs::write(&def, module_definition("capacity_ffi", &header_functions(&text))).expect("write the .def file");
    println!("cargo:rustc-cdylib-link-arg={}", def.display());
}

/// The `ct_` functions the header declares: identifiers followed by `(` outside comments
/// (the header's usage example lives in a comment).
fn header_functions(text: &str) -> Vec<String> {
    let mut code = String::new();
    let mut rest = text;
    while let Some(start) = rest.find("/*") {
        code.push_str(&rest[..start]);
        rest = rest[start..].find("*/").map_or("", |end| &rest[start + end + 2..]);
    }
    code.push_str(rest);
    let code: String = code.lines().map(|l| l.split("//").next().unwrap_or("")).collect::<Vec<_>>().join("\n");
    let mut names = Vec::new();
    for (at, _) in code.match_indices("ct_") {
        let preceded = code[..at].chars().next_back().is_some_and(|c| c.is_ascii_alphanumeric() || c == '_');
        let name: String = code[at..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
        if !preceded && code[at + name.len()..].trim_start().starts_with('(') {
            names.push(name);
        }
    }
    names.sort();
    names.dedup();
    assert!(!names.is_empty(), "no ct_ function found in include/capacity_tracker.h");
    names
}

fn module_definition(library: &str, names: &[String]) -> String {
    let mut def = format!("LIBRARY {library}\nEXPORTS\n");
    for name in names {
        def.push_str("    ");
        def.push_str(name);
        def.push('\n');
    }
    def
}
