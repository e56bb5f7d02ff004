package org.capacitytracker.jira.testing;

import com.atlassian.sal.api.pluginsettings.PluginSettings;
import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One Jira Data Center node's view of plugin settings, as JIRA-PLATFORM.md describes it
 * ("Storage and Data Center"): entries are read through a node-local cache
 * ({@code CachingOfBizPropertyEntryStore}); a write goes to the database and drops the entry
 * from this node's cache at once, but reaches the other nodes' caches only after
 * {@code delay} (Jira's asynchronous cluster invalidation). Absent entries are cached too.
 *
 * <pre>{@code
 * MemoryPluginSettings database = new MemoryPluginSettings();
 * List<NodeCachedPluginSettings> cluster = new CopyOnWriteArrayList<>();
 * NodeCachedPluginSettings a = new NodeCachedPluginSettings(database, cluster, Duration.ofMillis(300));
 * NodeCachedPluginSettings b = new NodeCachedPluginSettings(database, cluster, Duration.ofMillis(300));
 * }</pre>
 */
public final class NodeCachedPluginSettings implements PluginSettings, PluginSettingsFactory, AutoCloseable {
    private final MemoryPluginSettings database;
    private final List<NodeCachedPluginSettings> cluster;
    private final Duration delay;
    private final Map<String, Optional<Object>> cache = new ConcurrentHashMap<>();
    private final ScheduledExecutorService invalidations = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "cluster-cache-invalidation");
        t.setDaemon(true);
        return t;
    });

    public NodeCachedPluginSettings(MemoryPluginSettings database, List<NodeCachedPluginSettings> cluster, Duration delay) {
        this.database = database;
        this.cluster = cluster;
        this.delay = delay;
        cluster.add(this);
    }

    /** A cluster of {@code nodes} nodes over {@code database}. */
    public static List<NodeCachedPluginSettings> cluster(MemoryPluginSettings database, int nodes, Duration delay) {
        List<NodeCachedPluginSettings> cluster = new CopyOnWriteArrayList<>();
        for (int i = 0; i < nodes; i++) {
            new NodeCachedPluginSettings(database, cluster, delay);
        }
        return cluster;
    }

    @Override
    public Object get(String key) {
        return cache.computeIfAbsent(key, k -> Optional.ofNullable(database.get(k))).orElse(null);
    }

    @Override
    public Object put(String key, Object value) {
        Object previous = database.put(key, value);
        invalidate(key);
        return previous;
    }

    @Override
    public Object remove(String key) {
        Object previous = database.remove(key);
        invalidate(key);
        return previous;
    }

    private void invalidate(String key) {
        cache.remove(key);
        for (NodeCachedPluginSettings other : cluster) {
            if (other != this) {
                invalidations.schedule(() -> other.cache.remove(key), delay.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    @Override
    public PluginSettings createSettingsForKey(String key) {
        throw new UnsupportedOperationException("the plugin uses global settings only");
    }

    @Override
    public PluginSettings createGlobalSettings() {
        return this;
    }

    @Override
    public void close() {
        invalidations.shutdownNow();
    }
}
