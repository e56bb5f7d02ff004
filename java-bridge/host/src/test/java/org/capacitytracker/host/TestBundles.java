package org.capacitytracker.host;

import aQute.bnd.osgi.Analyzer;
import aQute.bnd.osgi.EmbeddedResource;
import aQute.bnd.osgi.Jar;
import org.capacitytracker.host.testplugin.ProbeResource;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Builds small plugin jars for the host's tests the way the real plugin is built: classes of
 * the test plugin's packages, a descriptor, Spring files and resources, and an OSGi manifest
 * computed by bnd from the bytecode (so a class that uses a package imports it).
 */
final class TestBundles {
    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final String key;

    TestBundles(String key) {
        this.key = key;
    }

    /** Adds the compiled classes of one package of the test classes (not its sub-packages). */
    TestBundles classesOf(String packageName) throws Exception {
        Path dir = testClasses().resolve(packageName.replace('.', '/'));
        try (Stream<Path> list = Files.list(dir)) {
            for (Path f : list.filter(p -> p.toString().endsWith(".class")).toList()) {
                files.put(packageName.replace('.', '/') + "/" + f.getFileName(), Files.readAllBytes(f));
            }
        }
        return this;
    }

    TestBundles file(String path, String text) {
        files.put(path, text.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** Sets a manifest header instead of bnd's computation (e.g. a hand-written Import-Package). */
    TestBundles header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    Path write(Path dir) throws Exception {
        Path out = dir.resolve(key + "-" + System.nanoTime() + ".jar");
        try (Jar jar = new Jar(key); Analyzer analyzer = new Analyzer()) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                jar.putResource(f.getKey(), new EmbeddedResource(f.getValue(), 0L));
            }
            analyzer.setJar(jar);
            analyzer.setProperty("Bundle-SymbolicName", key);
            analyzer.setProperty("Bundle-Version", "9.9.9");
            analyzer.setProperty("Atlassian-Plugin-Key", key);
            analyzer.setProperty("Spring-Context", "*");
            analyzer.setProperty("Import-Package", "*");
            analyzer.setProperty("-noimportjava", "true");
            analyzer.setProperty("-noee", "true");
            for (Map.Entry<String, String> h : headers.entrySet()) {
                analyzer.setProperty(h.getKey(), h.getValue());
            }
            Manifest manifest = analyzer.calcManifest();
            jar.setManifest(manifest);
            jar.write(out.toFile());
        }
        return out;
    }

    static Path testClasses() throws URISyntaxException {
        return Path.of(ProbeResource.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /** Import-Package of a written bundle, for assertions. */
    static String imports(Path jar) throws Exception {
        try (Jar j = new Jar(jar.toFile())) {
            return j.getManifest().getMainAttributes().getValue("Import-Package");
        }
    }
}
