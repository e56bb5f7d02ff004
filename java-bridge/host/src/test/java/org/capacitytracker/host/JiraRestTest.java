package org.capacitytracker.host;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Jira REST subset's behaviour beyond its documented shapes: errors, paging, JQL, POST search. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JiraRestTest {
    private CapacityHost host;
    private URI root;

    @BeforeAll
    void start(@TempDir Path dataDir) throws Exception {
        host = TestHosts.start(dataDir);
        root = host.baseUri().resolve("/");
    }

    @AfterAll
    void stop() {
        if (host != null) {
            host.close();
        }
    }

    private TestHttp alice() {
        return new TestHttp(root).basic("alice", "alice");
    }

    private static String jql(String query) {
        return URLEncoder.encode(query, StandardCharsets.UTF_8);
    }

    private List<String> keys(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.path("issues").forEach(i -> out.add(i.path("key").asText()));
        return out;
    }

    @Test
    void unknownMalformedAndHugeIdsAnswerJirasErrorJsonNeverHtml() throws Exception {
        String[] paths = {"/rest/agile/1.0/board/99999999999999999999", "/rest/agile/1.0/board/-1", "/rest/agile/1.0/board/x",
            "/rest/agile/1.0/board/7", "/rest/agile/1.0/board/1/configuration/", "/rest/agile/1.0/board/abc/sprint",
            "/rest/agile/1.0/board/1/sprint/99999999999999999999/issue", "/rest/agile/1.0/board/99/version",
            "/rest/agile/1.0/board/1e3/issue", "/rest/agile/1.0/sprint/18446744073709551616",
            "/rest/agile/1.0/sprint/%20/issue", "/rest/agile/1.0/issue/DEMO-999", "/rest/api/2/issue/99999999999999999999",
            "/rest/api/2/project/NOPE", "/rest/api/2/project/99999999999999999999", "/rest/api/2/priority/9",
            "/rest/api/2/status/zz", "/rest/api/2/issuetype/77", "/rest/api/2/statuscategory/9", "/rest/api/2/no-such",
            "/rest/agile/1.0/nothing"};
        for (String path : paths) {
            HttpResponse<String> r = alice().get("/jira" + path);
            assertEquals(404, r.statusCode(), path + ": " + r.body());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), path);
            JsonNode body = TestHttp.JSON.readTree(r.body());
            assertTrue(body.path("errorMessages").isArray() && body.path("errorMessages").size() == 1, path);
            assertTrue(body.path("errors").isObject(), path);
        }
    }

    @Test
    void serverInfoIsAnonymousEverythingElseNeedsALogin() throws Exception {
        JsonNode info = new TestHttp(root).getJson("/jira/rest/api/2/serverInfo");
        assertEquals("Server", info.path("deploymentType").asText());
        assertTrue(info.path("baseUrl").asText().endsWith("/jira"));
        boolean jira11 = org.capacitytracker.host.plugin.JiraPlatform.current().mode().equals("11");
        assertEquals(jira11 ? "11.0.0" : "10.3.0", info.path("version").asText());
        assertEquals(jira11 ? 11 : 10, info.path("versionNumbers").get(0).asInt());
        assertEquals(401, new TestHttp(root).get("/jira/rest/api/2/project").statusCode());
        assertEquals(401, new TestHttp(root).get("/jira/rest/api/2/search?jql=").statusCode());
    }

    @Test
    void searchPagesWithStartAtMaxResultsAndTotal() throws Exception {
        List<String> all = new ArrayList<>();
        for (int startAt = 0; startAt < 30; startAt += 7) {
            JsonNode page = alice().getJson("/jira/rest/api/2/search?jql=" + jql("project = DEMO ORDER BY key ASC")
                    + "&startAt=" + startAt + "&maxResults=7&fields=summary");
            assertEquals(24, page.path("total").asInt());
            assertEquals(startAt, page.path("startAt").asInt());
            assertEquals(7, page.path("maxResults").asInt());
            all.addAll(keys(page));
        }
        assertEquals(24, all.size());
        assertEquals("DEMO-1", all.get(0));
        assertEquals("DEMO-24", all.get(23));
        JsonNode totalOnly = alice().getJson("/jira/rest/api/2/search?maxResults=0");
        assertEquals(24, totalOnly.path("total").asInt());
        assertEquals(0, totalOnly.path("issues").size());
        assertEquals(1000, alice().getJson("/jira/rest/api/2/search?maxResults=5000").path("maxResults").asInt());
    }

    @Test
    void jqlSubsetOverTheDemo() throws Exception {
        TestHttp alice = alice();
        String base = "/jira/rest/api/2/search?fields=summary&jql=";
        assertEquals(List.of("DEMO-18", "DEMO-19", "DEMO-24"), keys(alice.getJson(base + jql("assignee IS EMPTY"))));
        assertEquals(List.of("DEMO-20", "DEMO-10", "DEMO-9", "DEMO-8", "DEMO-7", "DEMO-6", "DEMO-5", "DEMO-1"),
                keys(alice.getJson(base + jql("assignee = currentUser() ORDER BY key DESC"))));
        assertEquals(List.of("DEMO-9", "DEMO-10"), keys(alice.getJson(base + jql("parent = DEMO-8"))));
        assertEquals(List.of("DEMO-1", "DEMO-2", "DEMO-3", "DEMO-4"), keys(alice.getJson(base + jql("fixVersion = \"1.0\""))));
        assertEquals(20, alice.getJson(base + jql("sprint in openSprints()")).path("total").asInt());
        assertEquals(List.of("DEMO-12", "DEMO-14"), keys(alice.getJson(base
                + jql("sprint = \"DEMO Sprint 3\" AND statusCategory = indeterminate AND NOT assignee in (alice)"))));
        assertEquals(List.of("DEMO-1", "DEMO-3", "DEMO-7", "DEMO-14", "DEMO-24"),
                keys(alice.getJson(base + jql("issuetype = Bug OR (key = DEMO-1 AND project = DEMO)"))));
        assertEquals(List.of("DEMO-11", "DEMO-12"), keys(alice.getJson(base + jql("assignee != alice AND assignee = bob AND sprint = 3"))));
        assertEquals(List.of("DEMO-2", "DEMO-11", "DEMO-12", "DEMO-21"), keys(alice.getJson(base + jql("assignee = bob"))));

        HttpResponse<String> bad = alice.get(base + jql("summary ~ capacity AND project = DEMO"));
        assertEquals(400, bad.statusCode());
        JsonNode error = TestHttp.JSON.readTree(bad.body());
        assertTrue(error.path("errorMessages").get(0).asText().contains("'summary ~ capacity'"), bad.body());
        assertTrue(error.path("errors").isObject());
        assertEquals(400, alice.get(base + jql("project = DEMO AND")).statusCode());
        // validateQuery=false: an unknown value is a warning and matches nothing.
        JsonNode lenient = alice.getJson(base + jql("project = NOPE OR assignee = dave") + "&validateQuery=false");
        assertEquals(List.of("DEMO-4", "DEMO-16", "DEMO-23"), keys(lenient));
        assertEquals("The value 'NOPE' does not exist for the field 'project'.", lenient.path("warningMessages").get(0).asText());
        assertEquals(400, alice.get(base + jql("project = NOPE") + "&validateQuery=strict").statusCode());
        assertEquals(400, alice.get(base + jql("sprint in lastSprints()")).statusCode());
    }

    @Test
    void postSearchTakesTheSameParametersInABody() throws Exception {
        HttpResponse<String> r = alice().sendJson("POST", "/jira/rest/api/2/search",
                "{\"jql\":\"project = DEMO AND sprint = 4 ORDER BY key DESC\",\"startAt\":1,\"maxResults\":2,"
                        + "\"fields\":[\"summary\",\"assignee\"],\"expand\":[\"names\"],\"validateQuery\":true}");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode page = TestHttp.JSON.readTree(r.body());
        assertEquals(5, page.path("total").asInt());
        assertEquals(List.of("DEMO-23", "DEMO-22"), keys(page));
        assertEquals("Summary", page.path("names").path("summary").asText());
        assertFalse(page.path("issues").get(0).path("fields").has("status"), "only the asked fields");
        assertEquals(400, alice().sendJson("POST", "/jira/rest/api/2/search", "{\"jql\": ").statusCode());
    }

    @Test
    void agileListsFilterAndPage() throws Exception {
        TestHttp alice = alice();
        assertEquals(1, alice.getJson("/jira/rest/agile/1.0/board?projectKeyOrId=10000&name=demo").path("values").size());
        assertEquals(0, alice.getJson("/jira/rest/agile/1.0/board?type=kanban").path("values").size());
        JsonNode board = alice.getJson("/jira/rest/agile/1.0/board/1/issue?maxResults=10&startAt=20&fields=summary");
        assertEquals(24, board.path("total").asInt());
        assertEquals(4, board.path("issues").size());
        assertEquals(List.of("DEMO-22", "DEMO-21"), keys(alice.getJson(
                "/jira/rest/agile/1.0/board/1/sprint/4/issue?jql=" + jql("assignee in (bob, carol) ORDER BY key DESC"))));
        JsonNode unreleased = alice.getJson("/jira/rest/agile/1.0/board/1/version?released=false");
        assertEquals(2, unreleased.path("values").size());
        JsonNode closed = alice.getJson("/jira/rest/agile/1.0/issue/DEMO-1?fields=sprint,closedSprints");
        assertTrue(closed.path("fields").path("sprint").isNull());
        assertEquals(1, closed.path("fields").path("closedSprints").get(0).path("id").asInt());
        JsonNode users = alice.getJson("/jira/rest/api/2/user/search?query=Chen");
        assertEquals("carol", users.get(0).path("name").asText());
    }
}
