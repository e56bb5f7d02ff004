package org.capacitytracker.jira.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.capacitytracker.api.CapacityConflictException;
import org.capacitytracker.api.CapacityEngine;
import org.capacitytracker.api.CapacityStorageException;
import org.capacitytracker.jira.storage.PluginSettingsStorage;
import org.capacitytracker.jira.storage.RecordingClusterLocks;
import org.capacitytracker.jira.storage.StoredDocument;
import org.capacitytracker.jira.testing.FakeApplicationProperties;
import org.capacitytracker.jira.testing.MemoryActiveObjects;
import org.capacitytracker.jira.testing.MemoryPluginSettings;
import org.junit.jupiter.api.Test;

/** Runs the real native engine over in-memory SAL settings. */
class EngineHolderTest {
    private final MemoryPluginSettings settings = new MemoryPluginSettings();

    @Test
    void opensOneEngineOnFirstUseAndKeepsIt() {
        EngineHolder holder = new EngineHolder(settings);
        assertEquals(0, settings.globalSettingsCreated, "nothing is touched before the first call");
        try {
            CapacityEngine engine = holder.engine();
            assertSame(engine, holder.engine());
        } finally {
            holder.close();
        }
    }

    @Test
    void storesDocumentsInJiraPluginSettingsUnderTheEnginePrefix() {
        try (EngineHolder holder = new EngineHolder(settings)) {
            String stored = holder.engine().putBoardSettings("1",
                    "{\"schema\":1,\"revision\":0,\"members\":[{\"accountKey\":\"alice\",\"role\":\"Developer\",\"dailyCapacity\":6}]}");
            assertTrue(stored.contains("\"revision\":1"), stored);
            assertTrue(settings.globalSettingsCreated > 0);
            assertTrue(!settings.values.isEmpty());
            settings.values.forEach((key, value) -> {
                assertTrue(key.startsWith("org.capacitytracker:"), key);
                assertTrue(value instanceof String, key);
            });
            assertTrue(holder.engine().getBoardSettings("1").contains("\"alice\""));
        }
    }

    @Test
    void aStorageLimitViolationReachesTheCallerAsAStorageError() {
        try (EngineHolder holder = new EngineHolder(new MemoryPluginSettings() {
            @Override
            public Object put(String key, Object value) {
                throw new IllegalStateException("database is read-only");
            }
        })) {
            CapacityStorageException e = assertThrows(CapacityStorageException.class,
                    () -> holder.engine().putDaysOff("alice", "{\"schema\":1,\"revision\":0,\"accountKey\":\"alice\",\"ranges\":[]}"));
            assertTrue(e.getMessage().contains("database is read-only"), e.getMessage());
        }
    }

    @Test
    @SuppressWarnings("deprecation") // write(...) is kept for callers until they call engine() directly
    void refusesCallsAfterCloseAndClosesOnce() {
        EngineHolder holder = new EngineHolder(settings);
        CapacityEngine engine = holder.engine();
        holder.close();
        assertThrows(EngineClosedException.class, holder::engine);
        assertThrows(EngineClosedException.class, () -> holder.engine().getBoardSettings("1"));
        assertThrows(IllegalStateException.class, () -> engine.getBoardSettings("1"), "the engine itself is closed");
        holder.close();
        holder.destroy();
    }

    @Test
    void closingAHolderThatNeverOpenedAnEngineIsHarmless() {
        EngineHolder holder = new EngineHolder(settings);
        holder.destroy();
        assertThrows(EngineClosedException.class, holder::engine);
        assertEquals(0, settings.globalSettingsCreated);
    }

    static final String BOARD = "{\"schema\":1,\"revision\":0,\"members\":[{\"accountKey\":\"alice\",\"role\":\"Developer\",\"dailyCapacity\":6}]}";

    @Test
    void theClusterHolderLocksEveryWriteWithTheClusterLockOfItsDocument() {
        RecordingClusterLocks locks = new RecordingClusterLocks();
        MemoryActiveObjects ao = new MemoryActiveObjects();
        try (EngineHolder holder = new ClusterEngineHolder(ao, settings, locks, FakeApplicationProperties.withoutHome())) {
            holder.engine(); // the first use migrates (nothing here), under the marker's lock
            locks.calls.clear();
            holder.engine().getBoardSettings("1");
            assertEquals(List.of(), locks.calls, "reads take no lock");
            holder.engine().putBoardSettings("1", BOARD);
            // The stripes of the board's key and of the index's (bounded names: Beehive keeps a row per name).
            String board = PluginSettingsStorage.stripeOf("org.capacitytracker:board:1");
            String index = PluginSettingsStorage.stripeOf("org.capacitytracker:index");
            assertEquals(List.of("tryLock " + board + " 30000", "tryLock " + index + " 30000", "unlock " + index,
                    "unlock " + board), locks.calls);
            assertFalse(locks.anyHeld());
            // Stored in Active Objects, not in plugin settings.
            assertTrue(ao.find(StoredDocument.class, "DOC_KEY = ?", "org.capacitytracker:board:1").length == 1);
            assertFalse(settings.values.containsKey("org.capacitytracker:board:1"));
        }
    }

    @Test
    void theClusterHolderNeedsAllFourServices() {
        MemoryActiveObjects ao = new MemoryActiveObjects();
        FakeApplicationProperties sal = FakeApplicationProperties.withoutHome();
        assertThrows(NullPointerException.class, () -> new ClusterEngineHolder(ao, settings, null, sal));
        assertThrows(NullPointerException.class, () -> new ClusterEngineHolder(ao, null, new RecordingClusterLocks(), sal));
        assertThrows(NullPointerException.class, () -> new ClusterEngineHolder(null, settings, new RecordingClusterLocks(), sal));
        assertThrows(NullPointerException.class, () -> new ClusterEngineHolder(ao, settings, new RecordingClusterLocks(), null));
    }

    @Test
    void theClusterHolderAsksForJirasLocalHomeWhenCreatedBeforeAnyEngineOpens() {
        // The loader honours a local home only before the library loads, and /health loads it
        // without an engine: so the holder must ask at plugin start, not on first use.
        FakeApplicationProperties sal = FakeApplicationProperties.withoutHome();
        try (EngineHolder holder = new ClusterEngineHolder(new MemoryActiveObjects(), settings,
                new RecordingClusterLocks(), sal)) {
            assertEquals(1, sal.localHomeAsked);
            holder.engine();
            assertEquals(1, sal.localHomeAsked);
        }
    }

    /**
     * Writers of one revision racing on many threads, as two browser tabs saving one board
     * do: with either holder's locks, exactly one stores the next revision and the others
     * get a conflict; none silently overwrites another.
     */
    @Test
    void exactlyOneOfManyRacingWritersWinsWithEitherHoldersLocks() throws Exception {
        RecordingClusterLocks locks = new RecordingClusterLocks();
        for (EngineHolder holder : List.of(new EngineHolder(new MemoryPluginSettings()),
                new ClusterEngineHolder(new MemoryActiveObjects(), new MemoryPluginSettings(), locks,
                        FakeApplicationProperties.withoutHome()))) {
            int writers = 8;
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            try (holder) {
                CapacityEngine engine = holder.engine();
                for (int round = 0; round < 20; round++) {
                    String settings = BOARD.replace("\"revision\":0", "\"revision\":" + round);
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
                        won += outcome.get(60, TimeUnit.SECONDS) ? 1 : 0;
                    }
                    assertEquals(1, won, holder.getClass().getSimpleName() + ", round " + round);
                }
            } finally {
                pool.shutdownNow();
            }
        }
        assertFalse(locks.anyHeld());
    }
}
