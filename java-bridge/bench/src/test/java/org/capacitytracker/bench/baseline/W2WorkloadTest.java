package org.capacitytracker.bench.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.capacitytracker.api.CapacityEngine;
import org.capacitytracker.api.typed.MultiProjectRequest;
import org.capacitytracker.api.typed.StatusCategory;
import org.capacitytracker.api.typed.WorkItem;
import org.junit.jupiter.api.Test;

/**
 * The Java-built W2 is the Rust benchmark's: the same fingerprints as
 * {@code core/tests/w2_fingerprint.rs} pins for {@code core/benches/support/workloads.rs}, of
 * the stored documents (as the engine keeps them) and of every item in order.
 */
class W2WorkloadTest {
    /** What core/tests/w2_fingerprint.rs asserts for the Rust W2. */
    static final String DOCUMENTS = "10bfeb02714cc9cd";
    static final String ITEMS = "a476d49d9851b8b6";

    private static long fnv(long hash, String text) {
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    @Test
    void w2IsTheRustBenchmarksW2() {
        try (CapacityEngine engine = CapacityEngine.open(new MapStorage())) {
            W2Workload w2 = W2Workload.build(engine);
            long documents = 0xcbf29ce484222325L;
            for (int b = 0; b < w2.request.boards().size(); b++) {
                documents = fnv(documents, engine.getBoardSettings("B" + b));
            }
            for (int p = 0; p < 21_000; p += 10) {
                documents = fnv(documents, engine.getDaysOff(String.format(java.util.Locale.ROOT, "p%05d", p)));
            }
            // Items back in generation order (their keys are W2-<index>).
            String[] line = new String[w2.items];
            List<MultiProjectRequest.Board> boards = w2.request.boards();
            for (int b = 0; b < boards.size(); b++) {
                for (int s = 0; s < boards.get(b).iterations().size(); s++) {
                    for (WorkItem it : boards.get(b).iterations().get(s).items()) {
                        String assignee = it.assignee() == null ? "4294967295" : Integer.toString(Integer.parseInt(it.assignee().substring(1)));
                        line[Integer.parseInt(it.key().substring(3))] = b + "," + s + "," + assignee + "," + it.remainingSeconds() + ","
                                + (it.statusCategory() == StatusCategory.DONE) + ";";
                    }
                }
            }
            long items = 0xcbf29ce484222325L;
            for (String l : line) {
                items = fnv(items, l);
            }
            assertEquals(List.of(1_000_000, DOCUMENTS, ITEMS), List.of(w2.items, String.format("%016x", documents), String.format("%016x", items)));
        }
    }
}
