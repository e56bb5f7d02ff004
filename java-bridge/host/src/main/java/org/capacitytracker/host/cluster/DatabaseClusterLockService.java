package org.capacitytracker.host.cluster;

import com.atlassian.beehive.ClusterLock;
import com.atlassian.beehive.ClusterLockService;
import org.capacitytracker.host.db.Database;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;

/**
 * Beehive's {@link ClusterLockService} as Jira Data Center provides it: each named lock is a
 * row of a database table shared by every node, so a lock held on one node excludes the
 * threads of every node.
 *
 * <ul>
 *   <li>A lock is taken in two steps: first this node's local permit for the name (so the
 *       threads of one node queue in the JVM, not on the database), then the row, which is
 *       free when it names no node, or a node whose heartbeat has stopped
 *       ({@link ClusterNode}): a lock never outlives the node holding it by more than the
 *       dead-node timeout.</li>
 *   <li>Not re-entrant: a thread asking again for a lock it holds waits like any other
 *       (and {@code tryLock} says no), as Beehive's database locks do.</li>
 *   <li>Names are at most {@value #MAX_NAME_LENGTH} characters. Rows are never removed, as
 *       in Jira, so callers must use a bounded set of names.</li>
 * </ul>
 *
 * <p>While waiting for a row held by another node, the lock polls the table, backing off
 * from {@value #FIRST_POLL_MILLIS} ms to {@value #MAX_POLL_MILLIS} ms.
 *
 * <pre>{@code
 * ClusterLockService locks = new DatabaseClusterLockService(node);
 * ClusterLock lock = locks.getLockForName("org.capacitytracker:lock:7");
 * if (lock.tryLock(30, TimeUnit.SECONDS)) { try { ... } finally { lock.unlock(); } }
 * }</pre>
 */
public final class DatabaseClusterLockService implements ClusterLockService {
    /** Longest lock name (Beehive's column). */
    public static final int MAX_NAME_LENGTH = 255;
    static final long FIRST_POLL_MILLIS = 2;
    static final long MAX_POLL_MILLIS = 50;

    private final ClusterNode node;
    private final ConcurrentMap<String, DatabaseLock> locks = new ConcurrentHashMap<>();

    public DatabaseClusterLockService(ClusterNode node) {
        this.node = Objects.requireNonNull(node, "node");
    }

    @Override
    public ClusterLock getLockForName(String lockName) {
        if (lockName == null || lockName.isEmpty()) {
            throw new IllegalArgumentException("cluster lock name is empty");
        }
        if (lockName.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("cluster lock name is " + lockName.length()
                    + " characters long; Beehive accepts at most " + MAX_NAME_LENGTH);
        }
        return locks.computeIfAbsent(lockName, DatabaseLock::new);
    }

    private final class DatabaseLock implements ClusterLock {
        private final String name;
        /** This node's permit: one holder thread per node at a time. */
        private final Semaphore local = new Semaphore(1, true);
        private volatile Thread holder;

        DatabaseLock(String name) {
            this.name = name;
        }

        @Override
        public void lock() {
            boolean interrupted = false;
            while (true) {
                try {
                    if (tryLock(Long.MAX_VALUE, TimeUnit.NANOSECONDS)) {
                        break;
                    }
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void lockInterruptibly() throws InterruptedException {
            while (!tryLock(Long.MAX_VALUE, TimeUnit.NANOSECONDS)) {
                // waits on
            }
        }

        @Override
        public boolean tryLock() {
            if (!local.tryAcquire()) {
                return false;
            }
            return takeRowOrRelease();
        }

        @Override
        public boolean tryLock(long time, TimeUnit unit) throws InterruptedException {
            long deadline = System.nanoTime() + Math.min(unit.toNanos(time), Long.MAX_VALUE / 4);
            if (!local.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                return false;
            }
            long pause = FIRST_POLL_MILLIS;
            try {
                while (true) {
                    if (takeRow()) {
                        holder = Thread.currentThread();
                        return true;
                    }
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        local.release();
                        return false;
                    }
                    TimeUnit.NANOSECONDS.sleep(Math.min(left, TimeUnit.MILLISECONDS.toNanos(pause)));
                    pause = Math.min(MAX_POLL_MILLIS, pause * 2);
                }
            } catch (InterruptedException | RuntimeException e) {
                local.release();
                throw e;
            }
        }

        private boolean takeRowOrRelease() {
            try {
                if (takeRow()) {
                    holder = Thread.currentThread();
                    return true;
                }
            } catch (RuntimeException e) {
                local.release();
                throw e;
            }
            local.release();
            return false;
        }

        /** One attempt at the row: true when this node now holds it. */
        private boolean takeRow() {
            return node.database().inTransaction(connection -> {
                OffsetDateTime now = ClusterNode.now(connection);
                String owner;
                boolean exists;
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT node_id FROM " + ClusterNode.LOCK_TABLE + " WHERE lock_name = ? FOR UPDATE")) {
                    select.setString(1, name);
                    try (ResultSet rs = select.executeQuery()) {
                        exists = rs.next();
                        owner = exists ? rs.getString(1) : null;
                    }
                }
                if (!exists) {
                    // Another node may create the row first (and then holds it): poll again. On
                    // PostgreSQL a failed INSERT would abort the transaction, hence ON CONFLICT.
                    boolean postgres = node.database().dialect() == Database.Dialect.POSTGRESQL;
                    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + ClusterNode.LOCK_TABLE
                            + " (lock_name, node_id, locked_at) VALUES (?, ?, ?)"
                            + (postgres ? " ON CONFLICT (lock_name) DO NOTHING" : ""))) {
                        insert.setString(1, name);
                        insert.setString(2, node.nodeId());
                        insert.setObject(3, now);
                        return insert.executeUpdate() == 1;
                    } catch (SQLException e) {
                        if ("23505".equals(e.getSQLState())) {
                            return false;
                        }
                        throw e;
                    }
                }
                // Held by this node's id yet not through this permit: left by an unlock whose
                // database write failed. Free in every other case the owner's heartbeat decides.
                if (owner != null && !owner.equals(node.nodeId()) && alive(connection, owner, now)) {
                    return false;
                }
                try (PreparedStatement update = connection.prepareStatement("UPDATE " + ClusterNode.LOCK_TABLE
                        + " SET node_id = ?, locked_at = ? WHERE lock_name = ?")) {
                    update.setString(1, node.nodeId());
                    update.setObject(2, now);
                    update.setString(3, name);
                    update.executeUpdate();
                }
                return true;
            });
        }

        private boolean alive(java.sql.Connection connection, String owner, OffsetDateTime now) throws SQLException {
            try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM " + ClusterNode.NODE_TABLE
                    + " WHERE node_id = ? AND heartbeat_at >= ?")) {
                select.setString(1, owner);
                select.setObject(2, now.minus(node.deadAfter()));
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next();
                }
            }
        }

        @Override
        public void unlock() {
            if (holder != Thread.currentThread()) {
                throw new IllegalMonitorStateException("the cluster lock \"" + name + "\" is not held by this thread");
            }
            holder = null;
            try {
                node.database().inTransaction(connection -> {
                    try (PreparedStatement update = connection.prepareStatement("UPDATE " + ClusterNode.LOCK_TABLE
                            + " SET node_id = NULL, locked_at = NULL WHERE lock_name = ? AND node_id = ?")) {
                        update.setString(1, name);
                        update.setString(2, node.nodeId());
                        update.executeUpdate();
                    }
                    return null;
                });
            } finally {
                local.release();
            }
        }

        @Override
        public boolean isHeldByCurrentThread() {
            return holder == Thread.currentThread();
        }

        @Override
        public Condition newCondition() {
            throw new UnsupportedOperationException("ClusterLock does not support conditions");
        }
    }
}
