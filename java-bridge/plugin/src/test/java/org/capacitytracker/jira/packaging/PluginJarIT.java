package org.capacitytracker.jira.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.atlassian.sal.api.pluginsettings.PluginSettings;
import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;
import java.io.DataInputStream;
import java.io.File;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import javax.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

/**
 * The packaged plugin jar, as Jira receives it: self-contained (API classes and the native
 * library inside, no Atlassian or javax classes), with an OSGi manifest for a
 * transformerless plugin, and working when loaded by a class loader of its own.
 */
class PluginJarIT {
    private static final File JAR = new File(System.getProperty("capacity.plugin.jar", "missing"));

    private static JarFile jar() throws Exception {
        assertTrue(JAR.isFile(), "the plugin jar " + JAR + " was not built");
        return new JarFile(JAR);
    }

    @Test
    void holdsThePluginTheApiAndTheNativeLibrary() throws Exception {
        try (JarFile jar = jar()) {
            for (String entry : List.of(
                    "atlassian-plugin.xml",
                    "capacity-tracker.properties",
                    "capacity-tracker-build.properties",
                    "META-INF/spring/capacity-tracker-context.xml",
                    "org/capacitytracker/jira/rest/BoardResource.class",
                    "org/capacitytracker/jira/web/CapacityPanelServlet.class",
                    "org/capacitytracker/jira/engine/EngineHolder.class",
                    "org/capacitytracker/api/CapacityEngine.class",
                    "org/capacitytracker/api/HostStorage.class",
                    "native/linux-x86_64/libcapacity_jni.so", "native/linux-x86_64/library.properties",
                    "native/linux-aarch64/libcapacity_jni.so", "native/linux-aarch64/library.properties",
                    "native/windows-x86_64/capacity_jni.dll", "native/windows-x86_64/library.properties",
                    "panel/kit/jira.js", "panel/board/panel.js",
                    "panel/capacity-panel.css")) {
                assertNotNull(jar.getEntry(entry), entry + " is missing from " + JAR);
            }
            for (String library : List.of("native/linux-x86_64/libcapacity_jni.so",
                    "native/linux-aarch64/libcapacity_jni.so", "native/windows-x86_64/capacity_jni.dll")) {
                assertTrue(jar.getEntry(library).getSize() > 10_000, library);
            }
        }
    }

    @Test
    void holdsNoHostApisAndNoTests() throws Exception {
        try (JarFile jar = jar()) {
            for (JarEntry entry : jar.stream().toList()) {
                String name = entry.getName();
                assertFalse(name.startsWith("com/atlassian/"), name);
                assertFalse(name.startsWith("javax/"), name);
                assertFalse(name.startsWith("org/glassfish/") || name.startsWith("org/eclipse/"), name);
                assertFalse(name.startsWith("org/junit/") || name.startsWith("com/fasterxml/"), name);
                assertFalse(name.contains("/testing/") || name.endsWith("Test.class") || name.endsWith("IT.class"), name);
            }
        }
    }

    @Test
    void hasTheManifestOfATransformerlessPlugin() throws Exception {
        try (JarFile jar = jar()) {
            Attributes main = jar.getManifest().getMainAttributes();
            assertEquals("2", main.getValue("Bundle-ManifestVersion"));
            assertEquals("org.capacitytracker.jira", main.getValue("Bundle-SymbolicName"));
            assertEquals("org.capacitytracker.jira", main.getValue("Atlassian-Plugin-Key"));
            assertEquals(System.getProperty("capacity.plugin.version"), main.getValue("Bundle-Version"));
            assertEquals("*", main.getValue("Spring-Context"));
            String imports = main.getValue("Import-Package");
            for (String pkg : List.of("com.atlassian.sal.api.auth", "com.atlassian.sal.api.pluginsettings",
                    "com.atlassian.sal.api.user", "com.atlassian.webresource.api.assembler",
                    "javax.servlet.http;version=\"[4,5)\"", "javax.ws.rs;version=\"[2.1,3)\"",
                    "javax.ws.rs.core;version=\"[2.1,3)\"")) {
                assertTrue(imports.contains(pkg), pkg + " not imported: " + imports);
            }
            assertFalse(imports.contains("org.capacitytracker.jira"), imports);
            assertFalse(imports.contains("org.glassfish") || imports.contains("com.fasterxml"), imports);
            String exports = main.getValue("Export-Package");
            assertTrue(exports.startsWith("org.capacitytracker.api;version=\"" + System.getProperty("capacity.plugin.version")),
                    exports);
            assertTrue(exports.contains("org.capacitytracker.api.typed;version=\"" + System.getProperty("capacity.plugin.version")),
                    "the typed API (CapacityService) is exported too: " + exports);
        }
    }

    /**
     * Jira 10.3 (Platform 7): every Java EE import has that platform's range (Servlet 4 of
     * Tomcat 9, JAX-RS 2.1 of Jersey 2, javax.inject 1 of HK2), and nothing is Jakarta.
     */
    @Test
    void importsTheJavaxPackagesOfPlatform7() throws Exception {
        try (JarFile jar = jar()) {
            Map<String, String> ranges = Map.of("javax.servlet", "[4,5)", "javax.ws.rs", "[2.1,3)", "javax.inject", "[1,2)");
            String imports = jar.getManifest().getMainAttributes().getValue("Import-Package");
            for (String clause : clauses(imports)) {
                String pkg = clause.split(";", 2)[0];
                assertFalse(pkg.startsWith("jakarta."), "the Jira 10 jar imports " + clause);
                ranges.forEach((family, range) -> {
                    if (pkg.equals(family) || pkg.startsWith(family + ".")) {
                        assertTrue(clause.contains(";version=\"" + range + "\""), clause + " lacks version " + range);
                    }
                });
            }
        }
    }

    /** Jira 10 runs Java 17: every class of the jar (the plugin's and the API's) is major version 61. */
    @Test
    void everyClassIsJava17() throws Exception {
        int classes = 0;
        try (JarFile jar = jar()) {
            for (JarEntry entry : jar.stream().toList()) {
                if (entry.getName().endsWith(".class")) {
                    try (DataInputStream in = new DataInputStream(jar.getInputStream(entry))) {
                        assertEquals(0xCAFEBABE, in.readInt(), entry.getName());
                        in.readUnsignedShort();
                        assertEquals(61, in.readUnsignedShort(), entry.getName() + " is not Java 17 bytecode");
                    }
                    classes++;
                }
            }
        }
        assertTrue(classes > 20, classes + " classes");
    }

    /** The clauses of a manifest header, split at the commas outside quotes. */
    static List<String> clauses(String header) {
        List<String> out = new ArrayList<>();
        StringBuilder clause = new StringBuilder();
        boolean quoted = false;
        for (char c : header.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                out.add(clause.toString().trim());
                clause.setLength(0);
            } else {
                clause.append(c);
            }
        }
        out.add(clause.toString().trim());
        return out;
    }

    /**
     * Loads the jar as Jira does: in a class loader of its own, over only the host's APIs,
     * and stores a document through SAL with the engine it carries.
     */
    @Test
    void runsTheEngineFromTheJarInItsOwnClassLoader() throws Exception {
        URL[] hostApis = {
            codeSource(PluginSettingsFactory.class), codeSource(HttpServletRequest.class), codeSource(javax.ws.rs.Path.class)};
        Map<String, Object> database = new ConcurrentHashMap<>();
        try (URLClassLoader host = new URLClassLoader(hostApis, ClassLoader.getPlatformClassLoader());
             URLClassLoader plugin = new URLClassLoader(new URL[] {JAR.toURI().toURL()}, host)) {
            Class<?> settingsType = host.loadClass(PluginSettings.class.getName());
            Object settings = Proxy.newProxyInstance(host, new Class<?>[] {settingsType}, (p, m, a) -> switch (m.getName()) {
                case "get" -> database.get((String) a[0]);
                case "put" -> database.put((String) a[0], a[1]);
                case "remove" -> database.remove((String) a[0]);
                default -> throw new UnsupportedOperationException(m.getName());
            });
            Class<?> factoryType = host.loadClass(PluginSettingsFactory.class.getName());
            Object factory = Proxy.newProxyInstance(host, new Class<?>[] {factoryType}, (p, m, a) -> {
                if (m.getName().equals("createGlobalSettings")) {
                    return settings;
                }
                throw new UnsupportedOperationException(m.getName());
            });

            Class<?> holderType = plugin.loadClass("org.capacitytracker.jira.engine.EngineHolder");
            assertEquals(plugin, holderType.getClassLoader());
            assertEquals(plugin, plugin.loadClass("org.capacitytracker.api.CapacityEngine").getClassLoader(),
                    "the API must come from the plugin jar");
            AutoCloseable holder = (AutoCloseable) holderType.getConstructor(factoryType).newInstance(factory);
            try {
                Object engine = holderType.getMethod("engine").invoke(holder);
                String stored = (String) engine.getClass().getMethod("putDaysOff", String.class, String.class).invoke(engine,
                        "alice", "{\"schema\":1,\"revision\":0,\"accountKey\":\"alice\",\"ranges\":[]}");
                assertTrue(stored.contains("\"revision\":1"), stored);
                assertFalse(database.isEmpty());
                assertTrue(database.keySet().stream().allMatch(k -> k.startsWith("org.capacitytracker:")), database.toString());
            } finally {
                holder.close();
            }
        }
    }

    private static URL codeSource(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation();
    }
}
