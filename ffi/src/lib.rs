//! `capacity-ffi`: the C ABI over `capacity-core`.
//!
//! The generated header `include/capacity_tracker.h` is the contract; read it first. This
//! crate follows rustls-ffi's rules: every C type is opaque and released by its `_free`
//! (NULL is a no-op), every fallible export returns an owned `ct_error *` (NULL on success),
//! output parameters come last and are written only on success, strings cross as UTF-8
//! with explicit lengths, and every body runs inside [`boundary`] so a panic becomes a
//! `CT_ERROR_PANIC` error instead of unwinding into C.
//!
//! Item names follow C (`ct_engine`, `ct_error_code`) because cbindgen copies them verbatim.
#![allow(non_camel_case_types)]
#![deny(unsafe_op_in_unsafe_fn)]

mod boundary;
mod buffer;
mod bulk;
mod engine;
mod error;
mod operations;
mod panic;
mod storage;

pub use buffer::*;
pub use bulk::*;
pub use engine::*;
pub use error::*;
pub use operations::*;
pub use storage::*;
