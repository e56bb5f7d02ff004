package org.capacitytracker.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * {@link HostStorage#lock} and {@link HostStorage#unlock} around the engine's writes: every
 * value is written while the lock of its document is held, on the caller's thread; a lock
 * that throws stops the write before anything is stored.
 */
class StorageLocksTest {
    /** A map storage that records every call, in order, and checks each write is under a lock. */
    static final class RecordingStorage implements HostStorage {
        final Map<String, String> map = new TreeMap<>();
        final List<String> events = new ArrayList<>();
        final List<String> held = new ArrayList<>();
        final List<String> violations = new ArrayList<>();
        Thread caller = Thread.currentThread();
        Predicate<String> lockRefuses = name -> false;
        Predicate<String> unlockRefuses = name -> false;
        final IllegalStateException refusal = new IllegalStateException("lock not acquired in 30 s");

        @Override
        public String get(String key) {
            events.add("get " + key);
            return map.get(key);
        }

        @Override
        public void put(String key, String value) {
            events.add("put " + key);
            checkLocked(key);
            map.put(key, value);
        }

        @Override
        public void remove(String key) {
            events.add("remove " + key);
            checkLocked(key);
            map.remove(key);
        }

        @Override
        public void lock(String name) {
            events.add("lock " + name);
            checkThread("lock " + name);
            if (held.contains(name)) {
                violations.add("lock " + name + " asked for again while held");
            }
            if (lockRefuses.test(name)) {
                throw refusal;
            }
            held.add(name);
        }

        @Override
        public void unlock(String name) {
            events.add("unlock " + name);
            checkThread("unlock " + name);
            if (!held.remove(name)) {
                violations.add("unlock " + name + " without lock");
            }
            if (unlockRefuses.test(name)) {
                throw refusal;
            }
        }

        /** A value (or a chunk of it, {@code <key>~<generation>.<n>}) is written under its document's lock. */
        private void checkLocked(String key) {
            if (held.stream().noneMatch(key::startsWith)) {
                violations.add("wrote " + key + " holding only " + held);
            }
        }

        private void checkThread(String what) {
            if (Thread.currentThread() != caller) {
                violations.add(what + " on thread " + Thread.currentThread().getName());
            }
        }

        long count(String prefix) {
            return events.stream().filter(e -> e.startsWith(prefix)).count();
        }
    }

    static final String BOARD_KEY = "org.capacitytracker:board:42";
    static final String INDEX_KEY = "org.capacitytracker:index";

    @Test
    void everyWriteOfEveryKindHappensUnderItsDocumentsLockOnTheCallersThread() {
        RecordingStorage storage = new RecordingStorage();
        try (CapacityEngine engine = CapacityEngine.open(storage)) {
            engine.putBoardSettings("42", CapacityEngineTest.BOARD);
            // A board's stamp (its read cache's check) is written just before it, under its lock.
            assertEquals(List.of(
                    "lock " + BOARD_KEY,
                    "lock " + INDEX_KEY, "put " + INDEX_KEY, "unlock " + INDEX_KEY,
                    "put " + BOARD_KEY + "~stamp", "put " + BOARD_KEY, "unlock " + BOARD_KEY),
                    storage.events.stream().filter(e -> !e.startsWith("get ")).toList(),
                    "the document's lock, the index's lock nested inside it, both released");

            engine.putDaysOff("alice", CapacityEngineTest.ALICE_DAYS_OFF);
            engine.putIterationTeam("42", "3", "{\"members\":[{\"accountKey\":\"alice\",\"action\":\"remove\"}]}");
            engine.copyIterationTeam("{\"boardId\":\"42\",\"fromIterationId\":\"3\",\"toIterationId\":\"4\",\"revision\":0}");
            engine.putTemplate("t", "{\"name\":\"T\",\"members\":[{\"accountKey\":\"carol\",\"role\":\"QA\",\"dailyCapacity\":4}]}");
            engine.applyTemplate("{\"templateId\":\"t\",\"boardId\":\"42\",\"revision\":1}");
            engine.putBoardSettings("42", CapacityEngineTest.largeBoard(2)); // chunks, then the manifest
            engine.putCalendar("de", "{\"name\":\"Germany\"}");
            engine.putReportDefinition("r", SharedDocumentsTest.MARCH);
            engine.putPermissions("{\"enabled\":true,\"rest\":{\"users\":[\"alice\"]}}");
            engine.forgetUser("alice");
            engine.removeTemplate("t");
            engine.removeCalendar("de");
            engine.removeReportDefinition("r");
            String export = engine.exportAll();
            storage.map.clear();
            engine.importAll("{\"mode\":\"empty\",\"export\":" + export + "}");
        }
        assertEquals(List.of(), storage.violations);
        assertEquals(List.of(), storage.held, "every lock released");
        assertEquals(storage.count("lock "), storage.count("unlock "));
        assertTrue(storage.count("put ") > 20, storage.events.toString());
        assertTrue(storage.count("remove ") > 0, "removals were checked too");
    }

    @Test
    void readingTakesNoLock() {
        RecordingStorage storage = new RecordingStorage();
        try (CapacityEngine engine = CapacityEngine.open(storage)) {
            engine.putBoardSettings("42", CapacityEngineTest.BOARD);
            storage.events.clear();
            engine.getBoardSettings("42");
            engine.iterationReport(CapacityEngineTest.REQUEST);
            engine.listTemplates();
            engine.exportAll();
        }
        assertEquals(0, storage.count("lock "), storage.events.toString());
        assertTrue(storage.count("get ") > 0);
    }

    @Test
    void aLockThatThrowsStopsTheWriteAndNothingIsWritten() {
        RecordingStorage storage = new RecordingStorage();
        try (CapacityEngine engine = CapacityEngine.open(storage)) {
            engine.putBoardSettings("42", CapacityEngineTest.BOARD);
            Map<String, String> before = new TreeMap<>(storage.map);
            storage.events.clear();
            storage.lockRefuses = BOARD_KEY::equals;

            CapacityStorageException e = assertThrows(CapacityStorageException.class,
                    () -> engine.putBoardSettings("42", CapacityEngineTest.BOARD.replace("\"revision\":0", "\"revision\":1")));
            assertSame(storage.refusal, e.getCause(), "the host's exception is the cause");
            assertTrue(e.getMessage().contains("HostStorage.lock threw java.lang.IllegalStateException: lock not acquired in 30 s"),
                    e.getMessage());
            assertEquals(before, storage.map);
            assertEquals(List.of("lock " + BOARD_KEY), storage.events, "nothing read, written or unlocked after the refusal");

            storage.lockRefuses = name -> false;
            assertEquals(2, Json.parse(engine.putBoardSettings("42",
                    CapacityEngineTest.BOARD.replace("\"revision\":0", "\"revision\":1"))).get("revision").asLong(),
                    "the next write, once the lock is free, succeeds");
        }
        assertEquals(List.of(), storage.violations);
    }

    @Test
    void aRefusedIndexLockReleasesTheDocumentsLockAndWritesNothing() {
        RecordingStorage storage = new RecordingStorage();
        storage.lockRefuses = INDEX_KEY::equals;
        try (CapacityEngine engine = CapacityEngine.open(storage)) {
            assertThrows(CapacityStorageException.class, () -> engine.putTemplate("t", "{\"name\":\"T\"}"));
        }
        assertTrue(storage.map.isEmpty(), storage.map.toString());
        assertEquals(0, storage.count("put "));
        assertTrue(storage.events.contains("unlock org.capacitytracker:template:t"), storage.events.toString());
        assertEquals(List.of(), storage.held);
        assertEquals(List.of(), storage.violations);
    }

    @Test
    void anUnlockThatThrowsIsReportedAsAStorageError() {
        RecordingStorage storage = new RecordingStorage();
        storage.unlockRefuses = BOARD_KEY::equals;
        try (CapacityEngine engine = CapacityEngine.open(storage)) {
            CapacityStorageException e = assertThrows(CapacityStorageException.class,
                    () -> engine.putBoardSettings("42", CapacityEngineTest.BOARD));
            assertSame(storage.refusal, e.getCause());
            assertTrue(e.getMessage().contains("HostStorage.unlock threw"), e.getMessage());
        }
    }

    /**
     * What the lock is for: writers of one revision racing on several threads. With a real
     * lock per name, exactly one of them stores the next revision; the rest get a conflict.
     */
    @Test
    void withRealLocksExactlyOneOfManyRacingWritersWins() throws Exception {
        Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
        MemoryHostStorage map = new MemoryHostStorage();
        HostStorage locking = new HostStorage() {
            @Override
            public String get(String key) {
                return map.get(key);
            }

            @Override
            public void put(String key, String value) {
                // Widen the window between the revision check and the write.
                Thread.yield();
                map.put(key, value);
            }

            @Override
            public void remove(String key) {
                map.remove(key);
            }

            @Override
            public void lock(String name) {
                locks.computeIfAbsent(name, n -> new ReentrantLock()).lock();
            }

            @Override
            public void unlock(String name) {
                locks.get(name).unlock();
            }
        };
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try (CapacityEngine engine = CapacityEngine.open(locking)) {
            for (int round = 0; round < 25; round++) {
                String settings = CapacityEngineTest.BOARD.replace("\"revision\":0", "\"revision\":" + round);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Boolean>> outcomes = new ArrayList<>();
                for (int w = 0; w < writers; w++) {
                    outcomes.add(pool.submit(() -> {
                        start.await();
                        try {
                            engine.putBoardSettings("race", settings);
                            return true;
                        } catch (CapacityConflictException conflict) {
                            return false;
                        }
                    }));
                }
                start.countDown();
                int won = 0;
                for (Future<Boolean> outcome : outcomes) {
                    if (outcome.get(60, TimeUnit.SECONDS)) {
                        won++;
                    }
                }
                assertEquals(1, won, "round " + round);
            }
            assertEquals(25, Json.parse(engine.getBoardSettings("race")).get("revision").asLong());
        } finally {
            pool.shutdownNow();
        }
        assertFalse(locks.values().stream().anyMatch(ReentrantLock::isLocked), "every lock released");
    }
}
