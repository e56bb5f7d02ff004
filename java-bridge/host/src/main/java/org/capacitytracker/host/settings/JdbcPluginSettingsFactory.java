package org.capacitytracker.host.settings;

import com.atlassian.sal.api.pluginsettings.PluginSettings;
import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;
import org.capacitytracker.host.db.Database;

import java.sql.Statement;

/**
 * SAL plugin settings on a database table, with Jira's limits. Settings for a key are a
 * separate namespace (Jira uses the key for project-scoped settings); global settings use
 * the empty scope.
 */
public final class JdbcPluginSettingsFactory implements PluginSettingsFactory {
    static final String TABLE = "ct_host_plugin_settings";

    private final Database database;

    public JdbcPluginSettingsFactory(Database database) {
        this.database = database;
        createTable();
    }

    private void createTable() {
        database.inTransaction(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " ("
                        + "scope VARCHAR(255) NOT NULL, "
                        + "setting_key VARCHAR(" + JdbcPluginSettings.MAX_KEY_LENGTH + ") NOT NULL, "
                        + "setting_value " + database.dialect().largeTextType() + " NOT NULL, "
                        + "PRIMARY KEY (scope, setting_key))");
            }
            return null;
        });
    }

    @Override
    public PluginSettings createSettingsForKey(String key) {
        if (key == null || key.isEmpty()) {
            return createGlobalSettings();
        }
        if (key.length() > 255) {
            throw new IllegalArgumentException("Settings scope key is longer than 255 characters");
        }
        return new JdbcPluginSettings(database, key);
    }

    @Override
    public PluginSettings createGlobalSettings() {
        return new JdbcPluginSettings(database, "");
    }
}
