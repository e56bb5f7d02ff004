//! The engine's quick readers of report requests against the usual reading (serde, checks,
//! indexing): whenever a quick reader gives a request (and work set), the usual reading
//! accepts the text and gives the same. Every input is tried as both kinds of request.
#![no_main]

use capacity_core::multi::MultiRequest;
use capacity_core::{fast_request, json, report, workload::WorkSet};

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Some(request) = fast_request::read_multi(text) {
        let usual: MultiRequest = json::parse(text, "")
            .unwrap_or_else(|e| panic!("the quick reader took a multi-project request the usual reading refuses: {e}"));
        assert_eq!(format!("{request:?}"), format!("{usual:?}"), "the quick reader and the usual reading differ");
    }
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
