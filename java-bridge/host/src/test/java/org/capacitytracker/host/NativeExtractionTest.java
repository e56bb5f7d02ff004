package org.capacitytracker.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the plugin's native library is extracted in a running host (issue 9): under Jira's
 * local home, which the plugin reads from SAL's ApplicationProperties at start and names to
 * the loader, unless the system property {@code capacity.native.dir} says otherwise. On Linux
 * the loader deletes its copy once loaded, so the proof is the JVM's own memory map: the
 * library is mapped from a file in that directory.
 */
class NativeExtractionTest {
    private static final String PROPERTY = "capacity.native.dir";
    private static final Path MAPS = Path.of("/proc/self/maps");

    @Test
    void thePluginExtractsItsLibraryUnderTheLocalHome(@TempDir Path dataDir) throws Exception {
        assumeTrue(Files.isReadable(MAPS), "Linux only: reads /proc/self/maps");
        String before = System.getProperty(PROPERTY);
        System.clearProperty(PROPERTY);
        try (CapacityHost host = TestHosts.start(dataDir)) {
            health(host);
            Path dir = dataDir.toRealPath().resolve("capacity-tracker").resolve("native");
            assertTrue(Files.isDirectory(dir), dir + " was not created");
            assertEquals(1, mappedFrom(dir).size(), "the plugin's library is mapped from " + dir + " once: " + mappedFrom(dir));
        } finally {
            restore(before);
        }
    }

    @Test
    void theSystemPropertyWinsOverTheLocalHome(@TempDir Path dataDir, @TempDir Path elsewhere) throws Exception {
        assumeTrue(Files.isReadable(MAPS), "Linux only: reads /proc/self/maps");
        String before = System.getProperty(PROPERTY);
        Path dir = elsewhere.toRealPath().resolve("native");
        System.setProperty(PROPERTY, dir.toString());
        try (CapacityHost host = TestHosts.start(dataDir)) {
            health(host);
            assertEquals(1, mappedFrom(dir).size(), "the plugin's library is mapped from " + dir + " once: " + mappedFrom(dir));
            Path home = dataDir.toRealPath().resolve("capacity-tracker");
            assertFalse(Files.exists(home), "nothing is extracted under the local home when the property is set");
        } finally {
            restore(before);
        }
    }

    /** The plugin answers /health from the library, so it is loaded afterwards even without the demo seed. */
    private static void health(CapacityHost host) throws Exception {
        TestHttp http = new TestHttp(host.baseUri().resolve("/")).basic("alice", "alice");
        assertFalse(http.getJson("/jira/rest/capacity/1.0/health").path("nativeVersion").asText().isEmpty());
    }

    /** The lines of this JVM's memory map naming a library file directly in {@code dir}. */
    private static List<String> mappedFrom(Path dir) throws IOException {
        String prefix = dir + "/capacity_jni-";
        // One library is mapped in several segments (text, data, ...): one path per library.
        return Files.readAllLines(MAPS).stream()
                .filter(line -> line.contains(prefix) && line.contains("libcapacity_jni.so"))
                .map(line -> line.substring(line.indexOf(prefix)))
                .distinct()
                .toList();
    }

    private static void restore(String before) {
        if (before == null) {
            System.clearProperty(PROPERTY);
        } else {
            System.setProperty(PROPERTY, before);
        }
    }
}
