//! Calendar and capacity computation: how an iteration's dates are read, and what each
//! member can give on each day (and, precomputed as prefix sums, over any range of days).

pub(crate) mod calendar;
pub(crate) mod days;
pub(crate) mod index;
