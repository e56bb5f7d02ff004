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

    /** Stores {@code value} under {@code key}, replacing any previous value. */
    void put(String key, String value);

    /** Removes the value under {@code key}; removing an absent key is not an error. */
    void remove(String key);
}
