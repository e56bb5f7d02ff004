package org.capacitytracker.bench.latency;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The panel sessions' HTTP client: one blocking request at a time on the calling thread, over
 * kept-alive connections ({@link HttpURLConnection}), never following redirects, each answer
 * read to its end.
 *
 * <p>Why not {@code java.net.http.HttpClient}: client and host share the machine's two cores,
 * so the client's own CPU is part of every latency measured. Under panel-latency, JFR showed
 * the asynchronous client's machinery (its selector thread, worker hand-offs and
 * {@code CompletableFuture} chains) as about half of the benchmark process's samples, and
 * that process as about a third of the CPU the two processes used. A blocking connection per
 * session thread does the same exchange on one thread.
 */
final class BlockingHttp {
    /**
     * Connections kept alive per host. The JDK keeps 5 by default; with 50 sessions the others
     * would open a new TCP connection for every request, which a browser (keeping its
     * connections) does not. Read once, when the JDK's keep-alive cache is first used, so it is
     * set before any connection is made.
     */
    static final int KEPT_ALIVE = 64;

    static {
        if (System.getProperty("http.maxConnections") == null) {
            System.setProperty("http.maxConnections", String.valueOf(KEPT_ALIVE));
        }
    }

    /** An answer: its status, headers and whole body. */
    record Answer(int status, Map<String, List<String>> headers, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** Every value of a header (names compared ignoring case), empty if none. */
        List<String> header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey() != null && e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue();
                }
            }
            return List.of();
        }
    }

    private BlockingHttp() {
    }

    /**
     * Sends one request and reads its answer to the end (whatever its status, so the connection
     * can be reused).
     *
     * @param headers name, value, name, value...
     * @param body the request body, or null for none
     */
    static Answer send(String method, URI uri, byte[] body, String... headers) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
        connection.setRequestMethod(method);
        connection.setInstanceFollowRedirects(false);
        connection.setUseCaches(false);
        connection.setConnectTimeout(10_000);
        connection.setReadTimeout(60_000);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            connection.setRequestProperty(headers[i], headers[i + 1]);
        }
        if (body != null) {
            connection.setDoOutput(true);
            connection.setFixedLengthStreamingMode(body.length);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body);
            }
        }
        int status = connection.getResponseCode();
        InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
        byte[] answer;
        if (in == null) {
            answer = new byte[0];
        } else {
            try (in) {
                answer = in.readAllBytes();
            }
        }
        return new Answer(status, connection.getHeaderFields(), answer);
    }
}
