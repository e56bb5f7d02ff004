package org.capacitytracker.host.sal;

import com.atlassian.beehive.ClusterLock;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HostClusterLockServiceTest {
    private final HostClusterLockService service = new HostClusterLockService();

    @Test
    void aNamedLockExcludesOtherThreadsUntilReleased() throws Exception {
        ClusterLock lock = service.getLockForName("org.capacitytracker:board:1");
        assertSame(lock, service.getLockForName("org.capacitytracker:board:1"));
        lock.lock();
        try {
            assertFalse(CompletableFuture.supplyAsync(() -> service.getLockForName("org.capacitytracker:board:1").tryLock())
                    .get(10, TimeUnit.SECONDS), "held by this thread");
            assertTrue(CompletableFuture.supplyAsync(() -> {
                ClusterLock other = service.getLockForName("org.capacitytracker:board:2");
                boolean taken = other.tryLock();
                other.unlock();
                return taken;
            }).get(10, TimeUnit.SECONDS), "other names are independent");
        } finally {
            lock.unlock();
        }
        assertTrue(CompletableFuture.supplyAsync(() -> {
            ClusterLock again = service.getLockForName("org.capacitytracker:board:1");
            boolean taken = again.tryLock();
            again.unlock();
            return taken;
        }).get(10, TimeUnit.SECONDS), "free after unlock");
    }

    @Test
    void namesAreCheckedAndConditionsUnsupported() {
        assertThrows(IllegalArgumentException.class, () -> service.getLockForName(""));
        assertThrows(IllegalArgumentException.class, () -> service.getLockForName("n".repeat(256)));
        service.getLockForName("n".repeat(255));
        assertThrows(UnsupportedOperationException.class, () -> service.getLockForName("x").newCondition());
    }
}
