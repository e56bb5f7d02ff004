//! `ct_engine_import_all` on baseline storage, after the input's setup lines; then the
//! storage's own export must merge back unchanged and restore into empty storage.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| capacity_fuzz::fuzz_import(data));
