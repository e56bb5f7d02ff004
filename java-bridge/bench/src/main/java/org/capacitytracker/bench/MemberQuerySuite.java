package org.capacitytracker.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.capacitytracker.api.CapacityEngine;
import org.capacitytracker.api.HostStorage;

/**
 * The small query (one member's capacity over one sprint) through JNI, and where its time
 * goes: the JNI crossing alone, the storage upcalls (how many, how many characters, the
 * time spent inside the host's {@code get} itself), beside the whole call. W1's board and
 * sprint without items (capacity does not depend on them), one member, as the consumer
 * plugin's service asks it. The Rust side of the split is {@code cargo bench -p
 * capacity-core --bench report} ({@code BENCH_ONLY=member}).
 */
final class MemberQuerySuite implements BenchSuite {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String name() {
        return "member";
    }

    @Override
    public void run(BenchTable table) throws Exception {
        Path dir = Path.of(System.getProperty("capacity.bench.workloads", "target/bench-workloads"));
        ObjectNode small = (ObjectNode) JSON.readTree(Files.readString(dir.resolve("w1-request.json")));
        small.putArray("items");
        String request = JSON.writeValueAsString(small);
        Counting storage = new Counting(JniSuite.storage(dir.resolve("w1-storage.tsv")));
        try (CapacityEngine engine = CapacityEngine.open(storage)) {
            String member = JSON.readTree(engine.iterationReport(request)).get("members").get(0).get("accountKey").asText();
            int runs = 20_000;
            JniSuite.Measure one = JniSuite.measure(runs, () -> engine.memberCapacity(request, member));
            table.add("small query (one member, one sprint) through JNI", one.micros(), "µs", one.detail(), "≤ 2 µs",
                    one.micros() <= 2);
            JniSuite.Measure crossing = JniSuite.measure(runs, () -> {
                engine.setThreads(2);
                return Boolean.TRUE;
            });
            table.add("  of which: a JNI call that does nothing (setThreads)", crossing.micros(), "µs", crossing.detail(), "",
                    null);
            storage.reset();
            int counted = 2_000;
            for (int i = 0; i < counted; i++) {
                engine.memberCapacity(request, member);
            }
            table.add("  storage reads per small query", storage.gets / (double) counted, "reads",
                    String.format("%d characters read per query", storage.chars / counted), "", null);
            table.add("  storage upcalls per small query", storage.upcalls / (double) counted, "upcalls",
                    "HostStorage.get or getAll calls from native code", "", null);
            table.add("  time inside HostStorage.get per small query", storage.nanos / 1e3 / counted, "µs",
                    "the host's map look-ups, without the upcall's crossing", "", null);
        }
    }

    /** The host's storage with its reads counted and timed. */
    private static final class Counting implements HostStorage {
        private final HostStorage inner;
        long gets;
        /** Calls from native code: a get, or a getAll (whose default calls get for each key). */
        long upcalls;
        private boolean inGetAll;
        long chars;
        long nanos;

        Counting(HostStorage inner) {
            this.inner = inner;
        }

        void reset() {
            gets = 0;
            upcalls = 0;
            chars = 0;
            nanos = 0;
        }

        @Override
        public String get(String key) {
            long t = System.nanoTime();
            String value = inner.get(key);
            nanos += System.nanoTime() - t;
            gets++;
            if (!inGetAll) {
                upcalls++;
            }
            chars += value == null ? 0 : value.length();
            return value;
        }

        @Override
        public String[] getAll(String[] keys) {
            upcalls++;
            inGetAll = true;
            try {
                return HostStorage.super.getAll(keys);
            } finally {
                inGetAll = false;
            }
        }

        @Override
        public void put(String key, String value) {
            inner.put(key, value);
        }

        @Override
        public void remove(String key) {
            inner.remove(key);
        }
    }
}
