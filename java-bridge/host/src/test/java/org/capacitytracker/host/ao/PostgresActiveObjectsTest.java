package org.capacitytracker.host.ao;

import org.capacitytracker.host.db.Database;
import org.junit.jupiter.api.Assumptions;

/** Runs with {@code -Dcapacity.test.postgres.url=jdbc:postgresql://...} (and .user, .password); skipped otherwise. */
class PostgresActiveObjectsTest extends ActiveObjectsContract {
    @Override
    Database openDatabase() {
        String url = System.getProperty("capacity.test.postgres.url", "");
        Assumptions.assumeFalse(url.isBlank(), "no PostgreSQL given (-Dcapacity.test.postgres.url)");
        return Database.external(url, System.getProperty("capacity.test.postgres.user"),
                System.getProperty("capacity.test.postgres.password"));
    }
}
