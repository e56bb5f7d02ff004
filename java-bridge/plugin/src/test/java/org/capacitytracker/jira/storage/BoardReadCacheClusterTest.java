package org.capacitytracker.jira.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.capacitytracker.api.CapacityEngine;
import org.capacitytracker.jira.testing.MemoryActiveObjects;
import org.junit.jupiter.api.Test;

/**
 * Each engine keeps the boards it has parsed, checked on every read against the board's
 * stamp in the shared storage. Two nodes (two engines over one Active Objects database, the
 * plugin's storage): an edit on either node is what the other computes with on its very
 * next call, however often it had read the board before.
 */
class BoardReadCacheClusterTest {
    /** Monday 2026-11-30 to Saturday 2026-12-05: five working days. */
    private static final String REQUEST = "{\"boardId\":\"1\",\"iteration\":{\"id\":\"7\",\"start\":\"2026-11-30\","
            + "\"end\":\"2026-12-05\"},\"items\":[]}";

    private static String board(int revision, int hours) {
        return "{\"revision\":" + revision + ",\"members\":[{\"accountKey\":\"alice\",\"role\":\"Developer\","
                + "\"dailyCapacity\":" + hours + "}]}";
    }

    @Test
    void anEditOnOneNodeIsWhatTheOtherComputesWithNext() {
        MemoryActiveObjects database = new MemoryActiveObjects();
        RecordingClusterLocks locks = new RecordingClusterLocks();
        try (CapacityEngine nodeA = CapacityEngine.open(new ActiveObjectsStorage(database, locks));
                CapacityEngine nodeB = CapacityEngine.open(new ActiveObjectsStorage(database, locks))) {
            nodeA.putBoardSettings("1", board(0, 6));
            for (int i = 0; i < 3; i++) {
                assertEquals(5 * 6 * 60, nodeA.memberCapacity(REQUEST, "alice").capacity(), "node a, read " + i);
                assertEquals(5 * 6 * 60, nodeB.memberCapacity(REQUEST, "alice").capacity(), "node b, read " + i);
            }
            nodeB.putBoardSettings("1", board(1, 8));
            assertEquals(5 * 8 * 60, nodeA.memberCapacity(REQUEST, "alice").capacity());
            nodeA.putBoardSettings("1", board(2, 6));
            assertEquals(5 * 6 * 60, nodeB.memberCapacity(REQUEST, "alice").capacity(), "back to 6 h, seen on node b");
            assertEquals(5 * 6 * 60, nodeA.memberCapacity(REQUEST, "alice").capacity());
        }
    }
}
