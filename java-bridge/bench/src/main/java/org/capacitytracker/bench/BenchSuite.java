package org.capacitytracker.bench;

/**
 * One group of measurements of {@code make bench}: it adds its rows to the run's one table,
 * so every figure of a run is measured in the same process and its ratios are like with like.
 */
public interface BenchSuite {
    /** A short name, as {@code BENCH_ONLY} selects suites (comma-separated). */
    String name();

    /**
     * Measures and adds rows to {@code table}.
     *
     * @param table the run's table
     * @throws Exception a failure ends the run with a message naming the suite
     */
    void run(BenchTable table) throws Exception;
}
