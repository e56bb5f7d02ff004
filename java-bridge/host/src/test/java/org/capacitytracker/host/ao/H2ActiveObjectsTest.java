package org.capacitytracker.host.ao;

import org.capacitytracker.host.db.Database;

class H2ActiveObjectsTest extends ActiveObjectsContract {
    @Override
    Database openDatabase() {
        return Database.embedded(dir);
    }
}
