package org.capacitytracker.jira.storage;

import com.atlassian.beehive.ClusterLock;
import com.atlassian.beehive.ClusterLockService;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Beehive's lock service as a test sees it: real exclusion (a JVM lock per name, as
 * Beehive's single-node implementation has) plus a record of what was asked of each lock.
 */
public final class RecordingClusterLocks implements ClusterLockService {
    /** {@code "tryLock <name> <millis>"}, {@code "unlock <name>"}, ... in call order. */
    public final List<String> calls = new CopyOnWriteArrayList<>();
    private final ConcurrentMap<String, RecordingLock> locks = new ConcurrentHashMap<>();

    @Override
    public ClusterLock getLockForName(String lockName) {
        return locks.computeIfAbsent(lockName, RecordingLock::new);
    }

    /** The lock named {@code name}, for a test to hold from another thread. */
    public RecordingLock lock(String name) {
        return (RecordingLock) getLockForName(name);
    }

    /** Whether any lock is held by any thread. */
    public boolean anyHeld() {
        return locks.values().stream().anyMatch(l -> l.lock.isLocked());
    }

    public final class RecordingLock implements ClusterLock {
        private final String name;
        private final ReentrantLock lock = new ReentrantLock();

        RecordingLock(String name) {
            this.name = name;
        }

        @Override
        public void lock() {
            calls.add("lock " + name);
            lock.lock();
        }

        @Override
        public void lockInterruptibly() throws InterruptedException {
            calls.add("lockInterruptibly " + name);
            lock.lockInterruptibly();
        }

        @Override
        public boolean tryLock() {
            calls.add("tryLock " + name);
            return lock.tryLock();
        }

        @Override
        public boolean tryLock(long time, TimeUnit unit) throws InterruptedException {
            calls.add("tryLock " + name + " " + unit.toMillis(time));
            return lock.tryLock(time, unit);
        }

        @Override
        public void unlock() {
            calls.add("unlock " + name);
            lock.unlock();
        }

        @Override
        public Condition newCondition() {
            throw new UnsupportedOperationException("ClusterLock has no conditions");
        }

        @Override
        public boolean isHeldByCurrentThread() {
            return lock.isHeldByCurrentThread();
        }
    }
}
