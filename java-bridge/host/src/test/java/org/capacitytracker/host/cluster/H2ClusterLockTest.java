package org.capacitytracker.host.cluster;

import org.capacitytracker.host.db.Database;

class H2ClusterLockTest extends ClusterLockContract {
    @Override
    Database openDatabase() {
        return Database.embedded(dir);
    }
}
