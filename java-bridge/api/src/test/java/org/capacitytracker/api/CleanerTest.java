package org.capacitytracker.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.junit.jupiter.api.Test;

/** An engine nobody closes is still freed, by the cleaner, once it is unreachable. */
class CleanerTest {
    @Test
    void anUnreachableEngineIsFreedByTheCleaner() throws Exception {
        Object handle = openAndForget();
        assertNotEquals(0L, pointer(handle), "open while the engine was reachable");
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (pointer(handle) != 0 && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(20);
        }
        assertEquals(0L, pointer(handle), "the cleaner freed the native engine");
    }

    /** Opens an engine and returns only its handle (which does not keep the engine alive). */
    private static Object openAndForget() throws Exception {
        CapacityEngine engine = CapacityEngine.open(new MemoryHostStorage());
        engine.getBoardSettings("42");
        Field field = CapacityEngine.class.getDeclaredField("handle");
        field.setAccessible(true);
        Object handle = field.get(engine);
        assertTrue(pointer(handle) != 0);
        return handle;
    }

    /** The handle's pointer, read under its lock as the engine itself reads it. */
    private static long pointer(Object handle) throws Exception {
        Field lockField = handle.getClass().getDeclaredField("lock");
        lockField.setAccessible(true);
        Field pointerField = handle.getClass().getDeclaredField("pointer");
        pointerField.setAccessible(true);
        ReentrantReadWriteLock lock = (ReentrantReadWriteLock) lockField.get(handle);
        lock.readLock().lock();
        try {
            return pointerField.getLong(handle);
        } finally {
            lock.readLock().unlock();
        }
    }
}
