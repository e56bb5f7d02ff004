package org.capacitytracker.host;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The full demo ({@code --demo full}, what {@code make run} serves): the Jira side has four
 * projects and five boards, the engine holds every kind of document, board 1 is DEMO.md's, and
 * the seed is written once (a restart neither repeats nor undoes it).
 */
class FullDemoTest {
    private static final String CT = "/jira/rest/capacity/1.0";

    @TempDir
    Path dataDir;

    private static List<String> ids(JsonNode list, String field) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(n.path(field).asText()));
        return out;
    }

    @Test
    void theFullDemoShowsEveryFeatureAndKeepsBoardOneAsDemoMdFixesIt() throws Exception {
        try (CapacityHost host = TestHosts.start(dataDir, "--demo", "full")) {
            TestHttp admin = new TestHttp(host.baseUri().resolve("/")).basic("admin", "admin");
            JsonNode boards = admin.getJson("/jira/rest/agile/1.0/board?maxResults=50");
            assertEquals(5, boards.path("total").asInt());
            assertEquals(List.of("1", "2", "3", "4", "5"), ids(boards.path("values"), "id"));
            assertEquals(List.of("4", "5"), ids(admin.getJson("/jira/rest/agile/1.0/board?type=kanban").path("values"), "id"));
            assertEquals(List.of("DEMO", "PAY", "WEB", "OPS"), ids(admin.getJson("/jira/rest/api/2/project"), "key"));
            assertEquals("judy", admin.getJson("/jira/rest/api/2/project/PAY").path("lead").path("name").asText());
            assertEquals("Victor Vance", admin.getJson("/jira/rest/api/2/user?username=victor").path("displayName").asText());
            // Two time zones: WEB's sprints are New York's.
            assertTrue(admin.getJson("/jira/rest/agile/1.0/sprint/11").path("startDate").asText().endsWith("-05:00"));
            // Kanban boards have no sprints but versions with start and release dates.
            assertEquals(400, admin.get("/jira/rest/agile/1.0/board/4/sprint").statusCode());
            JsonNode opsVersions = admin.getJson("/jira/rest/api/2/project/OPS/versions");
            assertEquals(3, opsVersions.size());
            opsVersions.forEach(v -> assertTrue(v.has("startDate") && v.has("releaseDate"), v.toString()));

            // Board 1 is DEMO.md's; the others have their own units, zones and calendars.
            JsonNode one = admin.getJson(CT + "/boards/1/settings");
            assertEquals(List.of("alice", "bob", "carol", "dave"), ids(one.path("members"), "accountKey"));
            assertEquals(0, one.path("holidays").size());
            JsonNode pay = admin.getJson(CT + "/boards/2/settings");
            assertEquals("storyPoints", pay.path("unit").asText());
            assertEquals("germany", pay.path("holidayCalendar").asText());
            assertEquals("America/New_York", admin.getJson(CT + "/boards/3/settings").path("timeZone").asText());
            assertEquals(List.of("germany", "us"), ids(admin.getJson(CT + "/calendars"), "id"));
            assertTrue(admin.getJson(CT + "/calendars/us").path("rules").size() >= 5, "yearly rules");
            assertEquals(List.of("support-rotation", "web-squad"), ids(admin.getJson(CT + "/templates"), "id"));
            assertEquals(0.5, admin.getJson(CT + "/people/frank/days-off").path("ranges").get(0).path("fraction").asDouble(),
                    "a half day off");
            // None of board 1's people has a day off, so its sprint numbers stay DEMO.md's.
            for (String person : List.of("alice", "bob", "carol", "dave")) {
                assertEquals(0, admin.getJson(CT + "/people/" + person + "/days-off").path("ranges").size(), person);
            }
            JsonNode team = admin.getJson(CT + "/boards/3/iterations/11/team");
            Set<String> actions = new TreeSet<>();
            team.path("members").forEach(m -> actions.add(m.path("action").asText()));
            assertEquals(Set.of("add", "change", "remove"), actions);

            // The saved report flags the people booked above 100 % across boards.
            assertEquals(List.of("delivery-hours", "payments-points"), ids(admin.getJson(CT + "/reports"), "id"));
            HttpResponse<String> run = admin.sendJson("POST", CT + "/reports/run", "{\"reportId\":\"delivery-hours\",\"boards\":[]}");
            assertEquals(200, run.statusCode(), run.body());
            Set<String> over = new TreeSet<>();
            TestHttp.JSON.readTree(run.body()).path("overAllocations").forEach(o -> over.add(o.path("accountKey").asText()));
            assertEquals(Set.of("bob", "dave"), over);

            // Permissions are on: board 2 is the payments team's; victor may read but not write the others.
            assertTrue(admin.getJson(CT + "/admin/permissions").path("enabled").asBoolean());
            TestHttp victor = new TestHttp(host.baseUri().resolve("/")).basic("victor", "victor");
            assertEquals(403, victor.get(CT + "/boards/2/settings").statusCode());
            JsonNode readable = victor.getJson(CT + "/boards/1/settings");
            HttpResponse<String> write = victor.sendJson("PUT", CT + "/boards/1/settings", readable.toString());
            assertEquals(403, write.statusCode(), write.body());
            TestHttp judy = new TestHttp(host.baseUri().resolve("/")).basic("judy", "judy");
            assertEquals(200, judy.get(CT + "/boards/2/settings").statusCode());
            TestHttp alice = new TestHttp(host.baseUri().resolve("/")).basic("alice", "alice");
            assertEquals(403, alice.get(CT + "/boards/2/settings").statusCode(), "alice is not in payments-team");
            HttpResponse<String> aliceWrite = alice.sendJson("PUT", CT + "/boards/1/settings", alice.getJson(CT + "/boards/1/settings").toString());
            assertEquals(200, aliceWrite.statusCode(), aliceWrite.body());
            assertTrue(host.summary().stream().anyMatch(l -> l.contains("full demo seeded now")), String.valueOf(host.summary()));

            // The home page is a board directory: every board with type, project and lead, filtered by name and project.
            TestHttp browser = new TestHttp(host.baseUri().resolve("/"));
            browser.login("admin", "admin", null);
            String home = browser.get("/jira/").body();
            for (String row : List.of("data-board-id=\"1\"", "data-board-id=\"4\" data-board-type=\"kanban\"", "OPS Kanban",
                    "Operations (OPS)", "Judy Jones", "href=\"/jira/plugins/servlet/capacity-tracker?boardId=5\"",
                    "href=\"/jira/plugins/servlet/capacity-tracker?view=reports\"", "data-testid=\"home-admin-link\"",
                    "data-project-key=\"WEB\"")) {
                assertTrue(home.contains(row), row + " in " + home);
            }
            String ops = browser.get("/jira/?project=OPS").body();
            assertTrue(ops.contains("OPS Kanban") && !ops.contains("data-board-id=\"1\""), ops);
            String named = browser.get("/jira/?name=PAY").body();
            assertTrue(named.contains("data-board-id=\"2\"") && named.contains("data-board-id=\"5\"")
                    && !named.contains("data-board-id=\"3\""), named);
            assertTrue(browser.get("/jira/?name=%3Cnothing%3E").body().contains("data-testid=\"no-boards\""));
            TestHttp contractor = new TestHttp(host.baseUri().resolve("/"));
            contractor.login("victor", "victor", null);
            String victorHome = contractor.get("/jira/").body();
            assertTrue(victorHome.contains("home-reports-link") && !victorHome.contains("home-admin-link"), victorHome);
        }
    }

    @Test
    void theSeedIsWrittenOnceAndARestartKeepsWhatPeopleChanged() throws Exception {
        try (CapacityHost first = TestHosts.start(dataDir, "--demo", "full")) {
            TestHttp admin = new TestHttp(first.baseUri().resolve("/")).basic("admin", "admin");
            assertEquals(204, admin.sendJson("DELETE", CT + "/templates/web-squad", "").statusCode());
        }
        try (CapacityHost second = TestHosts.start(dataDir, "--demo", "full")) {
            TestHttp admin = new TestHttp(second.baseUri().resolve("/")).basic("admin", "admin");
            assertEquals(List.of("support-rotation"), ids(admin.getJson(CT + "/templates"), "id"),
                    "a deleted demo template stays deleted");
            assertEquals(1, admin.getJson(CT + "/boards/3/settings").path("revision").asInt(), "not written again");
            assertTrue(second.summary().stream().anyMatch(l -> l.contains("seeded before")), String.valueOf(second.summary()));
            assertFalse(second.summary().stream().anyMatch(l -> l.contains("seeded now")), String.valueOf(second.summary()));
        }
    }

    @Test
    void aBasicDemoDirectoryGrowsIntoTheFullDemoWithItsPeople() throws Exception {
        try (CapacityHost basic = TestHosts.start(dataDir)) {
            TestHttp admin = new TestHttp(basic.baseUri().resolve("/")).basic("admin", "admin");
            assertEquals(1, admin.getJson("/jira/rest/agile/1.0/board").path("total").asInt());
        }
        try (CapacityHost full = TestHosts.start(dataDir, "--demo", "full")) {
            TestHttp judy = new TestHttp(full.baseUri().resolve("/")).basic("judy", "judy");
            assertEquals(200, judy.get(CT + "/boards/2/settings").statusCode(), "judy was added and is in payments-team");
            assertEquals(1, judy.getJson(CT + "/boards/1/settings").path("revision").asInt(), "board 1 kept as stored");
        }
    }

    @Test
    void anUnknownDemoIsRefusedNamingTheOption() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> HostOptions.parse(List.of("--plugin", "x.jar", "--demo", "huge")));
        assertEquals("--demo must be basic or full, got huge", e.getMessage());
        assertEquals(org.capacitytracker.host.jira.DemoData.Demo.FULL, HostOptions.parse(List.of("--plugin", "x.jar")).demo(),
                "make run serves the full demo");
    }
}
