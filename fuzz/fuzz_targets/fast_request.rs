//! The engine's quick reader of iteration report requests against the usual reading
//! (serde, checks, indexing): whenever the quick reader gives a request and work set, the
//! usual reading accepts the text and gives the same ones.
#![no_main]

use capacity_core::{fast_request, report, workload::WorkSet};

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Some((request, work)) = fast_request::read(text) else { return };
    let mut usual = report::parse_request(text)
        .unwrap_or_else(|e| panic!("the quick reader took a request the usual reading refuses: {e}"));
    let items = std::mem::take(&mut usual.items);
    assert_eq!(
        format!("{request:?} {work:?}"),
        format!("{usual:?} {:?}", WorkSet::from_items(&items)),
        "the quick reader and the usual reading differ"
    );
});
