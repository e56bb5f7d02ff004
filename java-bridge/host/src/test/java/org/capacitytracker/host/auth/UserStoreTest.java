package org.capacitytracker.host.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.capacitytracker.host.db.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The user store's lookups, and the users it keeps in memory between them. */
class UserStoreTest {
    private static final PasswordHasher HASHER = new PasswordHasher();

    @Test
    void aUserFoundIsKeptAndAnsweredWithoutTheDatabase(@TempDir Path dir) {
        try (Database db = Database.embedded(dir)) {
            UserStore users = new UserStore(db, HASHER);
            users.create("k-alice", "alice", "Alice", "alice@example.com", "pw", Set.of("jira-software-users"));
            HostUser first = users.byKey("k-alice").orElseThrow();
            // Changed behind the store's back: a kept user is answered from memory, by key and by name.
            rename(db, "k-alice", "Alice Changed");
            assertSame(first, users.byKey("k-alice").orElseThrow());
            assertSame(first, users.byUsername("alice").orElseThrow());
            assertEquals(Set.of("jira-software-users"), first.groups());
        }
    }

    @Test
    void aUserNotFoundIsAskedAgainSoOneAddedElsewhereIsSeen(@TempDir Path dir) throws Exception {
        try (Database db = Database.embedded(dir)) {
            UserStore users = new UserStore(db, HASHER);
            assertTrue(users.byKey("k-bob").isEmpty());
            assertTrue(users.byUsername("bob").isEmpty());
            // Another node (or the scale generator) adds bob: no "absent" was kept.
            db.inTransaction(connection -> {
                UserStore.insertAll(connection, List.of(new UserStore.NewUser("k-bob", "bob", "Bob", "bob@example.com",
                        HASHER.hash("pw"), Set.of("jira-software-users"))));
                return null;
            });
            assertEquals("Bob", users.byKey("k-bob").orElseThrow().displayName());
            assertEquals("k-bob", users.byUsername("bob").orElseThrow().key());
        }
    }

    @Test
    void writesDropWhatWasKept(@TempDir Path dir) {
        try (Database db = Database.embedded(dir)) {
            UserStore users = new UserStore(db, HASHER);
            users.create("k-alice", "alice", "Alice", "alice@example.com", "pw", Set.of());
            users.byKey("k-alice").orElseThrow();
            rename(db, "k-alice", "Alice Renamed");
            users.setPassword("alice", "new-pw");
            assertEquals("Alice Renamed", users.byKey("k-alice").orElseThrow().displayName());
            rename(db, "k-alice", "Alice Again");
            users.create("k-carol", "carol", "Carol", "carol@example.com", "pw", Set.of());
            assertEquals("Alice Again", users.byUsername("alice").orElseThrow().displayName());
            // The kept users do not change what a login checks: the password is always read.
            assertTrue(users.authenticate("alice", "new-pw").isPresent());
            assertFalse(users.authenticate("alice", "pw").isPresent());
            assertEquals(Optional.empty(), users.byKey(null));
        }
    }

    private static void rename(Database db, String key, String displayName) {
        db.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE ct_host_users SET display_name = ? WHERE user_key = ?")) {
                update.setString(1, displayName);
                update.setString(2, key);
                update.executeUpdate();
            }
            return null;
        });
    }
}
