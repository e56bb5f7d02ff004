//! The reports: one iteration of one board ([`iteration`]), and many boards over a
//! period ([`multi`]); which work each counts by the kind of its iteration ([`period`]);
//! what they share (how a cell is judged, warnings); and the quick reader of their requests.

pub mod iteration;
pub mod multi;
pub mod period;
pub(crate) mod quick_reader;
pub mod status;
pub(crate) mod team;
pub mod warning;
