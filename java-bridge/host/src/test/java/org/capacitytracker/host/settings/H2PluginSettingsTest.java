package org.capacitytracker.host.settings;

import org.capacitytracker.host.db.Database;

class H2PluginSettingsTest extends PluginSettingsContract {
    @Override
    Database openDatabase() {
        return Database.embedded(dir);
    }
}
