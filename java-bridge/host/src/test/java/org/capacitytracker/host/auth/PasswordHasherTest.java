package org.capacitytracker.host.auth;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void theRightPasswordVerifiesAndOthersDoNot() {
        String stored = hasher.hash("correct horse");
        assertTrue(hasher.verify("correct horse", stored));
        assertFalse(hasher.verify("correct horse ", stored));
        assertFalse(hasher.verify("Correct horse", stored));
        assertFalse(hasher.verify("", stored));
    }

    @Test
    void hashesAreSaltedPbkdf2AndNeverContainThePassword() {
        String a = hasher.hash("admin");
        String b = hasher.hash("admin");
        assertNotEquals(a, b, "each hash has its own salt");
        assertTrue(a.startsWith("pbkdf2-sha256:" + PasswordHasher.ITERATIONS + ":"), a);
        assertFalse(a.contains("admin"));
    }

    @Test
    void malformedStoredHashesNeverVerify() {
        assertFalse(hasher.verify("x", null));
        assertFalse(hasher.verify("x", "x"));
        assertFalse(hasher.verify("x", "pbkdf2-sha256:abc:def:ghi"));
        assertFalse(hasher.verify("x", "md5:1:AAAA:AAAA"));
    }
}
