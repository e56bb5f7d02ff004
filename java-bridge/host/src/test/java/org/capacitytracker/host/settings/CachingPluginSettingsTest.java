package org.capacitytracker.host.settings;

import com.atlassian.sal.api.pluginsettings.PluginSettings;
import org.capacitytracker.host.db.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Two nodes' caches over one database behave as Jira DC's plugin-settings cache: a node sees
 * its own writes at once, another node's only once the invalidation has arrived.
 */
class CachingPluginSettingsTest {
    @TempDir
    Path dir;

    @Test
    void anotherNodesWriteIsSeenOnlyAfterTheInvalidationDelay() throws Exception {
        // Nodes a and b poll once an hour: the test applies their invalidations itself. Node c polls every 100 ms.
        Duration manual = Duration.ofHours(1);
        try (Database database = Database.embedded(dir);
             CachingPluginSettingsFactory a = new CachingPluginSettingsFactory(database, new JdbcPluginSettingsFactory(database), "node-a", manual);
             CachingPluginSettingsFactory b = new CachingPluginSettingsFactory(database, new JdbcPluginSettingsFactory(database), "node-b", manual);
             CachingPluginSettingsFactory c = new CachingPluginSettingsFactory(database, new JdbcPluginSettingsFactory(database), "node-c", Duration.ofMillis(100))) {
            PluginSettings onA = a.createGlobalSettings();
            PluginSettings onB = b.createGlobalSettings();
            assertNull(onB.get("k"), "node b caches the absence");
            onA.put("k", "v1");
            assertEquals("v1", onA.get("k"), "the writer sees its write at once");
            assertNull(onB.get("k"), "node b still has its cached absence: the invalidation is asynchronous");
            b.applyInvalidations(); // what b's poller does every delay
            assertEquals("v1", onB.get("k"));
            PluginSettings onC = c.createGlobalSettings();
            assertEquals("v1", onC.get("k"));
            onB.put("k", "v2");
            assertEquals("v1", onA.get("k"), "node a reads the replaced value until the invalidation arrives");
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!"v2".equals(onC.get("k")) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals("v2", onC.get("k"), "node c's poller applied the invalidation by itself");
            a.applyInvalidations();
            assertEquals("v2", onA.get("k"));
            onA.remove("k");
            b.applyInvalidations();
            assertNull(onB.get("k"));
            // Scopes are separate entries.
            a.createSettingsForKey("project-1").put("k", "scoped");
            assertEquals("scoped", b.createSettingsForKey("project-1").get("k"));
            assertNull(onA.get("k"));
        }
    }

    @Test
    void theDelayMustBePositive() {
        try (Database database = Database.embedded(dir)) {
            assertThrows(IllegalArgumentException.class, () -> new CachingPluginSettingsFactory(database,
                    new JdbcPluginSettingsFactory(database), "node-a", Duration.ZERO));
        }
    }
}
