//! The period cut into week, month or quarter buckets.

use chrono::{Datelike, Duration, NaiveDate};

use super::table::BucketOut;
use crate::documents::report_defs::Bucket;

/// Bucket index of each date of the period, and the buckets.
pub(crate) fn bucketise(first: NaiveDate, last: NaiveDate, bucket: Bucket) -> (Vec<usize>, Vec<BucketOut>) {
    let mut of_day = Vec::new();
    let mut buckets: Vec<BucketOut> = Vec::new();
    let mut d = first;
    while d <= last {
        let (label, start) = match bucket {
            Bucket::Week => {
                let w = d.iso_week();
                (format!("{}-W{:02}", w.year(), w.week()), d - Duration::days(d.weekday().num_days_from_monday() as i64))
            }
            Bucket::Month => (format!("{}-{:02}", d.year(), d.month()), d.with_day(1).expect("day 1 exists")),
            Bucket::Quarter => {
                let q = (d.month() - 1) / 3;
                (format!("{}-Q{}", d.year(), q + 1), NaiveDate::from_ymd_opt(d.year(), q * 3 + 1, 1).expect("quarter start exists"))
            }
        };
        if buckets.last().map(|b| &b.label) != Some(&label) {
            buckets.push(BucketOut { label, start: start.max(first), end: d });
        }
        buckets.last_mut().expect("just pushed").end = d;
        of_day.push(buckets.len() - 1);
        d = d.succ_opt().expect("validated period");
    }
    (of_day, buckets)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buckets_follow_the_calendar() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let (of, b) = bucketise(d("2026-03-28"), d("2026-04-07"), Bucket::Week);
        assert_eq!(b.iter().map(|b| b.label.as_str()).collect::<Vec<_>>(), ["2026-W13", "2026-W14", "2026-W15"]);
        assert_eq!(b[0].start, d("2026-03-28"));
        assert_eq!(of.len(), 11);
        let (_, b) = bucketise(d("2026-03-28"), d("2026-07-01"), Bucket::Quarter);
        assert_eq!(b.iter().map(|b| b.label.as_str()).collect::<Vec<_>>(), ["2026-Q1", "2026-Q2", "2026-Q3"]);
        let (_, b) = bucketise(d("2026-12-30"), d("2027-01-02"), Bucket::Month);
        assert_eq!(b.iter().map(|b| b.label.as_str()).collect::<Vec<_>>(), ["2026-12", "2027-01"]);
    }
}
