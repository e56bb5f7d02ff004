package org.capacitytracker.api;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** A HostStorage in memory that can be told to fail, and counts the calls it gets. */
final class MemoryHostStorage implements HostStorage {
    final Map<String, String> map = new ConcurrentHashMap<>();
    final AtomicInteger calls = new AtomicInteger();
    /** Thrown by the next get (then cleared), when set. */
    volatile Supplier<RuntimeException> failGet;
    /** Thrown by every put once {@link #putsBeforeFailure} puts have succeeded, when set. */
    volatile Supplier<RuntimeException> failPut;
    final AtomicInteger putsBeforeFailure = new AtomicInteger();
    /** Run inside every get, when set (to act from within a callback). */
    volatile Runnable onGet;

    @Override
    public String get(String key) {
        calls.incrementAndGet();
        Runnable action = onGet;
        if (action != null) {
            action.run();
        }
        Supplier<RuntimeException> failure = failGet;
        if (failure != null) {
            throw failure.get();
        }
        return map.get(key);
    }

    @Override
    public void put(String key, String value) {
        calls.incrementAndGet();
        Supplier<RuntimeException> failure = failPut;
        if (failure != null && putsBeforeFailure.getAndDecrement() <= 0) {
            throw failure.get();
        }
        map.put(key, value);
    }

    @Override
    public void remove(String key) {
        calls.incrementAndGet();
        map.remove(key);
    }

    /** A sorted copy, for comparing what is stored before and after a call. */
    Map<String, String> snapshot() {
        return new TreeMap<>(map);
    }
}
