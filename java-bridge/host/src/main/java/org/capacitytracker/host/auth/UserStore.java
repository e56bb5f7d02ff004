package org.capacitytracker.host.auth;

import org.capacitytracker.host.db.Database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Users and their groups in the host database; passwords only as salted hashes.
 *
 * <p>Users found are kept in memory, as Jira keeps its users and memberships (Crowd's
 * embedded directory caches them on each node): the security filter and SAL's user manager
 * look the logged-in user up on every request, which was two database round trips each.
 * Only users found are kept — a key or name not found is asked of the database again, so a
 * user another node (or the scale generator) adds is seen at once. Every method of this class
 * that writes a user drops what it kept; the host changes users nowhere else.
 */
public final class UserStore {
    private static final String USERS = "ct_host_users";
    private static final String GROUPS = "ct_host_user_groups";

    private final Database database;
    private final PasswordHasher hasher;
    private final Map<String, HostUser> byKey = new ConcurrentHashMap<>();
    private final Map<String, HostUser> byUsername = new ConcurrentHashMap<>();

    public UserStore(Database database, PasswordHasher hasher) {
        this.database = database;
        this.hasher = hasher;
        database.inTransaction(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE IF NOT EXISTS " + USERS + " ("
                        + "user_key VARCHAR(255) PRIMARY KEY, "
                        + "username VARCHAR(255) NOT NULL UNIQUE, "
                        + "display_name VARCHAR(255) NOT NULL, "
                        + "email VARCHAR(255) NOT NULL, "
                        + "password_hash VARCHAR(512) NOT NULL, "
                        + "active BOOLEAN NOT NULL)");
                statement.execute("CREATE TABLE IF NOT EXISTS " + GROUPS + " ("
                        + "user_key VARCHAR(255) NOT NULL, "
                        + "group_name VARCHAR(255) NOT NULL, "
                        + "PRIMARY KEY (user_key, group_name))");
            }
            return null;
        });
    }

    public boolean isEmpty() {
        return database.inTransaction(connection -> {
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + USERS)) {
                rs.next();
                return rs.getInt(1) == 0;
            }
        });
    }

    public void create(String key, String username, String displayName, String email, String password,
                       Set<String> groups) {
        String hash = hasher.hash(password);
        forget();
        database.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + USERS
                    + " (user_key, username, display_name, email, password_hash, active) VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, key);
                insert.setString(2, username);
                insert.setString(3, displayName);
                insert.setString(4, email);
                insert.setString(5, hash);
                insert.setBoolean(6, true);
                insert.executeUpdate();
            }
            for (String group : groups) {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO " + GROUPS + " (user_key, group_name) VALUES (?, ?)")) {
                    insert.setString(1, key);
                    insert.setString(2, group);
                    insert.executeUpdate();
                }
            }
            return null;
        });
        forget();
    }

    /** A user to insert with {@link #insertAll}, its password already hashed. */
    public record NewUser(String key, String username, String displayName, String email, String passwordHash,
                          Set<String> groups) {
    }

    /**
     * Inserts {@code users} on {@code connection}, in the caller's transaction, as two JDBC
     * batches: a generated dataset's thousands of people in one round trip per chunk.
     */
    public static void insertAll(Connection connection, List<NewUser> users) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + USERS
                + " (user_key, username, display_name, email, password_hash, active) VALUES (?, ?, ?, ?, ?, ?)");
             PreparedStatement group = connection.prepareStatement(
                     "INSERT INTO " + GROUPS + " (user_key, group_name) VALUES (?, ?)")) {
            for (NewUser u : users) {
                insert.setString(1, u.key());
                insert.setString(2, u.username());
                insert.setString(3, u.displayName());
                insert.setString(4, u.email());
                insert.setString(5, u.passwordHash());
                insert.setBoolean(6, true);
                insert.addBatch();
                for (String g : u.groups()) {
                    group.setString(1, u.key());
                    group.setString(2, g);
                    group.addBatch();
                }
            }
            insert.executeBatch();
            group.executeBatch();
        }
    }

    public void setPassword(String username, String password) {
        String hash = hasher.hash(password);
        int updated = database.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE " + USERS + " SET password_hash = ? WHERE username = ?")) {
                update.setString(1, hash);
                update.setString(2, username);
                return update.executeUpdate();
            }
        });
        forget();
        if (updated != 1) {
            throw new IllegalArgumentException("No user named " + username);
        }
    }

    /** Drops every user kept in memory (after a write: the next lookups read the database). */
    private void forget() {
        byKey.clear();
        byUsername.clear();
    }

    /** The active user with these credentials, or empty; always spends a hash's time. */
    public Optional<HostUser> authenticate(String username, String password) {
        if (username == null || password == null) {
            return Optional.empty();
        }
        Optional<String[]> row = database.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT user_key, password_hash, active FROM " + USERS + " WHERE username = ?")) {
                select.setString(1, username);
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new String[] {rs.getString(1), rs.getString(2),
                            Boolean.toString(rs.getBoolean(3))});
                }
            }
        });
        if (row.isEmpty()) {
            hasher.verifyDummy(password);
            return Optional.empty();
        }
        String[] r = row.get();
        if (!hasher.verify(password, r[1]) || !Boolean.parseBoolean(r[2])) {
            return Optional.empty();
        }
        return byKey(r[0]);
    }

    public Optional<HostUser> byKey(String key) {
        HostUser kept = key == null ? null : byKey.get(key);
        return kept != null ? Optional.of(kept) : keep(findOne("user_key", key));
    }

    public Optional<HostUser> byUsername(String username) {
        HostUser kept = username == null ? null : byUsername.get(username);
        return kept != null ? Optional.of(kept) : keep(findOne("username", username));
    }

    private Optional<HostUser> keep(Optional<HostUser> found) {
        found.ifPresent(user -> {
            byKey.put(user.key(), user);
            byUsername.put(user.username(), user);
        });
        return found;
    }

    private Optional<HostUser> findOne(String column, String value) {
        if (value == null) {
            return Optional.empty();
        }
        return database.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT user_key, username, display_name, email, "
                    + "active FROM " + USERS + " WHERE " + column + " = ?")) {
                select.setString(1, value);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(read(connection, rs)) : Optional.<HostUser>empty();
                }
            }
        });
    }

    /** All users, ordered by username. */
    public List<HostUser> all() {
        return database.inTransaction(connection -> {
            List<HostUser> users = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT user_key, username, display_name, email, active FROM "
                         + USERS + " ORDER BY username")) {
                while (rs.next()) {
                    users.add(read(connection, rs));
                }
            }
            return users;
        });
    }

    /** Users whose username, display name or e-mail starts (word-wise) with {@code query}. */
    public List<HostUser> search(String query) {
        String q = query.toLowerCase(Locale.ROOT);
        List<HostUser> matches = new ArrayList<>();
        for (HostUser user : all()) {
            if (user.username().toLowerCase(Locale.ROOT).startsWith(q)
                    || user.email().toLowerCase(Locale.ROOT).startsWith(q)
                    || wordStartsWith(user.displayName(), q)) {
                matches.add(user);
            }
        }
        return matches;
    }

    private static boolean wordStartsWith(String text, String q) {
        for (String word : text.toLowerCase(Locale.ROOT).split("\\s+")) {
            if (word.startsWith(q)) {
                return true;
            }
        }
        return text.toLowerCase(Locale.ROOT).startsWith(q);
    }

    private static HostUser read(Connection connection, ResultSet rs) throws SQLException {
        String key = rs.getString(1);
        Set<String> groups = new TreeSet<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT group_name FROM " + GROUPS + " WHERE user_key = ?")) {
            select.setString(1, key);
            try (ResultSet g = select.executeQuery()) {
                while (g.next()) {
                    groups.add(g.getString(1));
                }
            }
        }
        return new HostUser(key, rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5), Set.copyOf(groups));
    }
}
