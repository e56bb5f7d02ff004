package org.capacitytracker.bench.latency;

import java.util.Arrays;

/**
 * Percentiles of measured durations by the nearest-rank method: the p-th percentile of n sorted
 * samples is the one at rank ceil(p/100 × n), so every figure reported is a latency some request
 * really had (no interpolation between two requests).
 */
public final class Percentiles {
    private final long[] sorted;

    /**
     * @param samples durations in nanoseconds, in any order (copied, not changed)
     * @throws IllegalArgumentException when there are none
     */
    public Percentiles(long[] samples) {
        if (samples.length == 0) {
            throw new IllegalArgumentException("samples: no requests were measured");
        }
        sorted = samples.clone();
        Arrays.sort(sorted);
    }

    /**
     * @param p the percentile, 0 &lt; p ≤ 100
     * @return that percentile in nanoseconds
     */
    public long nanos(double p) {
        if (!(p > 0 && p <= 100)) {
            throw new IllegalArgumentException("p: a percentile is above 0 and at most 100, got " + p);
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }

    /** The same percentile in milliseconds. */
    public double millis(double p) {
        return nanos(p) / 1e6;
    }

    /** How many samples there are. */
    public int count() {
        return sorted.length;
    }
}
