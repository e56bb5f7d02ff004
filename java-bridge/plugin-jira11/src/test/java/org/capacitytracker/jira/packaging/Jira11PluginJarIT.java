package org.capacitytracker.jira.packaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.atlassian.sal.api.pluginsettings.PluginSettings;
import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The Jira 11 (Platform 8) plugin jar, checked against the Jira 10 jar built from the same
 * sources: Java 21 classes that refer to Jakarta, never to javax.servlet / javax.ws.rs /
 * javax.inject; Jakarta imports with Platform 8 ranges; the same OSGi identity and the same
 * resources (text changed only where a javax name had to become a Jakarta one).
 */
class Jira11PluginJarIT {
    private static final File JAR = new File(System.getProperty("capacity.plugin.jar", "missing"));
    private static final File JIRA10_JAR = new File(System.getProperty("capacity.jira10.jar", "missing"));

    /** The Java EE namespaces Jira 11 no longer exports, with their Jakarta names. */
    private static final Map<String, String> RENAMED = Map.of(
            "javax.servlet", "jakarta.servlet", "javax.ws.rs", "jakarta.ws.rs", "javax.inject", "jakarta.inject");
    /** Platform 8: Tomcat 10.1 (Servlet 6), Jersey 3.1 (Jakarta REST 3.1), jakarta.inject 2. */
    private static final Map<String, String> PLATFORM_8_RANGES = Map.of(
            "jakarta.servlet", "[6,7)", "jakarta.ws.rs", "[3.1,4)", "jakarta.inject", "[2,3)");

    private static JarFile jar(File file) throws IOException {
        assertTrue(file.isFile(), "the plugin jar " + file + " was not built");
        return new JarFile(file);
    }

    private static boolean inFamily(String pkg, String family) {
        return pkg.equals(family) || pkg.startsWith(family + ".");
    }

    @Test
    void importsJakartaWithPlatform8RangesAndNoJavaxEE() throws Exception {
        try (JarFile jar = jar(JAR)) {
            String imports = jar.getManifest().getMainAttributes().getValue("Import-Package");
            Map<String, String> byPackage = new TreeMap<>();
            for (String clause : clauses(imports)) {
                byPackage.put(clause.split(";", 2)[0], clause);
            }
            for (String pkg : byPackage.keySet()) {
                RENAMED.keySet().forEach(javax -> assertFalse(inFamily(pkg, javax), "imports " + pkg + ": " + imports));
                PLATFORM_8_RANGES.forEach((family, range) -> {
                    if (inFamily(pkg, family)) {
                        assertTrue(byPackage.get(pkg).contains(";version=\"" + range + "\""),
                                byPackage.get(pkg) + " lacks version " + range);
                    }
                });
            }
            for (String pkg : List.of("jakarta.servlet.http", "jakarta.ws.rs", "jakarta.ws.rs.core",
                    "com.atlassian.sal.api.pluginsettings", "com.atlassian.sal.api.user")) {
                assertTrue(byPackage.containsKey(pkg), pkg + " not imported: " + imports);
            }
            // REST v2 resources take their dependencies through @Inject constructors: once a
            // class refers to it, the manifest must import it (with its range, checked above).
            boolean usesInject = classFiles(jar).values().stream()
                    .anyMatch(bytes -> utf8Constants(bytes).stream().anyMatch(c -> c.contains("jakarta/inject/")));
            assertEquals(usesInject, byPackage.containsKey("jakarta.inject"), imports);
        }
    }

    @Test
    void hasTheOsgiIdentityOfTheJira10Jar() throws Exception {
        try (JarFile jar = jar(JAR); JarFile jira10 = jar(JIRA10_JAR)) {
            Attributes main = jar.getManifest().getMainAttributes();
            Attributes main10 = jira10.getManifest().getMainAttributes();
            for (String header : List.of("Bundle-ManifestVersion", "Bundle-SymbolicName", "Bundle-Version", "Bundle-Name",
                    "Bundle-Description", "Bundle-Vendor", "Atlassian-Plugin-Key", "Spring-Context", "Export-Package")) {
                assertNotNull(main.getValue(header), header + " missing");
                assertEquals(main10.getValue(header), main.getValue(header), header);
            }
            assertEquals("org.capacitytracker.jira", main.getValue("Atlassian-Plugin-Key"));
            assertEquals(System.getProperty("capacity.plugin.version"), main.getValue("Bundle-Version"));
        }
    }

    /** Jira 11 runs Java 21: every class, the plugin's and the Java API's, is major version 65. */
    @Test
    void everyClassIsJava21AndTheJira10JarHasTheSameClasses() throws Exception {
        try (JarFile jar = jar(JAR); JarFile jira10 = jar(JIRA10_JAR)) {
            Map<String, byte[]> classes = classFiles(jar);
            assertTrue(classes.containsKey("org/capacitytracker/api/CapacityEngine.class"), classes.keySet().toString());
            assertTrue(classes.containsKey("org/capacitytracker/jira/rest/BoardResource.class"), classes.keySet().toString());
            classes.forEach((name, bytes) -> assertEquals(65, majorVersion(bytes), name + " is not Java 21 bytecode"));
            // javac's own synthetic classes may differ (javac 17 adds Foo$1 switch maps for
            // enum switches, javac 21 does not); every named class is in both.
            assertEquals(named(classFiles(jira10).keySet()), named(classes.keySet()));
        }
    }

    /** No class names a javax.servlet, javax.ws.rs or javax.inject type, in any form the constant pool holds. */
    @Test
    void noClassRefersToTheJavaxEENamespaces() throws Exception {
        try (JarFile jar = jar(JAR)) {
            int jakartaUsers = 0;
            for (Map.Entry<String, byte[]> entry : classFiles(jar).entrySet()) {
                List<String> constants = utf8Constants(entry.getValue());
                for (String constant : constants) {
                    for (String javax : RENAMED.keySet()) {
                        assertFalse(constant.contains(javax.replace('.', '/') + "/") || constant.contains(javax + "."),
                                entry.getKey() + " refers to " + javax + ": " + constant);
                    }
                }
                if (constants.stream().anyMatch(c -> c.contains("jakarta/servlet/") || c.contains("jakarta/ws/rs/"))) {
                    jakartaUsers++;
                }
            }
            assertTrue(jakartaUsers >= 5, "only " + jakartaUsers + " classes refer to Jakarta: were they transformed?");
        }
    }

    /**
     * Every resource of the Jira 10 jar (descriptor, i18n, Spring XML, scripts, styles, the
     * native library) is in this jar, byte for byte, or, for text, with only the javax names
     * replaced by their Jakarta ones; and this jar holds nothing else.
     */
    @Test
    void holdsTheResourcesOfTheJira10Jar() throws Exception {
        try (JarFile jar = jar(JAR); JarFile jira10 = jar(JIRA10_JAR)) {
            Map<String, byte[]> resources = resources(jar);
            Map<String, byte[]> resources10 = resources(jira10);
            assertEquals(resources10.keySet(), resources.keySet());
            for (String name : List.of("atlassian-plugin.xml", "META-INF/spring/capacity-tracker-context.xml",
                    "capacity-tracker.properties", "capacity-tracker-build.properties", "panel/kit/jira.js", "panel/board/panel.js",
                    "native/linux-x86_64/libcapacity_jni.so", "native/linux-aarch64/libcapacity_jni.so",
                    "native/windows-x86_64/capacity_jni.dll")) {
                assertTrue(resources.containsKey(name), name + " is missing");
            }
            for (String library : List.of("native/linux-x86_64/libcapacity_jni.so",
                    "native/linux-aarch64/libcapacity_jni.so", "native/windows-x86_64/capacity_jni.dll")) {
                assertTrue(resources.get(library).length > 10_000, library);
            }
            for (String name : resources10.keySet()) {
                byte[] expected = resources10.get(name);
                byte[] actual = resources.get(name);
                if (name.endsWith(".xml") || name.endsWith(".vm")) {
                    String text = new String(expected, StandardCharsets.UTF_8);
                    for (Map.Entry<String, String> rename : RENAMED.entrySet()) {
                        text = text.replace(rename.getKey(), rename.getValue());
                    }
                    assertEquals(text, new String(actual, StandardCharsets.UTF_8), name);
                } else {
                    assertArrayEquals(expected, actual, name + " differs from the Jira 10 jar's");
                }
            }
        }
    }

    /**
     * Loads the jar as Jira 11 does, on a Java 21+ JVM: in a class loader of its own over only
     * the Jakarta host APIs, and stores a document through SAL with the engine it carries.
     */
    @Test
    void runsTheEngineOnJava21InItsOwnClassLoader() throws Exception {
        assertTrue(Runtime.version().feature() >= 21, "these tests must run on Java 21+, not " + Runtime.version());
        URL[] hostApis = {codeSource(PluginSettingsFactory.class), codeSource(jakarta.servlet.http.HttpServletRequest.class),
            codeSource(jakarta.ws.rs.Path.class), codeSource(jakarta.inject.Inject.class)};
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
            // Every class links against the Jakarta APIs alone (no javax class is reachable).
            try (JarFile jar = jar(JAR)) {
                for (String name : classFiles(jar).keySet()) {
                    Class.forName(name.substring(0, name.length() - ".class".length()).replace('/', '.'), false, plugin);
                }
            }
            Class<?> holderType = plugin.loadClass("org.capacitytracker.jira.engine.EngineHolder");
            assertEquals(plugin, holderType.getClassLoader());
            AutoCloseable holder = (AutoCloseable) holderType.getConstructor(factoryType).newInstance(factory);
            try {
                Object engine = holderType.getMethod("engine").invoke(holder);
                String stored = (String) engine.getClass().getMethod("putDaysOff", String.class, String.class).invoke(engine,
                        "alice", "{\"schema\":1,\"revision\":0,\"accountKey\":\"alice\",\"ranges\":[]}");
                assertTrue(stored.contains("\"revision\":1"), stored);
                assertFalse(database.isEmpty());
            } finally {
                holder.close();
            }
        }
    }

    private static URL codeSource(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation();
    }

    private static Map<String, byte[]> classFiles(JarFile jar) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        for (JarEntry entry : jar.stream().toList()) {
            if (entry.getName().endsWith(".class")) {
                out.put(entry.getName(), jar.getInputStream(entry).readAllBytes());
            }
        }
        return out;
    }

    /** Files other than classes and the manifest (which bnd writes for each jar). */
    private static Map<String, byte[]> resources(JarFile jar) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        for (JarEntry entry : jar.stream().toList()) {
            String name = entry.getName();
            if (!entry.isDirectory() && !name.endsWith(".class") && !name.equals("META-INF/MANIFEST.MF")
                    && !name.startsWith("META-INF/maven/")) {
                out.put(name, jar.getInputStream(entry).readAllBytes());
            }
        }
        return out;
    }

    private static Set<String> named(Set<String> classNames) {
        Set<String> out = new TreeSet<>(classNames);
        out.removeIf(name -> name.matches(".*\\$[0-9]+\\.class"));
        return out;
    }

    private static int majorVersion(byte[] classFile) {
        assertEquals((byte) 0xCA, classFile[0]);
        assertEquals((byte) 0xFE, classFile[1]);
        return ((classFile[6] & 0xff) << 8) | (classFile[7] & 0xff);
    }

    /**
     * The CONSTANT_Utf8 entries of a class file: every class, field and method descriptor,
     * generic signature, annotation type and string literal the class holds is one of them.
     */
    static List<String> utf8Constants(byte[] classFile) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile))) {
            if (in.readInt() != 0xCAFEBABE) {
                throw new IllegalArgumentException("not a class file");
            }
            in.readUnsignedShort();
            in.readUnsignedShort();
            int count = in.readUnsignedShort();
            List<String> out = new ArrayList<>();
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> out.add(in.readUTF());
                    case 7, 8, 16, 19, 20 -> in.skipNBytes(2);
                    case 15 -> in.skipNBytes(3);
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
                    case 5, 6 -> {
                        in.skipNBytes(8);
                        i++; // 8-byte constants take two slots
                    }
                    default -> throw new IllegalArgumentException("constant pool tag " + tag + " at " + i);
                }
            }
            return out;
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
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
}
