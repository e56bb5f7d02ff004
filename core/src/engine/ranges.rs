//! A Kanban board's saved date ranges (`documents::ranges`): read and written like every
//! other document, against the revision read.

use std::sync::Arc;

use super::shared::{BoardRanges, Kind};
use super::Engine;
use crate::documents::ranges::RangesDoc;
use crate::error::Result;
use crate::storage::store::Storage;

impl Engine {
    fn load_ranges(&self, storage: &mut dyn Storage, board_id: &str) -> Result<Arc<RangesDoc>> {
        Ok(self.load_doc::<BoardRanges>(storage, board_id)?.unwrap_or_else(|| Arc::new(RangesDoc::empty(board_id))))
    }

    /// A board's saved date ranges: `{"schema","revision","boardId","ranges":[{"id","name",
    /// "start","end"}]}`; a board without any gets an empty list at revision 0.
    pub fn get_board_ranges(&self, storage: &mut dyn Storage, board_id: &str) -> Result<String> {
        BoardRanges::render(&*self.load_ranges(storage, board_id)?)
    }

    /// Validates and stores a board's date ranges (the whole list) against the revision
    /// read; a stale revision is a conflict and nothing is written. Returns the stored
    /// document (revision + 1).
    pub fn put_board_ranges(&self, storage: &mut dyn Storage, board_id: &str, json: &str) -> Result<String> {
        let doc = RangesDoc::parse(json, board_id)?;
        self.save_doc::<BoardRanges>(storage, board_id, doc, |s| Ok(Some(self.load_ranges(s, board_id)?.revision).filter(|r| *r > 0)))
    }
}

#[cfg(test)]
mod tests {
    use crate::{Engine, ErrorCode, MemoryStorage};

    const Q1: &str = r#"{"revision":0,"ranges":[{"id":"q1","name":"Q1","start":"2027-01-01","end":"2027-03-31"}]}"#;

    #[test]
    fn ranges_are_stored_against_their_revision() {
        let engine = Engine::new();
        let mut storage = MemoryStorage::default();
        assert!(engine.get_board_ranges(&mut storage, "7").unwrap().contains(r#""revision":0"#));
        let stored = engine.put_board_ranges(&mut storage, "7", Q1).unwrap();
        assert!(stored.contains(r#""revision":1"#), "{stored}");
        assert!(stored.contains(r#""boardId":"7""#));
        // Written again from revision 0: stale, nothing changes.
        let e = engine.put_board_ranges(&mut storage, "7", r#"{"revision":0,"ranges":[]}"#).unwrap_err();
        assert_eq!(e.code(), ErrorCode::Conflict);
        assert_eq!(engine.get_board_ranges(&mut storage, "7").unwrap(), stored);
        // Another board has its own.
        assert!(engine.get_board_ranges(&mut storage, "8").unwrap().contains(r#""ranges":[]"#));
    }

    #[test]
    fn bad_ranges_store_nothing() {
        let engine = Engine::new();
        let mut storage = MemoryStorage::default();
        let e = engine.put_board_ranges(&mut storage, "7", r#"{"revision":0,"ranges":[{"id":"q1","name":"Q1","start":"2027-02-01","end":"2027-01-01"}]}"#).unwrap_err();
        assert_eq!(e.field(), Some("ranges[0].end"));
        let e = engine.put_board_ranges(&mut storage, "no/board", Q1).unwrap_err();
        assert_eq!(e.field(), Some("boardId"));
        assert!(engine.get_board_ranges(&mut storage, "7").unwrap().contains(r#""revision":0"#));
    }

    #[test]
    fn ranges_travel_in_the_backup() {
        let engine = Engine::new();
        let mut storage = MemoryStorage::default();
        engine.put_board_ranges(&mut storage, "7", Q1).unwrap();
        let export = engine.export_all(&mut storage).unwrap();
        assert!(export.contains(r#""kind":"ranges""#), "{export}");
        let mut other = MemoryStorage::default();
        engine.import_all(&mut other, &format!(r#"{{"mode":"empty","export":{export}}}"#)).unwrap();
        assert!(Engine::new().get_board_ranges(&mut other, "7").unwrap().contains(r#""name":"Q1""#));
    }
}

#[cfg(test)]
mod report_tests {
    use crate::{Engine, MemoryStorage};

    /// The multi-project report applies a range's rule to a Kanban board's range, and
    /// leaves a version's (and a sprint's) items as sent.
    #[test]
    fn the_multi_project_report_counts_a_range_by_its_rule() {
        let engine = Engine::new();
        let mut storage = MemoryStorage::default();
        engine.put_board_settings(&mut storage, "K", r#"{"revision":0,"timeZone":"UTC","members":[{"accountKey":"ann","role":"Developer","dailyCapacity":6}]}"#).unwrap();
        let request = |kind: &str| {
            format!(
                r#"{{"definition":{{"name":"K","boardIds":["K"],"period":{{"start":"2026-11-30","end":"2026-12-06"}},"bucket":"week","grouping":"board"}},
                "boards":[{{"boardId":"K","iterations":[{{"id":"x","kind":"{kind}","start":"2026-11-30","end":"2026-12-04","items":[
                  {{"key":"K-1","assignee":"ann","statusCategory":"new","remainingSeconds":3600}},
                  {{"key":"K-2","assignee":"ann","statusCategory":"done","remainingSeconds":7200}},
                  {{"key":"K-3","statusCategory":"new","remainingSeconds":7200}}]}}]}}]}}"#
            )
        };
        let range = engine.multi_project_report(&mut storage, &request("range")).unwrap();
        assert!(range.contains("rangeLeavesOut"), "{range}");
        let version = engine.multi_project_report(&mut storage, &request("version")).unwrap();
        assert!(!version.contains("rangeLeavesOut"), "{version}");
        // Ann's open hour counts either way.
        let workload = |report: &str| serde_json::from_str::<serde_json::Value>(report).unwrap()["rows"][0]["cells"][0]["workload"].clone();
        assert_eq!(workload(&range), workload(&version), "{range}\n{version}");
        assert!(workload(&range).as_i64().is_some_and(|w| w > 0), "{range}");
        let e = engine.multi_project_report(&mut storage, &request("epic")).unwrap_err();
        assert!(e.field().unwrap_or("").contains("kind"), "{e:?}");
    }
}
