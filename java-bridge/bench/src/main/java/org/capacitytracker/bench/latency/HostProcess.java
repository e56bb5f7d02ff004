package org.capacitytracker.bench.latency;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The real Jira 10 host with the plugin and the full demo, started as a child process on a free
 * port in a temporary data directory, as the browser suite starts it (tests/e2e/lib/host.js);
 * ready once its login page answers. {@link #close()} ends it and everything it started, and
 * removes the data directory.
 */
final class HostProcess implements AutoCloseable {
    static final String CONTEXT = "/jira";

    private final Process process;
    private final Path dataDir;
    /** Whether close() removes the data directory: a temporary one yes, a kept dataset no. */
    private boolean ownsData = true;
    private final Path log;
    final String base;
    /** Set when the run failed: the host's log then stays for reading (its path is in the error). */
    private boolean keepLog;

    private HostProcess(Process process, Path dataDir, Path log, int port) {
        this.process = process;
        this.dataDir = dataDir;
        this.log = log;
        this.base = "http://127.0.0.1:" + port + CONTEXT;
    }

    /** The jar given by the environment variable, else the repository's built one. */
    private static Path jar(String variable, String fallback) {
        String given = System.getenv(variable);
        Path jar = Path.of(given != null && !given.isBlank() ? given : fallback).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing (" + variable + "): build with "
                    + "`mvn -B -q -f java-bridge/pom.xml install -DskipTests`");
        }
        return jar;
    }

    /** The one plugin jar the build left in java-bridge/plugin/target, whatever its version (as the e2e helper finds it). */
    private static Path pluginJarBuilt() throws IOException {
        Path dir = Path.of("java-bridge/plugin/target");
        if (!Files.isDirectory(dir)) {
            return dir.resolve("capacity-tracker-jira10.jar");
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> jars = files.filter(p -> {
                String name = p.getFileName().toString();
                return name.startsWith("capacity-tracker-jira10-") && name.endsWith(".jar") && !name.matches(".*-(sources|javadoc|tests)\\.jar");
            }).toList();
            if (jars.size() != 1) {
                throw new IllegalStateException("expected one plugin jar in " + dir + ", found " + jars + " (CT_PLUGIN_JAR names one)");
            }
            return jars.get(0);
        }
    }

    /** The host jar, as {@link #start} runs it (for its {@code generate} command). */
    static Path hostJar() {
        return jar("CT_HOST_JAR", "java-bridge/host/target/capacity-host-jira10.jar");
    }

    /**
     * The host JVM's heap ceiling, as Jira's {@code bin/setenv.sh} gives its own
     * ({@code JVM_MAXIMUM_MEMORY}, passed as {@code -Xmx}): a bounded heap, as in production,
     * not the JVM's default of a quarter of the machine's memory. Not Jira's 768m (what
     * {@code make run} uses): the host's native part (JVM, H2, the engine) is some 450 MB, and
     * with 768m the rest-w2 job's peak resident set was 1.1–1.2 GB, over the 1 GB (heap +
     * native) the memory target bounds; with 512m it was 0.93–1.01 GB.
     * {@code -Dcapacity.bench.host.xmx=} overrides it.
     */
    static final String HEAP = "-Xmx" + System.getProperty("capacity.bench.host.xmx", "512m");

    static HostProcess start(Duration timeout) throws IOException, InterruptedException {
        return start(timeout, Files.createTempDirectory("ct-bench-data-"), true, List.of("--demo", "full"));
    }

    /**
     * @param dataDir the data directory; removed by close() only if {@code ownsData}
     * @param options the host's options besides the Jira, plugin, port and data directory
     */
    static HostProcess start(Duration timeout, Path dataDir, boolean ownsData, List<String> options)
            throws IOException, InterruptedException {
        Path hostJar = hostJar();
        Path pluginJar = jar("CT_PLUGIN_JAR", pluginJarBuilt().toString());
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = Files.createTempFile("ct-bench-host-", ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, HEAP, "-jar", hostJar.toString(), "--jira", "10",
                "--plugin", pluginJar.toString(), "--port", String.valueOf(port), "--data-dir", dataDir.toString()));
        command.addAll(options);
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        HostProcess host = new HostProcess(process, dataDir, log, port);
        host.ownsData = ownsData;
        // If this JVM is ended before close() runs, the host must not outlive it.
        Runtime.getRuntime().addShutdownHook(new Thread(host::kill));
        try {
            host.awaitReady(timeout);
        } catch (IOException | InterruptedException | RuntimeException e) {
            host.keepLog = true;
            host.close();
            throw e;
        }
        return host;
    }

    private void awaitReady(Duration timeout) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("host exited (" + process.exitValue() + ") before answering; log "
                        + log + ":\n" + tail());
            }
            try {
                HttpResponse<Void> res = client.send(HttpRequest.newBuilder(URI.create(base + "/login.jsp"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (res.statusCode() < 500) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("host did not answer in " + timeout + "; log " + log);
            }
            Thread.sleep(250);
        }
    }

    /** The host JVM's process id (the child itself: it is started as {@code java -jar}). */
    long pid() {
        return process.pid();
    }

    /** Keeps the log past close() and says where it is, for a failed run's message. */
    String keepLog() {
        keepLog = true;
        return log.toString();
    }

    private String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    @Override
    public void close() throws InterruptedException, IOException {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
            kill();
            process.waitFor();
        }
        if (ownsData) {
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        if (!keepLog) {
            Files.deleteIfExists(log);
        }
    }
}
