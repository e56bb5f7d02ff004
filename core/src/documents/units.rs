//! Exact quantities. Capacity is summed over up to a year of days per person, so every
//! quantity is an integer in a base unit (minutes, hundredths of a point) and every ratio
//! an integer in ten-thousandths: no floating drift, and `a + b` over a split period is
//! exactly the whole.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// Ten-thousandths: the resolution of fractions of a day and of percentages.
pub const RATIO_ONE: i64 = 10_000;

/// The board's unit of capacity and workload.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Unit {
    Hours,
    StoryPoints,
}

impl Unit {
    /// Base units per unit: minutes per hour, hundredths per point.
    pub fn base_per_unit(self) -> i64 {
        match self {
            Unit::Hours => 60,
            Unit::StoryPoints => 100,
        }
    }

    /// Name of the base unit in reports.
    pub fn base_name(self) -> &'static str {
        match self {
            Unit::Hours => "minute",
            Unit::StoryPoints => "hundredth",
        }
    }

    /// Largest daily capacity that makes sense in this unit.
    pub fn max_daily(self) -> f64 {
        match self {
            Unit::Hours => 24.0,
            Unit::StoryPoints => 1000.0,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Unit::Hours => "hours",
            Unit::StoryPoints => "story points",
        }
    }
}

/// A ratio in ten-thousandths, always within `0..=max` as validated at the edge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Hash)]
pub struct Ratio(pub i64);

impl Ratio {
    pub const ZERO: Ratio = Ratio(0);
    pub const ONE: Ratio = Ratio(RATIO_ONE);

    /// A fraction of a day: `0 < value <= 1` (or `0 <= value` when `allow_zero`).
    pub fn fraction(value: f64, field: &str, allow_zero: bool) -> Result<Ratio> {
        check_finite(value, field)?;
        let ok = if allow_zero { (0.0..=1.0).contains(&value) } else { value > 0.0 && value <= 1.0 };
        if !ok {
            let range = if allow_zero { "between 0 and 1" } else { "greater than 0 and at most 1" };
            return Err(Error::validation(field, format!("must be {range}, got {value}")));
        }
        Ok(Ratio((value * RATIO_ONE as f64).round() as i64))
    }

    /// A percentage `0..=max_percent`.
    pub fn percent(value: f64, field: &str, max_percent: f64) -> Result<Ratio> {
        check_finite(value, field)?;
        if !(0.0..=max_percent).contains(&value) {
            return Err(Error::validation(
                field,
                format!("must be a percentage between 0 and {max_percent}, got {value}"),
            ));
        }
        Ok(Ratio((value * 100.0).round() as i64))
    }

    /// `min(1, self + other)`.
    pub fn saturating_add_one(self, other: Ratio) -> Ratio {
        Ratio((self.0 + other.0).min(RATIO_ONE))
    }

    /// The ratio as a decimal number of whole units (e.g. days), for reports.
    pub fn as_f64(self) -> f64 {
        self.0 as f64 / RATIO_ONE as f64
    }
}

/// Rejects NaN and infinities (JSON has neither, but numbers like 1e999 overflow to them).
pub fn check_finite(value: f64, field: &str) -> Result<()> {
    if value.is_finite() {
        Ok(())
    } else {
        Err(Error::validation(field, format!("must be a finite number, got {value}")))
    }
}

/// Converts a non-negative decimal amount of `unit` into base units.
pub fn to_base(value: f64, unit: Unit, field: &str, max: f64) -> Result<i64> {
    check_finite(value, field)?;
    if value < 0.0 {
        return Err(Error::validation(field, format!("must not be negative, got {value}")));
    }
    if value > max {
        return Err(Error::validation(
            field,
            format!("must be at most {max} {}, got {value}", unit.label()),
        ));
    }
    Ok((value * unit.base_per_unit() as f64).round() as i64)
}

/// `value × ratios / RATIO_ONE^n`, rounded half up, computed in 128 bits so no
/// intermediate product can overflow.
pub fn scale(value: i64, ratios: &[Ratio]) -> i64 {
    let mut num: i128 = value as i128;
    let mut den: i128 = 1;
    for r in ratios {
        num *= r.0 as i128;
        den *= RATIO_ONE as i128;
    }
    ((num * 2 + den) / (den * 2)) as i64
}

/// Utilisation in percent with one decimal (`workload / capacity`), `None` when there is
/// no capacity. Rounded half up on exact integers, so every binding prints the same digits.
pub fn utilisation(workload: i64, capacity: i64) -> Option<f64> {
    if capacity <= 0 {
        return None;
    }
    let per_mille = (workload as i128 * 2000 + capacity as i128) / (capacity as i128 * 2);
    Some(per_mille as f64 / 10.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fractions_are_validated_and_exact() {
        assert_eq!(Ratio::fraction(0.5, "f", false).unwrap(), Ratio(5000));
        assert!(Ratio::fraction(0.0, "f", false).is_err());
        assert!(Ratio::fraction(1.5, "f", false).is_err());
        assert_eq!(Ratio::fraction(0.0, "f", true).unwrap(), Ratio(0));
        let e = Ratio::fraction(f64::NAN, "holidays[0].fraction", false).unwrap_err();
        assert_eq!(e.field(), Some("holidays[0].fraction"));
    }

    #[test]
    fn scale_rounds_half_up() {
        assert_eq!(scale(360, &[Ratio(5000)]), 180);
        assert_eq!(scale(1, &[Ratio(5000)]), 1);
        assert_eq!(scale(360, &[Ratio::ONE, Ratio::ONE, Ratio(RATIO_ONE / 3)]), 120);
    }

    #[test]
    fn utilisation_has_one_decimal() {
        assert_eq!(utilisation(28, 60), Some(46.7));
        assert_eq!(utilisation(28, 54), Some(51.9));
        assert_eq!(utilisation(51, 50), Some(102.0));
        assert_eq!(utilisation(5, 0), None);
    }

    #[test]
    fn to_base_rejects_negative_and_too_large() {
        assert_eq!(to_base(6.5, Unit::Hours, "d", 24.0).unwrap(), 390);
        assert!(to_base(-1.0, Unit::Hours, "d", 24.0).is_err());
        assert!(to_base(25.0, Unit::Hours, "d", 24.0).is_err());
        assert_eq!(to_base(2.25, Unit::StoryPoints, "d", 1000.0).unwrap(), 225);
    }
}
