package org.capacitytracker.host.sal;

import com.atlassian.beehive.ClusterLock;
import com.atlassian.beehive.ClusterLockService;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Beehive's cluster locks for a single-node host: one JVM lock per name, which is what
 * Beehive documents for single-node applications. (Two hosts on one PostgreSQL database
 * would not exclude each other; the host is a single node by design.)
 */
public final class HostClusterLockService implements ClusterLockService {
    private static final int MAX_NAME_LENGTH = 255;

    private final ConcurrentMap<String, ClusterLock> locks = new ConcurrentHashMap<>();

    @Override
    public ClusterLock getLockForName(String lockName) {
        if (lockName == null || lockName.isEmpty()) {
            throw new IllegalArgumentException("cluster lock name is empty");
        }
        if (lockName.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("cluster lock name is " + lockName.length()
                    + " characters long; Beehive accepts at most " + MAX_NAME_LENGTH);
        }
        return locks.computeIfAbsent(lockName, name -> new JvmLock());
    }

    private static final class JvmLock implements ClusterLock {
        private final ReentrantLock lock = new ReentrantLock();

        @Override
        public void lock() {
            lock.lock();
        }

        @Override
        public void lockInterruptibly() throws InterruptedException {
            lock.lockInterruptibly();
        }

        @Override
        public boolean tryLock() {
            return lock.tryLock();
        }

        @Override
        public boolean tryLock(long time, TimeUnit unit) throws InterruptedException {
            return lock.tryLock(time, unit);
        }

        @Override
        public void unlock() {
            lock.unlock();
        }

        @Override
        public boolean isHeldByCurrentThread() {
            return lock.isHeldByCurrentThread();
        }

        @Override
        public Condition newCondition() {
            throw new UnsupportedOperationException("ClusterLock does not support conditions");
        }
    }
}
