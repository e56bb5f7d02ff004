//! Every read path over stored values the engine did not write (corrupted, truncated,
//! absurd sizes and revisions): a document or a clean error, never a panic or an abort.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| capacity_fuzz::fuzz_stored_values(data));
