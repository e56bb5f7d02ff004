package org.capacitytracker.jira.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.capacitytracker.api.CapacityEngine;
import org.capacitytracker.jira.engine.ClusterEngineHolder;
import org.capacitytracker.jira.testing.FakeApplicationProperties;
import org.capacitytracker.jira.testing.MemoryActiveObjects;
import org.capacitytracker.jira.testing.MemoryPluginSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Upgrade from plugin settings to Active Objects: everything moves, once; a crash in the
 * middle loses nothing and the next start finishes the job; the old settings are left as
 * they were.
 */
class SettingsMigrationTest {
    private final MemoryPluginSettings settings = new MemoryPluginSettings();
    private final MemoryActiveObjects ao = new MemoryActiveObjects();
    private final RecordingClusterLocks clusterLocks = new RecordingClusterLocks();
    private String oldExport;

    @BeforeEach
    void earlierVersionStoredDocuments() {
        try (CapacityEngine old = CapacityEngine.open(PluginSettingsStorage.withJvmLocks(settings, Duration.ofSeconds(5)))) {
            old.putBoardSettings("1", "{\"schema\":1,\"revision\":0,\"focusFactor\":55}");
            for (int i = 0; i < 5; i++) {
                old.putTemplate("t" + i, "{\"revision\":0,\"name\":\"T" + i
                        + "\",\"members\":[{\"accountKey\":\"alice\",\"role\":\"Developer\",\"dailyCapacity\":6}]}");
            }
            oldExport = old.exportAll();
        }
    }

    private CapacityEngine aoEngine(ActiveObjectsStorage storage) {
        return CapacityEngine.open(storage);
    }

    private AtomicInteger opens = new AtomicInteger();

    private String migrate(CapacityEngine engine, ActiveObjectsStorage storage) {
        return SettingsMigration.run(engine, storage, () -> {
            opens.incrementAndGet();
            return CapacityEngine.open(new PluginSettingsStorage(settings, clusterLocks));
        });
    }

    @Test
    void everythingMovesOnceAndTheOldSettingsStayAsTheyWere() {
        ActiveObjectsStorage storage = new ActiveObjectsStorage(ao, clusterLocks);
        int oldKeys = settings.values.size();
        try (CapacityEngine engine = aoEngine(storage)) {
            String result = migrate(engine, storage);
            assertTrue(result.contains("\"conflicts\":[]"), result);
            assertEquals(oldExport, engine.exportAll());
            assertTrue(engine.getBoardSettings("1").contains("\"focusFactor\":55"));
            assertNotNull(storage.get(SettingsMigration.MARKER));
            // Again (a restart, another node): the marker says done, the old store is not even opened.
            assertNull(migrate(engine, storage));
            assertEquals(1, opens.get());
            assertEquals(oldExport, engine.exportAll());
        }
        assertEquals(oldKeys, settings.values.size());
    }

    @Test
    void aCrashInTheMiddleLosesNothingAndTheNextRunFinishes() {
        ActiveObjectsStorage storage = new ActiveObjectsStorage(ao, clusterLocks);
        try (CapacityEngine engine = aoEngine(storage)) {
            ao.failAfterWrites(4); // the database goes away after a few of the import's writes
            assertThrows(RuntimeException.class, () -> migrate(engine, storage));
            ao.failAfterWrites(-1);
            assertNull(storage.get(SettingsMigration.MARKER), "not marked done after a crash");
            assertTrue(ao.size() > 0, "the crash came after some rows were written");
            assertFalse(clusterLocks.anyHeld());
            String result = migrate(engine, storage);
            assertTrue(result.contains("\"conflicts\":[]"), result);
            assertEquals(oldExport, engine.exportAll());
            assertNotNull(storage.get(SettingsMigration.MARKER));
        }
    }

    @Test
    void theHolderMigratesOnFirstUseAndAFailedMigrationIsRetried() {
        ao.failAfterWrites(2);
        try (ClusterEngineHolder holder = new ClusterEngineHolder(ao, settings, clusterLocks,
                FakeApplicationProperties.withoutHome())) {
            assertThrows(RuntimeException.class, holder::engine);
            ao.failAfterWrites(-1);
            assertEquals(oldExport, holder.engine().exportAll());
            assertTrue(holder.engine().listTemplates().contains("\"t4\""));
        }
    }

    private static void assertFalse(boolean condition) {
        org.junit.jupiter.api.Assertions.assertFalse(condition);
    }
}
