package org.capacitytracker.host.plugin;

import org.apache.felix.framework.FrameworkFactory;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceFactory;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.wiring.BundleWiring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.io.InputStream;
import java.net.URL;
import java.util.function.BiFunction;

/**
 * Apache Felix, configured as Jira configures it for plugins: the system bundle exports the
 * JRE and exactly {@link JiraPlatform#exportedPackages()}, nothing is boot-delegated, and host
 * services are published in the service registry under their Atlassian interface names.
 * A plugin bundle sees a host class only through an exported package it imports.
 */
public final class OsgiFramework implements AutoCloseable {
    private final Framework felix;
    private final Path storage;
    private final JiraPlatform platform;

    private OsgiFramework(Framework felix, Path storage, JiraPlatform platform) {
        this.felix = felix;
        this.storage = storage;
        this.platform = platform;
    }

    public static OsgiFramework start(JiraPlatform platform) throws PluginLoadException {
        Path storage;
        try {
            storage = Files.createTempDirectory("capacity-host-osgi-");
        } catch (IOException e) {
            throw new PluginLoadException("Cannot create the OSGi framework's bundle cache: " + e.getMessage(), e);
        }
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, String.join(",", platform.exportedPackages()));
        // Only java.* comes from the boot class path; everything else must be imported.
        config.put(Constants.FRAMEWORK_BOOTDELEGATION, "");
        config.put(Constants.FRAMEWORK_BUNDLE_PARENT, Constants.FRAMEWORK_BUNDLE_PARENT_BOOT);
        // Felix would otherwise hand a bundle any class its caller can see when the request comes
        // from outside the bundle (reflection from host code); a plugin must see only its imports.
        config.put("felix.bootdelegation.implicit", "false");
        // Felix logs errors only; the host reports what matters itself.
        config.put("felix.log.level", "1");
        Framework felix = new FrameworkFactory().newFramework(config);
        try {
            felix.init();
            felix.start();
        } catch (BundleException e) {
            deleteTree(storage);
            throw new PluginLoadException("Apache Felix did not start: " + e.getMessage(), e);
        }
        return new OsgiFramework(felix, storage, platform);
    }

    public JiraPlatform platform() {
        return platform;
    }

    BundleContext context() {
        return felix.getBundleContext();
    }

    /**
     * Publishes a host service under every interface it implements that lies in a package the
     * platform exports (the names a plugin's {@code <osgi:reference>} asks for).
     */
    public ServiceRegistration<?> register(Object service) {
        Set<String> names = new LinkedHashSet<>();
        collectExportedInterfaces(service.getClass(), names);
        if (names.isEmpty()) {
            throw new IllegalArgumentException(service.getClass().getName()
                    + " implements no interface of a package the platform exports");
        }
        return context().registerService(names.toArray(String[]::new), service, null);
    }

    /**
     * Publishes a service that is made for each plugin that uses it (as Jira's I18nResolver
     * and TemplateRenderer are: each reads the using plugin's own resources), from that
     * plugin's class loader.
     */
    public ServiceRegistration<?> registerPerPlugin(String interfaceName,
                                                    BiFunction<ClassLoader, PluginDescriptor, Object> factory) {
        ServiceFactory<Object> perBundle = new ServiceFactory<>() {
            @Override
            public Object getService(Bundle bundle, ServiceRegistration<Object> registration) {
                return factory.apply(classLoader(bundle), descriptorOf(bundle));
            }

            @Override
            public void ungetService(Bundle bundle, ServiceRegistration<Object> registration, Object service) {
                // Nothing held per plugin beyond the object itself.
            }
        };
        return context().registerService(interfaceName, perBundle, null);
    }

    private static PluginDescriptor descriptorOf(Bundle bundle) {
        URL url = bundle.getEntry("atlassian-plugin.xml");
        if (url == null) {
            throw new IllegalStateException(bundle.getSymbolicName() + " has no atlassian-plugin.xml");
        }
        try (InputStream in = url.openStream()) {
            return PluginDescriptor.parse(in);
        } catch (IOException | PluginLoadException e) {
            throw new IllegalStateException("Cannot read " + bundle.getSymbolicName() + "'s atlassian-plugin.xml: "
                    + e.getMessage(), e);
        }
    }

    private void collectExportedInterfaces(Class<?> type, Set<String> names) {
        List<String> exported = platform.exportedPackageNames();
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            List<Class<?>> todo = new ArrayList<>(List.of(c.getInterfaces()));
            while (!todo.isEmpty()) {
                Class<?> i = todo.remove(0);
                if (exported.contains(i.getPackageName())) {
                    names.add(i.getName());
                }
                todo.addAll(List.of(i.getInterfaces()));
            }
        }
    }

    /**
     * Installs and starts a plugin jar as a bundle. Resolution failures (an import no one
     * exports) come back with Felix's own message, as Jira shows it in its log.
     */
    public Bundle install(Path jar) throws PluginLoadException {
        Bundle bundle;
        try {
            bundle = context().installBundle(jar.toUri().toString());
        } catch (BundleException e) {
            throw new PluginLoadException("Apache Felix refused to install " + jar.getFileName() + " as an OSGi bundle: "
                    + e.getMessage(), e);
        }
        try {
            bundle.start();
        } catch (BundleException e) {
            uninstallQuietly(bundle);
            throw new PluginLoadException("The plugin bundle " + bundle.getSymbolicName() + " cannot be resolved in "
                    + platform.displayName() + ": " + e.getMessage() + missingPackageHint(e.getMessage()), e);
        }
        return bundle;
    }

    private static final java.util.regex.Pattern MISSING_PACKAGE = java.util.regex.Pattern.compile(
            "missing requirement [^;]*osgi\\.wiring\\.package; (\\(&\\(osgi\\.wiring\\.package=([^)]+)\\)[^ ]*|\\(osgi\\.wiring\\.package=([^)]+)\\))");

    /**
     * Felix names the first import nobody exports as an LDAP filter; this says it in words:
     * which package, in which version range, and that neither Jira nor an installed plugin
     * exports it (a plugin calling another plugin's API needs that plugin installed, in a
     * version its range accepts).
     */
    static String missingPackageHint(String felixMessage) {
        if (felixMessage == null) {
            return "";
        }
        java.util.regex.Matcher m = MISSING_PACKAGE.matcher(felixMessage);
        if (!m.find()) {
            return "";
        }
        String pkg = m.group(2) != null ? m.group(2) : m.group(3);
        java.util.List<String> range = new ArrayList<>();
        java.util.regex.Matcher v = java.util.regex.Pattern.compile("\\((!\\()?version>=([^)]+)\\)").matcher(m.group(1));
        while (v.find()) {
            range.add((v.group(1) != null ? "< " : ">= ") + v.group(2));
        }
        return ". Neither Jira nor an installed plugin exports package " + pkg
                + (range.isEmpty() ? "" : " in version " + String.join(", ", range))
                + ": install the plugin that exports it, in a version the import accepts, before this one";
    }

    static void uninstallQuietly(Bundle bundle) {
        try {
            bundle.uninstall();
        } catch (BundleException | IllegalStateException e) {
            System.err.println("[capacity-host] WARN uninstalling " + bundle.getSymbolicName() + ": " + e.getMessage());
        }
    }

    /** The class loader of a resolved bundle: the plugin's own classes and its imports only. */
    public static ClassLoader classLoader(Bundle bundle) {
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        if (wiring == null) {
            throw new IllegalStateException("Bundle " + bundle.getSymbolicName() + " is not resolved");
        }
        return wiring.getClassLoader();
    }

    /** Stops every bundle and the framework, then removes the bundle cache. */
    @Override
    public void close() {
        try {
            felix.stop();
            felix.waitForStop(10_000);
        } catch (BundleException e) {
            System.err.println("[capacity-host] WARN stopping Apache Felix: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            deleteTree(storage);
        }
    }

    private static void deleteTree(Path root) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException | UncheckedIOException e) {
            System.err.println("[capacity-host] WARN removing " + root + ": " + e.getMessage());
        }
    }
}
