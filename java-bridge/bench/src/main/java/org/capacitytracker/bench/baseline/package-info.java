/**
 * Two pure-Java implementations of the multi-project report, for {@code make bench} only: a
 * straightforward one ({@link org.capacitytracker.bench.baseline.StraightforwardReport}:
 * {@code java.time}, {@code HashMap}s, boxed numbers, as a vendor would write it) and a
 * competent one ({@link org.capacitytracker.bench.baseline.CompetentReport}: primitive arrays,
 * precomputed calendars), timed against the engine on W2 (issue 11, item 5).
 *
 * <p><b>Not product code.</b> Nothing here is used by the plugin, the host or the API; the
 * engine's logic lives in Rust only. These classes exist so that the claim "the engine is
 * ≥ 100× a straightforward Java and ≥ 2× a competent Java implementation" is measured, and
 * the bench module's tests prove both give the engine's report, field for field, on every
 * multi-project conformance vector and on seeded random scenarios.
 */
package org.capacitytracker.bench.baseline;
