package org.capacitytracker.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.capacitytracker.api.BulkItems;
import org.capacitytracker.api.CapacityEngine;
import org.capacitytracker.api.HostStorage;
import org.capacitytracker.api.typed.IterationRequest;
import org.capacitytracker.api.typed.MultiProjectRequest;
import org.capacitytracker.api.typed.MultiProjectTable;
import org.capacitytracker.api.typed.ReportItemSink;
import org.capacitytracker.api.typed.StatusCategory;
import org.capacitytracker.api.typed.TypedCapacityEngine;

/**
 * W1 and W2 through JNI: JSON, typed and bulk. The workloads are Rust's own
 * ({@code core/benches/support/workloads.rs}), written to files by the
 * {@code bench_workloads} example ({@code make bench-java} runs it first): the same data
 * byte for byte, with no second generator to keep in step.
 *
 * <p>Each row is the median of repeated runs after warm-up; its peak resident memory is the
 * process's high-water mark over that row alone (reset before it through
 * {@code /proc/self/clear_refs}), so it counts the Java heap and native memory together.
 */
final class JniSuite implements BenchSuite {
    /** Bytes per item in {@code w2-items.bin}: the engine's {@code MultiItem}. */
    private static final int ITEM = 56;
    private static final ObjectMapper RECORDS = JsonMapper.builder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            // W2's definition as Rust wrote it carries the stored document's schema, revision and id.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    @Override
    public String name() {
        return "jni";
    }

    @Override
    public void run(BenchTable table) throws Exception {
        Path dir = Path.of(System.getProperty("capacity.bench.workloads", "target/bench-workloads"));
        if (!Files.isRegularFile(dir.resolve("w2-items.bin"))) {
            throw new IllegalStateException(dir + " has no workloads: run `cargo run --release -p capacity-core "
                    + "--example bench_workloads -- " + dir + "` (make bench-java does)");
        }
        w1(table, dir);
        w2(table, dir);
    }

    private static void w1(BenchTable table, Path dir) throws IOException {
        String request = Files.readString(dir.resolve("w1-request.json"));
        try (CapacityEngine engine = CapacityEngine.open(storage(dir.resolve("w1-storage.tsv")))) {
            TypedCapacityEngine typed = new TypedCapacityEngine(engine);
            IterationRequest records = RECORDS.readValue(request, IterationRequest.class);
            Measure json = measure(2000, () -> engine.iterationReport(request));
            table.add("W1 JNI, JSON", json.micros(), "µs", json.detail(), "≤ 400 µs", json.micros() <= 400);
            Measure t = measure(2000, () -> typed.iterationReport(records));
            table.add("W1 JNI, typed", t.micros(), "µs", t.detail(), "≤ 100 µs", t.micros() <= 100);
        }
    }

    private static void w2(BenchTable table, Path dir) throws IOException {
        String head = Files.readString(dir.resolve("w2-head.json"));
        ByteBuffer itemBytes = ByteBuffer.wrap(Files.readAllBytes(dir.resolve("w2-items.bin"))).order(ByteOrder.nativeOrder());
        List<String> people = people(Files.readAllBytes(dir.resolve("w2-people.bin")));
        int count = itemBytes.capacity() / ITEM;
        try (CapacityEngine engine = CapacityEngine.open(storage(dir.resolve("w2-storage.tsv")))) {
            // The bulk form as a caller fills it: people by number, items by position.
            BulkItems items = new BulkItems(count);
            for (String p : people) {
                items.person(p);
            }
            for (int i = 0; i < count; i++) {
                int at = i * ITEM;
                items.add(itemBytes.getInt(at), itemBytes.getInt(at + 4), itemBytes.getInt(at + 8), itemBytes.getInt(at + 12),
                        itemBytes.getInt(at + 16), itemBytes.getLong(at + 24), itemBytes.getLong(at + 32),
                        itemBytes.getDouble(at + 40), itemBytes.getDouble(at + 48));
            }
            Measure bulk = measure(7, () -> engine.multiProjectReportBulk(head, items));
            long floor = floorNanos(itemBytes);
            double ratio = bulk.median / (double) floor;
            table.add("W2 streaming floor (Java, best pass)", floor / 1e6, "ms");
            table.add("W2 JNI, bulk (arrays out)", bulk.median / 1e6, "ms",
                    String.format("%.1f× floor; %s", ratio, bulk.detail()), "≤ 30 ms, ≤ 10× floor",
                    bulk.median <= 30_000_000L && ratio <= 10);

            // Typed: the items streamed into a sink (with keys, as a plugin has them), the
            // report built as records. Filling the sink is part of the caller's cost.
            TypedCapacityEngine typed = new TypedCapacityEngine(engine);
            JsonNode headTree = RECORDS.readTree(head);
            MultiProjectRequest.Definition definition = RECORDS.treeToValue(headTree.get("definition"),
                    MultiProjectRequest.Definition.class);
            Measure sink = measure(3, () -> typed.multiProjectReport(
                    fill(ReportItemSink.forDefinition(definition), headTree.get("boards"), itemBytes, people)));
            table.add("W2 JNI, typed (ReportItemSink, fill + report as records)", sink.median / 1e6, "ms", sink.detail(), "", null);
            // The same report left in arrays: no record per cell.
            Measure view = measure(5, () -> typed.multiProjectTable(
                    fill(ReportItemSink.forDefinition(definition), headTree.get("boards"), itemBytes, people)));
            table.add("W2 JNI, typed (ReportItemSink, fill + MultiProjectTable)", view.median / 1e6, "ms", view.detail(), "", null);
            Measure bulkTable = measure(7, () -> MultiProjectTable.of(engine.multiProjectReportBulk(head, items)));
            table.add("W2 JNI, bulk + MultiProjectTable view", bulkTable.median / 1e6, "ms", bulkTable.detail(), "", null);
        }
        // JSON last: its 90 MB request and answer grow the heap the rows above would measure.
        String request = Files.readString(dir.resolve("w2-request.json"));
        try (CapacityEngine engine = CapacityEngine.open(storage(dir.resolve("w2-storage.tsv")))) {
            Measure json = measure(3, () -> engine.multiProjectReport(request));
            table.add("W2 JNI, JSON", json.median / 1e6, "ms", json.detail(), "", null);
        }
    }

    /** W2's boards, iterations and items into a sink, keys {@code W2-<index>} as the JSON request has them. */
    private static ReportItemSink fill(ReportItemSink sink, JsonNode boards, ByteBuffer items, List<String> people) {
        int count = items.capacity() / ITEM;
        // The sink takes items iteration by iteration: their positions, grouped.
        int[][] counts = new int[boards.size()][];
        for (int b = 0; b < counts.length; b++) {
            counts[b] = new int[boards.get(b).get("iterations").size()];
        }
        for (int i = 0; i < count; i++) {
            counts[items.getInt(i * ITEM)][items.getInt(i * ITEM + 4)]++;
        }
        int[][] next = new int[counts.length][];
        int total = 0;
        for (int b = 0; b < counts.length; b++) {
            next[b] = new int[counts[b].length];
            for (int s = 0; s < counts[b].length; s++) {
                next[b][s] = total;
                total += counts[b][s];
            }
        }
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            order[next[items.getInt(i * ITEM)][items.getInt(i * ITEM + 4)]++] = i;
        }
        int k = 0;
        for (int b = 0; b < counts.length; b++) {
            JsonNode board = boards.get(b);
            sink.board(board.get("boardId").asText());
            for (int s = 0; s < counts[b].length; s++) {
                JsonNode it = board.get("iterations").get(s);
                sink.iteration(it.get("id").asText(), null, it.get("start").asText(), it.get("end").asText());
                for (int end = k + counts[b][s]; k < end; k++) {
                    int i = order[k];
                    int at = i * ITEM;
                    int assignee = items.getInt(at + 8);
                    boolean done = (items.getInt(at + 16) & BulkItems.DONE) != 0;
                    sink.item("W2-" + i, assignee == BulkItems.NO_INDEX ? null : people.get(assignee),
                            done ? StatusCategory.DONE : StatusCategory.NEW, items.getLong(at + 24), ReportItemSink.NONE,
                            Double.NaN, null, false);
                }
            }
        }
        return sink;
    }

    /** One pass reading every field of every item, best of several (the floor any report over them has). */
    private static long floorNanos(ByteBuffer items) {
        ByteBuffer direct = ByteBuffer.allocateDirect(items.capacity()).order(ByteOrder.nativeOrder());
        direct.put(items.duplicate().clear()).clear();
        long best = Long.MAX_VALUE;
        long sink = 0;
        for (int pass = 0; pass < 15; pass++) {
            long t = System.nanoTime();
            long sum = 0;
            for (int at = 0; at < direct.capacity(); at += ITEM) {
                sum += (direct.getInt(at) ^ direct.getInt(at + 4) ^ direct.getInt(at + 8) ^ direct.getInt(at + 12)
                        ^ direct.getInt(at + 16)) ^ direct.getLong(at + 24) ^ direct.getLong(at + 32)
                        ^ direct.getLong(at + 40) ^ direct.getLong(at + 48);
            }
            best = Math.min(best, System.nanoTime() - t);
            sink += sum;
        }
        if (sink == 42) {
            System.out.print("");
        }
        return best;
    }

    /** The median of {@code runs} timed runs after as many warm-ups, and the row's peak RSS. */
    static Measure measure(int runs, Supplier0 call) {
        try {
            for (int i = 0; i < Math.min(runs, 3); i++) {
                call.get();
            }
            resetPeak();
            long[] times = new long[runs];
            for (int i = 0; i < runs; i++) {
                long t = System.nanoTime();
                Object out = call.get();
                times[i] = System.nanoTime() - t;
                if (out == null) {
                    throw new IllegalStateException("no result");
                }
            }
            Arrays.sort(times);
            return new Measure(times[runs / 2], times[0], runs, peakBytes());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @FunctionalInterface
    interface Supplier0 {
        Object get() throws Exception;
    }

    record Measure(long median, long fastest, int runs, long peak) {
        double micros() {
            return median / 1e3;
        }

        String detail() {
            return String.format("best %s of %d; peak RSS %s", human(fastest), runs,
                    peak < 0 ? "n/a" : (peak >> 20) + " MB");
        }
    }

    private static String human(long nanos) {
        return nanos >= 1_000_000 ? String.format("%.1f ms", nanos / 1e6) : String.format("%.1f µs", nanos / 1e3);
    }

    /** Resets the process's peak RSS (Linux 4.0+); the peak then covers what follows only. */
    private static void resetPeak() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        } catch (IOException | UnsupportedOperationException e) {
            // Not Linux, or not allowed: the peak then covers the whole process so far.
        }
    }

    private static long peakBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    private static List<String> people(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder());
        List<String> out = new ArrayList<>();
        while (b.hasRemaining()) {
            byte[] key = new byte[b.getInt()];
            b.get(key);
            out.add(new String(key, java.nio.charset.StandardCharsets.UTF_8));
        }
        return out;
    }

    /** The documents Rust's generator stored, in a map, as a host's storage. */
    static HostStorage storage(Path lines) throws IOException {
        Map<String, String> map = new HashMap<>();
        for (String line : Files.readAllLines(lines)) {
            int tab = line.indexOf('\t');
            map.put(line.substring(0, tab), line.substring(tab + 1));
        }
        return new HostStorage() {
            @Override
            public String get(String key) {
                return map.get(key);
            }

            @Override
            public void put(String key, String value) {
                map.put(key, value);
            }

            @Override
            public void remove(String key) {
                map.remove(key);
            }
        };
    }
}
