package org.capacitytracker.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** One engine used by several threads at once, and closed while they use it. */
class ConcurrencyTest {
    static final int THREADS = 8;

    @Test
    void manyThreadsShareOneEngine() throws Exception {
        MemoryHostStorage storage = new MemoryHostStorage();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try (CapacityEngine engine = CapacityEngine.open(storage)) {
            engine.putBoardSettings("42", CapacityEngineTest.BOARD);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                String board = "board-" + t;
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int revision = 0; revision < 40; revision++) {
                        String settings = CapacityEngineTest.BOARD.replace("\"revision\":0", "\"revision\":" + revision);
                        JsonNode stored = Json.parse(engine.putBoardSettings(board, settings));
                        assertEquals(revision + 1, stored.get("revision").asLong());
                        JsonNode report = Json.parse(engine.iterationReport(CapacityEngineTest.REQUEST));
                        assertEquals(360, report.get("team").get("workload").asLong());
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(120, TimeUnit.SECONDS);
            }
            for (int t = 0; t < THREADS; t++) {
                assertEquals(40, Json.parse(engine.getBoardSettings("board-" + t)).get("revision").asLong());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void closeWhileOtherThreadsCallIsSafe() throws Exception {
        for (int round = 0; round < 20; round++) {
            MemoryHostStorage storage = new MemoryHostStorage();
            CapacityEngine engine = CapacityEngine.open(storage);
            engine.putBoardSettings("42", CapacityEngineTest.BOARD);
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            AtomicInteger refused = new AtomicInteger();
            CountDownLatch running = new CountDownLatch(THREADS);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                futures.add(pool.submit(() -> {
                    running.countDown();
                    while (true) {
                        try {
                            engine.iterationReport(CapacityEngineTest.REQUEST);
                        } catch (IllegalStateException closed) {
                            refused.incrementAndGet();
                            return null;
                        }
                    }
                }));
            }
            running.await();
            engine.close();
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS); // rethrows anything but the expected refusal
            }
            pool.shutdownNow();
            assertEquals(THREADS, refused.get(), "every thread ends refused once the engine is closed");
        }
    }
}
