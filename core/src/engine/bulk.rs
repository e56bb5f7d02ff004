//! The bulk entry points: work items as arrays of plain structs instead of JSON, for
//! reports over thousands to millions of items. Every decision is here (how the request
//! is read, what is checked and in which order, how the work set is built); a binding only
//! converts its callers' structs into [`BulkItem`]s and [`MultiItem`]s and back.

use super::Engine;
use crate::documents::json;
use crate::error::{Error, Result};
use crate::items::bulk::{BulkItem, MultiItem};
use crate::items::{validate, WorkSet};
use crate::reports::iteration;
use crate::reports::multi::{MultiRequest, MultiTable};
use crate::reports::quick_reader;
use crate::storage::store::Storage;

impl Engine {
    /// The iteration report over work items given as arrays, with the same result as
    /// [`Engine::iteration_report`] on the same data (docs/json-api.md, "Iteration report").
    ///
    /// `request_json` is an iteration report request without items (`"items"` absent or
    /// empty); `people` are the assignees, each named once, and `items` name them by index.
    /// Errors name the field as the C ABI documents it: `items[3].flags`,
    /// `items[3].assignee`, `items[3].remaining_seconds`, `people[2]`, `items` (items in the
    /// request)...
    ///
    /// ```
    /// use capacity_core::items::bulk::{BulkItem, ITEM_HAS_REMAINING, NO_INDEX};
    /// use capacity_core::{Engine, MemoryStorage};
    /// let (engine, mut storage) = (Engine::new(), MemoryStorage::default());
    /// let items = [BulkItem { key: "DEMO-1", assignee: 0, parent: NO_INDEX, flags: ITEM_HAS_REMAINING, remaining_seconds: 7200, ..BulkItem::default() }];
    /// let request = r#"{"boardId":"1","iteration":{"start":"2026-11-30","end":"2026-12-11"}}"#;
    /// let report = engine.iteration_report_bulk(&mut storage, request, &["alice"], &items).unwrap();
    /// assert!(report.contains("alice"), "a non-member's work is reported, never dropped");
    /// ```
    pub fn iteration_report_bulk(&self, storage: &mut dyn Storage, request_json: &str, people: &[&str], items: &[BulkItem]) -> Result<String> {
        // Checked first, then copied by an exact-size map: the one pass collecting through
        // `Result` (whose size is not known up front) made W1's call (2,000 items) 160 µs
        // instead of 134 (core bench, "W1 split").
        for (i, it) in items.iter().enumerate() {
            validate::check_bulk_flags(i, it.flags, it.reserved)?;
        }
        let items: Vec<_> = items.iter().map(|it| it.to_work_item()).collect();
        let request = iteration::parse_request(request_json)?;
        if !request.items.is_empty() {
            return Err(Error::validation("items", "must be empty: the items are given as an array"));
        }
        let work = WorkSet { people: people.to_vec(), items };
        validate::check_work_set(&work)?;
        iteration::to_json(&self.iteration_report_work(storage, &request, &work)?)
    }

    /// The multi-project report over work items given as arrays, in compact form: its JSON
    /// ([`MultiTable::to_json`]) is what [`Engine::multi_project_report`] gives on the same
    /// data. `request_json` is a multi-project request whose iterations carry no items;
    /// `items[i].board` and `items[i].iteration` place each item in one of them, by
    /// position. The items are read in place, not copied.
    pub fn multi_project_report_bulk(&self, storage: &mut dyn Storage, request_json: &str, people: &[&str], items: &[MultiItem]) -> Result<MultiTable> {
        // The bulk form (tens of thousands of iterations, no items) quickly; anything else
        // (and every error) the usual way.
        let request: MultiRequest = match quick_reader::read_multi(request_json) {
            Some(request) => request,
            None => json::parse(request_json, "")?,
        };
        request.check_no_items()?;
        self.multi_project_table(storage, &request, people, items)
    }
}
