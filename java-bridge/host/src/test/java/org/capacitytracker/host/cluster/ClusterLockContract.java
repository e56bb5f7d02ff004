package org.capacitytracker.host.cluster;

import com.atlassian.beehive.ClusterLock;
import com.atlassian.sal.api.pluginsettings.PluginSettings;
import org.capacitytracker.host.db.Database;
import org.capacitytracker.host.settings.JdbcPluginSettingsFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two cluster nodes on one database, each with its own lock service (as two host processes
 * would have): locks exclude across nodes, are not re-entrant, and die with their node.
 * The host's earlier lock service (a JVM lock per name) fails
 * {@link #aLockHeldOnOneNodeExcludesTheOtherNode} and {@link #readModifyWritesOnTwoNodesLoseNothing}
 * (one instance per node, on H2: 106 of 150 increments counted): that is how two hosts on one
 * PostgreSQL lost 29 of 100 rounds of board edits (issue 8).
 */
abstract class ClusterLockContract {
    static final Duration HEARTBEAT = Duration.ofMillis(100);
    static final Duration DEAD_AFTER = Duration.ofMillis(800);

    @TempDir
    Path dir;

    Database database;
    private final List<ClusterNode> nodes = new ArrayList<>();

    abstract Database openDatabase();

    @BeforeEach
    void open() {
        database = openDatabase();
        ClusterNode.createTables(database);
        database.inTransaction(c -> {
            c.createStatement().executeUpdate("DELETE FROM " + ClusterNode.LOCK_TABLE);
            c.createStatement().executeUpdate("DELETE FROM " + ClusterNode.NODE_TABLE);
            return null;
        });
    }

    @AfterEach
    void close() {
        nodes.forEach(ClusterNode::close);
        // Null when the subclass skipped the test before opening (no PostgreSQL given).
        if (database != null) {
            database.close();
        }
    }

    ClusterNode node(String id) {
        ClusterNode node = ClusterNode.start(database, id, HEARTBEAT, DEAD_AFTER);
        nodes.add(node);
        return node;
    }

    private static boolean tryOn(ClusterLock lock, long millis) throws Exception {
        return CompletableFuture.supplyAsync(() -> {
            try {
                boolean taken = lock.tryLock(millis, TimeUnit.MILLISECONDS);
                if (taken) {
                    lock.unlock();
                }
                return taken;
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }).get(30, TimeUnit.SECONDS);
    }

    @Test
    void aLockHeldOnOneNodeExcludesTheOtherNode() throws Exception {
        DatabaseClusterLockService a = new DatabaseClusterLockService(node("node-a"));
        DatabaseClusterLockService b = new DatabaseClusterLockService(node("node-b"));
        ClusterLock onA = a.getLockForName("org.capacitytracker:lock:1");
        onA.lock();
        try {
            assertTrue(onA.isHeldByCurrentThread());
            assertFalse(tryOn(b.getLockForName("org.capacitytracker:lock:1"), 0), "held on node a");
            assertFalse(tryOn(b.getLockForName("org.capacitytracker:lock:1"), 300), "held on node a, also after waiting");
            assertTrue(tryOn(b.getLockForName("org.capacitytracker:lock:2"), 0), "other names are independent");
        } finally {
            onA.unlock();
        }
        assertFalse(onA.isHeldByCurrentThread());
        assertTrue(tryOn(b.getLockForName("org.capacitytracker:lock:1"), 0), "free after unlock");
    }

    @Test
    void aLockIsNotReentrant() throws Exception {
        ClusterLock lock = new DatabaseClusterLockService(node("node-a")).getLockForName("org.capacitytracker:lock:1");
        lock.lock();
        try {
            assertFalse(lock.tryLock(), "the holder asking again is refused, not let in twice");
            assertFalse(lock.tryLock(100, TimeUnit.MILLISECONDS));
            assertTrue(lock.isHeldByCurrentThread(), "a refused attempt leaves the first hold intact");
        } finally {
            lock.unlock();
        }
        assertThrows(IllegalMonitorStateException.class, lock::unlock, "unlocking a free lock");
    }

    @Test
    void onlyTheHoldingThreadUnlocks() throws Exception {
        ClusterLock lock = new DatabaseClusterLockService(node("node-a")).getLockForName("org.capacitytracker:lock:1");
        lock.lock();
        try {
            Exception e = assertThrows(Exception.class, () -> CompletableFuture.runAsync(lock::unlock).get(10, TimeUnit.SECONDS));
            assertTrue(e.getCause() instanceof IllegalMonitorStateException, String.valueOf(e.getCause()));
        } finally {
            lock.unlock();
        }
    }

    @Test
    void aDeadNodesLocksAreFreedOnceItsHeartbeatIsOld() throws Exception {
        ClusterNode a = node("node-a");
        DatabaseClusterLockService b = new DatabaseClusterLockService(node("node-b"));
        ClusterLock onA = new DatabaseClusterLockService(a).getLockForName("org.capacitytracker:lock:1");
        assertTrue(onA.tryLock());
        a.stopHeartbeatAsIfKilled();
        long start = System.nanoTime();
        assertTrue(tryOn(b.getLockForName("org.capacitytracker:lock:1"), 10_000), "freed when node a is dead");
        long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(waited >= DEAD_AFTER.toMillis() - 2 * HEARTBEAT.toMillis(), "not before node a is dead: " + waited + " ms");
        assertEquals(List.of(), livePeersOf("node-b"), "node a is dead to node b");
    }

    private List<ClusterNode.Peer> livePeersOf(String id) {
        return nodes.stream().filter(n -> n.nodeId().equals(id)).findFirst().orElseThrow().livePeers();
    }

    @Test
    void aLiveNodesIdIsRefusedAndACrashedOnesLocksAreFreedOnRestart() throws Exception {
        ClusterNode first = node("node-a");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ClusterNode.start(database, "node-a", HEARTBEAT, DEAD_AFTER));
        assertTrue(e.getMessage().contains("node-a") && e.getMessage().contains("in use"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ClusterNode.start(database, "node a", HEARTBEAT, DEAD_AFTER));
        ClusterLock held = new DatabaseClusterLockService(first).getLockForName("org.capacitytracker:lock:1");
        assertTrue(held.tryLock());
        first.stopHeartbeatAsIfKilled();
        Thread.sleep(DEAD_AFTER.toMillis() + HEARTBEAT.toMillis());
        ClusterNode restarted = node("node-a");
        ClusterNode other = node("node-b");
        assertEquals(List.of("node-b"), restarted.livePeers().stream().map(ClusterNode.Peer::nodeId).toList());
        assertTrue(tryOn(new DatabaseClusterLockService(other).getLockForName("org.capacitytracker:lock:1"), 0),
                "the restarted node freed what its crashed predecessor held");
    }

    @Test
    void namesAreBoundedAsBeehiveBoundsThem() {
        DatabaseClusterLockService service = new DatabaseClusterLockService(node("node-a"));
        service.getLockForName("n".repeat(DatabaseClusterLockService.MAX_NAME_LENGTH));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> service.getLockForName("n".repeat(DatabaseClusterLockService.MAX_NAME_LENGTH + 1)));
        assertTrue(e.getMessage().contains("256"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> service.getLockForName(""));
    }

    /** Read-modify-writes of one setting from threads of two nodes: every increment counts. */
    @Test
    void readModifyWritesOnTwoNodesLoseNothing() throws Exception {
        List<DatabaseClusterLockService> services = List.of(new DatabaseClusterLockService(node("node-a")),
                new DatabaseClusterLockService(node("node-b")));
        PluginSettings settings = new JdbcPluginSettingsFactory(database).createGlobalSettings();
        settings.remove("counter");
        int threadsPerNode = 3;
        int increments = 25;
        ExecutorService pool = Executors.newFixedThreadPool(2 * threadsPerNode);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (DatabaseClusterLockService service : services) {
                for (int t = 0; t < threadsPerNode; t++) {
                    work.add(pool.submit(() -> {
                        ClusterLock lock = service.getLockForName("org.capacitytracker:lock:counter");
                        for (int i = 0; i < increments; i++) {
                            lock.lock();
                            try {
                                Object v = settings.get("counter");
                                settings.put("counter", String.valueOf(v == null ? 1 : Integer.parseInt((String) v) + 1));
                            } finally {
                                lock.unlock();
                            }
                        }
                        return null;
                    }));
                }
            }
            for (Future<?> f : work) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(String.valueOf(2 * threadsPerNode * increments), settings.get("counter"));
    }
}
