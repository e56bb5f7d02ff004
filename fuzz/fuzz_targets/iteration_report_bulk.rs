//! `ct_engine_iteration_report_bulk` over the input's items as struct arrays, compared with
//! `ct_engine_iteration_report` on the same request (see `capacity_fuzz` bulk docs).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| capacity_fuzz::fuzz_iteration_report_bulk(data));
