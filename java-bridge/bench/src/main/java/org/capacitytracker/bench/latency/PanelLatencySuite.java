package org.capacitytracker.bench.latency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.capacitytracker.bench.BenchSuite;
import org.capacitytracker.bench.BenchTable;

/**
 * Panel REST latency at 50 concurrent sessions (issue 11): the real Jira 10 host with the full
 * demo; 50 sessions, each logged in through the login form, open the capacity panel of a Scrum
 * board (the boards shared out round-robin) over and over, one request at a time. After the
 * warm-up rounds, the latency of every plugin REST request is kept; p50/p95/p99 over them all
 * and over the iteration report alone, and plugin requests per second of wall time.
 * Localhost: the figures are the server's time plus loopback, with the client on the same cores.
 */
public final class PanelLatencySuite implements BenchSuite {
    static final int SESSIONS = Integer.getInteger("capacity.bench.sessions", 50);
    static final int WARMUP = Integer.getInteger("capacity.bench.warmup", 3);
    static final int ROUNDS = Integer.getInteger("capacity.bench.rounds", 10);
    private static final double TARGET_MS = 50;

    @Override
    public String name() {
        return "panel-latency";
    }

    @Override
    public void run(BenchTable table) throws Exception {
        try (HostProcess host = HostProcess.start(Duration.ofMinutes(5))) {
            measure(table, host);
        }
    }

    private static void measure(BenchTable table, HostProcess host) throws Exception {
        try {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
            List<String> boards = scrumBoards(client, host.base);
            List<PanelSession> sessions = new ArrayList<>();
            for (int i = 0; i < SESSIONS; i++) {
                PanelSession session = new PanelSession(client, host.base, boards.get(i % boards.size()));
                session.login("admin", "admin");
                sessions.add(session);
            }
            ExecutorService pool = Executors.newFixedThreadPool(SESSIONS);
            try {
                rounds(pool, sessions, WARMUP);
                sessions.forEach(s -> s.recording = true);
                long start = System.nanoTime();
                rounds(pool, sessions, ROUNDS);
                double seconds = (System.nanoTime() - start) / 1e9;
                List<Long> plugin = new ArrayList<>();
                List<Long> report = new ArrayList<>();
                sessions.forEach(s -> {
                    plugin.addAll(s.plugin);
                    report.addAll(s.report);
                });
                rows(table, "plugin REST", new Percentiles(plugin.stream().mapToLong(Long::longValue).toArray()));
                rows(table, "iteration report", new Percentiles(report.stream().mapToLong(Long::longValue).toArray()));
                kinds(table, sessions, new Percentiles(plugin.stream().mapToLong(Long::longValue).toArray()).nanos(95));
                table.add(String.format(Locale.ROOT, "panel REST, %d sessions: plugin requests/s", SESSIONS),
                        plugin.size() / seconds, "/s", plugin.size() + " in " + String.format(Locale.ROOT, "%.1f s", seconds),
                        "", null);
            } finally {
                pool.shutdownNow();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage() + " (host log: " + host.keepLog() + ")", e);
        }
    }

    /**
     * Each kind of plugin request's p95, and its share of the requests slower than the overall
     * p95: which requests make the tail (no target; the overall rows carry it).
     */
    private static void kinds(BenchTable table, List<PanelSession> sessions, long overallP95) {
        Map<String, List<Long>> byKind = new TreeMap<>();
        sessions.forEach(s -> s.byKind.forEach((k, v) -> byKind.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v)));
        long slow = byKind.values().stream().flatMap(List::stream).filter(t -> t > overallP95).count();
        byKind.forEach((kind, times) -> {
            Percentiles p = new Percentiles(times.stream().mapToLong(Long::longValue).toArray());
            long mine = times.stream().filter(t -> t > overallP95).count();
            table.add("  " + kind + " p95", p.millis(95), "ms", String.format(Locale.ROOT, "%d requests, %d of the %d over p95",
                    p.count(), mine, slow), "", null);
        });
    }

    private static void rows(BenchTable table, String what, Percentiles p) {
        String name = String.format(Locale.ROOT, "panel REST, %d sessions: %s", SESSIONS, what);
        String n = p.count() + " requests";
        table.add(name + " p50", p.millis(50), "ms", n, "", null);
        table.add(name + " p95", p.millis(95), "ms", n, "≤ 50 ms", p.millis(95) <= TARGET_MS);
        table.add(name + " p99", p.millis(99), "ms", n, "", null);
    }

    /** Each session opens its board `count` times; every session runs at once, each one request at a time. */
    private static void rounds(ExecutorService pool, List<PanelSession> sessions, int count) throws Exception {
        List<Future<?>> running = new ArrayList<>();
        for (PanelSession session : sessions) {
            running.add(pool.submit(() -> {
                for (int round = 0; round < count; round++) {
                    session.openBoard();
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
    }

    /** The Scrum boards with an active sprint, from Jira's board list (admin, Basic auth once, outside the figures). */
    private static List<String> scrumBoards(HttpClient client, String base) throws Exception {
        String auth = "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes());
        HttpResponse<String> res = client.send(HttpRequest.newBuilder(URI.create(base
                + "/rest/agile/1.0/board?startAt=0&maxResults=50&type=scrum")).header("Authorization", auth).build(),
                HttpResponse.BodyHandlers.ofString());
        List<String> boards = new ArrayList<>();
        for (JsonNode board : new ObjectMapper().readTree(res.body()).path("values")) {
            if ("scrum".equals(board.path("type").asText())) {
                boards.add(board.path("id").asText());
            }
        }
        if (boards.isEmpty()) {
            throw new IllegalStateException("the demo has no Scrum board: " + res.statusCode() + " " + res.body());
        }
        return boards;
    }
}
