package org.capacitytracker.host.web;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.util.Locale;
import java.util.Optional;

/** {@code /download/resources/<pluginKey:moduleKey>/<name>}: the files web-resource modules declare. */
public final class DownloadServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient WebResourceRegistry registry;

    public DownloadServlet(WebResourceRegistry registry) {
        this.registry = registry;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        if (path == null || path.length() < 2) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String rest = path.substring(1);
        int slash = rest.indexOf('/');
        if (slash <= 0) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String completeKey = rest.substring(0, slash);
        String name = rest.substring(slash + 1);
        Optional<URL> url = registry.locate(completeKey, name);
        if (url.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        byte[] bytes;
        try (InputStream in = url.get().openStream()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            // A directory entry or unreadable file: nothing to serve.
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        // Web-resource transformations (jsI18n) apply as Jira applies them when serving.
        bytes = registry.transform(completeKey, name, bytes);
        response.setContentType(contentType(rest));
        // Plugins change during development; the browser revalidates instead of guessing.
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentLength(bytes.length);
        try (OutputStream out = response.getOutputStream()) {
            out.write(bytes);
        }
    }

    private String contentType(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".js")) {
            return "application/javascript;charset=UTF-8";
        }
        if (lower.endsWith(".css")) {
            return "text/css;charset=UTF-8";
        }
        if (lower.endsWith(".svg")) {
            return "image/svg+xml";
        }
        if (lower.endsWith(".woff")) {
            return "font/woff";
        }
        if (lower.endsWith(".woff2")) {
            return "font/woff2";
        }
        if (lower.endsWith(".ttf")) {
            return "font/ttf";
        }
        if (lower.endsWith(".eot")) {
            return "application/vnd.ms-fontobject";
        }
        if (lower.endsWith(".json")) {
            return "application/json;charset=UTF-8";
        }
        String guessed = getServletContext().getMimeType(name);
        return guessed != null ? guessed : "application/octet-stream";
    }
}
