package org.capacitytracker.bench.latency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One logged-in browser session opening a Scrum board's capacity panel, one request at a time:
 * the requests board/panel.js, sprint-team.js, planning.js and kit/jira.js make, in their order
 * (the browser runs some of them in parallel; a session here runs them one after another, so
 * the load is bounded at one request per session). Each plugin REST request's latency is kept.
 * Every answer is read to its end; only those the panel's next requests depend on (sprints,
 * configuration, settings, issues) are parsed: the client shares the host's cores, and parsing
 * the others would only add its own CPU to the latencies measured.
 */
final class PanelSession {
    private static final Pattern TOKEN = Pattern.compile("name=\"atl_token\" value=\"([^\"]+)\"");
    private static final Pattern SESSION = Pattern.compile("JSESSIONID=([^;]+)");
    /** What kit/jira.js asks Jira for, besides the board's points field. */
    private static final String ISSUE_FIELDS = "summary,assignee,status,issuetype,parent,timeestimate,timeoriginalestimate";
    private static final String DEFAULT_POINTS_FIELD = "customfield_10106";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final String base;
    private final String boardId;
    private String cookie;

    /** Latencies in nanoseconds of every plugin REST request (/rest/capacity), and of the report alone. */
    final List<Long> plugin = new ArrayList<>();
    final List<Long> report = new ArrayList<>();
    /** The plugin requests' latencies by kind ({@link #kind}), to see which ones make the tail. */
    final Map<String, List<Long>> byKind = new TreeMap<>();
    boolean recording;

    PanelSession(HttpClient client, String base, String boardId) {
        this.client = client;
        this.base = base;
        this.boardId = boardId;
    }

    /** Logs in through the login form, with the form's atl_token, as a browser does. */
    void login(String user, String password) throws IOException, InterruptedException {
        HttpResponse<String> form = client.send(HttpRequest.newBuilder(URI.create(base + "/login.jsp")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher token = TOKEN.matcher(form.body());
        cookie = sessionCookie(form);
        if (!token.find() || cookie == null) {
            throw new IllegalStateException("login form without atl_token or session (" + form.statusCode() + ")");
        }
        String body = "os_username=" + enc(user) + "&os_password=" + enc(password) + "&atl_token=" + enc(token.group(1))
                + "&os_destination=" + enc("/plugins/servlet/capacity-tracker?boardId=" + boardId);
        HttpResponse<String> res = client.send(HttpRequest.newBuilder(URI.create(base + "/login.jsp"))
                .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        String renewed = sessionCookie(res);
        if (res.statusCode() != 302 || renewed == null) {
            throw new IllegalStateException("login as " + user + " failed: " + res.statusCode()
                    + " " + res.headers().firstValue("X-Seraph-LoginReason").orElse(""));
        }
        cookie = renewed;
    }

    private static String sessionCookie(HttpResponse<?> res) {
        for (String header : res.headers().allValues("Set-Cookie")) {
            Matcher m = SESSION.matcher(header);
            if (m.find()) {
                return "JSESSIONID=" + m.group(1);
            }
        }
        return null;
    }

    /** The session's cookie, once logged in. */
    String cookie() {
        return cookie;
    }

    /** Opens the board's panel once: every request of the panel's first render. */
    void openBoard() throws IOException, InterruptedException {
        String board = "/rest/agile/1.0/board/" + enc(boardId);
        get(board);
        JsonNode sprints = json(get(board + "/sprint?startAt=0&maxResults=50"));
        JsonNode configuration = json(get(board + "/configuration"));
        String pointsField = configuration.path("estimation").path("field").path("fieldId").asText(DEFAULT_POINTS_FIELD);
        if (!pointsField.matches("customfield_\\d+")) {
            pointsField = DEFAULT_POINTS_FIELD;
        }
        JsonNode sprint = pick(sprints, "active");
        if (sprint == null) {
            throw new IllegalStateException("board " + boardId + " has no active sprint to open");
        }
        JsonNode settings = json(get("/rest/capacity/1.0/boards/" + enc(boardId) + "/settings"));
        String customField = "custom".equals(settings.path("estimateSource").asText())
                ? settings.path("customField").asText(null) : null;
        JsonNode issues = issues(sprint, pointsField, customField);
        get("/rest/capacity/1.0/boards/" + enc(boardId) + "/iterations/" + enc(sprint.path("id").asText()) + "/team");
        for (JsonNode member : settings.path("members")) {
            String key = member.path("accountKey").asText();
            get("/rest/api/2/user?key=" + enc(key));
            get("/rest/capacity/1.0/people/" + enc(key) + "/days-off?boardId=" + enc(boardId));
        }
        String timeZone = settings.path("timeZone").asText("UTC");
        post(sprint, issues, pointsField, customField, LocalDate.now(ZoneId.of(timeZone)).toString());
        // The planning view: the next sprint's issues and its report.
        JsonNode next = pick(sprints, "future");
        if (next != null) {
            post(next, issues(next, pointsField, customField), pointsField, customField, null);
        }
    }

    /** The first sprint in that state; future sprints by start date, as planning.js picks. */
    private static JsonNode pick(JsonNode sprints, String state) {
        JsonNode chosen = null;
        for (JsonNode s : sprints.path("values")) {
            if (state.equals(s.path("state").asText())
                    && (chosen == null || s.path("startDate").asText().compareTo(chosen.path("startDate").asText()) < 0)) {
                chosen = s;
            }
        }
        return chosen;
    }

    /** Every issue of the sprint, page by page of 100, as kit/jira.js fetches them. */
    private JsonNode issues(JsonNode sprint, String pointsField, String customField) throws IOException, InterruptedException {
        String fields = ISSUE_FIELDS + "," + pointsField + (customField != null ? "," + customField : "");
        ArrayNode all = JSON.createArrayNode();
        for (int startAt = 0, page = 0; page < 500; page++) {
            JsonNode res = json(get("/rest/agile/1.0/sprint/" + enc(sprint.path("id").asText()) + "/issue?fields="
                    + enc(fields) + "&maxResults=100&startAt=" + startAt));
            JsonNode got = res.path("issues");
            all.addAll((ArrayNode) got);
            startAt += got.size();
            if (got.isEmpty() || startAt >= res.path("total").asInt(startAt)) {
                break;
            }
        }
        return all;
    }

    /** The iteration report, with the issues as kit/jira.js's toWorkItem maps them. */
    private void post(JsonNode sprint, JsonNode issues, String pointsField, String customField, String asOf)
            throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode iteration = body.putObject("iteration");
        iteration.put("id", sprint.path("id").asText());
        iteration.put("name", sprint.path("name").asText());
        iteration.put("start", sprint.path("startDate").asText());
        iteration.put("end", sprint.path("endDate").asText());
        if (asOf != null) {
            iteration.put("asOf", asOf);
        }
        ArrayNode items = body.putArray("items");
        for (JsonNode issue : issues) {
            JsonNode f = issue.path("fields");
            String category = f.path("status").path("statusCategory").path("key").asText("new");
            ObjectNode item = items.addObject();
            item.put("key", issue.path("key").asText());
            JsonNode assignee = f.path("assignee");
            item.put("assignee", assignee.isObject() ? assignee.path("key").asText(assignee.path("name").asText(null)) : null);
            item.put("statusCategory", List.of("new", "indeterminate", "done").contains(category) ? category : "new");
            item.set("remainingSeconds", number(f.path("timeestimate")));
            item.set("originalSeconds", number(f.path("timeoriginalestimate")));
            item.set("storyPoints", number(f.path(pointsField)));
            item.put("parent", f.path("parent").isObject() ? f.path("parent").path("key").asText() : null);
            item.put("subtask", f.path("issuetype").path("subtask").asBoolean(false));
            if (customField != null) {
                item.set("customEstimate", number(f.path(customField)));
            }
        }
        send(HttpRequest.newBuilder(URI.create(base + "/rest/capacity/1.0/boards/" + enc(boardId) + "/report"))
                .header("X-Atlassian-Token", "no-check").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))), true, true);
    }

    private static JsonNode number(JsonNode value) {
        return value.isNumber() ? value : JSON.nullNode();
    }

    private static JsonNode json(byte[] answer) throws IOException {
        return JSON.readTree(answer);
    }

    private byte[] get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), path.startsWith("/rest/capacity/"), false);
    }

    /** Sends one request with the session's cookie and reads its whole answer; keeps a plugin request's latency. */
    private byte[] send(HttpRequest.Builder builder, boolean pluginCall, boolean reportCall)
            throws IOException, InterruptedException {
        HttpRequest request = builder.header("Accept", "application/json").header("Cookie", cookie)
                .timeout(Duration.ofSeconds(60)).build();
        long start = System.nanoTime();
        HttpResponse<byte[]> res = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        long took = System.nanoTime() - start;
        if (res.statusCode() != 200) {
            // A failed request would make the figures meaningless (an error is answered fast).
            String text = new String(res.body(), StandardCharsets.UTF_8);
            throw new IllegalStateException(request.method() + " " + request.uri() + " answered " + res.statusCode()
                    + ": " + text.substring(0, Math.min(300, text.length())));
        }
        if (recording && pluginCall) {
            plugin.add(took);
            byKind.computeIfAbsent(kind(request.method(), request.uri().getPath()), k -> new ArrayList<>()).add(took);
            if (reportCall) {
                report.add(took);
            }
        }
        return res.body();
    }

    /**
     * A plugin request's kind: its method and path below {@code /rest/capacity/1.0/} (after any context path), with the
     * ids after {@code boards}, {@code iterations} and {@code people} as {@code {}}.
     */
    static String kind(String method, String path) {
        String[] parts = path.replaceFirst("^.*?/rest/capacity/1\\.0/", "").split("/");
        for (int i = 1; i < parts.length; i++) {
            if (List.of("boards", "iterations", "people").contains(parts[i - 1])) {
                parts[i] = "{}";
            }
        }
        return method + " " + String.join("/", parts);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
