package org.capacitytracker.bench.latency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PercentilesTest {
    @Test
    void nearestRankOfOneToHundred() {
        long[] samples = new long[100];
        for (int i = 0; i < 100; i++) {
            samples[i] = 100 - i; // unsorted on purpose
        }
        Percentiles p = new Percentiles(samples);
        assertEquals(50, p.nanos(50));
        assertEquals(95, p.nanos(95));
        assertEquals(99, p.nanos(99));
        assertEquals(100, p.nanos(100));
        assertEquals(1, p.nanos(0.5));
        assertEquals(100, p.count());
    }

    @Test
    void rankRoundsUpToARealSample() {
        // n = 10: p95 is rank ceil(9.5) = 10, the largest; p50 is rank 5.
        Percentiles p = new Percentiles(new long[] {7, 3, 9, 1, 5, 2, 8, 4, 10, 6});
        assertEquals(5, p.nanos(50));
        assertEquals(10, p.nanos(95));
        assertEquals(9, p.nanos(90));
    }

    @Test
    void oneSampleIsEveryPercentile() {
        Percentiles p = new Percentiles(new long[] {42_000_000});
        assertEquals(42.0, p.millis(50));
        assertEquals(42.0, p.millis(99));
    }

    @Test
    void inputIsNotReordered() {
        long[] samples = {3, 1, 2};
        new Percentiles(samples).nanos(50);
        assertEquals(3, samples[0]);
    }

    @Test
    void refusesNoSamplesAndBadPercentiles() {
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> new Percentiles(new long[0]));
        assertTrue(none.getMessage().startsWith("samples"));
        Percentiles p = new Percentiles(new long[] {1});
        assertThrows(IllegalArgumentException.class, () -> p.nanos(0));
        assertThrows(IllegalArgumentException.class, () -> p.nanos(100.5));
        assertThrows(IllegalArgumentException.class, () -> p.nanos(Double.NaN));
    }
}
