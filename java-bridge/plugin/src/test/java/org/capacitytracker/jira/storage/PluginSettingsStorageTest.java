package org.capacitytracker.jira.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.capacitytracker.api.CapacityEngine;
import org.capacitytracker.api.CapacityStorageException;
import org.capacitytracker.jira.testing.MemoryPluginSettings;
import org.junit.jupiter.api.Test;

class PluginSettingsStorageTest {
    private final MemoryPluginSettings settings = new MemoryPluginSettings();
    private final RecordingClusterLocks clusterLocks = new RecordingClusterLocks();
    private final PluginSettingsStorage storage = new PluginSettingsStorage(settings, clusterLocks);

    private static String key(int length) {
        String prefix = "org.capacitytracker:board:";
        return prefix + "k".repeat(length - prefix.length());
    }

    @Test
    void storesReadsAndRemovesStringsInGlobalSettings() {
        assertNull(storage.get("org.capacitytracker:board:1"));
        storage.put("org.capacitytracker:board:1", "{\"revision\":1}");
        assertEquals("{\"revision\":1}", settings.values.get("org.capacitytracker:board:1"));
        assertEquals("{\"revision\":1}", storage.get("org.capacitytracker:board:1"));
        storage.remove("org.capacitytracker:board:1");
        assertNull(storage.get("org.capacitytracker:board:1"));
        storage.remove("org.capacitytracker:board:1"); // absent: not an error
    }

    @Test
    void acceptsKeysUpToOneHundredCharacters() {
        storage.put(key(100), "v");
        assertEquals("v", storage.get(key(100)));
    }

    @Test
    void refusesLongerKeysOnEveryOperationNamingTheKey() {
        String tooLong = key(101);
        IllegalArgumentException put = assertThrows(IllegalArgumentException.class, () -> storage.put(tooLong, "v"));
        assertTrue(put.getMessage().contains(tooLong), put.getMessage());
        assertTrue(put.getMessage().contains("101"), put.getMessage());
        assertThrows(IllegalArgumentException.class, () -> storage.get(tooLong));
        assertThrows(IllegalArgumentException.class, () -> storage.remove(tooLong));
        assertTrue(settings.values.isEmpty());
    }

    @Test
    void acceptsValuesUpTo99000CharactersUntouched() {
        String value = "x".repeat(99_000);
        storage.put(key(40), value);
        assertEquals(value, storage.get(key(40)));
    }

    @Test
    void refusesLongerValuesAndKeepsTheStoredOne() {
        storage.put(key(40), "old");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> storage.put(key(40), "x".repeat(99_001)));
        assertTrue(e.getMessage().contains("99001"), e.getMessage());
        assertTrue(e.getMessage().contains("99000"), e.getMessage());
        assertEquals("old", storage.get(key(40)));
    }

    @Test
    void countsCharactersAsJavaDoesSoSurrogatePairsCountTwice() {
        // 49,501 emoji are 49,501 code points but 99,002 UTF-16 units: over Jira's limit.
        String emoji = "\uD83D\uDE00".repeat(49_501);
        assertThrows(IllegalArgumentException.class, () -> storage.put(key(40), emoji));
        String fits = "\uD83D\uDE00".repeat(49_500);
        storage.put(key(40), fits);
        assertEquals(fits, storage.get(key(40)));
    }

    @Test
    void refusesKeysOutsideTheEngineNamespace() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> storage.put("jira.baseurl", "http://evil.example"));
        assertTrue(e.getMessage().contains("org.capacitytracker:"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> storage.get("jira.baseurl"));
        assertThrows(IllegalArgumentException.class, () -> storage.remove("jira.baseurl"));
        assertThrows(IllegalArgumentException.class, () -> storage.get(null));
        assertFalse(settings.values.containsKey("jira.baseurl"));
    }

    @Test
    void refusesNullValues() {
        assertThrows(IllegalArgumentException.class, () -> storage.put(key(40), null));
    }

    @Test
    void refusesToReadValuesThatAreNotStrings() {
        settings.values.put(key(40), List.of("a", "b"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> storage.get(key(40)));
        assertTrue(e.getMessage().contains("java.util"), e.getMessage());
    }

    @Test
    void failsClearlyWhenJiraHasNoGlobalSettings() {
        PluginSettingsStorage broken = new PluginSettingsStorage(new MemoryPluginSettings() {
            @Override
            public synchronized com.atlassian.sal.api.pluginsettings.PluginSettings createGlobalSettings() {
                return null;
            }
        }, clusterLocks);
        assertThrows(IllegalStateException.class, () -> broken.get(key(40)));
    }

    // ---- Locks ----

    private static final String BOARD = "org.capacitytracker:board:1";
    /** The cluster lock that guards BOARD. */
    private static final String STRIPE = PluginSettingsStorage.stripeOf(BOARD);

    @Test
    void lockTakesTheClusterLockOfThatNameWithABoundedWaitAndUnlockReleasesIt() {
        storage.lock(BOARD);
        assertTrue(clusterLocks.lock(STRIPE).isHeldByCurrentThread());
        storage.unlock(BOARD);
        assertFalse(clusterLocks.anyHeld());
        assertEquals(List.of("tryLock " + STRIPE + " 30000", "unlock " + STRIPE), clusterLocks.calls,
                "a bounded tryLock, never an unbounded lock()");
    }

    @Test
    void everyNameMapsToOneOfABoundedSetOfClusterLocks() {
        java.util.Set<String> stripes = new java.util.HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String stripe = PluginSettingsStorage.stripeOf("org.capacitytracker:daysoff:user" + i);
            assertTrue(stripe.startsWith("org.capacitytracker:lock:"), stripe);
            stripes.add(stripe);
        }
        assertEquals(PluginSettingsStorage.LOCK_STRIPES, stripes.size(), "10,000 documents, 64 lock names");
        // The same on every node: String.hashCode is specified by Java.
        assertEquals("org.capacitytracker:lock:23", STRIPE);
    }

    @Test
    void twoNamesOfOneStripeNestOnOneThreadAndTheStripeIsFreedAfterTheOuterUnlock() throws Exception {
        String sameStripe = null;
        for (int i = 2; sameStripe == null; i++) {
            String candidate = "org.capacitytracker:board:" + i;
            if (PluginSettingsStorage.stripeOf(candidate).equals(STRIPE)) {
                sameStripe = candidate;
            }
        }
        PluginSettingsStorage impatient = new PluginSettingsStorage(settings, clusterLocks, Duration.ofMillis(50));
        impatient.lock(BOARD);
        impatient.lock(sameStripe); // a non-re-entrant cluster lock would wait for itself here
        impatient.unlock(sameStripe);
        assertTrue(clusterLocks.lock(STRIPE).isHeldByCurrentThread(), "still held for BOARD");
        String other = sameStripe;
        ExecutorService elsewhere = Executors.newSingleThreadExecutor();
        try {
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> elsewhere.submit(() -> impatient.lock(other)).get(10, TimeUnit.SECONDS));
            assertInstanceOf(LockTimeoutException.class, e.getCause(), "another thread is excluded from the stripe");
        } finally {
            elsewhere.shutdownNow();
        }
        impatient.unlock(BOARD);
        assertFalse(clusterLocks.anyHeld());
        assertEquals(List.of("tryLock " + STRIPE + " 50", "tryLock " + STRIPE + " 50", "unlock " + STRIPE),
                clusterLocks.calls, "one cluster lock taken for two names; the other thread's attempt timed out");
        assertThrows(IllegalMonitorStateException.class, () -> impatient.unlock(BOARD), "not held any more");
    }

    @Test
    void lockNamesOutsideTheEngineNamespaceAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> storage.lock("com.other.plugin:lock"));
        assertThrows(IllegalArgumentException.class, () -> storage.unlock("com.other.plugin:lock"));
        assertThrows(IllegalArgumentException.class, () -> storage.lock(null));
        assertTrue(clusterLocks.calls.isEmpty());
    }

    /** A lock held by another thread (another node's writer) until {@link #release()}. */
    private static final class HeldElsewhere {
        private final CountDownLatch release = new CountDownLatch(1);
        private final Thread thread;

        HeldElsewhere(RecordingClusterLocks locks, String name) throws InterruptedException {
            CountDownLatch held = new CountDownLatch(1);
            thread = new Thread(() -> {
                locks.lock(name).lock();
                try {
                    held.countDown();
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    locks.lock(name).unlock();
                }
            }, "other-node-writer");
            thread.start();
            assertTrue(held.await(10, TimeUnit.SECONDS));
        }

        /** Lets go of the lock and waits until it has. */
        void release() throws InterruptedException {
            release.countDown();
            thread.join(10_000);
            assertFalse(thread.isAlive());
        }
    }

    @Test
    void aLockHeldLongerThanTheTimeoutFailsClearlyAndTheNextAttemptSucceeds() throws Exception {
        PluginSettingsStorage impatient = new PluginSettingsStorage(settings, clusterLocks, Duration.ofMillis(50));
        HeldElsewhere other = new HeldElsewhere(clusterLocks, STRIPE);
        long start = System.nanoTime();
        LockTimeoutException e = assertThrows(LockTimeoutException.class, () -> impatient.lock(BOARD));
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5), "waited the timeout, not forever");
        assertTrue(e.getMessage().contains(BOARD) && e.getMessage().contains("50 ms") && e.getMessage().contains("cluster lock"),
                e.getMessage());
        other.release();
        impatient.lock(BOARD); // free again: taken at once
        impatient.unlock(BOARD);
    }

    @Test
    void anInterruptedWaitFailsAndKeepsTheInterrupt() throws Exception {
        HeldElsewhere other = new HeldElsewhere(clusterLocks, STRIPE);
        try {
            Thread.currentThread().interrupt();
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> storage.lock(BOARD));
            assertInstanceOf(InterruptedException.class, e.getCause());
            assertTrue(Thread.interrupted(), "the interrupt is kept for the caller");
        } finally {
            Thread.interrupted();
            other.release();
        }
    }

    @Test
    void aLockTimeoutThroughTheEngineIsAStorageErrorAndNothingIsWritten() throws Exception {
        PluginSettingsStorage impatient = new PluginSettingsStorage(settings, clusterLocks, Duration.ofMillis(50));
        HeldElsewhere other = new HeldElsewhere(clusterLocks, STRIPE);
        String board = "{\"revision\":0,\"members\":[{\"accountKey\":\"alice\",\"role\":\"Developer\",\"dailyCapacity\":6}]}";
        try (CapacityEngine engine = CapacityEngine.open(impatient)) {
            CapacityStorageException e = assertThrows(CapacityStorageException.class, () -> engine.putBoardSettings("1", board));
            assertInstanceOf(LockTimeoutException.class, e.getCause());
            assertTrue(e.getMessage().contains("try again"), e.getMessage());
            assertTrue(settings.values.isEmpty(), "nothing written: " + settings.values.keySet());
            other.release();
            assertTrue(engine.putBoardSettings("1", board).contains("\"revision\":1"));
        } finally {
            other.release();
        }
        assertFalse(clusterLocks.anyHeld());
    }

    @Test
    void jvmLocksExcludeOtherThreadsOfThisJvm() throws Exception {
        PluginSettingsStorage local = PluginSettingsStorage.withJvmLocks(settings, Duration.ofMillis(50));
        local.lock(BOARD);
        try {
            ExecutorService other = Executors.newSingleThreadExecutor();
            try {
                Future<?> attempt = other.submit(() -> local.lock(BOARD));
                ExecutionException e = assertThrows(ExecutionException.class, () -> attempt.get(10, TimeUnit.SECONDS));
                assertInstanceOf(LockTimeoutException.class, e.getCause());
                assertTrue(e.getCause().getMessage().contains("held its lock for"), e.getCause().getMessage());
                // Another name is not held.
                other.submit(() -> {
                    local.lock("org.capacitytracker:board:2");
                    local.unlock("org.capacitytracker:board:2");
                }).get(10, TimeUnit.SECONDS);
                // Unlocking from a thread that does not hold it is refused, not silently done.
                Future<?> foreignUnlock = other.submit(() -> local.unlock(BOARD));
                assertInstanceOf(IllegalMonitorStateException.class,
                        assertThrows(ExecutionException.class, () -> foreignUnlock.get(10, TimeUnit.SECONDS)).getCause());
            } finally {
                other.shutdownNow();
            }
        } finally {
            local.unlock(BOARD);
        }
    }

    @Test
    void aTimeoutMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new PluginSettingsStorage(settings, clusterLocks, Duration.ZERO));
        assertThrows(NullPointerException.class, () -> new PluginSettingsStorage(settings, null));
    }
}
