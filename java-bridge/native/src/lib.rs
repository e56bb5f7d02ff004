//! JNI bridge: the native half of `org.capacitytracker.api.CapacityEngine`.
//!
//! Every native method is a `static` method of the package-private Java class
//! `org.capacitytracker.api.Native` and is implemented in [`exports`]. Each export runs its
//! body through [`bridge::run`], which catches panics and turns every failure into one of
//! the API's `Capacity*Exception`s ([`bridge`] is the one place that decides which), so
//! neither a Rust panic nor a stray pending Java exception reaches the JVM raw.
//!
//! The engine keeps no storage: each call hands it a [`storage::JavaStorage`] that calls
//! the caller's `HostStorage` back on the same thread, with the same `JNIEnv`.

mod bridge;
mod exports;
mod storage;

#[cfg(test)]
mod jvm_tests;
