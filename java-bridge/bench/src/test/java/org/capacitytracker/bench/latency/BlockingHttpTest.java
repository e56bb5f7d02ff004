package org.capacitytracker.bench.latency;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The panel sessions' blocking client against a local HTTP server. */
class BlockingHttpTest {
    private static final int SESSIONS = 50;

    private HttpServer server;
    private ExecutorService serverThreads;
    private final Set<InetSocketAddress> connections = ConcurrentHashMap.newKeySet();
    private final CountDownLatch allHeld = new CountDownLatch(SESSIONS);
    private String base;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
        serverThreads = Executors.newFixedThreadPool(SESSIONS + 4);
        server.setExecutor(serverThreads);
        server.createContext("/", exchange -> {
            connections.add(exchange.getRemoteAddress());
            String path = exchange.getRequestURI().getPath();
            byte[] request = exchange.getRequestBody().readAllBytes();
            byte[] answer;
            int status = 200;
            if (path.equals("/echo")) {
                String header = String.valueOf(exchange.getRequestHeaders().getFirst("X-Probe"));
                answer = (exchange.getRequestMethod() + " " + header + " " + new String(request, StandardCharsets.UTF_8))
                        .getBytes(StandardCharsets.UTF_8);
            } else if (path.equals("/big")) {
                answer = new byte[3 << 20];
                for (int i = 0; i < answer.length; i++) {
                    answer[i] = (byte) ('a' + i % 26);
                }
            } else if (path.equals("/moved")) {
                exchange.getResponseHeaders().add("Location", "/echo");
                exchange.getResponseHeaders().add("Set-Cookie", "JSESSIONID=abc; Path=/; HttpOnly");
                status = 302;
                answer = new byte[0];
            } else if (path.equals("/missing")) {
                status = 404;
                answer = "no such thing".getBytes(StandardCharsets.UTF_8);
            } else if (path.equals("/hold")) {
                // Every session's request open at once: each needs its own connection.
                allHeld.countDown();
                try {
                    allHeld.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                answer = "held".getBytes(StandardCharsets.UTF_8);
            } else {
                answer = "plain".getBytes(StandardCharsets.UTF_8);
            }
            exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        serverThreads.shutdownNow();
    }

    @Test
    void sendsMethodHeadersAndBodyAndReadsTheWholeAnswer() throws Exception {
        BlockingHttp.Answer echo = BlockingHttp.send("POST", URI.create(base + "/echo"),
                "{\"a\":1}".getBytes(StandardCharsets.UTF_8), "X-Probe", "yes", "Content-Type", "application/json");
        assertEquals(200, echo.status());
        assertEquals("POST yes {\"a\":1}", echo.text());

        BlockingHttp.Answer big = BlockingHttp.send("GET", URI.create(base + "/big"), null);
        assertEquals(3 << 20, big.body().length);
        assertEquals('z', big.body()[25]);
        int last = big.body().length - 1;
        assertEquals((byte) ('a' + last % 26), big.body()[last]);
    }

    @Test
    void neverFollowsARedirectAndShowsItsCookie() throws Exception {
        BlockingHttp.Answer moved = BlockingHttp.send("GET", URI.create(base + "/moved"), null);
        assertEquals(302, moved.status());
        assertEquals(List.of("JSESSIONID=abc; Path=/; HttpOnly"), moved.header("set-cookie"));
        assertEquals(List.of("/echo"), moved.header("Location"));
        assertArrayEquals(new byte[0], moved.body());
    }

    @Test
    void readsAnErrorsBody() throws Exception {
        BlockingHttp.Answer missing = BlockingHttp.send("GET", URI.create(base + "/missing"), null);
        assertEquals(404, missing.status());
        assertEquals("no such thing", missing.text());
    }

    @Test
    void oneSessionReusesOneConnection() throws Exception {
        for (int i = 0; i < 20; i++) {
            BlockingHttp.send("GET", URI.create(base + "/plain"), null);
            BlockingHttp.send("GET", URI.create(base + "/missing"), null);
        }
        assertEquals(1, connections.size(), "connections opened: " + connections);
    }

    @Test
    void fiftySessionsKeepTheirFiftyConnectionsAlive() throws Exception {
        // The JDK keeps 5 connections per host by default: the 45 others would reconnect.
        ExecutorService sessions = Executors.newFixedThreadPool(SESSIONS);
        try {
            List<Future<String>> held = new ArrayList<>();
            for (int i = 0; i < SESSIONS; i++) {
                held.add(sessions.submit(() -> BlockingHttp.send("GET", URI.create(base + "/hold"), null).text()));
            }
            for (Future<String> f : held) {
                assertEquals("held", f.get(30, TimeUnit.SECONDS));
            }
            assertEquals(SESSIONS, connections.size());
            List<Future<String>> again = new ArrayList<>();
            for (int i = 0; i < SESSIONS; i++) {
                again.add(sessions.submit(() -> BlockingHttp.send("GET", URI.create(base + "/plain"), null).text()));
            }
            for (Future<String> f : again) {
                assertEquals("plain", f.get(30, TimeUnit.SECONDS));
            }
            assertTrue(connections.size() <= SESSIONS, connections.size() + " connections for " + SESSIONS + " sessions");
        } finally {
            sessions.shutdownNow();
        }
    }
}
