package org.capacitytracker.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link CapacityEngine#setThreads}: a multi-project report large enough for the native
 * helper thread gives the same report on one thread, and the host storage is only ever
 * called on the calling thread.
 */
class ThreadsTest {
    /** Over the 50,000 items from which a report may use a second thread. */
    static final int ITEMS = 60_000;

    static String request() {
        StringBuilder json = new StringBuilder("{\"definition\":{\"name\":\"Spring\",\"boardIds\":[\"A\",\"B\"],"
                + "\"period\":{\"start\":\"2026-03-02\",\"end\":\"2026-04-26\"},\"bucket\":\"week\",\"grouping\":\"person\"},"
                + "\"boards\":[");
        String[] people = {"alice", "bob", "carol", "dave"};
        for (int b = 0; b < 2; b++) {
            json.append(b == 0 ? "" : ",").append("{\"boardId\":\"").append((char) ('A' + b)).append("\",\"iterations\":[");
            for (int s = 0; s < 4; s++) {
                int start = 2 + 14 * s;
                json.append(s == 0 ? "" : ",").append("{\"id\":\"").append(s).append("\",\"start\":\"")
                        .append(date(start)).append("\",\"end\":\"").append(date(start + 11)).append("\",\"items\":[");
                for (int i = 0; i < ITEMS / 8; i++) {
                    String key = (char) ('A' + b) + "-" + s + "-" + i;
                    json.append(i == 0 ? "" : ",").append("{\"key\":\"").append(key).append("\",\"assignee\":\"")
                            .append(people[(i * 7 + s) % 4]).append("\",\"remainingSeconds\":").append((i % 9) * 1800);
                    if (i % 5 == 4) {
                        json.append(",\"subtask\":true,\"parent\":\"").append((char) ('A' + b)).append("-").append(s).append("-").append(i - 1).append("\"");
                    }
                    json.append("}");
                }
                json.append("]}");
            }
            json.append("]}");
        }
        return json.append("]}").toString();
    }

    /** Day {@code d} of March 2026 onwards (31 March is followed by 1 April). */
    static String date(int d) {
        return d <= 31 ? String.format("2026-03-%02d", d) : String.format("2026-04-%02d", d - 31);
    }

    @Test
    void twoThreadsGiveWhatOneGives() {
        MemoryHostStorage storage = new MemoryHostStorage();
        List<Thread> callers = new ArrayList<>();
        HostStorage watched = new HostStorage() {
            @Override
            public String get(String key) {
                callers.add(Thread.currentThread());
                return storage.get(key);
            }

            @Override
            public void put(String key, String value) {
                storage.put(key, value);
            }

            @Override
            public void remove(String key) {
                storage.remove(key);
            }
        };
        try (CapacityEngine engine = CapacityEngine.open(watched)) {
            engine.putBoardSettings("A", "{\"members\":[{\"accountKey\":\"alice\",\"role\":\"Dev\",\"dailyCapacity\":6,\"allocation\":60},"
                    + "{\"accountKey\":\"bob\",\"role\":\"QA\",\"dailyCapacity\":7}]}");
            engine.putBoardSettings("B", "{\"subtaskPolicy\":\"parents\",\"members\":[{\"accountKey\":\"alice\",\"role\":\"Dev\",\"dailyCapacity\":6,\"allocation\":60},"
                    + "{\"accountKey\":\"carol\",\"role\":\"Dev\",\"dailyCapacity\":5}]}");
            engine.putDaysOff("bob", "{\"ranges\":[{\"start\":\"2026-03-10\",\"end\":\"2026-03-12\"}]}");
            String request = request();
            callers.clear();
            String both = engine.multiProjectReport(request);
            engine.setThreads(1);
            String one = engine.multiProjectReport(request);
            assertEquals(Json.parse(one), Json.parse(both));
            assertTrue(Json.parse(both).get("rows").get(0).get("total").get("workload").asLong() > 0);
            assertTrue(Json.parse(both).get("overAllocations").size() > 0, "alice is on two boards at 120 %");
            assertTrue(callers.stream().allMatch(t -> t == Thread.currentThread()), "storage is called on the caller's thread only");
            engine.setThreads(2);
        }
    }

    @Test
    void threadsAreOneOrTwo() {
        try (CapacityEngine engine = CapacityEngine.open(new MemoryHostStorage())) {
            for (int bad : new int[] {0, 3, -1}) {
                CapacityNativeException e = assertThrows(CapacityNativeException.class, () -> engine.setThreads(bad));
                assertEquals(CapacityException.INVALID_ARGUMENT, e.code());
            }
        }
    }
}
