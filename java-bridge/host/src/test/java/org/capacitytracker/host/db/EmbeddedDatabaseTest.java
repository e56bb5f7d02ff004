package org.capacitytracker.host.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, defect 7: the embedded H2 database had an empty {@code sa} password (anyone who
 * could reach the file or a leaked URL could open it). Before the fix the empty-password
 * connection below succeeded.
 */
class EmbeddedDatabaseTest {
    private static String url(Path dir) {
        return "jdbc:h2:file:" + dir.toAbsolutePath().resolve("capacity-host") + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    @Test
    void aNewDatabaseHasAPerDirectorySecretReadableByTheOwnerOnly(@TempDir Path dir) throws Exception {
        try (Database db = Database.embedded(dir)) {
            db.inTransaction(c -> c.createStatement().execute("CREATE TABLE t (x INT)"));
        }
        Path secret = dir.resolve(Database.SECRET_FILE);
        assertTrue(Files.readString(secret).trim().matches("[0-9a-f]{48}"));
        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)));
        }
        assertThrows(SQLException.class, () -> DriverManager.getConnection(url(dir), "sa", "").close(),
                "the empty password no longer opens it");
        try (Database again = Database.embedded(dir)) {
            assertEquals(Boolean.TRUE, again.inTransaction(c -> c.createStatement().execute("SELECT COUNT(*) FROM t")));
        }
    }

    @Test
    void aDatabaseMadeWithTheEmptyPasswordIsGivenTheSecretAndKeepsItsData(@TempDir Path dir) throws Exception {
        try (Connection legacy = DriverManager.getConnection(url(dir), "sa", ""); Statement s = legacy.createStatement()) {
            s.execute("CREATE TABLE kept (x INT)");
            s.execute("INSERT INTO kept VALUES (42)");
        }
        try (Database db = Database.embedded(dir)) {
            assertEquals(42, (int) db.inTransaction(c -> {
                try (ResultSet rs = c.createStatement().executeQuery("SELECT x FROM kept")) {
                    rs.next();
                    return rs.getInt(1);
                }
            }));
        }
        assertThrows(SQLException.class, () -> DriverManager.getConnection(url(dir), "sa", "").close());
    }
}
