//! Every writing operation (and the reads that span documents) with one storage callback
//! failing: reported as a storage error, nothing lost or half-written.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| capacity_fuzz::fuzz_storage_faults(data));
