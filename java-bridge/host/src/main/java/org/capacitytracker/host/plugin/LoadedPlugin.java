package org.capacitytracker.host.plugin;

import org.capacitytracker.host.web.WebResourceRegistry;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.servlet.ServletContainer;

import javax.servlet.Servlet;
import javax.ws.rs.Path;
import javax.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * A plugin jar installed the way Jira installs one: its descriptor and Spring context read,
 * its own class loader over the shared API, its components created, and its modules
 * (REST, servlets, web resources) ready to mount.
 */
public final class LoadedPlugin implements AutoCloseable {
    private final java.nio.file.Path jar;
    private final PluginDescriptor descriptor;
    private final PluginClassLoader loader;
    private final PluginContainer container;
    private final List<String> classNames;

    private LoadedPlugin(java.nio.file.Path jar, PluginDescriptor descriptor, PluginClassLoader loader,
                         PluginContainer container, List<String> classNames) {
        this.jar = jar;
        this.descriptor = descriptor;
        this.loader = loader;
        this.container = container;
        this.classNames = classNames;
    }

    /**
     * Installs and enables the plugin in {@code jar}; {@code hostServices} are the services a
     * plugin may import (SAL, web resources).
     */
    public static LoadedPlugin load(java.nio.file.Path jar, List<Object> hostServices) throws PluginLoadException {
        if (!Files.isRegularFile(jar)) {
            throw new PluginLoadException("Plugin jar not found: " + jar.toAbsolutePath());
        }
        PluginDescriptor descriptor;
        List<SpringContext> springContexts = new ArrayList<>();
        List<String> classNames = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            JarEntry descriptorEntry = file.getJarEntry("atlassian-plugin.xml");
            if (descriptorEntry == null) {
                throw new PluginLoadException(jar + " has no atlassian-plugin.xml at its root; it is not a Jira plugin");
            }
            try (InputStream in = file.getInputStream(descriptorEntry)) {
                descriptor = PluginDescriptor.parse(in);
            }
            checkManifest(file.getManifest(), descriptor);
            for (Enumeration<JarEntry> e = file.entries(); e.hasMoreElements(); ) {
                JarEntry entry = e.nextElement();
                String name = entry.getName();
                if (name.startsWith("META-INF/spring/") && name.endsWith(".xml") && name.indexOf('/', 16) < 0) {
                    try (InputStream in = file.getInputStream(entry)) {
                        springContexts.add(SpringContext.parse(in, name));
                    }
                } else if (name.endsWith(".class") && !name.startsWith("META-INF/") && !name.contains("-")) {
                    classNames.add(name.substring(0, name.length() - ".class".length()).replace('/', '.'));
                }
            }
        } catch (IOException e) {
            throw new PluginLoadException("Cannot read plugin jar " + jar + ": " + e.getMessage(), e);
        }

        PluginClassLoader loader;
        try {
            loader = new PluginClassLoader(descriptor.key(), jar.toUri().toURL(),
                    new SharedApiClassLoader(LoadedPlugin.class.getClassLoader()));
        } catch (MalformedURLException e) {
            throw new PluginLoadException("Bad plugin path " + jar, e);
        }
        // As in Jira, the template renderer and the i18n resolver are per plugin: built on its class loader.
        List<Object> services = new ArrayList<>(hostServices);
        services.add(new org.capacitytracker.host.web.VelocityTemplateRenderer(loader));
        services.add(new org.capacitytracker.host.sal.HostI18nResolver(loader, descriptor.i18nLocations()));
        PluginContainer container = new PluginContainer(loader, services);
        try {
            for (SpringContext context : springContexts) {
                for (SpringContext.Reference ref : context.references()) {
                    container.importService(ref.id(), ref.interfaceName());
                }
            }
            for (PluginDescriptor.ComponentImport imp : descriptor.componentImports()) {
                container.importService(imp.key(), imp.interfaceName());
            }
            for (SpringContext context : springContexts) {
                for (SpringContext.Bean bean : context.beans()) {
                    container.defineBean(bean);
                }
            }
            for (PluginDescriptor.ComponentModule component : descriptor.components()) {
                container.defineBean(new SpringContext.Bean(component.key(), component.className(), List.of(), null, null,
                        true));
            }
            container.start();
            for (String location : descriptor.i18nLocations()) {
                if (loader.findOwnResource(location.replace('.', '/') + ".properties") == null) {
                    System.err.println("[capacity-host] WARN i18n resource " + location + " is missing from the plugin");
                }
            }
        } catch (PluginLoadException | RuntimeException e) {
            container.close();
            closeQuietly(loader);
            throw e;
        }
        return new LoadedPlugin(jar, descriptor, loader, container, List.copyOf(classNames));
    }

    private static void checkManifest(Manifest manifest, PluginDescriptor descriptor) throws PluginLoadException {
        if (manifest == null) {
            return;
        }
        Attributes main = manifest.getMainAttributes();
        String pluginKey = main.getValue("Atlassian-Plugin-Key");
        if (pluginKey != null && !pluginKey.trim().equals(descriptor.key())) {
            throw new PluginLoadException("The manifest's Atlassian-Plugin-Key (" + pluginKey
                    + ") differs from atlassian-plugin.xml's key (" + descriptor.key() + ")");
        }
    }

    public PluginDescriptor descriptor() {
        return descriptor;
    }

    public ClassLoader classLoader() {
        return loader;
    }

    public java.nio.file.Path jar() {
        return jar;
    }

    /** Registers the plugin's web-resource modules and plugin-level downloads. */
    public void registerWebResources(WebResourceRegistry registry) {
        for (PluginDescriptor.WebResourceModule m : descriptor.webResources()) {
            List<WebResourceRegistry.Resource> resources = new ArrayList<>();
            for (PluginDescriptor.Download d : m.resources()) {
                resources.add(new WebResourceRegistry.Resource(d.name(), d.location(), !d.name().endsWith("/")));
            }
            registry.register(new WebResourceRegistry.Module(descriptor.key() + ":" + m.key(), resources, m.dependencies(),
                    m.contexts(), loader::findOwnResource));
        }
        if (!descriptor.downloads().isEmpty()) {
            List<WebResourceRegistry.Resource> resources = new ArrayList<>();
            for (PluginDescriptor.Download d : descriptor.downloads()) {
                resources.add(new WebResourceRegistry.Resource(d.name(), d.location(), false));
            }
            registry.register(new WebResourceRegistry.Module(descriptor.key(), resources, List.of(), Set.of(),
                    loader::findOwnResource));
        }
    }

    /** Mounts REST modules at {@code /rest/<path>/<version>} (and {@code latest}) and servlets at {@code /plugins/servlet}. */
    public void mount(ServletContextHandler context) throws PluginLoadException {
        JerseyLogging.install();
        for (PluginDescriptor.RestModule rest : descriptor.restModules()) {
            List<Object> components = new ArrayList<>();
            int resources = 0;
            for (Class<?> type : classesIn(rest.packages())) {
                boolean isResource = type.isAnnotationPresent(Path.class);
                boolean isProvider = type.isAnnotationPresent(Provider.class);
                if (!isResource && !isProvider) {
                    continue;
                }
                if (!Modifier.isPublic(type.getModifiers()) || Modifier.isAbstract(type.getModifiers())
                        || type.isInterface() || (type.getEnclosingClass() != null && !Modifier.isStatic(type.getModifiers()))) {
                    continue;
                }
                components.add(container.autowire(type, "REST module " + rest.key()));
                if (isResource) {
                    resources++;
                }
            }
            if (resources == 0) {
                throw new PluginLoadException("REST module " + rest.key() + " found no @Path resource in " + rest.packages());
            }
            // One Jersey application per mount point: an application's configuration is
            // sealed once it starts, so the "latest" alias gets its own over the same resources.
            for (String version : List.of(rest.version(), "latest")) {
                ResourceConfig config = new ResourceConfig();
                config.setApplicationName(descriptor.key() + ":" + rest.key() + ":" + version);
                config.property(ServerProperties.WADL_FEATURE_DISABLE, true);
                for (Object component : components) {
                    config.register(component);
                }
                ServletHolder holder = new ServletHolder(descriptor.key() + ":" + rest.key() + ":" + version,
                        new ServletContainer(config));
                holder.setInitOrder(1);
                context.addServlet(holder, "/rest" + rest.path() + "/" + version + "/*");
            }
        }
        for (PluginDescriptor.ServletModule module : descriptor.servlets()) {
            Class<?> type = container.load(module.className(), "servlet module " + module.key());
            if (!Servlet.class.isAssignableFrom(type)) {
                throw new PluginLoadException("servlet module " + module.key() + ": " + module.className()
                        + " is not a javax.servlet.Servlet");
            }
            Servlet servlet = (Servlet) container.autowire(type, "servlet module " + module.key());
            ServletHolder holder = new ServletHolder(descriptor.key() + ":" + module.key(), servlet);
            holder.setInitParameters(module.initParams());
            holder.setInitOrder(1);
            for (String pattern : module.urlPatterns()) {
                context.addServlet(holder, "/plugins/servlet" + pattern);
            }
        }
    }

    /** The plugin's classes in these packages (and their sub-packages); all of them when none are named. */
    private List<Class<?>> classesIn(List<String> packages) {
        List<Class<?>> out = new ArrayList<>();
        for (String name : classNames) {
            boolean wanted = packages.isEmpty();
            for (String p : packages) {
                if (name.startsWith(p + ".")) {
                    wanted = true;
                    break;
                }
            }
            if (!wanted) {
                continue;
            }
            try {
                out.add(Class.forName(name, false, loader));
            } catch (ClassNotFoundException | LinkageError e) {
                // A class that needs something Jira's plugin would import optionally; it is
                // not a module of this host.
            }
        }
        return out;
    }

    /** The bean the plugin's context defines under {@code id}, or null. */
    public Object bean(String id) {
        return container.bean(id);
    }

    /** Stops the plugin: destroys its beans (closing its engine), then releases its jar. */
    @Override
    public void close() {
        container.close();
        closeQuietly(loader);
    }

    private static void closeQuietly(PluginClassLoader loader) {
        try {
            loader.close();
        } catch (IOException e) {
            System.err.println("[capacity-host] WARN closing the plugin class loader: " + e.getMessage());
        }
    }
}
