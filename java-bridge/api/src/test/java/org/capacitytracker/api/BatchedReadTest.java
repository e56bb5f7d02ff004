package org.capacitytracker.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * {@link HostStorage#getAll}: the engine reads the keys it knows up front (a team's days off,
 * the checks behind a remembered member query) in one upcall, through a host's own
 * {@code getAll} when it has one and through the default (one {@code get} each) when not.
 */
class BatchedReadTest {
    /** A storage with its own getAll, counting both kinds of read; its getAll can be replaced. */
    static final class BatchingStorage implements HostStorage {
        final Map<String, String> map = new ConcurrentHashMap<>();
        final AtomicInteger gets = new AtomicInteger();
        final AtomicInteger getAlls = new AtomicInteger();
        volatile UnaryOperator<String[]> answer;

        @Override
        public String get(String key) {
            gets.incrementAndGet();
            return map.get(key);
        }

        @Override
        public String[] getAll(String[] keys) {
            getAlls.incrementAndGet();
            UnaryOperator<String[]> replaced = answer;
            if (replaced != null) {
                return replaced.apply(keys);
            }
            String[] values = new String[keys.length];
            for (int i = 0; i < keys.length; i++) {
                values[i] = map.get(keys[i]);
            }
            return values;
        }

        @Override
        public void put(String key, String value) {
            map.put(key, value);
        }

        @Override
        public void remove(String key) {
            map.remove(key);
        }

        void reset() {
            gets.set(0);
            getAlls.set(0);
        }
    }

    static CapacityEngine seeded(HostStorage storage) {
        CapacityEngine engine = CapacityEngine.open(storage);
        engine.putBoardSettings("42", CapacityEngineTest.BOARD);
        engine.putDaysOff("alice", CapacityEngineTest.ALICE_DAYS_OFF);
        return engine;
    }

    @Test
    void aRememberedMemberQueryCallsAnOverridingGetAllOnceAndGetNever() {
        BatchingStorage storage = new BatchingStorage();
        try (CapacityEngine engine = seeded(storage)) {
            MemberFigures first = engine.memberCapacity(CapacityEngineTest.REQUEST, "alice");
            for (int i = 0; i < 3; i++) {
                storage.reset();
                assertEquals(first, engine.memberCapacity(CapacityEngineTest.REQUEST, "alice"));
                assertEquals(1, storage.getAlls.get(), "one upcall per member query");
                assertEquals(0, storage.gets.get());
            }
            // A write seen by the next query, still through getAll.
            engine.putDaysOff("alice", CapacityEngineTest.ALICE_DAYS_OFF.replace("\"revision\":0", "\"revision\":1")
                    .replace("2026-12-02\",\"end\":\"2026-12-02", "2026-12-02\",\"end\":\"2026-12-03"));
            storage.reset();
            assertEquals(first.capacity() - 6 * 60, engine.memberCapacity(CapacityEngineTest.REQUEST, "alice").capacity());
            assertTrue(storage.getAlls.get() >= 1);
        }
    }

    @Test
    void theReportReadsTheTeamsDaysOffInOneGetAll() {
        BatchingStorage storage = new BatchingStorage();
        MemoryHostStorage plain = new MemoryHostStorage();
        try (CapacityEngine engine = seeded(storage); CapacityEngine reference = seeded(plain)) {
            storage.reset();
            String report = engine.iterationReport(CapacityEngineTest.REQUEST);
            assertEquals(1, storage.getAlls.get(), "alice's and bob's days off together");
            assertTrue(Json.sameJson(Json.parse(reference.iterationReport(CapacityEngineTest.REQUEST)), Json.parse(report)));
        }
    }

    @Test
    void aStorageWithoutGetAllAnswersTheSameThroughTheDefault() {
        MemoryHostStorage plain = new MemoryHostStorage();
        BatchingStorage batching = new BatchingStorage();
        try (CapacityEngine engine = seeded(plain); CapacityEngine other = seeded(batching)) {
            // The board read once already (its stamp seen with its text), as a panel has.
            engine.iterationReport(CapacityEngineTest.REQUEST);
            for (String key : new String[] {"alice", "bob"}) {
                MemberFigures first = engine.memberCapacity(CapacityEngineTest.REQUEST, key);
                assertEquals(other.memberCapacity(CapacityEngineTest.REQUEST, key), first);
                plain.calls.set(0);
                assertEquals(first, engine.memberCapacity(CapacityEngineTest.REQUEST, key));
                // The default getAll: the board's stamp, the iteration's changes, the days off.
                assertEquals(3, plain.calls.get());
            }
        }
    }

    @Test
    void aThrowingOrMisbehavingGetAllIsAStorageErrorAndTheEngineStaysUsable() {
        BatchingStorage storage = new BatchingStorage();
        try (CapacityEngine engine = seeded(storage)) {
            engine.iterationReport(CapacityEngineTest.REQUEST);
            MemberFigures first = engine.memberCapacity(CapacityEngineTest.REQUEST, "alice");
            IllegalStateException thrown = new IllegalStateException("database gone");
            storage.answer = keys -> {
                throw thrown;
            };
            CapacityStorageException e = assertThrows(CapacityStorageException.class,
                    () -> engine.memberCapacity(CapacityEngineTest.REQUEST, "alice"));
            assertSame(thrown, e.getCause());
            assertTrue(e.getMessage().contains("HostStorage.getAll threw java.lang.IllegalStateException: database gone"), e.getMessage());
            assertThrows(CapacityStorageException.class, () -> engine.iterationReport(CapacityEngineTest.REQUEST));

            storage.answer = keys -> new String[keys.length + 1];
            e = assertThrows(CapacityStorageException.class, () -> engine.memberCapacity(CapacityEngineTest.REQUEST, "alice"));
            assertTrue(e.getMessage().contains("HostStorage.getAll returned 4 values for 3 keys"), e.getMessage());
            storage.answer = keys -> null;
            e = assertThrows(CapacityStorageException.class, () -> engine.memberCapacity(CapacityEngineTest.REQUEST, "alice"));
            assertTrue(e.getMessage().contains("HostStorage.getAll returned null"), e.getMessage());

            storage.answer = null;
            assertEquals(first, engine.memberCapacity(CapacityEngineTest.REQUEST, "alice"));
        }
    }
}
