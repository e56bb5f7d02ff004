package org.capacitytracker.host.ao;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import net.java.ao.Query;
import org.capacitytracker.host.db.Database;
import org.capacitytracker.host.plugin.PluginDescriptor;
import org.capacitytracker.host.plugin.PluginLoadException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code <ao>} module as the host reads it, and the rules it enforces when making a plugin's AO. */
class PluginActiveObjectsTest {
    @TempDir
    Path dir;

    private static PluginDescriptor parse(String modules) throws PluginLoadException {
        String xml = "<atlassian-plugin key=\"test.plugin\" name=\"Test\" plugins-version=\"2\">" + modules
                + "</atlassian-plugin>";
        return PluginDescriptor.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theModuleListsItsEntitiesAndItsNamespaceDefaultsToThePluginKey() throws Exception {
        PluginDescriptor d = parse("<ao key=\"ao\"><entity>" + Note.class.getName() + "</entity></ao>");
        assertEquals(List.of(new PluginDescriptor.AoModule("ao", "test.plugin", List.of(Note.class.getName()))),
                d.aoModules());
        assertEquals("ns", parse("<ao key=\"ao\" namespace=\"ns\"><entity>x.Y</entity></ao>").aoModules().get(0).namespace());
    }

    @Test
    void aModuleWithoutEntitiesOrASecondModuleIsRefused() {
        PluginLoadException empty = assertThrows(PluginLoadException.class, () -> parse("<ao key=\"ao\"/>"));
        assertTrue(empty.getMessage().contains("declares no <entity>"), empty.getMessage());
        PluginLoadException two = assertThrows(PluginLoadException.class,
                () -> parse("<ao key=\"a\"><entity>x.Y</entity></ao><ao key=\"b\"><entity>x.Z</entity></ao>"));
        assertTrue(two.getMessage().contains("more than one <ao> module"), two.getMessage());
    }

    @Test
    void thePluginGetsItsDeclaredEntitiesOnlyAndBadDeclarationsAreRefused() throws Exception {
        try (Database database = Database.embedded(dir)) {
            ClassLoader loader = getClass().getClassLoader();
            JdbcActiveObjects ao = PluginActiveObjects.forPlugin(database, loader,
                    parse("<ao key=\"ao\"><entity>" + Note.class.getName() + "</entity></ao>"));
            assertEquals(0, ao.count(Note.class, Query.select()));
            assertThrows(IllegalArgumentException.class, () -> ao.count(Undeclared.class, Query.select()));

            IllegalStateException none = assertThrows(IllegalStateException.class,
                    () -> PluginActiveObjects.forPlugin(database, loader, parse("")));
            assertTrue(none.getMessage().contains("declares no <ao> module"), none.getMessage());
            IllegalStateException missing = assertThrows(IllegalStateException.class,
                    () -> PluginActiveObjects.forPlugin(database, loader, parse("<ao key=\"ao\"><entity>no.Such</entity></ao>")));
            assertTrue(missing.getMessage().contains("does not contain"), missing.getMessage());
            IllegalStateException notEntity = assertThrows(IllegalStateException.class,
                    () -> PluginActiveObjects.forPlugin(database, loader, parse("<ao key=\"ao\"><entity>java.lang.String</entity></ao>")));
            assertTrue(notEntity.getMessage().contains("not an Active Objects entity"), notEntity.getMessage());
        }
    }
}
