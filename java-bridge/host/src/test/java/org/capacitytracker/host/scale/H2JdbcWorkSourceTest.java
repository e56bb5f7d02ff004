package org.capacitytracker.host.scale;

import org.capacitytracker.host.db.Database;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

class H2JdbcWorkSourceTest extends JdbcWorkSourceContract {
    @TempDir
    static Path dir;

    @Override
    Database freshDatabase() throws Exception {
        return Database.embedded(Files.createDirectories(dir.resolve("db")));
    }
}
