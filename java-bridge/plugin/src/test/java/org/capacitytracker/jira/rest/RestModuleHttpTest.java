package org.capacitytracker.jira.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.capacitytracker.jira.testing.DemoSprint;
import org.capacitytracker.jira.testing.FakeUsers;
import org.capacitytracker.jira.testing.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The REST module in a real JAX-RS runtime (Jersey 2, as Jira 10 runs it) in a real servlet
 * container, over HTTP on the loopback: routing, content negotiation, {@code @Context}
 * injection and the statuses as a browser sees them.
 */
class RestModuleHttpTest {
    private static final String JSON = "application/json";
    private static RestTestServer server;
    private static String base;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        FakeUsers users = new FakeUsers().user("alice", "Alice Andersen").admin("admin", "Administrator");
        server = RestTestServer.start(users);
        base = server.base();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder as(String user, String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        return user == null ? b : b.header(FakeUsers.HEADER, user);
    }

    @Test
    void whatTheRuntimeRefusesStillAnswersTheJsonErrorShape() throws Exception {
        // Issue 10, defect 8: 405 and 415 answered with empty bodies.
        HttpResponse<String> method = send(as("alice", "/health").DELETE());
        assertEquals(405, method.statusCode());
        assertEquals("methodNotAllowed", Json.parse(method.body()).get("error").asText(), method.body());
        assertTrue(method.headers().firstValue("Allow").orElse("").contains("GET"), "Allow is kept");
        HttpResponse<String> path = send(as("alice", "/no-such-thing"));
        assertEquals(404, path.statusCode());
        assertEquals("notFound", Json.parse(path.body()).get("error").asText(), path.body());
        assertTrue(path.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    }

    @Test
    void anonymousRequestsAre401WithTheJsonErrorBody() throws Exception {
        HttpResponse<String> r = send(as(null, "/boards/1/settings"));
        assertEquals(401, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(JSON));
        assertEquals("unauthenticated", Json.parse(r.body()).get("error").asText());
    }

    @Test
    void readsAndWritesSettingsAsJson() throws Exception {
        HttpResponse<String> read = send(as("alice", "/boards/http-1/settings"));
        assertEquals(200, read.statusCode(), read.body());
        assertEquals("application/json;charset=utf-8", read.headers().firstValue("Content-Type").orElse("").toLowerCase());
        assertEquals(0, Json.parse(read.body()).get("revision").asInt());

        HttpResponse<String> written = send(as("alice", "/boards/http-1/settings")
                .header("Content-Type", JSON).header("X-Atlassian-Token", "no-check")
                .PUT(HttpRequest.BodyPublishers.ofString(DemoSprint.BOARD_SETTINGS)));
        assertEquals(200, written.statusCode(), written.body());
        assertEquals(1, Json.parse(written.body()).get("revision").asInt());

        HttpResponse<String> stale = send(as("alice", "/boards/http-1/settings")
                .header("Content-Type", JSON).PUT(HttpRequest.BodyPublishers.ofString(DemoSprint.BOARD_SETTINGS)));
        assertEquals(409, stale.statusCode());
        assertEquals(1, Json.parse(stale.body()).get("currentRevision").asInt());
    }

    @Test
    void writesThatAreNotJsonNeverReachTheEngine() throws Exception {
        // What a cross-site HTML form can send.
        for (String type : new String[] {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"}) {
            HttpResponse<String> r = send(as("alice", "/boards/http-2/settings")
                    .header("Content-Type", type).PUT(HttpRequest.BodyPublishers.ofString(DemoSprint.BOARD_SETTINGS)));
            assertEquals(415, r.statusCode(), type);
            assertEquals("unsupportedMediaType", Json.parse(r.body()).get("error").asText(), r.body());
        }
        // No content type at all: what fetch(url, {mode: 'no-cors', body: new Blob([json])}) sends
        // cross-site. Jersey would match @Consumes(JSON) for it; the plugin refuses it itself.
        HttpResponse<String> untyped = send(as("alice", "/boards/http-2/settings")
                .PUT(HttpRequest.BodyPublishers.ofString(DemoSprint.BOARD_SETTINGS)));
        assertEquals(415, untyped.statusCode(), untyped.body());
        assertEquals("Content-Type", Json.parse(untyped.body()).get("field").asText());
        HttpResponse<String> untypedPost = send(as("alice", "/boards/http-2/iterations/3/team")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"revision\":0,\"members\":[]}")));
        assertEquals(415, untypedPost.statusCode(), untypedPost.body());
        assertEquals(0, Json.parse(send(as("alice", "/boards/http-2/settings")).body()).get("revision").asInt());
    }

    @Test
    void postsTheReportWithTheBoardFromThePath() throws Exception {
        send(as("alice", "/boards/http-3/settings").header("Content-Type", JSON)
                .PUT(HttpRequest.BodyPublishers.ofString(DemoSprint.BOARD_SETTINGS)));
        HttpResponse<String> r = send(as("alice", "/boards/http-3/report").header("Content-Type", JSON)
                .POST(HttpRequest.BodyPublishers.ofString(DemoSprint.SPRINT_3_REPORT_BODY)));
        assertEquals(200, r.statusCode(), r.body());
        JsonNode report = Json.parse(r.body());
        assertEquals("http-3", report.get("boardId").asText());
        assertEquals(4, report.get("members").size());
    }

    @Test
    void aMalformedBoardIdInTheUrlIs400NamingIt() throws Exception {
        HttpResponse<String> r = send(as("alice", "/boards/%22%3Cscript%3E/settings"));
        assertEquals(400, r.statusCode());
        JsonNode error = Json.parse(r.body());
        assertEquals("boardId", error.get("field").asText());
        assertTrue(!r.body().contains("<script>"), r.body());
    }

    @Test
    void daysOffLiveUnderPeople() throws Exception {
        HttpResponse<String> r = send(as("alice", "/people/bob/days-off"));
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("bob", Json.parse(r.body()).get("accountKey").asText());
    }

    @Test
    void anOversizedBodyIs413() throws Exception {
        String huge = "{\"items\":[" + "0,".repeat(5 << 20) + "0]}";
        HttpResponse<String> r = send(as("alice", "/boards/1/report").header("Content-Type", JSON)
                .POST(HttpRequest.BodyPublishers.ofString(huge)));
        assertEquals(413, r.statusCode());
        assertEquals(4, Json.parse(r.body()).get("code").asInt());
    }

    @Test
    void healthAnswersTheContractFields() throws Exception {
        HttpResponse<String> r = send(as("alice", "/health"));
        assertEquals(200, r.statusCode(), r.body());
        JsonNode h = Json.parse(r.body());
        assertEquals("linux-x86_64", h.get("platform").asText());
        assertTrue(h.has("nativeVersion") && h.has("pluginVersion"), r.body());
        assertEquals("2.17", h.get("glibcFloor").asText(), r.body());
    }

    @Test
    void theExportDownloadsForAdministratorsOnly() throws Exception {
        HttpResponse<String> refused = send(as("alice", "/admin/export"));
        assertEquals(403, refused.statusCode());
        assertEquals("forbidden", Json.parse(refused.body()).get("error").asText());

        HttpResponse<String> export = send(as("admin", "/admin/export"));
        assertEquals(200, export.statusCode(), export.body());
        assertEquals("attachment; filename=\"capacity-tracker-export.json\"",
                export.headers().firstValue("Content-Disposition").orElse(""));
        assertEquals("capacity-tracker-export", Json.parse(export.body()).get("format").asText());
    }

    @Test
    void templatesRouteByMethodAndRemovalAnswers204() throws Exception {
        String squad = "{\"revision\":0,\"name\":\"HTTP squad\",\"members\":[]}";
        HttpResponse<String> put = send(as("alice", "/templates/http-squad").header("Content-Type", JSON)
                .PUT(HttpRequest.BodyPublishers.ofString(squad)));
        assertEquals(200, put.statusCode(), put.body());
        assertTrue(send(as("alice", "/templates")).body().contains("\"http-squad\""));
        HttpResponse<String> removed = send(as("alice", "/templates/http-squad").DELETE());
        assertEquals(204, removed.statusCode());
        assertEquals("", removed.body());
        HttpResponse<String> missing = send(as("alice", "/templates/http-squad"));
        assertEquals(404, missing.statusCode());
        assertEquals("templateId", Json.parse(missing.body()).get("field").asText());
    }

    @Test
    void calendarWritesByNonAdministratorsAre403() throws Exception {
        HttpResponse<String> r = send(as("alice", "/calendars/http-de").header("Content-Type", JSON)
                .PUT(HttpRequest.BodyPublishers.ofString("{\"revision\":0,\"name\":\"Germany\"}")));
        assertEquals(403, r.statusCode());
        assertEquals(200, send(as("admin", "/calendars/http-de").header("Content-Type", JSON)
                .PUT(HttpRequest.BodyPublishers.ofString("{\"revision\":0,\"name\":\"Germany\"}"))).statusCode());
    }

    @Test
    void unknownPathsAre404() throws Exception {
        assertEquals(404, send(as("alice", "/boards/1/nothing")).statusCode());
    }
}
