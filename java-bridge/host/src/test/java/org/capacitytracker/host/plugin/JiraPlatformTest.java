package org.capacitytracker.host.plugin;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the emulated Jira exports to plugins is real: every package is there, and of one generation. */
class JiraPlatformTest {
    private final JiraPlatform platform = JiraPlatform.current();

    @Test
    void everyExportedPackageHasClassesInTheHost() throws Exception {
        Set<String> present = hostPackages();
        for (String name : platform.exportedPackageNames()) {
            assertTrue(present.contains(name), "the host exports " + name + " to plugins but has no class of it");
        }
    }

    /** The packages of every class on the host's class path (jars and directories). */
    private static Set<String> hostPackages() throws Exception {
        Set<String> packages = new HashSet<>();
        ClassLoader loader = JiraPlatform.class.getClassLoader();
        for (URL manifest : Collections.list(loader.getResources("META-INF/MANIFEST.MF"))) {
            if (manifest.getProtocol().equals("jar")) {
                String file = manifest.getPath().substring("file:".length(), manifest.getPath().indexOf("!/"));
                try (JarFile jar = new JarFile(URLDecoder.decode(file, StandardCharsets.UTF_8))) {
                    jar.stream().map(JarEntry::getName).forEach(n -> addPackage(n, packages));
                }
            }
        }
        for (URL root : Collections.list(loader.getResources(""))) {
            if (root.getProtocol().equals("file")) {
                Path dir = Path.of(root.toURI());
                try (Stream<Path> files = Files.walk(dir)) {
                    files.forEach(f -> addPackage(dir.relativize(f).toString().replace(File.separatorChar, '/'), packages));
                }
            }
        }
        return packages;
    }

    private static void addPackage(String entry, Set<String> packages) {
        int slash = entry.lastIndexOf('/');
        if (entry.endsWith(".class") && slash > 0) {
            packages.add(entry.substring(0, slash).replace('/', '.'));
        }
    }

    @Test
    void theExportsAreOfThisHostsServletGenerationOnly() {
        List<String> names = platform.exportedPackageNames();
        // Built at run time so that the Jakarta transformation of this test leaves it alone.
        String javax = String.join(".", "javax", "servlet");
        String other = platform == JiraPlatform.JIRA_10 ? "jakarta." : "javax.";
        assertTrue(names.contains(platform.servletPackage()), names.toString());
        assertTrue(names.stream().noneMatch(n -> n.startsWith(other)), "no " + other + "* export in " + names);
        assertEquals(platform == JiraPlatform.JIRA_10, platform.servletPackage().equals(javax));
        assertFalse(names.contains("org.springframework.context"), "Spring stays the host's");
    }

    @Test
    void theModeNamesItsJavaFloor() {
        assertEquals(platform == JiraPlatform.JIRA_10 ? 17 : 21, platform.minimumJava());
        assertTrue(Runtime.version().feature() >= platform.minimumJava());
    }
}
