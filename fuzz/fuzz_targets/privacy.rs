//! `ct_engine_export_user` and `ct_engine_forget_user` of the input's account key, after its
//! setup lines: complete export, forgetting without trace, a second forget finds nothing.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| capacity_fuzz::fuzz_privacy(data));
