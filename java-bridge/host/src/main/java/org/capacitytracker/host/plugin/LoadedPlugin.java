package org.capacitytracker.host.plugin;

import com.atlassian.jira.user.anonymize.UserAnonymizationHandler;
import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.apache.catalina.startup.Tomcat;
import org.capacitytracker.host.plugin.rest.PluginComponentsBinder;
import org.capacitytracker.host.plugin.rest.RestAccessFeature;
import org.capacitytracker.host.plugin.spring.PluginApplicationContext;
import org.capacitytracker.host.web.CurrentRequest;
import org.capacitytracker.host.web.JsI18nTransformer;
import org.capacitytracker.host.web.WebResourceRegistry;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.servlet.ServletContainer;
import org.osgi.framework.Bundle;

import javax.inject.Inject;
import javax.servlet.Servlet;
import javax.ws.rs.Path;
import javax.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * A plugin installed the way Jira installs a transformerless plugin: its jar an OSGi bundle
 * in Apache Felix (resolved against what the platform exports), its components a Spring
 * context made from its own files, its REST resources created by Jersey through HK2 from
 * their {@code @Inject} constructors, its servlets autowired from its context.
 */
public final class LoadedPlugin implements AutoCloseable {
    private final java.nio.file.Path jar;
    private final PluginDescriptor descriptor;
    private final Bundle bundle;
    private final ClassLoader loader;
    private final PluginApplicationContext context;
    private final List<String> problems = new ArrayList<>();

    private LoadedPlugin(java.nio.file.Path jar, PluginDescriptor descriptor, Bundle bundle, ClassLoader loader,
                         PluginApplicationContext context, List<String> problems) {
        this.jar = jar;
        this.descriptor = descriptor;
        this.bundle = bundle;
        this.loader = loader;
        this.context = context;
        this.problems.addAll(problems);
    }

    /**
     * Installs and enables the plugin in {@code jar} in {@code osgi}, where the host's
     * services are already published.
     */
    public static LoadedPlugin install(OsgiFramework osgi, java.nio.file.Path jar) throws PluginLoadException {
        if (!Files.isRegularFile(jar)) {
            throw new PluginLoadException("Plugin jar not found: " + jar.toAbsolutePath());
        }
        PluginDescriptor descriptor = readDescriptor(jar);
        Bundle bundle = osgi.install(jar);
        PluginApplicationContext context = null;
        try {
            ClassLoader loader = OsgiFramework.classLoader(bundle);
            List<String> problems = new ArrayList<>();
            for (String location : descriptor.i18nLocations()) {
                if (bundle.getEntry(location.replace('.', '/') + ".properties") == null) {
                    problems.add("i18n resource " + location + " is missing from the plugin: Jira shows its keys instead of text");
                }
            }
            context = PluginApplicationContext.create(bundle, loader);
            return new LoadedPlugin(jar, descriptor, bundle, loader, context, problems);
        } catch (PluginLoadException | RuntimeException e) {
            if (context != null) {
                context.close();
            }
            OsgiFramework.uninstallQuietly(bundle);
            throw e;
        }
    }

    /** The descriptor, and the manifest checks Jira makes before it hands the jar to Felix. */
    private static PluginDescriptor readDescriptor(java.nio.file.Path jar) throws PluginLoadException {
        try (JarFile file = new JarFile(jar.toFile())) {
            JarEntry entry = file.getJarEntry("atlassian-plugin.xml");
            if (entry == null) {
                throw new PluginLoadException(jar + " has no atlassian-plugin.xml at its root; it is not a Jira plugin");
            }
            PluginDescriptor descriptor;
            try (InputStream in = file.getInputStream(entry)) {
                descriptor = PluginDescriptor.parse(in);
            }
            Manifest manifest = file.getManifest();
            Attributes main = manifest == null ? new Attributes() : manifest.getMainAttributes();
            String pluginKey = main.getValue("Atlassian-Plugin-Key");
            if (pluginKey == null || main.getValue("Bundle-SymbolicName") == null) {
                throw new PluginLoadException(jar.getFileName() + " is not a transformerless plugin (its manifest lacks "
                        + "Atlassian-Plugin-Key or Bundle-SymbolicName). This host installs OSGi bundles as they are, the way "
                        + "Jira installs transformerless plugins; build the jar with an OSGi manifest (bnd)");
            }
            if (!pluginKey.trim().equals(descriptor.key())) {
                throw new PluginLoadException("The manifest's Atlassian-Plugin-Key (" + pluginKey
                        + ") differs from atlassian-plugin.xml's key (" + descriptor.key() + ")");
            }
            if (!descriptor.components().isEmpty() || !descriptor.componentImports().isEmpty()) {
                throw new PluginLoadException("atlassian-plugin.xml declares <component> or <component-import>: a "
                        + "transformerless plugin declares its components and service imports in META-INF/spring instead");
            }
            return descriptor;
        } catch (IOException e) {
            throw new PluginLoadException("Cannot read plugin jar " + jar + ": " + e.getMessage(), e);
        }
    }

    public PluginDescriptor descriptor() {
        return descriptor;
    }

    /** The bundle's class loader: the plugin's classes and what it imports. */
    public ClassLoader classLoader() {
        return loader;
    }

    public Bundle bundle() {
        return bundle;
    }

    public java.nio.file.Path jar() {
        return jar;
    }

    /** What the host found wrong with the plugin without refusing it (Jira logs these). */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** Registers the plugin's web-resource modules and plugin-level downloads. */
    public void registerWebResources(WebResourceRegistry registry) {
        for (PluginDescriptor.WebResourceModule m : descriptor.webResources()) {
            List<WebResourceRegistry.Resource> resources = new ArrayList<>();
            for (PluginDescriptor.Download d : m.resources()) {
                resources.add(new WebResourceRegistry.Resource(d.name(), d.location(), !d.name().endsWith("/")));
            }
            // Jira's jsI18n transformation reads every i18n resource of the plugin.
            Function<String, String> jsI18n = null;
            if (m.transforms("js", "jsI18n")) {
                jsI18n = JsI18nTransformer.load(descriptor.i18nLocations(), this::ownEntry)::getProperty;
            }
            registry.register(new WebResourceRegistry.Module(descriptor.key() + ":" + m.key(), resources, m.dependencies(),
                    m.contexts(), this::ownEntry, jsI18n));
        }
        if (!descriptor.downloads().isEmpty()) {
            List<WebResourceRegistry.Resource> resources = new ArrayList<>();
            for (PluginDescriptor.Download d : descriptor.downloads()) {
                resources.add(new WebResourceRegistry.Resource(d.name(), d.location(), false));
            }
            registry.register(new WebResourceRegistry.Module(descriptor.key(), resources, List.of(), Set.of(),
                    this::ownEntry, null));
        }
    }

    /** A file of the plugin jar itself (never one of an imported package). */
    private URL ownEntry(String location) {
        String path = location.startsWith("/") ? location.substring(1) : location;
        return bundle.getEntry(path);
    }

    /**
     * Mounts REST modules at {@code /rest/<path>/<version>} (and {@code latest}) and servlets
     * at {@code /plugins/servlet} in the host's web application.
     */
    public void mount(Context app, CurrentRequest current) throws PluginLoadException {
        for (PluginDescriptor.RestModule rest : descriptor.restModules()) {
            Set<Class<?>> classes = new LinkedHashSet<>();
            int resources = 0;
            for (Class<?> type : classesIn(rest.packages(), "REST module " + rest.key())) {
                boolean isResource = type.isAnnotationPresent(Path.class);
                boolean isProvider = type.isAnnotationPresent(Provider.class);
                if (!isResource && !isProvider) {
                    continue;
                }
                if (!Modifier.isPublic(type.getModifiers()) || Modifier.isAbstract(type.getModifiers())
                        || type.isInterface() || (type.getEnclosingClass() != null && !Modifier.isStatic(type.getModifiers()))) {
                    continue;
                }
                if (!jerseyCanCreate(type)) {
                    problems.add("REST module " + rest.key() + ": " + type.getName() + " has neither an @Inject constructor "
                            + "nor a public no-argument one, so Jersey (REST v2) cannot create it: every call to it fails with 500");
                }
                classes.add(type);
                if (isResource) {
                    resources++;
                }
            }
            if (resources == 0) {
                throw new PluginLoadException("REST module " + rest.key() + " found no @Path resource in " + rest.packages());
            }
            // One Jersey application per mount point: an application's configuration is
            // sealed once it starts, so the "latest" alias gets its own over the same classes.
            for (String version : List.of(rest.version(), "latest")) {
                ResourceConfig config = new ResourceConfig();
                config.setApplicationName(descriptor.key() + ":" + rest.key() + ":" + version);
                config.setClassLoader(loader);
                config.property(ServerProperties.WADL_FEATURE_DISABLE, true);
                config.registerClasses(classes);
                config.register(new PluginComponentsBinder(context));
                config.register(new RestAccessFeature(current));
                String name = descriptor.key() + ":" + rest.key() + ":" + version;
                Wrapper wrapper = Tomcat.addServlet(app, name, new ServletContainer(config));
                wrapper.setLoadOnStartup(1);
                app.addServletMappingDecoded("/rest" + rest.path() + "/" + version + "/*", name);
            }
        }
        for (PluginDescriptor.ServletModule module : descriptor.servlets()) {
            Class<?> type = loadClass(module.className(), "servlet module " + module.key());
            if (!Servlet.class.isAssignableFrom(type)) {
                throw new PluginLoadException("servlet module " + module.key() + ": " + module.className()
                        + " is not a " + Servlet.class.getName() + " (the servlet API of " + JiraPlatform.current().displayName() + ")");
            }
            Servlet servlet = (Servlet) context.createModule(type, "servlet module " + module.key());
            String name = descriptor.key() + ":" + module.key();
            Wrapper wrapper = Tomcat.addServlet(app, name, servlet);
            module.initParams().forEach(wrapper::addInitParameter);
            wrapper.setLoadOnStartup(1);
            for (String pattern : module.urlPatterns()) {
                app.addServletMappingDecoded("/plugins/servlet" + pattern, name);
            }
        }
    }

    /** What HK2 needs to create a resource: a constructor marked @Inject, or a public no-argument one. */
    private static boolean jerseyCanCreate(Class<?> type) {
        for (Constructor<?> c : type.getDeclaredConstructors()) {
            if (c.isAnnotationPresent(Inject.class)
                    || (c.getParameterCount() == 0 && Modifier.isPublic(c.getModifiers()))) {
                return true;
            }
        }
        return false;
    }

    private Class<?> loadClass(String name, String what) throws PluginLoadException {
        try {
            return bundle.loadClass(name);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new PluginLoadException(what + ": class " + name + " cannot be loaded from the plugin bundle: " + e, e);
        }
    }

    /** The plugin's own classes in these packages and their sub-packages. */
    private List<Class<?>> classesIn(List<String> packages, String what) throws PluginLoadException {
        List<String> names = new ArrayList<>();
        for (String p : packages.isEmpty() ? List.of("") : packages) {
            Enumeration<URL> found = bundle.findEntries("/" + p.replace('.', '/'), "*.class", true);
            if (found == null) {
                continue;
            }
            for (URL url : Collections.list(found)) {
                String path = url.getPath().substring(1);
                if (path.startsWith("META-INF/") || path.contains("-")) {
                    continue;
                }
                names.add(path.substring(0, path.length() - ".class".length()).replace('/', '.'));
            }
        }
        Collections.sort(names);
        List<Class<?>> out = new ArrayList<>();
        for (String name : names) {
            try {
                out.add(bundle.loadClass(name));
            } catch (ClassNotFoundException | LinkageError e) {
                // Jersey's package scanning fails the same way on a class whose imports are missing.
                throw new PluginLoadException(what + ": class " + name + " cannot be loaded from the plugin bundle: " + e, e);
            }
        }
        return out;
    }

    /**
     * Creates the plugin's {@code <user-anonymization-handler>} modules the way Jira creates
     * module classes: each class loaded from the bundle and autowired from the plugin's context.
     * A class that does not implement the extension point's interface refuses the plugin, as
     * Jira's module descriptor would refuse the module.
     */
    public List<UserAnonymizationHandler> anonymizationHandlers() throws PluginLoadException {
        List<UserAnonymizationHandler> handlers = new ArrayList<>();
        for (PluginDescriptor.AnonymizationHandlerModule module : descriptor.anonymizationHandlers()) {
            String what = "user-anonymization-handler module " + module.key();
            Class<?> type = loadClass(module.className(), what);
            if (!UserAnonymizationHandler.class.isAssignableFrom(type)) {
                throw new PluginLoadException(what + ": " + module.className() + " does not implement "
                        + UserAnonymizationHandler.class.getName());
            }
            handlers.add((UserAnonymizationHandler) context.createModule(type, what));
        }
        return handlers;
    }

    /** The bean the plugin's Spring context defines under {@code id}, or null. */
    public Object bean(String id) {
        return context.beanOrNull(id);
    }

    /** Stops the plugin: destroys its beans (closing its engine), then uninstalls its bundle. */
    @Override
    public void close() {
        try {
            context.close();
        } finally {
            OsgiFramework.uninstallQuietly(bundle);
        }
    }
}
