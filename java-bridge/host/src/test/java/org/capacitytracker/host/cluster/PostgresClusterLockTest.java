package org.capacitytracker.host.cluster;

import org.capacitytracker.host.db.Database;
import org.junit.jupiter.api.Assumptions;

/** Runs with {@code -Dcapacity.test.postgres.url=jdbc:postgresql://...} (and .user, .password); skipped otherwise. */
class PostgresClusterLockTest extends ClusterLockContract {
    @Override
    Database openDatabase() {
        String url = System.getProperty("capacity.test.postgres.url", "");
        Assumptions.assumeFalse(url.isBlank(), "no PostgreSQL given (-Dcapacity.test.postgres.url)");
        return Database.external(url, System.getProperty("capacity.test.postgres.user"),
                System.getProperty("capacity.test.postgres.password"));
    }
}
