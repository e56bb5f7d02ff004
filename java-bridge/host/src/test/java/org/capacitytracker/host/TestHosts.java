package org.capacitytracker.host;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Starts hosts for tests: random port, a given data dir, the real plugin jar, a fixed anchor. */
final class TestHosts {
    /** A Monday in winter, so Europe/Berlin is at +01:00. */
    static final LocalDate ANCHOR = LocalDate.of(2026, 11, 30);

    private TestHosts() {
    }

    static Path pluginJar() {
        String property = System.getProperty("capacity.plugin.jar");
        if (property == null || property.isBlank()) {
            throw new AssertionError("-Dcapacity.plugin.jar=<plugin jar> is not set (the host's pom sets it)");
        }
        Path jar = Path.of(property);
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError("The plugin jar " + jar + " does not exist; build java-bridge/plugin first "
                    + "(mvn -f java-bridge/pom.xml install builds the reactor in order)");
        }
        return jar;
    }

    static CapacityHost start(Path dataDir, String... extraArgs) throws Exception {
        List<String> args = new ArrayList<>(List.of("--plugin", pluginJar().toString(), "--data-dir", dataDir.toString(),
                "--port", "0", "--bind", "127.0.0.1", "--demo-anchor", ANCHOR.toString(), "--basic-auth", "on",
                // DEMO.md's dataset, which these tests' numbers come from; "--demo", "full" after it overrides.
                "--demo", "basic"));
        args.addAll(List.of(extraArgs));
        return CapacityHost.start(HostOptions.parse(args));
    }
}
