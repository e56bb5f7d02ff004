package org.capacitytracker.host.scale;

import org.capacitytracker.host.db.Database;

/** Runs with {@code -Dcapacity.test.postgres.url=jdbc:postgresql://...} (and .user, .password); skipped otherwise. */
class PostgresJdbcWorkSourceTest extends JdbcWorkSourceContract {
    @Override
    Database freshDatabase() {
        return PostgresScaleGeneratorTest.wiped();
    }
}
