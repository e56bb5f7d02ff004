package org.capacitytracker.jira.storage;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.beehive.ClusterLockService;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.Lock;
import java.util.function.Function;
import net.java.ao.Query;
import org.capacitytracker.api.HostStorage;

/**
 * The engine's storage in Jira Data Center: one Active Objects row per stored key
 * ({@link StoredDocument}), locks on Beehive cluster locks in {@value StripedLocks#STRIPES}
 * stripes.
 *
 * <p>Why not plugin settings: Jira reads plugin settings through a node-local cache whose
 * invalidation reaches other nodes asynchronously, so a read-check-write under a cluster lock
 * could read a revision another node already replaced (ClusterCacheHazardTest shows the lost
 * updates). Active Objects reads are queries on the database inside a transaction, with no
 * cache across nodes: under the lock, a read is the last committed value, and the engine's
 * revision check holds on every node. Each write is one transaction (find the row, update or
 * insert it), so a crash leaves the old value or the new one, never a half.
 *
 * <p>The keys follow the same rules as {@link PluginSettingsStorage} (namespace, at most 100
 * characters), so the engine sees one storage contract whichever adapter it has.
 *
 * <pre>{@code
 * HostStorage storage = new ActiveObjectsStorage(activeObjects, clusterLockService);
 * CapacityEngine engine = CapacityEngine.open(storage);
 * }</pre>
 */
public final class ActiveObjectsStorage implements HostStorage {
    /** Keys bound in one query, well under every database's limit on parameters (SQL Server: 2,100). */
    static final int KEYS_PER_QUERY = 500;

    private final ActiveObjects ao;
    private final StripedLocks locks;

    /**
     * @param ao the plugin's Active Objects (its {@code <ao>} module declares {@link StoredDocument})
     * @param clusterLocks Jira's Beehive lock service (in Data Center, locks across nodes)
     */
    public ActiveObjectsStorage(ActiveObjects ao, ClusterLockService clusterLocks) {
        this(ao, Objects.requireNonNull(clusterLocks, "clusterLocks")::getLockForName, "cluster lock",
                PluginSettingsStorage.DEFAULT_LOCK_TIMEOUT);
    }

    /**
     * An adapter with locks of the caller's choosing (tests model several nodes' lock services).
     *
     * <pre>{@code new ActiveObjectsStorage(ao, name -> sharedLocks.get(name), "lock", Duration.ofSeconds(5));}</pre>
     */
    public ActiveObjectsStorage(ActiveObjects ao, Function<String, Lock> locks, String lockKind, Duration lockTimeout) {
        this.ao = Objects.requireNonNull(ao, "ao");
        this.locks = new StripedLocks(locks, lockKind, lockTimeout);
    }

    @Override
    public String get(String key) {
        PluginSettingsStorage.checkKey(key);
        StoredDocument row = find(key);
        return row == null ? null : row.getDocText();
    }

    /**
     * One query ({@code DOC_KEY IN (...)}) for up to {@link #KEYS_PER_QUERY} keys instead of
     * one per key: a sprint report reads every member's days off, 50 database round trips
     * otherwise. Same values as {@link #get} of each key.
     */
    @Override
    public String[] getAll(String[] keys) {
        for (String key : keys) {
            PluginSettingsStorage.checkKey(key);
        }
        Map<String, String> found = new HashMap<>();
        for (int from = 0; from < keys.length; from += KEYS_PER_QUERY) {
            String[] some = Arrays.copyOfRange(keys, from, Math.min(keys.length, from + KEYS_PER_QUERY));
            String marks = String.join(", ", Collections.nCopies(some.length, "?"));
            Query query = Query.select().where(StoredDocument.KEY_COLUMN + " IN (" + marks + ")", (Object[]) some);
            for (StoredDocument row : ao.find(StoredDocument.class, query)) {
                found.put(row.getDocKey(), row.getDocText());
            }
        }
        String[] values = new String[keys.length];
        for (int i = 0; i < keys.length; i++) {
            values[i] = found.get(keys[i]);
        }
        return values;
    }

    @Override
    public void put(String key, String value) {
        PluginSettingsStorage.checkKey(key);
        if (value == null) {
            throw new IllegalArgumentException("refusing to store null under \"" + key + "\"; remove the key instead");
        }
        ao.executeInTransaction(() -> {
            StoredDocument row = find(key);
            if (row == null) {
                ao.create(StoredDocument.class, Map.of(StoredDocument.KEY_COLUMN, key, StoredDocument.TEXT_COLUMN, value));
            } else {
                row.setDocText(value);
                row.save();
            }
            return null;
        });
    }

    @Override
    public void remove(String key) {
        PluginSettingsStorage.checkKey(key);
        ao.executeInTransaction(() -> {
            StoredDocument row = find(key);
            if (row != null) {
                ao.delete(row);
            }
            return null;
        });
    }

    @Override
    public void lock(String name) {
        PluginSettingsStorage.checkKey(name);
        locks.lock(name);
    }

    @Override
    public void unlock(String name) {
        PluginSettingsStorage.checkKey(name);
        locks.unlock(name);
    }

    private StoredDocument find(String key) {
        StoredDocument[] rows = ao.find(StoredDocument.class, Query.select().where(StoredDocument.KEY_COLUMN + " = ?", key));
        return rows.length == 0 ? null : rows[0];
    }
}
