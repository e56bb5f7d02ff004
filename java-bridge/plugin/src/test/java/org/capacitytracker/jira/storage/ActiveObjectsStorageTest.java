package org.capacitytracker.jira.storage;

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
