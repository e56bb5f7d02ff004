package org.capacitytracker.host.cluster;

import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;
import org.capacitytracker.host.db.Database;
import org.capacitytracker.host.settings.CachingPluginSettingsFactory;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * How a host process joins its database's cluster, from system properties (so that the
 * command line of a single host does not change):
 *
 * <ul>
 *   <li>{@code capacity.cluster.node}: this node's id. Given, the host runs in cluster mode
 *       (Jira DC's {@code jira.node.id}); absent, it runs alone under a random
 *       {@code standalone-…} id, and warns when it sees another live node on its database.</li>
 *   <li>{@code capacity.settings.cache.ms} (default {@value #DEFAULT_SETTINGS_CACHE_MS}, as
 *       Jira DC's few hundred ms; 0 turns it off): Jira DC's node-local plugin-settings cache
 *       with asynchronous invalidation ({@link CachingPluginSettingsFactory}). On by default
 *       since the plugin keeps its documents in Active Objects, which has no such cache.</li>
 *   <li>{@code capacity.cluster.heartbeat.ms} (default {@value #DEFAULT_HEARTBEAT_MS}) and
 *       {@code capacity.cluster.dead.ms} (default {@value #DEFAULT_DEAD_MS}): how often a node
 *       writes its heartbeat, and after how much silence the others declare it dead and take
 *       over its cluster locks.</li>
 * </ul>
 *
 * <p>Either way locks are the database's ({@link DatabaseClusterLockService}), so even a
 * second host started by mistake on the same database cannot make writes collide.
 *
 * <pre>{@code
 * HostCluster cluster = HostCluster.join(database, System.getProperties());
 * osgi.register(cluster.locks());
 * cluster.summary(); // "node node-1 (cluster mode), live peers: node-2"
 * }</pre>
 */
public final class HostCluster implements AutoCloseable {
    static final long DEFAULT_HEARTBEAT_MS = 2_000;
    static final long DEFAULT_DEAD_MS = 20_000;

    private final ClusterNode node;
    private final DatabaseClusterLockService locks;
    private final boolean clusterMode;
    private final List<ClusterNode.Peer> peersAtStart;
    private final Duration settingsCacheDelay;
    private CachingPluginSettingsFactory settingsCache;

    private HostCluster(ClusterNode node, boolean clusterMode, List<ClusterNode.Peer> peersAtStart,
                        Duration settingsCacheDelay) {
        this.node = node;
        this.locks = new DatabaseClusterLockService(node);
        this.clusterMode = clusterMode;
        this.peersAtStart = peersAtStart;
        this.settingsCacheDelay = settingsCacheDelay;
    }

    /** How late another node's plugin-settings write may reach this node's cache by default. */
    public static final long DEFAULT_SETTINGS_CACHE_MS = 300;

    /** Registers this process as a node of {@code database}'s cluster, as {@code properties} say. */
    public static HostCluster join(Database database, Properties properties) {
        String id = properties.getProperty("capacity.cluster.node");
        boolean clusterMode = id != null && !id.isBlank();
        if (!clusterMode) {
            byte[] random = new byte[4];
            new SecureRandom().nextBytes(random);
            id = "standalone-" + HexFormat.of().formatHex(random);
        }
        Duration heartbeat = Duration.ofMillis(millis(properties, "capacity.cluster.heartbeat.ms", DEFAULT_HEARTBEAT_MS));
        Duration dead = Duration.ofMillis(millis(properties, "capacity.cluster.dead.ms", DEFAULT_DEAD_MS));
        // 0 turns the cache off (every other setting must be positive).
        long cacheMillis = "0".equals(properties.getProperty("capacity.settings.cache.ms", "").trim()) ? 0
                : millis(properties, "capacity.settings.cache.ms", DEFAULT_SETTINGS_CACHE_MS);
        ClusterNode node = ClusterNode.start(database, id.trim(), heartbeat, dead);
        HostCluster cluster = new HostCluster(node, clusterMode, node.livePeers(),
                cacheMillis == 0 ? null : Duration.ofMillis(cacheMillis));
        if (!clusterMode && !cluster.peersAtStart.isEmpty()) {
            System.err.println("[capacity-host] WARN cluster mode is off (no -Dcapacity.cluster.node), yet other nodes "
                    + "are alive on this database: " + describe(cluster.peersAtStart) + ". Writes stay safe (locks are "
                    + "the database's), but give each node an id to run a cluster on purpose.");
        }
        return cluster;
    }

    private static long millis(Properties properties, String name, long fallback) {
        String value = properties.getProperty(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value.trim());
            if (parsed <= 0) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + name + " must be a positive number of milliseconds, got \"" + value + "\"");
        }
    }

    private static String describe(List<ClusterNode.Peer> peers) {
        return peers.stream().map(p -> p.nodeId() + " (heartbeat " + p.sinceHeartbeat().toMillis() + " ms ago)")
                .collect(Collectors.joining(", "));
    }

    /**
     * The plugin settings this node serves: through Jira DC's node-local cache with
     * invalidation that reaches the other nodes up to {@code -Dcapacity.settings.cache.ms}
     * late, or, with 0 there, {@code database} directly.
     */
    public PluginSettingsFactory settings(Database database, PluginSettingsFactory direct) {
        if (settingsCacheDelay == null) {
            return direct;
        }
        settingsCache = new CachingPluginSettingsFactory(database, direct, node.nodeId(), settingsCacheDelay);
        return settingsCache;
    }

    /** Whether this node runs in a cluster ({@code -Dcapacity.cluster.node} given). */
    public boolean clusterMode() {
        return clusterMode;
    }

    public DatabaseClusterLockService locks() {
        return locks;
    }

    public ClusterNode node() {
        return node;
    }

    /** One line for the start-up summary. */
    public String summary() {
        return "node " + node.nodeId() + (clusterMode ? " (cluster mode)" : " (cluster mode off)")
                + "; locks in the database, a silent node is dead after " + node.deadAfter().toMillis() + " ms"
                + (peersAtStart.isEmpty() ? "; no other live node" : "; live peers: " + describe(peersAtStart))
                + (settingsCacheDelay == null ? "" : "; plugin settings cached on this node, invalidated across nodes "
                + "within " + settingsCacheDelay.toMillis() + " ms (-Dcapacity.settings.cache.ms)");
    }

    @Override
    public void close() {
        if (settingsCache != null) {
            settingsCache.close();
        }
        node.close();
    }
}
