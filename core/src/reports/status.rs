//! How a workload compares with its capacity: the one judgement every report makes.

use crate::documents::units::{utilisation, Ratio};

/// How a workload compares with its capacity and the thresholds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    NoCapacity,
    Under,
    Ok,
    Over,
}

impl Status {
    /// The name reports use.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::NoCapacity => "noCapacity",
            Status::Under => "under",
            Status::Ok => "ok",
            Status::Over => "over",
        }
    }
}

/// Utilisation (as [`utilisation`]) and status of `workload` against `capacity`, with the
/// thresholds `under` and `over`. Computed together and in 64 bits when nothing can
/// overflow: a multi-project report judges a million cells.
pub fn judge(workload: i64, capacity: i64, under: Ratio, over: Ratio) -> (Option<f64>, Status) {
    if capacity <= 0 {
        return (None, Status::NoCapacity);
    }
    // The same per mille as `utilisation` computes in 128 bits: equal quotients when the
    // products fit.
    let percent = match (workload.checked_mul(2000).and_then(|n| n.checked_add(capacity)), capacity.checked_mul(2)) {
        (Some(n), Some(d)) => (n / d) as f64 / 10.0,
        _ => utilisation(workload, capacity).expect("capacity > 0"),
    };
    // The status follows the utilisation as shown (one decimal), so "80.0 %" is never
    // "under" an 80 % threshold. Thresholds are percentages in hundredths (80 % = 8000);
    // the shown utilisation in tenths of a percent, times ten, is on the same scale.
    let shown = (percent * 10.0).round() as i64 * 10;
    let status = if shown < under.0 {
        Status::Under
    } else if shown > over.0 {
        Status::Over
    } else {
        Status::Ok
    };
    (Some(percent), status)
}

