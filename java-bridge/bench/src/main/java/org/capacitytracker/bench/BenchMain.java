package org.capacitytracker.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.capacitytracker.bench.latency.PanelLatencySuite;

/**
 * {@code make bench}'s Java part: runs every suite (or those {@code BENCH_ONLY} names) in this
 * one process and prints one table.
 */
public final class BenchMain {
    private BenchMain() {
    }

    /** The suites, in the order their rows are printed. Each suite adds itself here. */
    static List<BenchSuite> suites() {
        return List.of(new JniSuite(), new MemberQuerySuite(), new JavaBaselineSuite(), new BulkBreakdownSuite(), new PanelLatencySuite(),
                new org.capacitytracker.bench.latency.RestReportSuite());
    }

    public static void main(String[] args) throws Exception {
        String only = System.getenv().getOrDefault("BENCH_ONLY", "");
        Set<String> selected = only.isBlank() ? Set.of()
                : Arrays.stream(only.split(",")).map(String::trim).collect(Collectors.toSet());
        BenchTable table = new BenchTable();
        for (BenchSuite suite : suites()) {
            if (!selected.isEmpty() && !selected.contains(suite.name())) {
                continue;
            }
            try {
                suite.run(table);
            } catch (Exception e) {
                throw new IllegalStateException("bench suite " + suite.name() + " failed: " + e, e);
            }
        }
        table.print(System.out);
    }
}
