package org.capacitytracker.bench;

import java.util.Locale;
import java.util.function.Supplier;
import org.capacitytracker.api.CapacityEngine;
import org.capacitytracker.api.typed.MultiProjectReport;
import org.capacitytracker.api.typed.TypedCapacityEngine;
import org.capacitytracker.bench.baseline.CompetentReport;
import org.capacitytracker.bench.baseline.MapStorage;
import org.capacitytracker.bench.baseline.StoredDocuments;
import org.capacitytracker.bench.baseline.StraightforwardReport;
import org.capacitytracker.bench.baseline.W2Workload;

/**
 * W2 through the engine (typed API: records to JSON, JNI, JSON back to records) and through
 * the two pure-Java baselines, in one process, with the targets: the engine at least
 * 100× the straightforward Java and 2× the competent Java. Before anything is timed, all three
 * reports are checked to be equal (a faster wrong answer would prove nothing).
 *
 * <p>What each time includes: the engine, the whole typed call (marshalling both ways and its
 * own reads of storage); the Java baselines, parsing the stored documents (fetched from the
 * engine once, beforehand, as a Java implementation would find them in its storage) and the
 * computation from the same typed request. The engine runs with its default two threads and
 * with one (the baselines use one).
 */
final class JavaBaselineSuite implements BenchSuite {
    @Override
    public String name() {
        return "java-baseline";
    }

    @Override
    public void run(BenchTable table) {
        try (CapacityEngine engine = CapacityEngine.open(new MapStorage())) {
            W2Workload w2 = W2Workload.build(engine);
            TypedCapacityEngine typed = new TypedCapacityEngine(engine);
            StoredDocuments stored = StoredDocuments.fetch(engine, w2.request);

            MultiProjectReport expected = typed.multiProjectReport(w2.request);
            check("competent", expected, CompetentReport.compute(stored, w2.request));
            MultiProjectReport straightforward = timedOnce(() -> StraightforwardReport.compute(stored, w2.request));
            check("straightforward", expected, straightforward);
            double straightforwardMs = lastMs;

            double engineMs = best(5, () -> typed.multiProjectReport(w2.request));
            engine.setThreads(1);
            double engineOneMs = best(5, () -> typed.multiProjectReport(w2.request));
            engine.setThreads(2);
            double competentMs = best(5, () -> CompetentReport.compute(stored, w2.request));

            table.add("W2 engine, typed API (2 threads)", engineMs, "ms");
            table.add("W2 engine, typed API (1 thread)", engineOneMs, "ms");
            table.add("W2 competent Java", competentMs, "ms", ratio(competentMs / engineMs, "engine"), "engine ≥ 2×",
                    competentMs / engineMs >= 2);
            table.add("W2 competent Java vs 1-thread engine", competentMs, "ms", ratio(competentMs / engineOneMs, "engine"), "engine ≥ 2×",
                    competentMs / engineOneMs >= 2);
            table.add("W2 straightforward Java", straightforwardMs, "ms", ratio(straightforwardMs / engineMs, "engine"),
                    "engine ≥ 100×", straightforwardMs / engineMs >= 100);
            table.add("W2 straightforward Java vs 1-thread engine", straightforwardMs, "ms",
                    ratio(straightforwardMs / engineOneMs, "engine"), "engine ≥ 100×", straightforwardMs / engineOneMs >= 100);
        }
    }

    private double lastMs;

    private static String ratio(double r, String of) {
        return String.format(Locale.ROOT, "%.1f× %s", r, of);
    }

    private static void check(String which, MultiProjectReport expected, MultiProjectReport actual) {
        if (!expected.equals(actual)) {
            throw new IllegalStateException("the " + which + " Java report of W2 differs from the engine's");
        }
    }

    /** Runs once (the straightforward baseline takes long enough that one run is the figure). */
    private <T> T timedOnce(Supplier<T> work) {
        long start = System.nanoTime();
        T out = work.get();
        lastMs = (System.nanoTime() - start) / 1e6;
        return out;
    }

    /** The best of {@code runs} runs after one to warm up, in milliseconds. */
    private static double best(int runs, Supplier<?> work) {
        work.get();
        double best = Double.MAX_VALUE;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            work.get();
            best = Math.min(best, (System.nanoTime() - start) / 1e6);
        }
        return best;
    }
}
