//! What a panic becomes at the boundary, for exports that cannot fail (accessors,
//! `_free`) and, through `boundary`, for those that can.

use std::any::Any;
use std::panic::{catch_unwind, AssertUnwindSafe};

/// Runs the body of an infallible export (accessors, `_free`), giving `fallback` on panic.
pub(crate) fn boundary_or<T>(fallback: T, body: impl FnOnce() -> T) -> T {
    catch_unwind(AssertUnwindSafe(body)).unwrap_or(fallback)
}

pub(crate) fn panic_message(payload: &(dyn Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "a panic with a non-string payload".to_string()
    }
}
