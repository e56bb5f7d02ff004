package org.capacitytracker.host.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/**
 * The host's database: an embedded H2 file in the data directory by default, or any
 * PostgreSQL server given by JDBC URL. Everything the host and the plugin keep lives here.
 */
public final class Database implements AutoCloseable {

    /** The SQL differences the host cares about: large text type and upsert syntax. */
    public enum Dialect {
        H2("CLOB"),
        POSTGRESQL("TEXT");

        private final String largeTextType;

        Dialect(String largeTextType) {
            this.largeTextType = largeTextType;
        }

        public String largeTextType() {
            return largeTextType;
        }
    }

    /** A unit of work run on one connection inside one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final HikariDataSource dataSource;
    private final Dialect dialect;
    private final String description;

    private Database(HikariDataSource dataSource, Dialect dialect, String description) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.description = description;
    }

    /** The embedded H2 database kept in {@code dataDir}. */
    public static Database embedded(Path dataDir) {
        Path file = dataDir.toAbsolutePath().resolve("capacity-host");
        // DB_CLOSE_ON_EXIT=FALSE: the host closes the database itself, after the plugin
        // (whose engine may still write during shutdown) has been closed.
        String url = "jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
        String secret = embeddedSecret(dataDir.toAbsolutePath(), url);
        Database database;
        try {
            database = open(url, "sa", secret, "H2 database " + file + ".mv.db");
        } catch (RuntimeException e) {
            if (heldByAnotherProcess(e)) {
                // H2's file lock: a second host on the same data directory would be a second
                // cluster node on a database that cannot be shared.
                throw new IllegalStateException("the embedded database " + file + ".mv.db is in use by another process "
                        + "(another host on the same --data-dir?). Stop that process, or give this host its own "
                        + "--data-dir; several nodes share one database only through PostgreSQL (--jdbc-url)", e);
            }
            throw e;
        }
        ownerOnly(dataDir.toAbsolutePath(), file.resolveSibling(file.getFileName() + ".mv.db"));
        return database;
    }

    /**
     * The embedded database's password: a random secret made on first start and kept in
     * {@value #SECRET_FILE} in the data directory, readable by the host's user only. A
     * database made before there was one (its {@code sa} password empty), or a start that
     * stopped between writing the secret and setting it, gets it set now. Issue 10, defect
     * 7: the H2 file had an empty {@code sa} password.
     */
    static String embeddedSecret(Path dataDir, String url) {
        Path secretFile = dataDir.resolve(SECRET_FILE);
        String secret;
        try {
            if (java.nio.file.Files.exists(secretFile)) {
                secret = java.nio.file.Files.readString(secretFile).trim();
            } else {
                byte[] bytes = new byte[24];
                new java.security.SecureRandom().nextBytes(bytes);
                secret = java.util.HexFormat.of().formatHex(bytes);
                java.nio.file.Files.createDirectories(dataDir);
                if (java.nio.file.Files.getFileStore(dataDir).supportsFileAttributeView("posix")) {
                    java.nio.file.Files.createFile(secretFile, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                            java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
                }
                java.nio.file.Files.writeString(secretFile, secret + "\n");
            }
        } catch (java.io.IOException e) {
            throw new DatabaseException("Cannot read or make the database secret " + secretFile + ": " + e.getMessage(), e);
        }
        if (!secret.matches("[0-9a-f]{16,128}")) {
            throw new DatabaseException("The database secret " + secretFile + " is damaged (expected hex digits)", null);
        }
        // IFEXISTS: never create a database with an empty password; an already protected one
        // refuses the empty password, which is what is expected.
        try (Connection legacy = java.sql.DriverManager.getConnection(url + ";IFEXISTS=TRUE", "sa", "");
             java.sql.Statement alter = legacy.createStatement()) {
            alter.execute("ALTER USER SA SET PASSWORD '" + secret + "'");
        } catch (SQLException expected) {
            // No database yet, or it has its password already.
        }
        return secret;
    }

    /** The file in the data directory holding the embedded database's password. */
    static final String SECRET_FILE = "capacity-host.secret";

    /**
     * The database file is readable by the host's own user only, as its secret is: it holds
     * password hashes and everyone's planning data. The directory is left as it is: it may be one the user shares (--data-dir).
     */
    private static void ownerOnly(Path dir, Path file) {
        try {
            if (java.nio.file.Files.getFileStore(dir).supportsFileAttributeView("posix")) {
                if (java.nio.file.Files.exists(file)) {
                    java.nio.file.Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
                }
            }
        } catch (java.io.IOException e) {
            System.err.println("[capacity-host] WARN cannot restrict access to " + dir + ": " + e.getMessage());
        }
    }

    /** H2's "Database may be already in use" (error 90020), wherever HikariCP wrapped it. */
    private static boolean heldByAnotherProcess(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == 90020) {
                return true;
            }
        }
        return false;
    }

    /** A database given by JDBC URL (PostgreSQL or H2). */
    public static Database external(String jdbcUrl, String user, String password) {
        return open(jdbcUrl, user, password, redact(jdbcUrl));
    }

    private static Database open(String url, String user, String password, String description) {
        Dialect dialect;
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:h2:")) {
            dialect = Dialect.H2;
        } else if (lower.startsWith("jdbc:postgresql:")) {
            dialect = Dialect.POSTGRESQL;
        } else {
            throw new IllegalArgumentException(
                    "--jdbc-url: only jdbc:postgresql:... and jdbc:h2:... databases are supported, got " + redact(url));
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("capacity-host");
        config.setJdbcUrl(url);
        if (user != null) {
            config.setUsername(user);
        }
        if (password != null) {
            config.setPassword(password);
        }
        config.setMaximumPoolSize(8);
        config.setMinimumIdle(1);
        config.setAutoCommit(true);
        // Fail at start with the driver's own message rather than on the first request.
        config.setInitializationFailTimeout(10_000);
        return new Database(new HikariDataSource(config), dialect, description);
    }

    private static String redact(String url) {
        // Passwords may be written into a JDBC URL; never print them.
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    public Dialect dialect() {
        return dialect;
    }

    public String description() {
        return description;
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new DatabaseException("Database error: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
