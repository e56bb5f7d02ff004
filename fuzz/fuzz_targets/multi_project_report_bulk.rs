//! `ct_engine_multi_project_report_bulk` and every `ct_multi_report` accessor, compared
//! with `ct_engine_multi_project_report` on the same request.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| capacity_fuzz::fuzz_multi_project_report_bulk(data));
