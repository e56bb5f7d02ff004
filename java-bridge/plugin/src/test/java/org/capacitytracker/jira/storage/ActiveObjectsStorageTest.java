package org.capacitytracker.jira.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.capacitytracker.api.CapacityEngine;
import org.capacitytracker.jira.testing.MemoryActiveObjects;
import org.junit.jupiter.api.Test;

class ActiveObjectsStorageTest {
    private final MemoryActiveObjects ao = new MemoryActiveObjects();
    private final RecordingClusterLocks clusterLocks = new RecordingClusterLocks();
    private final ActiveObjectsStorage storage = new ActiveObjectsStorage(ao, clusterLocks);

    @Test
    void storesReplacesAndRemovesOneRowPerKey() {
        assertNull(storage.get("org.capacitytracker:a"));
        storage.put("org.capacitytracker:a", "one");
        storage.put("org.capacitytracker:a", "two");
        assertEquals("two", storage.get("org.capacitytracker:a"));
        assertEquals(1, ao.size());
        // No limit of its own beyond the database's: a value longer than plugin settings hold.
        storage.put("org.capacitytracker:big", "x".repeat(PluginSettingsStorage.MAX_VALUE_LENGTH + 1));
        assertEquals(PluginSettingsStorage.MAX_VALUE_LENGTH + 1, storage.get("org.capacitytracker:big").length());
        storage.remove("org.capacitytracker:a");
        storage.remove("org.capacitytracker:a");
        assertNull(storage.get("org.capacitytracker:a"));
    }

    @Test
    void getAllReadsManyKeysInOneQueryPerFiveHundredWithGetsValues() {
        storage.put("org.capacitytracker:a", "one");
        storage.put("org.capacitytracker:c", "three");
        ao.finds.set(0);
        String[] keys = {"org.capacitytracker:c", "org.capacitytracker:b", "org.capacitytracker:a", "org.capacitytracker:c"};
        assertArrayEquals(new String[] {"three", null, "one", "three"}, storage.getAll(keys));
        assertEquals(1, ao.finds.get(), "one query");
        String[] many = new String[ActiveObjectsStorage.KEYS_PER_QUERY + 1];
        for (int i = 0; i < many.length; i++) {
            many[i] = "org.capacitytracker:k" + i;
        }
        many[many.length - 1] = "org.capacitytracker:a";
        ao.finds.set(0);
        String[] values = storage.getAll(many);
        assertEquals(2, ao.finds.get(), "one query per 500 keys");
        assertEquals("one", values[many.length - 1]);
        assertNull(values[0]);
        assertEquals(0, storage.getAll(new String[0]).length);
        assertThrows(IllegalArgumentException.class, () -> storage.getAll(new String[] {"org.capacitytracker:a", "other:a"}));
    }

    @Test
    void anEngineReadsATeamsDaysOffInOneQuery() {
        try (CapacityEngine engine = CapacityEngine.open(storage)) {
            engine.putBoardSettings("1", "{\"schema\":1,\"revision\":0,\"members\":["
                    + "{\"accountKey\":\"alice\",\"role\":\"Developer\",\"dailyCapacity\":6},"
                    + "{\"accountKey\":\"bob\",\"role\":\"Developer\",\"dailyCapacity\":6},"
                    + "{\"accountKey\":\"carol\",\"role\":\"Developer\",\"dailyCapacity\":6}]}");
            engine.putDaysOff("bob", "{\"revision\":0,\"ranges\":[{\"start\":\"2026-12-01\",\"end\":\"2026-12-01\"}]}");
            String request = "{\"boardId\":\"1\",\"iteration\":{\"id\":\"7\",\"start\":\"2026-11-30\",\"end\":\"2026-12-04\"},\"items\":[]}";
            engine.iterationReport(request);
            ao.finds.set(0);
            String report = engine.iterationReport(request);
            assertTrue(report.contains("\"daysOff\":1"), report);
            // The board's stamp, the iteration's changes, and the three members' days off in one.
            assertEquals(3, ao.finds.get());
        }
    }

    @Test
    void keysFollowTheSameRulesAsPluginSettings() {
        IllegalArgumentException outside = assertThrows(IllegalArgumentException.class, () -> storage.put("other:a", "v"));
        assertTrue(outside.getMessage().contains("namespace"), outside.getMessage());
        IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class,
                () -> storage.get("org.capacitytracker:" + "k".repeat(100)));
        assertTrue(tooLong.getMessage().contains("at most 100"), tooLong.getMessage());
        assertThrows(IllegalArgumentException.class, () -> storage.put("org.capacitytracker:a", null));
        assertEquals(0, ao.size());
    }

    @Test
    void aWriteThatFailsLeavesTheOldValue() {
        storage.put("org.capacitytracker:a", "old");
        ao.failAfterWrites(0);
        assertThrows(IllegalStateException.class, () -> storage.put("org.capacitytracker:a", "new"));
        assertEquals("old", storage.get("org.capacitytracker:a"));
    }

    @Test
    void locksAreStripedClusterLocksTheEngineTakesAndReleases() {
        try (CapacityEngine engine = CapacityEngine.open(storage)) {
            engine.putBoardSettings("1", "{\"schema\":1,\"revision\":0,\"focusFactor\":50}");
        }
        assertFalse(clusterLocks.calls.isEmpty());
        assertTrue(clusterLocks.calls.stream().allMatch(c -> c.contains("org.capacitytracker:lock:")), clusterLocks.calls.toString());
        assertFalse(clusterLocks.anyHeld());
    }
}
