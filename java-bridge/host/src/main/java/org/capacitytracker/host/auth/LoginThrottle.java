package org.capacitytracker.host.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Brute-force protection for every way the host checks a password (the login form and HTTP
 * Basic): after {@link #USER_FAILURES} failed attempts in a row for one user name, or
 * {@link #ADDRESS_FAILURES} from one client address, further attempts are refused
 * <em>without checking the password</em> for a pause that doubles with each further failure
 * (30 s up to 15 min). A success for the user name clears its count. Refusing before the
 * hash also bounds the CPU an attacker can make the host spend.
 *
 * <p>Jira does the same job differently: after three failed logins it asks for a CAPTCHA
 * ({@code jira.maximum.authentication.attempts.allowed}) and REST callers get 403 with
 * {@code X-Authentication-Denied-Reason: CAPTCHA_CHALLENGE} until one is solved in a
 * browser. The host has no CAPTCHA, so it pauses; the headers are Jira's.
 *
 * <p>Issue 10, defect 7: wrong passwords could be tried without limit at ~45 ms each.
 */
public final class LoginThrottle {
    /** Consecutive failures for one user name before attempts pause. */
    public static final int USER_FAILURES = 5;
    /** Failures from one client address (any user names) before attempts pause. */
    public static final int ADDRESS_FAILURES = 100;
    static final Duration FIRST_PAUSE = Duration.ofSeconds(30);
    static final Duration LONGEST_PAUSE = Duration.ofMinutes(15);
    /** Entries kept (oldest forgotten first), so the table cannot grow without bound. */
    static final int MAX_ENTRIES = 10_000;

    private final Clock clock;
    private final Map<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    private static final class Entry {
        int failures;
        Instant pausedUntil = Instant.MIN;
    }

    public LoginThrottle() {
        this(Clock.systemUTC());
    }

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /**
     * How long attempts for this user name from this address must still wait, if they must.
     *
     * @return empty when an attempt may be made now
     */
    public synchronized Optional<Duration> paused(String username, String address) {
        Instant now = clock.instant();
        Duration wait = Duration.ZERO;
        for (String key : new String[] {userKey(username), addressKey(address)}) {
            Entry e = entries.get(key);
            if (e != null && e.pausedUntil.isAfter(now)) {
                Duration left = Duration.between(now, e.pausedUntil);
                wait = left.compareTo(wait) > 0 ? left : wait;
            }
        }
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    /** Records a failed attempt. */
    public synchronized void failed(String username, String address) {
        fail(userKey(username), USER_FAILURES);
        fail(addressKey(address), ADDRESS_FAILURES);
    }

    /** Records a success: the user name's count starts again (the address's does not). */
    public synchronized void succeeded(String username) {
        entries.remove(userKey(username));
    }

    private void fail(String key, int allowed) {
        Entry e = entries.computeIfAbsent(key, k -> new Entry());
        e.failures++;
        if (e.failures >= allowed) {
            int doublings = Math.min(e.failures - allowed, 5);
            Duration pause = FIRST_PAUSE.multipliedBy(1L << doublings);
            e.pausedUntil = clock.instant().plus(pause.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause);
        }
    }

    private static String userKey(String username) {
        return "user:" + (username == null ? "" : username.trim().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "address:" + (address == null ? "" : address);
    }
}
