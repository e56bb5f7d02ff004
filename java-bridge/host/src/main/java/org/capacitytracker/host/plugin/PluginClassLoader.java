package org.capacitytracker.host.plugin;

import java.net.URL;
import java.net.URLClassLoader;

/** The plugin jar's own class loader (an OSGi bundle's, in Jira). */
public final class PluginClassLoader extends URLClassLoader {
    static {
        registerAsParallelCapable();
    }

    PluginClassLoader(String pluginKey, URL jar, ClassLoader parent) {
        super("plugin:" + pluginKey, new URL[] {jar}, parent);
    }

    /** A resource from the plugin jar itself, never from the shared API. */
    public URL findOwnResource(String name) {
        return findResource(name);
    }
}
