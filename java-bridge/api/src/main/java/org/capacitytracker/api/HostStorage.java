package org.capacitytracker.api;

/**
 * The host's key-value store, through which the engine persists everything it keeps.
 *
 * <p>In Jira this is SAL {@code PluginSettings}; in the standalone host it is a database
 * table. The engine calls these methods synchronously on the thread that called the
 * engine, never from a thread of its own. Keys are at most 100 characters and values at
 * most 99,000 characters; the engine never asks for more.
 *
 * <p>An exception thrown here does not escape raw through the native code: the engine
 * turns it into a {@link CapacityStorageException} carrying the message, and the stored
 * document is left as it was.
 *
 * <pre>{@code
 * HostStorage memory = new HostStorage() {
 *     final Map<String, String> map = new HashMap<>();
 *     public String get(String key) { return map.get(key); }
 *     public void put(String key, String value) { map.put(key, value); }
 *     public void remove(String key) { map.remove(key); }
 * };
 * }</pre>
 */
public interface HostStorage {
    /** Returns the value stored under {@code key}, or {@code null} when there is none. */
    String get(String key);

    /**
     * Returns the values stored under {@code keys}, in their order, {@code null} where there
     * is none: an array as long as {@code keys}. The engine asks this where it knows several
     * keys up front (a team's days off, the checks behind a remembered member query), so
     * they cost one call from native code instead of one each.
     *
     * <p>The default calls {@link #get} for each key in turn, which is always right; a host
     * that can read several keys at once (one database query) may override it. The same
     * rules as for {@link #get} apply, and an exception thrown here is reported the same way.
     *
     * @param keys the keys to read, none {@code null}
     * @return the value of each key, or {@code null} for a key with none
     */
    default String[] getAll(String[] keys) {
        String[] values = new String[keys.length];
        for (int i = 0; i < keys.length; i++) {
            values[i] = get(keys[i]);
        }
        return values;
    }

    /** Stores {@code value} under {@code key}, replacing any previous value. */
    void put(String key, String value);

    /** Removes the value under {@code key}; removing an absent key is not an error. */
    void remove(String key);

    /**
     * Takes the lock {@code name}, waiting for it. The engine calls this around every
     * read-modify-write of a document (read the stored revision, check it, write the new
     * version), so two writers of the same document cannot both succeed from the same
     * revision, not even on two nodes of a cluster.
     *
     * <p>Called on the thread that called the engine; {@link #unlock} follows on that same
     * thread once the write is done, also when it failed. Names are at most 100 characters
     * (a document's storage key). Locks of different names nest (a document's, then the
     * index's); one engine call never asks again for a name it holds, so the locks need not
     * be re-entrant.
     *
     * <p>Throw to refuse (a lock that could not be taken in time): the engine then stores
     * nothing and reports a {@link CapacityStorageException} whose cause is what was thrown.
     *
     * <p>The default does nothing, which is right for a host with a single writer. In Jira
     * Data Center, implement it with Beehive's {@code ClusterLockService}
     * ({@code getLockForName(name).tryLock(timeout, unit)}), so nodes exclude each other;
     * in a single-JVM host, a lock per name (such as a {@code ReentrantLock}) is enough.
     *
     * <pre>{@code
     * public void lock(String name) {
     *     try {
     *         if (!clusterLocks.getLockForName(name).tryLock(30, TimeUnit.SECONDS)) {
     *             throw new IllegalStateException("lock " + name + " not acquired in 30 s");
     *         }
     *     } catch (InterruptedException e) {
     *         Thread.currentThread().interrupt();
     *         throw new IllegalStateException("interrupted waiting for lock " + name, e);
     *     }
     * }
     * }</pre>
     *
     * @param name the lock's name
     */
    default void lock(String name) {
    }

    /**
     * Releases the lock {@code name} taken by {@link #lock}, on the thread that took it.
     * An exception thrown here becomes a {@link CapacityStorageException}, although the write
     * the lock protected may have completed.
     *
     * <pre>{@code public void unlock(String name) { clusterLocks.getLockForName(name).unlock(); }}</pre>
     *
     * @param name the lock's name, as given to {@link #lock}
     */
    default void unlock(String name) {
    }
}
