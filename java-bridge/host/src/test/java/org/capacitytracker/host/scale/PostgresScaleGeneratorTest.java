package org.capacitytracker.host.scale;

import org.capacitytracker.host.db.Database;
import org.junit.jupiter.api.Assumptions;

import java.sql.Statement;

/** Runs with {@code -Dcapacity.test.postgres.url=jdbc:postgresql://...} (and .user, .password); skipped otherwise. */
class PostgresScaleGeneratorTest extends ScaleGeneratorContract {
    @Override
    Database freshDatabase() {
        return wiped();
    }

    /** The test server's database with no dataset in it; skips the test when no server is given. */
    static Database wiped() {
        String url = System.getProperty("capacity.test.postgres.url", "");
        Assumptions.assumeFalse(url.isBlank(), "no PostgreSQL given (-Dcapacity.test.postgres.url)");
        Database db = Database.external(url, System.getProperty("capacity.test.postgres.user"),
                System.getProperty("capacity.test.postgres.password"));
        new org.capacitytracker.host.auth.UserStore(db, new org.capacitytracker.host.auth.PasswordHasher());
        // One server for every test: drop what an earlier test generated.
        db.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                for (String table : new String[] {"ct_scale_dataset", "ct_scale_projects", "ct_scale_versions",
                        "ct_scale_boards", "ct_scale_board_members", "ct_scale_sprints", "ct_scale_issues"}) {
                    s.execute("DROP TABLE IF EXISTS " + table);
                }
                s.execute("DELETE FROM ct_host_user_groups WHERE user_key BETWEEN 's00000' AND 's99999'");
                s.execute("DELETE FROM ct_host_users WHERE user_key BETWEEN 's00000' AND 's99999'");
            }
            return null;
        });
        return db;
    }
}
