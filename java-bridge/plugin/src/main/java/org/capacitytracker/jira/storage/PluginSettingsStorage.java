package org.capacitytracker.jira.storage;

import com.atlassian.beehive.ClusterLockService;
import com.atlassian.sal.api.pluginsettings.PluginSettings;
import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.capacitytracker.api.HostStorage;

/**
 * The engine's storage in Jira: SAL's global {@link PluginSettings}, that is, Jira's own
 * database, shared by every node of a Data Center cluster.
 *
 * <p>Jira's limits are enforced here, before Jira sees the call, with an exception naming
 * the key: keys of at most {@value #MAX_KEY_LENGTH} characters, String values of at most
 * {@value #MAX_VALUE_LENGTH} characters (both counted as {@link String#length()}, as Jira
 * counts them). What Jira does past its limits is its own business and varies by version;
 * checking here gives one clear message everywhere and never lets a value be shortened.
 * The engine already splits its documents to fit, so hitting a limit here means a bug, and
 * the engine reports it as a storage error without having written anything.
 *
 * <p>Global settings are shared with every other plugin, so only keys (and lock names) in
 * the engine's own namespace ({@value #KEY_PREFIX}) are accepted.
 *
 * <p>Locks: the engine takes a lock named after a document's key around each
 * read-check-write of it ({@link #lock}, {@link #unlock}). In Jira these are Beehive
 * cluster locks ({@link ClusterLockService}), which exclude writers on every node of a Data
 * Center cluster as well as other threads of this node, so two writers of one revision can
 * never both succeed. Beehive keeps a database row per lock name forever, so a document's
 * name is mapped to one of {@value #LOCK_STRIPES} stripes ({@link #stripeOf}): a bounded
 * set of rows however many boards and people there are. Two names of one stripe exclude
 * each other needlessly but briefly; a thread that holds a stripe and asks for another name
 * of it (the engine nests a document's lock and the index's) is let through, since Beehive
 * locks are not re-entrant and would otherwise wait for themselves. A lock is waited for at most {@link #DEFAULT_LOCK_TIMEOUT}; a write
 * that waits longer fails with a {@link LockTimeoutException} and stores nothing, rather
 * than holding a request thread (and the Jira node) hostage to a stuck writer.
 *
 * <pre>{@code
 * HostStorage storage = new PluginSettingsStorage(pluginSettingsFactory, clusterLockService);
 * CapacityEngine engine = CapacityEngine.open(storage);
 * }</pre>
 */
public final class PluginSettingsStorage implements HostStorage {
    /** Longest key SAL accepts. */
    public static final int MAX_KEY_LENGTH = 100;
    /** Longest String value SAL accepts. */
    public static final int MAX_VALUE_LENGTH = 99_000;
    /** Every key the engine uses starts with this. */
    public static final String KEY_PREFIX = "org.capacitytracker:";

    /**
     * How long a write waits for another write of the same document: far longer than a
     * write takes (milliseconds), far shorter than a request should hang.
     */
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(30);

    /** How many cluster lock names the plugin ever uses. */
    public static final int LOCK_STRIPES = StripedLocks.STRIPES;

    private final PluginSettingsFactory factory;
    /** The lock of each name's stripe; in Jira a Beehive cluster lock (a ClusterLock is a Lock). */
    private final StripedLocks locks;

    /**
     * Creates the adapter for Jira, locking with Jira's cluster locks. The global settings
     * are looked up on each call, so a settings service restarted by Jira is picked up.
     *
     * @param factory Jira's SAL settings factory
     * @param clusterLocks Jira's Beehive lock service (in Data Center, locks across nodes)
     */
    public PluginSettingsStorage(PluginSettingsFactory factory, ClusterLockService clusterLocks) {
        this(factory, clusterLocks, DEFAULT_LOCK_TIMEOUT);
    }

    /**
     * Creates the adapter for Jira with a lock timeout of the caller's choosing.
     *
     * <pre>{@code new PluginSettingsStorage(factory, clusterLocks, Duration.ofSeconds(5));}</pre>
     *
     * @param factory Jira's SAL settings factory
     * @param clusterLocks Jira's Beehive lock service
     * @param lockTimeout how long a write waits for the lock of its document
     */
    public PluginSettingsStorage(PluginSettingsFactory factory, ClusterLockService clusterLocks, Duration lockTimeout) {
        this(factory, Objects.requireNonNull(clusterLocks, "clusterLocks")::getLockForName, "cluster lock", lockTimeout);
    }

    private PluginSettingsStorage(PluginSettingsFactory factory, Function<String, Lock> locks, String lockKind,
            Duration lockTimeout) {
        this.factory = Objects.requireNonNull(factory, "factory");
        this.locks = new StripedLocks(locks, lockKind, lockTimeout);
    }

    /**
     * An adapter whose locks exclude the threads of this JVM only: for a host that runs one
     * node and has no {@link ClusterLockService}, and for tests. Two JVMs writing to one
     * database through it would not exclude each other; Jira always gets the cluster locks.
     * (One lock object per stripe: {@value #LOCK_STRIPES} at most.)
     *
     * <pre>{@code HostStorage storage = PluginSettingsStorage.withJvmLocks(pluginSettingsFactory);}</pre>
     *
     * @param factory the SAL settings factory
     * @param lockTimeout how long a write waits for the lock of its document
     * @return an adapter with JVM-local locks
     */
    public static PluginSettingsStorage withJvmLocks(PluginSettingsFactory factory, Duration lockTimeout) {
        ConcurrentMap<String, Lock> jvmLocks = new ConcurrentHashMap<>();
        return new PluginSettingsStorage(factory, name -> jvmLocks.computeIfAbsent(name, n -> new ReentrantLock()),
                "lock", lockTimeout);
    }

    @Override
    public String get(String key) {
        checkKey(key);
        Object value = settings().get(key);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        // Someone stored a List, Map or Properties under our key; handing the engine its
        // toString() would corrupt the document on the next write.
        throw new IllegalStateException("the stored value under \"" + key + "\" is a "
                + value.getClass().getName() + ", not a String");
    }

    @Override
    public void put(String key, String value) {
        checkKey(key);
        if (value == null) {
            throw new IllegalArgumentException("refusing to store null under \"" + key + "\"; remove the key instead");
        }
        if (value.length() > MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException("the value for \"" + key + "\" is " + value.length()
                    + " characters long; Jira's plugin settings hold at most " + MAX_VALUE_LENGTH);
        }
        settings().put(key, value);
    }

    @Override
    public void remove(String key) {
        checkKey(key);
        settings().remove(key);
    }

    /**
     * Takes the lock {@code name} (a document's key), waiting at most the lock timeout.
     *
     * @throws LockTimeoutException when another write held it all that time
     * @throws IllegalStateException when interrupted while waiting (the interrupt is kept)
     */
    @Override
    public void lock(String name) {
        checkKey(name);
        locks.lock(name);
    }

    /** Releases the lock {@code name}, on the thread that took it. */
    @Override
    public void unlock(String name) {
        checkKey(name);
        locks.unlock(name);
    }

    /**
     * The cluster lock that guards the storage key {@code name}: one of {@value #LOCK_STRIPES}
     * names, the same on every node ({@link String#hashCode} is specified by Java, not per JVM).
     *
     * <pre>{@code PluginSettingsStorage.stripeOf("org.capacitytracker:board:1"); // "org.capacitytracker:lock:<0-63>"}</pre>
     */
    public static String stripeOf(String name) {
        return StripedLocks.stripeOf(name);
    }

    private PluginSettings settings() {
        PluginSettings settings = factory.createGlobalSettings();
        if (settings == null) {
            throw new IllegalStateException("Jira returned no global plugin settings");
        }
        return settings;
    }

    static void checkKey(String key) {
        if (key == null) {
            throw new IllegalArgumentException("storage key is null");
        }
        if (!key.startsWith(KEY_PREFIX)) {
            throw new IllegalArgumentException("storage key \"" + key + "\" is outside the "
                    + KEY_PREFIX + " namespace");
        }
        if (key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("storage key \"" + key + "\" is " + key.length()
                    + " characters long; Jira's plugin settings accept at most " + MAX_KEY_LENGTH);
        }
    }
}
