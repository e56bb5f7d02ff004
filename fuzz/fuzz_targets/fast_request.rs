//! The engine's quick readers of report requests against the usual reading (serde, checks,
//! indexing): whenever a quick reader gives a request (and work set), the usual reading
//! accepts the text and gives the same. Every input is tried as both kinds of request; the
//! comparison itself is the engine's (`capacity_core::fuzzing::quick_reader_agrees`), as
//! the quick reader is internal to it.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    capacity_core::fuzzing::quick_reader_agrees(text);
});
