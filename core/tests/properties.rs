//! Invariants of the capacity formula over generated boards and periods.

use std::collections::HashMap;

use capacity_core::documents::days_off::DaysOff;
use capacity_core::reports::iteration::{compute, parse_request};
use capacity_core::documents::settings::BoardSettings;
use chrono::{Duration, NaiveDate};
use proptest::prelude::*;

fn board(daily: f64, allocation: f64, focus: f64, holiday: Option<(u32, f64)>, weekdays: &[&str]) -> BoardSettings {
    let holidays = match holiday {
        Some((day, f)) => format!(r#"[{{"date":"2026-03-{:02}","name":"H","fraction":{f}}}]"#, day),
        None => "[]".into(),
    };
    let days: Vec<String> = weekdays.iter().map(|d| format!("\"{d}\"")).collect();
    BoardSettings::parse(&format!(
        r#"{{"focusFactor":{focus},"holidays":{holidays},"workingWeekdays":[{}],"members":[{{"accountKey":"m","role":"R","dailyCapacity":{daily},"allocation":{allocation}}}]}}"#,
        days.join(",")
    ))
    .unwrap()
}

fn capacity(settings: &BoardSettings, off: &HashMap<String, Box<DaysOff>>, first: NaiveDate, last: NaiveDate) -> (i64, Vec<i64>) {
    let req = parse_request(&format!(r#"{{"boardId":"1","iteration":{{"start":"{first}","end":"{last}"}}}}"#)).unwrap();
    let r = compute(&req, settings, off).unwrap();
    (r.members[0].totals.capacity, r.members[0].days.clone())
}

fn arb_weekdays() -> impl Strategy<Value = Vec<&'static str>> {
    proptest::sample::subsequence(vec!["MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"], 0..=7)
}

proptest! {
    #[test]
    fn capacity_is_never_negative_never_above_nominal_and_additive_over_splits(
        daily in 0.0f64..=24.0,
        allocation in 0.0f64..=100.0,
        focus in 0.0f64..=100.0,
        holiday in proptest::option::of((1u32..=28, 0.01f64..=1.0)),
        off_fraction in 0.01f64..=1.0,
        off_start in 0i64..40,
        off_len in 0i64..10,
        weekdays in arb_weekdays(),
        len in 1i64..60,
        split in 0i64..60,
    ) {
        let settings = board(daily, allocation, focus, holiday, &weekdays);
        let first = NaiveDate::from_ymd_opt(2026, 2, 20).unwrap();
        let last = first + Duration::days(len - 1);
        let off_first = first + Duration::days(off_start);
        let off_doc = format!(
            r#"{{"ranges":[{{"start":"{}","end":"{}","fraction":{off_fraction}}}]}}"#,
            off_first, off_first + Duration::days(off_len)
        );
        let mut off = HashMap::new();
        off.insert("m".to_string(), Box::new(DaysOff::parse(&off_doc, "m").unwrap()));

        let (total, days) = capacity(&settings, &off, first, last);
        let nominal = settings.members[0].daily;
        prop_assert!(days.iter().all(|d| *d >= 0 && *d <= nominal));
        prop_assert!(total >= 0 && total <= nominal * len);
        prop_assert_eq!(total, days.iter().sum::<i64>());

        let split = split.min(len - 1);
        if split > 0 {
            let mid = first + Duration::days(split);
            let (a, _) = capacity(&settings, &off, first, mid - Duration::days(1));
            let (b, _) = capacity(&settings, &off, mid, last);
            prop_assert_eq!(a + b, total);
        }
    }
}
