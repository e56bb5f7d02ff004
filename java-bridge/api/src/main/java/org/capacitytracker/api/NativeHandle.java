package org.capacitytracker.api;

import java.lang.ref.Reference;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.LongFunction;

/**
 * The native pointer and the lock that guards it. Kept apart from the engine so the
 * cleaner can free the pointer without keeping the engine reachable.
 */
final class NativeHandle implements Runnable {
    // Calls hold the read lock while they use the pointer, so calls run in parallel and
    // freeing (write lock) waits for them; a freed pointer is never passed to native code.
    final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private long pointer;

    NativeHandle(long pointer) {
        this.pointer = pointer;
    }

    /** The pointer; the caller holds the read lock. */
    long live() {
        if (pointer == 0) {
            throw new IllegalStateException("CapacityEngine is closed");
        }
        return pointer;
    }

    /**
     * Runs one native call with the pointer held live: the read lock keeps
     * {@link CapacityEngine#close()} (and the cleaner) from freeing it meanwhile, and the
     * reachability fence keeps {@code owner} from becoming unreachable, and so cleaned, while
     * the call runs.
     */
    <T> T with(Object owner, LongFunction<T> call) {
        lock.readLock().lock();
        try {
            return call.apply(live());
        } finally {
            lock.readLock().unlock();
            Reference.reachabilityFence(owner);
        }
    }

    /** {@link #with} for a call that answers JSON, which is never null. */
    String json(Object owner, LongFunction<String> call) {
        String json = with(owner, call);
        if (json == null) {
            // The native side throws whenever it returns no result; this only guards
            // against a broken library answering null silently.
            throw new CapacityNativeException("the native engine returned neither a result nor an error", null);
        }
        return json;
    }

    /** Frees the pointer; run once, by {@link CapacityEngine#close()} or by the cleaner. */
    @Override
    public void run() {
        lock.writeLock().lock();
        try {
            long p = pointer;
            pointer = 0;
            Native.engineFree(p);
        } finally {
            lock.writeLock().unlock();
        }
    }
}
