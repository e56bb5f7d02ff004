package org.capacitytracker.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A browser-like HTTP client for one user: own cookie jar, redirects not followed. */
final class TestHttp {
    static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient client;
    private String basicAuth;

    TestHttp(URI base) {
        this.base = base;
        this.client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** Sends HTTP Basic credentials on every request. */
    TestHttp basic(String user, String password) {
        basicAuth = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return this;
    }

    URI uri(String path) {
        return base.resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
        if (basicAuth != null) {
            b.header("Authorization", basicAuth);
        }
        return b;
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(request(path).GET());
    }

    JsonNode getJson(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = get(path);
        if (r.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    HttpResponse<String> sendJson(String method, String path, String json) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> postForm(String path, String... nameValues) throws IOException, InterruptedException {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < nameValues.length; i += 2) {
            if (body.length() > 0) {
                body.append('&');
            }
            body.append(URLEncoder.encode(nameValues[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(nameValues[i + 1], StandardCharsets.UTF_8));
        }
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /** Logs in through the login form, as a browser does (the form first, for its token); returns the post's response. */
    HttpResponse<String> login(String user, String password, String destination) throws IOException, InterruptedException {
        String token = formToken(get("/jira/login.jsp").body());
        return destination == null ? postForm("/jira/login.jsp", "os_username", user, "os_password", password, "atl_token", token)
                : postForm("/jira/login.jsp", "os_username", user, "os_password", password, "os_destination", destination,
                        "atl_token", token);
    }

    /** Logs out through the logout page's form; returns the post's response. */
    HttpResponse<String> logout() throws IOException, InterruptedException {
        return postForm("/jira/logout", "atl_token", formToken(get("/jira/logout").body()));
    }

    /** The anti-CSRF token of the form in a page. */
    static String formToken(String html) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"atl_token\" value=\"([0-9a-f]+)\"").matcher(html);
        if (!m.find()) {
            throw new AssertionError("no atl_token in the page: " + html);
        }
        return m.group(1);
    }
}
