//! On Windows GNU targets, hands the linker a module-definition file listing exactly the JNI
//! exports, `Java_org_capacitytracker_api_Native_<name>` for every declaration in
//! `src/operations.rs`. rustc writes such a list itself, but zig's linker (the one
//! `scripts/build-platforms.sh` uses through cargo-zigbuild) ignores it, and a MinGW DLL
//! without one exports every symbol — keeping all of std alive, its socket code and the
//! `ws2_32.dll` import with it. A name listed here that the crate does not export fails the
//! link; one missing fails `tests/platforms` (the DLL's `Java_` exports against Linux's).
use std::{env, fs, path::PathBuf};

const FLAVOURS: [&str; 4] = ["plain", "engine", "storage", "access"];

fn main() {
    let operations = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap()).join("src/operations.rs");
    println!("cargo:rerun-if-changed={}", operations.display());
    println!("cargo:rerun-if-changed=build.rs");
    if env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows")
        || env::var("CARGO_CFG_TARGET_ENV").as_deref() != Ok("gnu")
    {
        return;
    }
    let text = fs::read_to_string(&operations).expect("read src/operations.rs");
    let mut def = String::from("LIBRARY capacity_jni\nEXPORTS\n");
    let names = declared_methods(&text);
    assert!(!names.is_empty(), "no native method declaration found in src/operations.rs");
    for name in names {
        def.push_str(&format!("    Java_org_capacitytracker_api_Native_{name}\n"));
    }
    let path = PathBuf::from(env::var("OUT_DIR").unwrap()).join("capacity_jni.def");
    fs::write(&path, def).expect("write the .def file");
    println!("cargo:rustc-cdylib-link-arg={}", path.display());
}

/// The names of the declarations `<flavour> fn <name>(` (see `src/declare.rs`).
fn declared_methods(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|line| {
            let mut words = line.split_whitespace();
            let flavour = words.next()?;
            (FLAVOURS.contains(&flavour) && words.next() == Some("fn")).then_some(())?;
            let name: String = words.next()?.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
            (!name.is_empty()).then_some(name)
        })
        .collect()
}
