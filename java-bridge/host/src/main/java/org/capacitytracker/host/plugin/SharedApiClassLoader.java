package org.capacitytracker.host.plugin;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The parent of every plugin class loader: the JDK, plus only the packages Jira exports to
 * plugins (servlet, JAX-RS, javax.inject, the Atlassian APIs, SLF4J). The host's own classes
 * and libraries (Jetty, Jersey, H2, ...) stay invisible, as Jira's internals are to an OSGi
 * bundle, so a plugin that works here cannot quietly depend on them.
 */
public final class SharedApiClassLoader extends ClassLoader {
    static {
        registerAsParallelCapable();
    }

    /** Package prefixes visible to plugins. */
    public static final List<String> EXPORTED_PACKAGES = List.of(
            "javax.servlet.", "javax.ws.rs.", "javax.inject.", "com.atlassian.", "org.slf4j.");

    private final ClassLoader host;

    public SharedApiClassLoader(ClassLoader host) {
        super("capacity-host-shared-api", ClassLoader.getPlatformClassLoader());
        this.host = host;
    }

    static boolean exported(String className) {
        for (String prefix : EXPORTED_PACKAGES) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static boolean exportedResource(String resourceName) {
        String asClass = resourceName.replace('/', '.');
        return exported(asClass);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        if (exported(name)) {
            return host.loadClass(name);
        }
        throw new ClassNotFoundException(name + " (not exported to plugins by the host)");
    }

    @Override
    protected URL findResource(String name) {
        return exportedResource(name) ? host.getResource(name) : null;
    }

    @Override
    protected Enumeration<URL> findResources(String name) throws IOException {
        return exportedResource(name) ? host.getResources(name) : Collections.emptyEnumeration();
    }
}
