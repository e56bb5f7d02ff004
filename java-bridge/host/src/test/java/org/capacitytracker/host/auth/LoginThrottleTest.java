package org.capacitytracker.host.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Issue 10, defect 7: failed logins were unlimited. */
class LoginThrottleTest {
    /** A clock the test moves. */
    static final class Manual extends Clock {
        Instant now = Instant.parse("2026-12-04T09:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void fiveFailuresPauseTheUserNameAndThePauseDoublesAndEnds() {
        Manual clock = new Manual();
        LoginThrottle t = new LoginThrottle(clock);
        for (int i = 0; i < LoginThrottle.USER_FAILURES - 1; i++) {
            t.failed("Erin", "10.0.0.1");
            assertEquals(Optional.empty(), t.paused("erin", "10.0.0.2"), "failure " + (i + 1));
        }
        t.failed("erin", "10.0.0.1");
        assertEquals(Optional.of(Duration.ofSeconds(30)), t.paused(" ERIN ", "10.0.0.3"), "user names compare as Jira's do");
        assertEquals(Optional.empty(), t.paused("dave", "10.0.0.1"), "another user name");
        clock.now = clock.now.plusSeconds(31);
        assertEquals(Optional.empty(), t.paused("erin", "10.0.0.1"));
        t.failed("erin", "10.0.0.1");
        assertEquals(Optional.of(Duration.ofSeconds(60)), t.paused("erin", "10.0.0.1"), "doubled");
        for (int i = 0; i < 20; i++) {
            t.failed("erin", "10.0.0.1");
        }
        assertEquals(Optional.of(LoginThrottle.LONGEST_PAUSE), t.paused("erin", "10.0.0.1"), "capped");
        t.succeeded("erin");
        assertEquals(Optional.empty(), t.paused("erin", "10.0.0.9"));
    }

    @Test
    void oneAddressTryingManyUserNamesIsPausedToo() {
        LoginThrottle t = new LoginThrottle(new Manual());
        for (int i = 0; i < LoginThrottle.ADDRESS_FAILURES; i++) {
            t.failed("user" + i, "10.0.0.7");
        }
        assertTrue(t.paused("someone-new", "10.0.0.7").isPresent());
        assertEquals(Optional.empty(), t.paused("someone-new", "10.0.0.8"));
    }
}
