package org.capacitytracker.jira.storage;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.function.Function;

/**
 * The engine's document locks on a bounded set of lock names: each name maps to one of
 * {@value #STRIPES} stripes ({@link #stripeOf}), since Beehive keeps a database row per lock
 * name forever. A thread that holds a stripe and asks for another name of it (the engine nests
 * a document's lock and the index's) is let through, since Beehive locks are not re-entrant and
 * would otherwise wait for themselves. A lock is waited for at most the timeout; a write that
 * waits longer fails with a {@link LockTimeoutException} and stores nothing.
 *
 * <pre>{@code
 * StripedLocks locks = new StripedLocks(clusterLockService::getLockForName, "cluster lock", Duration.ofSeconds(30));
 * locks.lock("org.capacitytracker:board:1");
 * }</pre>
 */
final class StripedLocks {
    /** How many lock names the plugin ever uses. */
    static final int STRIPES = 64;
    private static final String STRIPE_PREFIX = PluginSettingsStorage.KEY_PREFIX + "lock:";

    private final Function<String, Lock> locks;
    private final String kind;
    private final Duration timeout;
    /** The stripes this thread holds, each with how many names it holds it for. */
    private final ThreadLocal<Map<String, Integer>> held = ThreadLocal.withInitial(HashMap::new);

    StripedLocks(Function<String, Lock> locks, String kind, Duration timeout) {
        this.locks = Objects.requireNonNull(locks, "locks");
        this.kind = kind;
        this.timeout = Objects.requireNonNull(timeout, "lockTimeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("lockTimeout must be positive, got " + timeout);
        }
    }

    /** The stripe of {@code name}: the same on every node ({@link String#hashCode} is specified by Java). */
    static String stripeOf(String name) {
        return STRIPE_PREFIX + Math.floorMod(name.hashCode(), STRIPES);
    }

    void lock(String name) {
        String stripe = stripeOf(name);
        Map<String, Integer> mine = held.get();
        if (mine.containsKey(stripe)) {
            mine.merge(stripe, 1, Integer::sum);
            return;
        }
        boolean acquired;
        try {
            acquired = locks.apply(stripe).tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the " + kind + " \"" + name
                    + "\"; nothing was stored", e);
        }
        if (!acquired) {
            throw new LockTimeoutException("another write of \"" + name + "\" held its " + kind + " for more than "
                    + describe(timeout) + "; nothing was stored, try again");
        }
        mine.put(stripe, 1);
    }

    void unlock(String name) {
        String stripe = stripeOf(name);
        Map<String, Integer> mine = held.get();
        Integer count = mine.get(stripe);
        if (count == null) {
            throw new IllegalMonitorStateException("the " + kind + " of \"" + name + "\" is not held by this thread");
        }
        if (count > 1) {
            mine.put(stripe, count - 1);
            return;
        }
        mine.remove(stripe);
        locks.apply(stripe).unlock();
    }

    private static String describe(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
