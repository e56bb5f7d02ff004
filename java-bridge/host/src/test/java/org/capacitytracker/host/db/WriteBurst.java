package org.capacitytracker.host.db;

import com.atlassian.sal.api.pluginsettings.PluginSettings;
import org.capacitytracker.host.settings.JdbcPluginSettingsFactory;

import java.nio.file.Path;

/**
 * The process {@link SigkillDurabilityTest} kills: writes plugin settings through the host's
 * database as fast as it can and prints {@code ack <n>} after each write has returned, which
 * is the moment the host would answer the HTTP request that caused it.
 *
 * <p>Arguments: the data directory and the first number to write.
 */
public final class WriteBurst {
    private WriteBurst() {
    }

    public static void main(String[] args) {
        Database database = Database.embedded(Path.of(args[0]));
        PluginSettings settings = new JdbcPluginSettingsFactory(database).createGlobalSettings();
        System.out.println("open");
        System.out.flush();
        for (long n = Long.parseLong(args[1]); ; n++) {
            settings.put(SigkillDurabilityTest.key(n), "value " + n);
            System.out.println("ack " + n);
            System.out.flush();
        }
    }
}
