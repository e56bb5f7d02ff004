//! `ct_engine_put_days_off` on baseline storage, after the input's setup lines
//! (see `capacity_fuzz::Script`), with every call's invariants checked.
#![no_main]

use capacity_fuzz::{fuzz_operation, Op};

libfuzzer_sys::fuzz_target!(|data: &[u8]| fuzz_operation(Op::PutDaysOff, data));
