//! JNI bridge: the native half of `org.capacitytracker.api.CapacityEngine`.
//!
//! Every native method is a `static` method of the package-private Java class
//! `org.capacitytracker.api.Native`, declared once in [`operations`] (which also generates
//! `Native.java`; see [`declare`]). Each export runs its
//! body through [`bridge::run`], which catches panics and turns every failure into one of
//! the API's `Capacity*Exception`s ([`bridge`] is the one place that decides which), so
//! neither a Rust panic nor a stray pending Java exception reaches the JVM raw.
//!
//! The engine keeps no storage: each call hands it a [`storage::JavaStorage`] that calls
//! the caller's `HostStorage` back on the same thread, with the same `JNIEnv`.

mod bridge;
mod bulk;
mod declare;
mod operations;
mod storage;
mod support;

#[cfg(test)]
mod declaration_tests;
#[cfg(test)]
mod jvm_tests;
