package org.capacitytracker.bench.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import com.fasterxml.jackson.databind.JsonNode;
import org.capacitytracker.api.CapacityEngine;
import org.capacitytracker.api.typed.MultiProjectReport;
import org.capacitytracker.api.typed.TypedCapacityEngine;
import org.capacitytracker.api.typed.MultiProjectRequest;
import org.capacitytracker.api.typed.StatusCategory;
import org.capacitytracker.api.typed.WorkItem;
import org.capacitytracker.bench.JavaBaselineSuiteAccess;
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

    /** A small W2 (the same generator): both baselines give the engine's report, and so does the suite's request text. */
    @Test
    void aSmallW2IsComputedAlikeByAllThree() {
        try (CapacityEngine engine = CapacityEngine.open(new MapStorage())) {
            W2Workload w2 = W2Workload.build(engine, 40, 600, 20_000);
            MultiProjectReport expected = new TypedCapacityEngine(engine).multiProjectReport(w2.request);
            assertEquals(600, expected.rows().size());
            assertTrue(expected.totals().stream().allMatch(c -> c.workload() > 0 && c.capacity() > 0), "work and capacity every week");
            StoredDocuments stored = StoredDocuments.fetch(engine, w2.request);
            assertEquals(expected, StraightforwardReport.compute(stored, w2.request));
            assertEquals(expected, CompetentReport.compute(stored, w2.request));
            JsonNode viaText = Documents.tree(engine.multiProjectReport(JavaBaselineSuiteAccess.requestText(w2.request)));
            for (int b = 0; b < expected.totals().size(); b++) {
                assertEquals(expected.totals().get(b).workload(), viaText.get("totals").get(b).get("workload").asLong());
                assertEquals(expected.totals().get(b).capacity(), viaText.get("totals").get(b).get("capacity").asLong());
            }
            assertEquals(expected.overAllocations().size(), viaText.get("overAllocations").size());
        }
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
