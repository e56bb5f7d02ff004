package org.capacitytracker.bench.latency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.capacitytracker.bench.BenchSuite;
import org.capacitytracker.bench.BenchTable;

/**
 * W2 end to end through the plugin's REST (issue 11): the real Jira 10 host over the
 * {@code dcapt} dataset (1,500 boards, 21,000 people, 1,000,000 issues) in its embedded H2
 * database; a logged-in session runs the saved report over every board as a server-side job
 * ({@code POST /rest/capacity/1.0/reports/jobs}, then polling its GET every 20 ms) until the
 * heat map is complete. The plugin reads the boards, sprints and issues through Jira's Java
 * API, which the host answers from the database.
 *
 * <p>The floor beside it: the same issue rows (the issues of every sprint the report's period
 * overlaps, as the plugin's reader picks them, with the columns a report reads; the parent as
 * its id, not joined) read once with plain JDBC in one query streamed with a fetch size, in this
 * benchmark's process on its own connection to the same H2 file after the host has stopped (an
 * embedded H2 file is open in one process at a time); best of three passes. Its row count is
 * printed beside the job's item count, which it should equal.
 *
 * <p>Memory: the host process's peak resident set ({@code VmHWM} in {@code /proc/<pid>/status}:
 * heap and native together, what the 1 GB target bounds), and its heap in use and committed
 * after the jobs ({@code jcmd <pid> GC.heap_info}).
 *
 * <p>The dataset is generated once ({@code capacity-host generate}) into
 * {@code target/bench-dcapt} (or {@code capacity.bench.dcapt.dir}) and reused while its marker
 * matches; the first generation takes minutes.
 */
public final class RestReportSuite implements BenchSuite {
    private static final Path DATA = Path.of(System.getProperty("capacity.bench.dcapt.dir", "target/bench-dcapt"));
    private static final int RUNS = Integer.getInteger("capacity.bench.rest.runs", 3);
    private static final String REPORT_ID = "scale-all-boards";
    private static final String JOBS = "/rest/capacity/1.0/reports/jobs";
    /** The issue rows the report reads: those of the sprints overlapping the reader's window (to, from). */
    static final String FLOOR = "SELECT i.id, i.ikey, i.project_id, i.assignee, i.status_category, i.remaining_seconds, "
            + "i.original_seconds, i.story_points, i.parent_id, i.type FROM ct_scale_issues i "
            + "WHERE i.sprint_id IN (SELECT s.id FROM ct_scale_sprints s WHERE s.start_at < ? AND s.end_at >= ?)";
    private static final double TARGET_RATIO = 2;
    private static final double TARGET_SECONDS = 5;
    private static final double TARGET_MEMORY_MB = 1024;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Where the floor's reads go, so that the JIT cannot drop them. */
    static volatile long blackhole;

    @Override
    public String name() {
        return "rest-w2";
    }

    /** What one run of the host measured: start, the job's times, its items, memory, the report's period. */
    private record Measured(double startSeconds, double readyRssMb, List<Double> jobMs, long items, double peakMb,
                            String heap, LocalDate periodStart, LocalDate periodEnd) {
    }

    @Override
    public void run(BenchTable table) throws Exception {
        generate();
        Measured m;
        long startedAt = System.nanoTime();
        try (HostProcess host = HostProcess.start(Duration.ofMinutes(20), DATA, false, List.of("--scale", "dcapt"))) {
            double startSeconds = (System.nanoTime() - startedAt) / 1e9;
            try {
                m = measure(host, startSeconds);
            } catch (Exception e) {
                throw new IllegalStateException(e.getMessage() + " (host log: " + host.keepLog() + ")", e);
            }
        }
        // The host has closed the H2 file: the floor reads it now, in this process.
        long[] floor = floor(m.periodStart(), m.periodEnd());
        double floorMs = floor[0] / 1e6;
        table.add("W2 REST floor: the job's issue rows read once (JDBC, H2)", floorMs, "ms",
                String.format(Locale.ROOT, "%,d rows, best of 3", floor[1]), "", null);
        table.add("W2 REST: host start over dcapt (H2), " + HostProcess.HEAP, m.startSeconds(), "s",
                String.format(Locale.ROOT, "RSS %.0f MB when ready", m.readyRssMb()), "", null);
        double first = m.jobMs().get(0);
        double best = m.jobMs().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        table.add("W2 REST end to end: saved report job, first run", first, "ms",
                String.format(Locale.ROOT, "%.1f× floor", first / floorMs), "", null);
        table.add("W2 REST end to end: saved report job, best of " + m.jobMs().size(), best, "ms",
                String.format(Locale.ROOT, "%.1f× floor, %,d items", best / floorMs, m.items()),
                "≤ 2× floor and ≤ 5 s", best <= TARGET_RATIO * floorMs && best <= TARGET_SECONDS * 1000);
        table.add("W2 REST: host peak memory (VmHWM: heap + native), " + HostProcess.HEAP, m.peakMb(), "MB", m.heap(),
                "≤ 1 GB", m.peakMb() <= TARGET_MEMORY_MB);
    }

    private static Measured measure(HostProcess host, double startSeconds) throws Exception {
        double readyRssMb = status(host.pid(), "VmRSS") / 1024.0;
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        PanelSession session = new PanelSession(client, host.base, "");
        session.login("admin", "admin");
        List<Double> times = new ArrayList<>();
        long items = 0;
        for (int run = 0; run < RUNS; run++) {
            long start = System.nanoTime();
            JsonNode job = runJob(client, host.base, session.cookie());
            times.add((System.nanoTime() - start) / 1e6);
            if (!"done".equals(job.path("state").asText()) || job.path("report").path("rows").isEmpty()) {
                throw new IllegalStateException("the report job did not complete: " + trim(job.toString()));
            }
            items = job.path("items").asLong();
        }
        HttpResponse<String> saved = client.send(HttpRequest.newBuilder(URI.create(host.base
                + "/rest/capacity/1.0/reports/" + REPORT_ID)).header("Cookie", session.cookie())
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        JsonNode period = JSON.readTree(saved.body()).path("period");
        if (saved.statusCode() != 200 || !period.has("start")) {
            throw new IllegalStateException("the saved report answered " + saved.statusCode() + ": " + trim(saved.body()));
        }
        return new Measured(startSeconds, readyRssMb, times, items, status(host.pid(), "VmHWM") / 1024.0,
                heapInfo(host.pid()), LocalDate.parse(period.path("start").asText()),
                LocalDate.parse(period.path("end").asText()));
    }

    /** Starts the saved report's job and polls it until it is finished; the finished job. */
    private static JsonNode runJob(HttpClient client, String base, String cookie) throws Exception {
        HttpResponse<String> started = client.send(HttpRequest.newBuilder(URI.create(base + JOBS))
                .header("Cookie", cookie).header("X-Atlassian-Token", "no-check")
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reportId\":\"" + REPORT_ID + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (started.statusCode() != 202) {
            throw new IllegalStateException("POST " + JOBS + " answered " + started.statusCode() + ": " + trim(started.body()));
        }
        String id = JSON.readTree(started.body()).path("id").asText();
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> polled = client.send(HttpRequest.newBuilder(URI.create(base + JOBS + "/" + id))
                    .header("Cookie", cookie).header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString());
            if (polled.statusCode() == 200) {
                return JSON.readTree(polled.body());
            }
            if (polled.statusCode() != 202) {
                throw new IllegalStateException("GET " + JOBS + "/" + id + " answered " + polled.statusCode() + ": "
                        + trim(polled.body()));
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("the report job did not finish in 10 minutes");
    }

    /** {@code capacity-host generate --scale dcapt}: makes the dataset, finishes it, or finds it complete. */
    private static void generate() throws IOException, InterruptedException {
        Files.createDirectories(DATA);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-jar", HostProcess.hostJar().toString(), "generate", "--scale", "dcapt",
                "--data-dir", DATA.toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.INHERIT)
                .start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("capacity-host generate --scale dcapt failed (" + p.exitValue()
                    + "); a dataset of another scale in " + DATA + "? remove the directory");
        }
    }

    /** Best of three passes of {@link #FLOOR} over the period's sprints: {nanoseconds, rows}. */
    private static long[] floor(LocalDate start, LocalDate end) throws Exception {
        String secret = Files.readString(DATA.resolve("capacity-host.secret")).trim();
        String url = "jdbc:h2:file:" + DATA.toAbsolutePath().resolve("capacity-host") + ";IFEXISTS=TRUE";
        // The reader's window: a day wider than the period on each side (JiraBoardWorkReader).
        java.time.OffsetDateTime from = start.atStartOfDay().atOffset(ZoneOffset.UTC).minusDays(1);
        java.time.OffsetDateTime to = end.atStartOfDay().atOffset(ZoneOffset.UTC).plusDays(2);
        long best = Long.MAX_VALUE;
        long rows = 0;
        try (Connection c = DriverManager.getConnection(url, "sa", secret)) {
            c.setAutoCommit(false);
            for (int pass = 0; pass < 3; pass++) {
                long began = System.nanoTime();
                long n = 0;
                long sink = 0;
                try (PreparedStatement s = c.prepareStatement(FLOOR)) {
                    s.setFetchSize(10_000);
                    s.setObject(1, to);
                    s.setObject(2, from);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            // Read every column, as the report's reader does.
                            sink += rs.getLong(1) + rs.getString(2).length() + rs.getLong(3) + rs.getLong(6)
                                    + rs.getLong(7) + (long) rs.getDouble(8);
                            String assignee = rs.getString(4);
                            sink += rs.getString(5).length() + rs.getString(10).length()
                                    + (assignee == null ? 0 : 1) + rs.getLong(9);
                            n++;
                        }
                    }
                }
                best = Math.min(best, System.nanoTime() - began);
                rows = n;
                blackhole = sink;
            }
            c.rollback();
        }
        return new long[] {best, rows};
    }

    /** A field of /proc/<pid>/status in kB. */
    private static long status(long pid, String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no " + field + " in /proc/" + pid + "/status");
    }

    /** The heap line of {@code jcmd <pid> GC.heap_info}, shortened ("heap: used X, committed Y"). */
    private static String heapInfo(long pid) {
        try {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(pid), "GC.heap_info").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            p.waitFor();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("total (\\d+)K, used (\\d+)K").matcher(out);
            if (m.find()) {
                return String.format(Locale.ROOT, "heap after: used %d MB of %d MB", Long.parseLong(m.group(2)) / 1024,
                        Long.parseLong(m.group(1)) / 1024);
            }
            return "heap: " + trim(out.replace('\n', ' '));
        } catch (IOException | InterruptedException e) {
            return "heap: jcmd failed (" + e.getMessage() + ")";
        }
    }

    private static String trim(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "…";
    }
}
