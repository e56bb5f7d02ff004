package org.capacitytracker.host.plugin.spring;

import org.capacitytracker.host.plugin.PluginLoadException;
import org.osgi.framework.Bundle;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.beans.factory.xml.DefaultNamespaceHandlerResolver;
import org.springframework.beans.factory.xml.NamespaceHandler;
import org.springframework.beans.factory.xml.XmlBeanDefinitionReader;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.io.UrlResource;

import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * A plugin's Spring application context, made as Jira's Spring/OSGi extender makes it for a
 * transformerless plugin: from the files its {@code Spring-Context} manifest header names
 * ({@code *} = {@code META-INF/spring/*.xml}), with the bundle's class loader for the beans,
 * Spring's own XML reading (schemas validated), and the OSGi namespace importing host
 * services. Its singletons are created eagerly; closing it runs their destroy methods.
 */
public final class PluginApplicationContext implements AutoCloseable {
    private final GenericApplicationContext context;

    private PluginApplicationContext(GenericApplicationContext context) {
        this.context = context;
    }

    /**
     * Reads and refreshes the plugin's context. The failure names the file and Spring's
     * reason (a missing service, an unknown class, a constructor that cannot be satisfied).
     */
    public static PluginApplicationContext create(Bundle bundle, ClassLoader bundleLoader) throws PluginLoadException {
        List<URL> files = springFiles(bundle);
        GenericApplicationContext context = new GenericApplicationContext();
        context.setDisplayName("plugin " + bundle.getSymbolicName());
        context.setClassLoader(bundleLoader);
        context.setAllowBeanDefinitionOverriding(false);
        ClassLoader hostLoader = PluginApplicationContext.class.getClassLoader();
        XmlBeanDefinitionReader reader = new XmlBeanDefinitionReader(context);
        reader.setBeanClassLoader(bundleLoader);
        reader.setEntityResolver(new HostSchemaResolver(hostLoader));
        OsgiNamespaceHandler osgi = new OsgiNamespaceHandler(bundle.getBundleContext());
        osgi.init();
        DefaultNamespaceHandlerResolver springNamespaces = new DefaultNamespaceHandlerResolver(hostLoader);
        reader.setNamespaceHandlerResolver(uri -> {
            if (uri != null && OsgiNamespaceHandler.NAMESPACES.contains(uri)) {
                return osgi;
            }
            NamespaceHandler handler = springNamespaces.resolve(uri);
            return handler;
        });
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(bundleLoader);
        try {
            for (URL file : files) {
                try {
                    reader.loadBeanDefinitions(new UrlResource(file));
                } catch (BeansException e) {
                    throw new PluginLoadException("The plugin's Spring file " + file.getPath() + " cannot be read: "
                            + rootMessage(e), e);
                }
            }
            try {
                context.refresh();
            } catch (BeansException | IllegalStateException e) {
                throw new PluginLoadException("The plugin's Spring context did not start: " + rootMessage(e), e);
            }
        } finally {
            thread.setContextClassLoader(previous);
        }
        return new PluginApplicationContext(context);
    }

    private static List<URL> springFiles(Bundle bundle) throws PluginLoadException {
        String header = bundle.getHeaders().get("Spring-Context");
        List<URL> files = new ArrayList<>();
        if (header == null || header.isBlank()) {
            return files;
        }
        for (String part : header.split(",")) {
            String path = part.split(";", 2)[0].strip();
            if (path.isEmpty()) {
                continue;
            }
            if (path.equals("*")) {
                Enumeration<URL> found = bundle.findEntries("META-INF/spring", "*.xml", false);
                if (found != null) {
                    List<URL> sorted = Collections.list(found);
                    sorted.sort((a, b) -> a.getPath().compareTo(b.getPath()));
                    files.addAll(sorted);
                }
            } else {
                URL url = bundle.getEntry(path);
                if (url == null) {
                    throw new PluginLoadException("The manifest's Spring-Context names " + path
                            + ", which the plugin jar does not contain");
                }
                files.add(url);
            }
        }
        return files;
    }

    /** The innermost message, with the bean it concerns where Spring names one. */
    static String rootMessage(Throwable e) {
        String message = e.getMessage();
        Throwable cause = e.getCause();
        while (cause != null && cause != e) {
            if (cause.getMessage() != null) {
                message = cause.getMessage();
            }
            e = cause;
            cause = cause.getCause();
        }
        return message;
    }

    /** Every bean and imported service of the plugin, by name. */
    public List<String> beanNames() {
        return List.of(context.getBeanDefinitionNames());
    }

    /** The type of a named bean (for an imported service, its interface). */
    public Class<?> type(String name) {
        return context.getType(name);
    }

    public Object bean(String name) {
        return context.getBean(name);
    }

    /** The bean with this name, or null when the context defines none. */
    public Object beanOrNull(String name) {
        return context.containsBean(name) ? context.getBean(name) : null;
    }

    /**
     * Creates a module object (a servlet, a filter) as Jira does for plugin modules: through
     * its constructor, each parameter autowired by type from this context.
     */
    public Object createModule(Class<?> type, String what) throws PluginLoadException {
        try {
            return context.getAutowireCapableBeanFactory()
                    .createBean(type, AutowireCapableBeanFactory.AUTOWIRE_CONSTRUCTOR, false);
        } catch (BeansException e) {
            throw new PluginLoadException(what + ": " + type.getName() + " cannot be created from the plugin's Spring context: "
                    + rootMessage(e), e);
        }
    }

    /** Destroys the plugin's beans (destroy methods, in reverse order), releasing its service imports. */
    @Override
    public void close() {
        context.close();
    }
}
