package org.capacitytracker.host.ao;

import java.util.LinkedHashSet;
import java.util.Set;
import net.java.ao.RawEntity;
import org.capacitytracker.host.db.Database;
import org.capacitytracker.host.plugin.PluginDescriptor;

/**
 * Makes the {@code ActiveObjects} service a plugin receives, as Jira's activeobjects plugin
 * does: one per plugin, over the entities its {@code <ao>} module declares, in tables named
 * after its namespace. A plugin without an {@code <ao>} module, or one naming a class that is
 * not an entity interface, is refused with a message saying so.
 */
public final class PluginActiveObjects {
    private PluginActiveObjects() {
    }

    /**
     * The plugin's Active Objects.
     *
     * <pre>{@code osgi.registerPerPlugin(ActiveObjects.class.getName(), (loader, d) -> PluginActiveObjects.forPlugin(database, loader, d));}</pre>
     */
    public static JdbcActiveObjects forPlugin(Database database, ClassLoader loader, PluginDescriptor descriptor) {
        if (descriptor.aoModules().isEmpty()) {
            throw new IllegalStateException("plugin " + descriptor.key() + " imports ActiveObjects but declares no <ao> "
                    + "module in atlassian-plugin.xml");
        }
        PluginDescriptor.AoModule module = descriptor.aoModules().get(0);
        Set<Class<?>> entities = new LinkedHashSet<>();
        for (String name : module.entities()) {
            Class<?> type;
            try {
                type = Class.forName(name, false, loader);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("<ao> module " + module.key() + " of " + descriptor.key()
                        + " names " + name + ", which the plugin does not contain", e);
            }
            if (!type.isInterface() || !RawEntity.class.isAssignableFrom(type)) {
                throw new IllegalStateException("<ao> module " + module.key() + " names " + name
                        + ", which is not an Active Objects entity interface");
            }
            entities.add(type);
        }
        JdbcActiveObjects ao = new JdbcActiveObjects(database, module.namespace(), entities);
        return ao;
    }
}
