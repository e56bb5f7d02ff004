//! The engine's quick readers of report requests against the usual reading (serde, checks,
//! indexing): whenever a quick reader gives a request (and work set), the usual reading
//! accepts the text and gives the same. Every input is tried as both kinds of request.
#![no_main]

use capacity_core::multi::{MultiRequest, MultiWork, Placement};
use capacity_core::workload::{self, WorkSet};
use capacity_core::{fast_request, json, report};

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Some(request) = fast_request::read_multi(text) {
        let usual: MultiRequest = json::parse(text, "")
            .unwrap_or_else(|e| panic!("the quick reader took a multi-project request the usual reading refuses: {e}"));
        assert_eq!(format!("{request:?}"), format!("{usual:?}"), "the quick reader and the usual reading differ");
    }
    if let Some((request, work)) = fast_request::read_multi_work(text) {
        let mut usual: MultiRequest = json::parse(text, "")
            .unwrap_or_else(|e| panic!("the quick reader took a multi-project request the usual reading refuses: {e}"));
        for board in &usual.boards {
            for it in &board.iterations {
                if let Err(e) = workload::validate(&it.items) {
                    panic!("the quick reader took items the usual checks refuse: {e}");
                }
            }
        }
        let taken: Vec<Vec<Vec<workload::Item>>> =
            usual.boards.iter_mut().map(|b| b.iterations.iter_mut().map(|i| std::mem::take(&mut i.items)).collect()).collect();
        let parts = taken.iter().enumerate().flat_map(|(b, its)| {
            its.iter().enumerate().map(move |(i, items)| (Placement { board: b as u32, iteration: i as u32 }, WorkSet::from_items(items)))
        });
        assert_eq!(
            format!("{request:?} {work:?}"),
            format!("{usual:?} {:?}", MultiWork::from_parts(parts)),
            "the quick reader and the usual reading differ"
        );
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
