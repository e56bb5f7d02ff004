package org.capacitytracker.host.settings;

import com.atlassian.sal.api.pluginsettings.PluginSettings;
import org.capacitytracker.host.db.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SAL plugin settings as Jira behaves, on each database the host supports. H2 always runs;
 * {@link PostgresPluginSettingsTest} runs when {@code -Dcapacity.test.postgres.url=jdbc:postgresql://...} is given.
 */
abstract class PluginSettingsContract {
    @TempDir
    Path dir;

    private Database database;
    private JdbcPluginSettingsFactory factory;

    abstract Database openDatabase();

    @BeforeEach
    void open() {
        database = openDatabase();
        factory = new JdbcPluginSettingsFactory(database);
        database.inTransaction(c -> c.createStatement().executeUpdate("DELETE FROM " + JdbcPluginSettingsFactory.TABLE));
    }

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void keysUpToOneHundredCharactersAreAcceptedAndLongerOnesRejectedAsJiraDoes() {
        PluginSettings settings = factory.createGlobalSettings();
        String hundred = "k".repeat(100);
        settings.put(hundred, "v");
        assertEquals("v", settings.get(hundred));

        String tooLong = "k".repeat(101);
        IllegalArgumentException put = assertThrows(IllegalArgumentException.class, () -> settings.put(tooLong, "v"));
        assertTrue(put.getMessage().contains("101"), put.getMessage());
        assertThrows(IllegalArgumentException.class, () -> settings.get(tooLong));
        assertThrows(IllegalArgumentException.class, () -> settings.remove(tooLong));
        assertThrows(IllegalArgumentException.class, () -> settings.put(null, "v"));
    }

    @Test
    void valuesUpTo99000CharactersAreStoredWholeAndLongerOnesRejectedWithoutWriting() {
        PluginSettings settings = factory.createGlobalSettings();
        String limit = "x".repeat(99_000);
        settings.put("big", limit);
        assertEquals(limit, settings.get("big"));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> settings.put("big", "y".repeat(99_001)));
        assertTrue(e.getMessage().contains("99001"), e.getMessage());
        assertEquals(limit, settings.get("big"), "a rejected write leaves the stored value as it was");
        assertThrows(IllegalArgumentException.class, () -> settings.put("fresh", "z".repeat(99_001)));
        assertNull(settings.get("fresh"));
    }

    @Test
    void putAndRemoveReturnThePreviousValue() {
        PluginSettings settings = factory.createGlobalSettings();
        assertNull(settings.put("a", "1"));
        assertEquals("1", settings.put("a", "2"));
        assertEquals("2", settings.get("a"));
        assertEquals("2", settings.remove("a"));
        assertNull(settings.get("a"));
        assertNull(settings.remove("a"));
    }

    @Test
    void nullAndUnsupportedValuesAreRejected() {
        PluginSettings settings = factory.createGlobalSettings();
        assertThrows(IllegalArgumentException.class, () -> settings.put("a", null));
        assertThrows(IllegalArgumentException.class, () -> settings.put("a", 42));
        assertThrows(IllegalArgumentException.class, () -> settings.put("a", List.of("ok", 7)));
        assertNull(settings.get("a"));
    }

    @Test
    void listsMapsAndPropertiesRoundTripIncludingNewlinesAndEmptyStrings() {
        PluginSettings settings = factory.createGlobalSettings();
        List<String> list = new ArrayList<>(List.of("one", "", "line\nbreak", "back\\slash", "|pipe"));
        settings.put("list", list);
        assertEquals(list, settings.get("list"));
        settings.put("empty-list", List.of());
        assertEquals(List.of(), settings.get("empty-list"));

        Map<String, String> map = new LinkedHashMap<>();
        map.put("k1", "v1");
        map.put("k\n2", "");
        settings.put("map", map);
        assertEquals(map, settings.get("map"));

        Properties properties = new Properties();
        properties.setProperty("p", "q");
        settings.put("props", properties);
        assertEquals(properties, settings.get("props"));
    }

    @Test
    void scopedSettingsAreSeparateFromGlobalOnes() {
        factory.createGlobalSettings().put("same", "global");
        factory.createSettingsForKey("DEMO").put("same", "project");
        assertEquals("global", factory.createGlobalSettings().get("same"));
        assertEquals("project", factory.createSettingsForKey("DEMO").get("same"));
        assertEquals("global", factory.createSettingsForKey(null).get("same"), "a null key means global settings");
    }

    @Test
    void valuesSurviveClosingAndReopeningTheDatabase() {
        factory.createGlobalSettings().put("org.capacitytracker:test", "kept");
        database.close();
        database = openDatabase();
        factory = new JdbcPluginSettingsFactory(database);
        assertEquals("kept", factory.createGlobalSettings().get("org.capacitytracker:test"));
    }
}
