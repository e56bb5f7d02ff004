//! One member's figures over one iteration: the small query a consumer plugin asks.
//!
//! No capacity logic of its own: the iteration report computes the member's row as it
//! always does (over a team of that member alone), and this picks it out, so the two can
//! never disagree (the tests compare them).

use chrono::NaiveDate;

use super::Engine;
use crate::documents::units::{Unit, RATIO_ONE};
use crate::error::{Error, Result};
use crate::items::WorkSet;
use crate::reports::iteration;
use crate::storage::store::Storage;

/// One member's row of the iteration report, as numbers.
#[derive(Debug, Clone, PartialEq)]
pub struct MemberFigures {
    pub unit: Unit,
    /// In base units (minutes or hundredths of a point), as the report gives them.
    pub capacity: i64,
    /// Capacity from `asOf` on; none when the request has no `asOf`.
    pub remaining_capacity: Option<i64>,
    /// The work passed in the request assigned to the member (0 when none was passed).
    pub workload: i64,
    pub daily_capacity: i64,
    /// In ten-thousandths (10 000 = 100 %).
    pub allocation: i64,
    pub working_days: u32,
    /// Days off counted on working days, in ten-thousandths of a day.
    pub days_off: i64,
    pub first_date: NaiveDate,
    pub last_date: NaiveDate,
    pub as_of: Option<NaiveDate>,
}

impl MemberFigures {
    /// A date as days since 1970-01-01, the form the C and JNI bindings give dates in.
    pub fn epoch_day(date: NaiveDate) -> i64 {
        date.signed_duration_since(NaiveDate::default()).num_days()
    }
}

impl Engine {
    /// `accountKey`'s figures in the iteration report `request_json` asks (the same request
    /// as `iteration_report`); a key not on the iteration's team is `notFound` on `accountKey`.
    pub fn member_capacity(&self, storage: &mut dyn Storage, request_json: &str, account_key: &str) -> Result<MemberFigures> {
        crate::ids::check_id("accountKey", account_key)?;
        // Asked again with nothing it read changed, the answer is the one computed before.
        self.members.figures(storage, request_json, account_key, |storage| self.compute_member(storage, request_json, account_key))
    }

    fn compute_member(&self, storage: &mut dyn Storage, request_json: &str, account_key: &str) -> Result<MemberFigures> {
        let request = iteration::parse_request(request_json)?;
        let work = WorkSet::from_items(&request.items);
        let report = self.iteration_report_for(storage, &request, &work, Some(account_key))?;
        let member = report.members.iter().find(|m| m.account_key == account_key).ok_or_else(|| {
            let iteration = report.iteration.id.as_deref().unwrap_or("(none)");
            Error::not_found("accountKey", format!("{account_key} is not a member of board {} in iteration {iteration}", report.board_id))
        })?;
        Ok(MemberFigures {
            unit: report.unit,
            capacity: member.totals.capacity,
            remaining_capacity: member.totals.remaining_capacity,
            workload: member.totals.workload,
            daily_capacity: member.daily_capacity,
            // The report shows these as decimals of exact fixed-point values: back to them.
            allocation: (member.allocation * 100.0).round() as i64,
            working_days: member.working_days,
            days_off: (member.days_off * RATIO_ONE as f64).round() as i64,
            first_date: report.iteration.first_date,
            last_date: report.iteration.last_date,
            as_of: report.iteration.as_of,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ErrorCode, MemoryStorage};

    const BOARD: &str = r#"{"revision":0,"members":[{"accountKey":"alice","role":"Developer","dailyCapacity":6},{"accountKey":"bob","role":"Developer","dailyCapacity":8,"allocation":50}]}"#;
    // Monday 2026-11-30 to Saturday 2026-12-05 (a date-only end counts that day): five working days.
    const REQUEST: &str = r#"{"boardId":"1","iteration":{"id":"7","start":"2026-11-30","end":"2026-12-05","asOf":"2026-12-03"},"items":[{"key":"A-1","assignee":"bob","remainingSeconds":7200}]}"#;

    fn setup() -> (Engine, MemoryStorage) {
        let engine = Engine::new();
        let mut s = MemoryStorage::default();
        engine.put_board_settings(&mut s, "1", BOARD).unwrap();
        engine.put_days_off(&mut s, "bob", r#"{"revision":0,"ranges":[{"start":"2026-12-01","end":"2026-12-01","fraction":0.5}]}"#).unwrap();
        (engine, s)
    }

    #[test]
    fn the_figures_are_the_members_row_of_the_iteration_report() {
        let (engine, mut s) = setup();
        let report: serde_json::Value = serde_json::from_str(&engine.iteration_report(&mut s, REQUEST).unwrap()).unwrap();
        for (i, key) in ["alice", "bob"].into_iter().enumerate() {
            let f = engine.member_capacity(&mut s, REQUEST, key).unwrap();
            let row = &report["members"][i];
            assert_eq!(row["accountKey"], key);
            assert_eq!(f.capacity, row["capacity"].as_i64().unwrap(), "{key}");
            assert_eq!(f.remaining_capacity, row["remainingCapacity"].as_i64(), "{key}");
            assert_eq!(f.workload, row["workload"].as_i64().unwrap(), "{key}");
            assert_eq!(f.daily_capacity, row["dailyCapacity"].as_i64().unwrap(), "{key}");
            assert_eq!(f.working_days as u64, row["workingDays"].as_u64().unwrap(), "{key}");
            assert_eq!(f.allocation as f64 / 100.0, row["allocation"].as_f64().unwrap(), "{key}");
            assert_eq!(f.days_off as f64 / RATIO_ONE as f64, row["daysOff"].as_f64().unwrap(), "{key}");
        }
        let bob = engine.member_capacity(&mut s, REQUEST, "bob").unwrap();
        assert_eq!((bob.workload, bob.allocation, bob.days_off), (120, 5_000, 5_000));
        assert_eq!(bob.first_date.to_string(), "2026-11-30");
        assert_eq!(bob.as_of.map(|d| d.to_string()).as_deref(), Some("2026-12-03"));
        assert_eq!(bob.unit, Unit::Hours);
        assert_eq!(MemberFigures::epoch_day(bob.first_date), 20_787);
        assert_eq!((bob.last_date.to_string(), bob.working_days), ("2026-12-05".to_owned(), 5));
    }

    #[test]
    fn without_as_of_there_is_no_remaining_capacity() {
        let (engine, mut s) = setup();
        let f = engine.member_capacity(&mut s, &REQUEST.replace(r#","asOf":"2026-12-03""#, ""), "alice").unwrap();
        assert_eq!((f.capacity, f.remaining_capacity, f.as_of), (5 * 6 * 60, None, None));
    }

    #[test]
    fn a_key_off_the_team_or_malformed_and_bad_requests_name_the_field() {
        let (engine, mut s) = setup();
        let err = engine.member_capacity(&mut s, REQUEST, "carol").unwrap_err();
        assert_eq!((err.code(), err.field()), (ErrorCode::NotFound, Some("accountKey")));
        assert_eq!(err.message(), "accountKey: carol is not a member of board 1 in iteration 7");
        let err = engine.member_capacity(&mut s, REQUEST, "").unwrap_err();
        assert_eq!((err.code(), err.field()), (ErrorCode::Validation, Some("accountKey")));
        let err = engine.member_capacity(&mut s, &REQUEST.replace("2026-12-05", "2026-11-01"), "alice").unwrap_err();
        assert_eq!(err.field(), Some("iteration.end"));
    }

    /// A storage shared by several engines (cluster nodes), counting reads.
    struct Shared<'s> {
        inner: &'s mut MemoryStorage,
        reads: usize,
        /// Calls of `get_many` (one host call each through JNI).
        batches: usize,
    }

    impl Storage for Shared<'_> {
        fn get(&mut self, key: &str) -> std::result::Result<Option<String>, crate::StorageError> {
            self.reads += 1;
            self.inner.get(key)
        }
        fn get_many(&mut self, keys: &[&str]) -> std::result::Result<Vec<Option<String>>, crate::StorageError> {
            self.batches += 1;
            self.reads += keys.len();
            self.inner.get_many(keys)
        }
        fn put(&mut self, key: &str, value: &str) -> std::result::Result<(), crate::StorageError> {
            self.inner.put(key, value)
        }
        fn remove(&mut self, key: &str) -> std::result::Result<(), crate::StorageError> {
            self.inner.remove(key)
        }
    }

    /// What an engine that has never seen this storage answers (no caches, nothing kept).
    fn fresh(s: &mut MemoryStorage, key: &str) -> MemberFigures {
        Engine::new().member_capacity(s, REQUEST, key).unwrap()
    }

    #[test]
    fn a_kept_answer_is_given_after_the_same_reads_and_is_the_computed_one() {
        let (engine, mut s) = setup();
        // The board read once already (its stamp seen with its text), as a panel has.
        engine.iteration_report(&mut s, REQUEST).unwrap();
        let first = engine.member_capacity(&mut s, REQUEST, "bob").unwrap();
        let mut counted = Shared { inner: &mut s, reads: 0, batches: 0 };
        let again = engine.member_capacity(&mut counted, REQUEST, "bob").unwrap();
        assert_eq!(again, first);
        // The board's stamp, the iteration's changes, bob's days off: the reads the query
        // makes anyway, none more, and all in one host call.
        assert_eq!((counted.reads, counted.batches), (3, 1));
        assert_eq!(again, fresh(&mut s, "bob"));
        // Another key, another request: each its own answer.
        assert_eq!(engine.member_capacity(&mut s, REQUEST, "alice").unwrap(), fresh(&mut s, "alice"));
        let other = REQUEST.replace("2026-12-05", "2026-12-04");
        let shorter = engine.member_capacity(&mut s, &other, "bob").unwrap();
        assert_eq!(shorter, Engine::new().member_capacity(&mut s, &other, "bob").unwrap());
        assert_ne!(shorter, first);
    }

    #[test]
    fn every_write_through_this_engine_or_another_node_is_seen_by_the_next_query() {
        let (a, mut s) = setup();
        let b = Engine::new();
        let ask = |s: &mut MemoryStorage| {
            let answer = a.member_capacity(s, REQUEST, "bob").unwrap();
            assert_eq!(answer, fresh(s, "bob"), "the kept answer is stale");
            answer
        };
        let mut seen = vec![ask(&mut s)];
        // Each write changes bob's figures; after each, node A's answer is what a fresh
        // engine computes, whichever node wrote.
        type Write<'e> = Box<dyn Fn(&mut MemoryStorage) + 'e>;
        let writes: Vec<Write> = vec![
            Box::new(|s| { b.put_days_off(s, "bob", r#"{"revision":1,"ranges":[{"start":"2026-12-01","end":"2026-12-02"}]}"#).unwrap(); }),
            Box::new(|s| { a.put_days_off(s, "bob", r#"{"revision":2,"ranges":[]}"#).unwrap(); }),
            Box::new(|s| { b.put_board_settings(s, "1", &BOARD.replace(r#""revision":0"#, r#""revision":1"#).replace(r#""dailyCapacity":8"#, r#""dailyCapacity":7"#)).unwrap(); }),
            Box::new(|s| { b.put_iteration_team(s, "1", "7", r#"{"revision":0,"members":[{"accountKey":"bob","action":"change","dailyCapacity":3}]}"#).unwrap(); }),
            Box::new(|s| {
                b.put_calendar(s, "company", r#"{"name":"Company","rules":[{"type":"fixed","name":"Founding","month":12,"day":2}]}"#).unwrap();
                a.put_board_settings(s, "1", &BOARD.replace(r#""revision":0"#, r#""revision":2,"holidayCalendar":"company""#).replace(r#""dailyCapacity":8"#, r#""dailyCapacity":7"#)).unwrap();
            }),
            Box::new(|s| { b.put_calendar(s, "company", r#"{"revision":1,"name":"Company","rules":[{"type":"fixed","name":"Founding","month":12,"day":4}]}"#).unwrap(); }),
            Box::new(|s| { a.put_iteration_team(s, "1", "7", r#"{"revision":1,"members":[{"accountKey":"bob","action":"remove"}]}"#).unwrap(); }),
        ];
        for (i, write) in writes.iter().enumerate() {
            write(&mut s);
            if i == writes.len() - 1 {
                // bob is off the team now: not found, by this node as by a fresh one.
                let err = a.member_capacity(&mut s, REQUEST, "bob").unwrap_err();
                assert_eq!(err.code(), ErrorCode::NotFound);
                break;
            }
            let now = ask(&mut s);
            assert!(!seen.contains(&now), "write {i} changed nothing the test can see: {now:?}");
            seen.push(now);
        }
    }

    #[test]
    fn the_report_reads_the_teams_days_off_in_one_host_call() {
        let (engine, mut s) = setup();
        let mut counted = Shared { inner: &mut s, reads: 0, batches: 0 };
        let report = engine.iteration_report(&mut counted, REQUEST).unwrap();
        // alice's and bob's days off, asked together.
        assert_eq!(counted.batches, 1);
        assert_eq!(report, Engine::new().iteration_report(&mut s, REQUEST).unwrap());
        // And the answer is the one the team's days off give.
        let bob = engine.member_capacity(&mut s, REQUEST, "bob").unwrap();
        assert_eq!(bob.days_off, 5_000);
    }
}
