package org.capacitytracker.bench;

import java.util.function.Supplier;
import org.capacitytracker.api.BulkItems;
import org.capacitytracker.api.BulkPathProbe;
import org.capacitytracker.api.CapacityEngine;
import org.capacitytracker.api.MultiReportArrays;
import org.capacitytracker.api.typed.MultiProjectRequest;
import org.capacitytracker.api.typed.MultiProjectTable;
import org.capacitytracker.api.typed.ReportItemSink;
import org.capacitytracker.api.typed.SinkProbe;
import org.capacitytracker.api.typed.StatusCategory;
import org.capacitytracker.api.typed.WorkItem;
import org.capacitytracker.bench.baseline.MapStorage;
import org.capacitytracker.bench.baseline.W2Workload;

/**
 * Where the W2 table path's time goes ({@code java-baseline}'s "engine (table path)" row:
 * 1,000,000 {@link WorkItem} records into a {@link ReportItemSink}, the bulk JNI call, a
 * {@link MultiProjectTable}): each step timed apart, best of several, in one process. The
 * steps are the product's own calls (through {@link BulkPathProbe} and {@link SinkProbe},
 * bench-only accessors), so the parts add up to the whole, give or take the JIT.
 * No targets: the targets are on the whole path, in {@code java-baseline} and {@code jni}.
 */
final class BulkBreakdownSuite implements BenchSuite {
    private static final int RUNS = 5;

    @Override
    public String name() {
        return "bulk-breakdown";
    }

    @Override
    public void run(BenchTable table) throws Exception {
        try (CapacityEngine engine = CapacityEngine.open(new MapStorage())) {
            W2Workload w2 = W2Workload.build(engine);
            MultiProjectRequest request = w2.request;
            BulkPathProbe probe = new BulkPathProbe(engine);

            double whole = best(() -> new org.capacitytracker.api.typed.TypedCapacityEngine(engine)
                    .multiProjectTable(JavaBaselineSuite.sink(request)));
            double fill = best(() -> JavaBaselineSuite.sink(request));
            double heads = best(() -> heads(request));
            double people = best(() -> people(request));
            // Released after each run, as a sink's items are after its report (their buffers reused).
            double keyed = best(() -> released(keyed(request, new BulkItems(1 << 12))));
            double keyedSized = best(() -> released(keyed(request, new BulkItems(w2.items))));
            double utf8 = best(() -> utf8(request));

            ReportItemSink filled = JavaBaselineSuite.sink(request);
            String text = SinkProbe.finish(filled);
            BulkItems keyedItems = SinkProbe.items(filled);
            BulkItems positioned = positioned(request, w2.items);
            double computeKeyed = best(() -> {
                probe.free(probe.compute(text, keyedItems));
                return null;
            });
            double computePositioned = best(() -> {
                probe.free(probe.compute(text, positioned));
                return null;
            });
            long report = probe.compute(text, positioned);
            try {
                double texts = best(() -> probe.texts(report));
                double cells = best(() -> probe.cells(report));
                double judged = best(() -> probe.judged(report)); // judged once, then only copied
                MultiReportArrays arrays = probe.arrays(report);
                double view = best(() -> MultiProjectTable.of(arrays));
                double arraysAll = best(() -> probe.arrays(report));

                table.add("breakdown: W2 table path, whole (fill + JNI + table)", whole, "ms");
                table.add("breakdown: sink fill (1 M WorkItem records)", fill, "ms");
                table.add("breakdown:   boards and iterations only (39,000 JSON heads)", heads, "ms");
                table.add("breakdown:   people numbered only (1 M assignee lookups)", people, "ms");
                table.add("breakdown:   BulkItems.addKeyed, buffers grown from 4,096 items", keyed, "ms");
                table.add("breakdown:   BulkItems.addKeyed, buffers sized for 1 M items", keyedSized, "ms");
                table.add("breakdown:   keys' String.getBytes(UTF_8) only", utf8, "ms");
                table.add("breakdown: JNI entry + compute, keyed items (decode keys, link parents)", computeKeyed, "ms");
                table.add("breakdown: JNI entry + compute, positioned items (no keys)", computePositioned, "ms");
                table.add("breakdown: arrays out, all (as multiProjectReportBulk reads them)", arraysAll, "ms");
                table.add("breakdown:   head, runs and row keys as JSON text", texts, "ms");
                table.add("breakdown:   cells (long[] of 2.3 M)", cells, "ms");
                table.add("breakdown:   statuses and utilisations (already judged)", judged, "ms");
                table.add("breakdown: MultiProjectTable.of (head and row keys parsed)", view, "ms");
            } finally {
                probe.free(report);
            }
        }
    }

    /** The sink's boards and iterations alone, no items. */
    private static Object heads(MultiProjectRequest request) {
        ReportItemSink sink = ReportItemSink.forDefinition(request.definition());
        for (MultiProjectRequest.Board board : request.boards()) {
            sink.board(board.boardId());
            for (MultiProjectRequest.BoardIteration iteration : board.iterations()) {
                sink.iteration(iteration.id(), iteration.kind(), iteration.start(), iteration.end());
            }
        }
        return SinkProbe.finish(sink);
    }

    private static Object people(MultiProjectRequest request) {
        BulkItems items = new BulkItems(1);
        long sum = 0;
        for (MultiProjectRequest.Board board : request.boards()) {
            for (MultiProjectRequest.BoardIteration iteration : board.iterations()) {
                for (WorkItem item : iteration.items()) {
                    sum += item.assignee() == null ? 0 : items.person(item.assignee());
                }
            }
        }
        return sum;
    }

    private static Object utf8(MultiProjectRequest request) {
        long sum = 0;
        for (MultiProjectRequest.Board board : request.boards()) {
            for (MultiProjectRequest.BoardIteration iteration : board.iterations()) {
                for (WorkItem item : iteration.items()) {
                    sum += item.key().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
                }
            }
        }
        return sum;
    }

    /** The items as the sink writes them (keys, people by number), without the sink. */
    private static BulkItems keyed(MultiProjectRequest request, BulkItems items) {
        int b = 0;
        for (MultiProjectRequest.Board board : request.boards()) {
            int s = 0;
            for (MultiProjectRequest.BoardIteration iteration : board.iterations()) {
                for (WorkItem item : iteration.items()) {
                    items.addKeyed(item.key(), item.parent(), b, s, item.assignee() == null ? BulkItems.NO_INDEX : items.person(item.assignee()),
                            flags(item), item.remainingSeconds() == null ? 0 : item.remainingSeconds(), 0, 0, 0);
                }
                s++;
            }
            b++;
        }
        return items;
    }

    private static Object released(BulkItems items) {
        items.release();
        return items;
    }

    /** The same items by position (no keys: W2 has no parents), people by number. */
    private static BulkItems positioned(MultiProjectRequest request, int count) {
        BulkItems items = new BulkItems(count);
        int b = 0;
        for (MultiProjectRequest.Board board : request.boards()) {
            int s = 0;
            for (MultiProjectRequest.BoardIteration iteration : board.iterations()) {
                for (WorkItem item : iteration.items()) {
                    items.add(b, s, item.assignee() == null ? BulkItems.NO_INDEX : items.person(item.assignee()), BulkItems.NO_INDEX,
                            flags(item), item.remainingSeconds() == null ? 0 : item.remainingSeconds(), 0, 0, 0);
                }
                s++;
            }
            b++;
        }
        return items;
    }

    private static int flags(WorkItem item) {
        return (item.statusCategory() == StatusCategory.DONE ? BulkItems.DONE : 0)
                | (item.remainingSeconds() != null ? BulkItems.HAS_REMAINING : 0);
    }

    /** The best of {@link #RUNS} runs after one to warm up, in milliseconds. */
    private static double best(Supplier<?> work) {
        work.get();
        double best = Double.MAX_VALUE;
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            work.get();
            best = Math.min(best, (System.nanoTime() - start) / 1e6);
        }
        return best;
    }
}
