package org.capacitytracker.host.cluster;

import org.capacitytracker.host.db.Database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * This host process as a node of a cluster sharing one database, as Jira Data Center keeps
 * its nodes: a row per node in a heartbeat table, refreshed every {@code heartbeat}; a node
 * whose heartbeat is older than {@code deadAfter} is dead, and the cluster locks it held are
 * free again ({@link DatabaseClusterLockService}).
 *
 * <p>Times are the database's clock ({@code CURRENT_TIMESTAMP}), never a node's, so clock
 * skew between nodes cannot make a live node look dead.
 *
 * <p>Starting refuses a node id that a live node already uses (two processes under one id
 * would share each other's locks), and releases the locks a previous, crashed process of
 * this id left behind (a new process holds none).
 *
 * <pre>{@code
 * ClusterNode node = ClusterNode.start(database, "node-1", Duration.ofSeconds(2), Duration.ofSeconds(20));
 * List<ClusterNode.Peer> others = node.livePeers();
 * node.close(); // stops the heartbeat; the row stays, and ages into "dead"
 * }</pre>
 */
public final class ClusterNode implements AutoCloseable {
    static final String NODE_TABLE = "ct_cluster_node";
    static final String LOCK_TABLE = "ct_cluster_lock";
    /** Node ids are short, printable and safe in logs. */
    private static final Pattern NODE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** Another node seen in the heartbeat table, with the age of its last heartbeat. */
    public record Peer(String nodeId, Duration sinceHeartbeat) {
    }

    private final Database database;
    private final String nodeId;
    private final Duration deadAfter;
    private final ScheduledExecutorService heartbeats;

    private ClusterNode(Database database, String nodeId, Duration deadAfter, ScheduledExecutorService heartbeats) {
        this.database = database;
        this.nodeId = nodeId;
        this.deadAfter = deadAfter;
        this.heartbeats = heartbeats;
    }

    /**
     * Registers node {@code nodeId}, frees the locks a crashed process of that id left, and
     * starts its heartbeat.
     *
     * @throws IllegalStateException when a live node already uses {@code nodeId}
     */
    public static ClusterNode start(Database database, String nodeId, Duration heartbeat, Duration deadAfter) {
        Objects.requireNonNull(database, "database");
        if (nodeId == null || !NODE_ID.matcher(nodeId).matches()) {
            throw new IllegalArgumentException("cluster node id \"" + nodeId
                    + "\" must be 1 to 64 letters, digits, '.', '_' or '-'");
        }
        if (heartbeat.isNegative() || heartbeat.isZero() || deadAfter.compareTo(heartbeat.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("cluster heartbeat " + heartbeat + " must be positive and at most half of "
                    + "the time after which a silent node is dead (" + deadAfter + ")");
        }
        createTables(database);
        database.inTransaction(connection -> {
            OffsetDateTime now = now(connection);
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT heartbeat_at FROM " + NODE_TABLE + " WHERE node_id = ? FOR UPDATE")) {
                select.setString(1, nodeId);
                try (ResultSet rs = select.executeQuery()) {
                    if (rs.next()) {
                        OffsetDateTime last = rs.getObject(1, OffsetDateTime.class);
                        Duration age = Duration.between(last, now);
                        if (age.compareTo(deadAfter) < 0) {
                            throw new IllegalStateException("cluster node id \"" + nodeId + "\" is in use: that node's "
                                    + "heartbeat is " + age.toMillis() + " ms old (a node is dead after "
                                    + deadAfter.toMillis() + " ms of silence). Give each node its own id, or wait "
                                    + "until the other process has stopped for that long.");
                        }
                    }
                }
            }
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + NODE_TABLE + " WHERE node_id = ?")) {
                delete.setString(1, nodeId);
                delete.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO " + NODE_TABLE + " (node_id, started_at, heartbeat_at) VALUES (?, ?, ?)")) {
                insert.setString(1, nodeId);
                insert.setObject(2, now);
                insert.setObject(3, now);
                insert.executeUpdate();
            }
            // A new process holds no lock: whatever this id still holds is a crashed predecessor's.
            try (PreparedStatement release = connection.prepareStatement(
                    "UPDATE " + LOCK_TABLE + " SET node_id = NULL WHERE node_id = ?")) {
                release.setString(1, nodeId);
                release.executeUpdate();
            }
            return null;
        });
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "capacity-cluster-heartbeat");
            t.setDaemon(true);
            return t;
        });
        ClusterNode node = new ClusterNode(database, nodeId, deadAfter, executor);
        executor.scheduleWithFixedDelay(node::beat, heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
        return node;
    }

    static void createTables(Database database) {
        database.inTransaction(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE IF NOT EXISTS " + NODE_TABLE + " ("
                        + "node_id VARCHAR(64) NOT NULL PRIMARY KEY, "
                        + "started_at TIMESTAMP WITH TIME ZONE NOT NULL, "
                        + "heartbeat_at TIMESTAMP WITH TIME ZONE NOT NULL)");
                // Beehive's clusterlockstatus: one row per lock name ever used, never pruned.
                statement.execute("CREATE TABLE IF NOT EXISTS " + LOCK_TABLE + " ("
                        + "lock_name VARCHAR(" + DatabaseClusterLockService.MAX_NAME_LENGTH + ") NOT NULL PRIMARY KEY, "
                        + "node_id VARCHAR(64), "
                        + "locked_at TIMESTAMP WITH TIME ZONE)");
            }
            return null;
        });
    }

    static OffsetDateTime now(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT CURRENT_TIMESTAMP")) {
            rs.next();
            return rs.getObject(1, OffsetDateTime.class);
        }
    }

    private void beat() {
        try {
            database.inTransaction(connection -> {
                try (PreparedStatement update = connection.prepareStatement(
                        "UPDATE " + NODE_TABLE + " SET heartbeat_at = CURRENT_TIMESTAMP WHERE node_id = ?")) {
                    update.setString(1, nodeId);
                    update.executeUpdate();
                }
                return null;
            });
        } catch (RuntimeException e) {
            // The next beat retries; a node that cannot reach its database is dead to the others anyway.
            System.err.println("[capacity-host] WARN cluster heartbeat of node " + nodeId + " failed: " + e.getMessage());
        }
    }

    public String nodeId() {
        return nodeId;
    }

    public Duration deadAfter() {
        return deadAfter;
    }

    Database database() {
        return database;
    }

    /** The other nodes whose heartbeat is recent enough for them to be alive. */
    public List<Peer> livePeers() {
        return database.inTransaction(connection -> {
            OffsetDateTime now = now(connection);
            List<Peer> peers = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT node_id, heartbeat_at FROM " + NODE_TABLE
                    + " WHERE node_id <> ? AND heartbeat_at >= ? ORDER BY node_id")) {
                select.setString(1, nodeId);
                select.setObject(2, now.minus(deadAfter));
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        peers.add(new Peer(rs.getString(1), Duration.between(rs.getObject(2, OffsetDateTime.class), now)));
                    }
                }
            }
            return peers;
        });
    }

    /**
     * Leaves the cluster cleanly: stops the heartbeat, frees any lock row this node still
     * holds and removes its heartbeat row, so the id can start again at once.
     */
    @Override
    public void close() {
        heartbeats.shutdownNow();
        try {
            database.inTransaction(connection -> {
                try (PreparedStatement release = connection.prepareStatement(
                        "UPDATE " + LOCK_TABLE + " SET node_id = NULL WHERE node_id = ?");
                     PreparedStatement delete = connection.prepareStatement("DELETE FROM " + NODE_TABLE + " WHERE node_id = ?")) {
                    release.setString(1, nodeId);
                    release.executeUpdate();
                    delete.setString(1, nodeId);
                    delete.executeUpdate();
                }
                return null;
            });
        } catch (RuntimeException e) {
            System.err.println("[capacity-host] WARN node " + nodeId + " could not leave the cluster cleanly ("
                    + e.getMessage() + "); the others see it dead after " + deadAfter.toMillis() + " ms");
        }
    }

    /** Stops the heartbeat and nothing else, as a killed process would: for tests. */
    void stopHeartbeatAsIfKilled() {
        heartbeats.shutdownNow();
    }
}
