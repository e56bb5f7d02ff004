package org.capacitytracker.host.scale;

import org.capacitytracker.host.db.Database;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

class H2JdbcIssueStoreTest extends JdbcIssueStoreContract {
    @TempDir
    static Path dir;

    @Override
    Database freshDatabase() {
        return Database.embedded(dir);
    }
}
