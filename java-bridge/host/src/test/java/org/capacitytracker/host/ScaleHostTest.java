package org.capacitytracker.host;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The host with {@code --scale small}: the Jira REST resources answer over the generated
 * dataset in the same shapes as over the demo, its people log in, its teams and report are
 * in the plugin, and a restart or another scale on the same data directory behaves.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScaleHostTest {
    private CapacityHost demo;
    private CapacityHost scale;
    private Path scaleDir;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        demo = TestHosts.start(Files.createDirectories(dir.resolve("demo")));
        scaleDir = Files.createDirectories(dir.resolve("scale"));
        scale = TestHosts.start(scaleDir, "--scale", "small");
    }

    @AfterAll
    void stop() {
        if (demo != null) {
            demo.close();
        }
        if (scale != null) {
            scale.close();
        }
    }

    private static TestHttp as(CapacityHost host, String user) {
        return new TestHttp(host.baseUri().resolve("/")).basic(user, user);
    }

    private static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** Board 1 and its active sprint 3 in the demo; board 1001 and its active sprint in the dataset. */
    @Test
    void jiraRestAnswersInTheDemosShapes() throws Exception {
        TestHttp d = as(demo, "alice");
        TestHttp s = as(scale, "s00001");
        String active = s.getJson("/jira/rest/agile/1.0/board/1001/sprint?state=active").path("values").get(0).path("id").asText();
        String panelFields = "&fields=summary,assignee,status,issuetype,parent,timeestimate,timeoriginalestimate,subtasks,"
                + "customfield_10106,sprint,fixVersions";
        String[][] pairs = {
            {"/rest/agile/1.0/board", "/rest/agile/1.0/board"},
            {"/rest/agile/1.0/board/1", "/rest/agile/1.0/board/1001"},
            {"/rest/agile/1.0/board/1/configuration", "/rest/agile/1.0/board/1001/configuration"},
            {"/rest/agile/1.0/board/1/sprint", "/rest/agile/1.0/board/1001/sprint"},
            {"/rest/agile/1.0/board/1/version", "/rest/agile/1.0/board/1001/version"},
            {"/rest/agile/1.0/sprint/3", "/rest/agile/1.0/sprint/" + active},
            {"/rest/agile/1.0/board/1/sprint/3/issue?maxResults=1000" + panelFields,
                "/rest/agile/1.0/board/1001/sprint/" + active + "/issue?maxResults=1000" + panelFields},
            {"/rest/api/2/search?jql=" + q("sprint = 3 AND assignee is not EMPTY") + panelFields,
                "/rest/api/2/search?jql=" + q("sprint = " + active + " AND assignee is not EMPTY") + panelFields},
            {"/rest/api/2/search?jql=" + q("project = DEMO AND statusCategory != Done ORDER BY key") + "&maxResults=5",
                "/rest/api/2/search?jql=" + q("project = SAAA AND statusCategory != Done ORDER BY key") + "&maxResults=5"},
            {"/rest/api/2/project", "/rest/api/2/project"},
            {"/rest/api/2/project/DEMO", "/rest/api/2/project/SAAA"},
            {"/rest/api/2/user?username=alice", "/rest/api/2/user?username=s00001"},
            {"/rest/api/2/user/search?username=al", "/rest/api/2/user/search?username=s0000"},
        };
        List<String> differences = new ArrayList<>();
        for (String[] pair : pairs) {
            List<String> found = new ArrayList<>();
            compare("", d.getJson("/jira" + pair[0]), s.getJson("/jira" + pair[1]), found);
            found.forEach(f -> differences.add(pair[1] + " vs the demo's " + pair[0] + ": " + f));
        }
        assertEquals(List.of(), differences);
        // Not empty answers: the dataset's sprint has issues, its project versions, the search people.
        assertTrue(s.getJson("/jira/rest/agile/1.0/sprint/" + active + "/issue").path("total").asInt() > 0);
        assertEquals(4, s.getJson("/jira/rest/agile/1.0/board/1001/version").path("values").size());
        assertEquals(26, s.getJson("/jira/rest/agile/1.0/board/1001/sprint?maxResults=50").path("values").size());
        assertTrue(s.getJson("/jira/rest/api/2/user/search?username=s0000").size() >= 9);
    }

    /**
     * Where both answers have an object, they have the same fields; arrays compare their first
     * elements; a value present on one side and null on the other is data, not shape.
     */
    /** Fields Jira leaves out when they have no value (a version without a start date). */
    private static final java.util.Set<String> OMITTED_WHEN_EMPTY = java.util.Set.of("startDate", "userStartDate",
            "releaseDate", "userReleaseDate");

    private static void compare(String path, JsonNode a, JsonNode b, List<String> out) {
        if (a.isObject() && b.isObject()) {
            for (Iterator<String> it = a.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!b.has(name) && !OMITTED_WHEN_EMPTY.contains(name)) {
                    out.add("missing " + path + "." + name);
                } else {
                    compare(path + "." + name, a.get(name), b.get(name), out);
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = b.fields(); it.hasNext(); ) {
                String name = it.next().getKey();
                if (!a.has(name) && !OMITTED_WHEN_EMPTY.contains(name)) {
                    out.add("extra " + path + "." + name);
                }
            }
        } else if (a.isArray() && b.isArray()) {
            if (!a.isEmpty() && !b.isEmpty()) {
                compare(path + "[0]", a.get(0), b.get(0), out);
            }
        } else if (!a.isNull() && !b.isNull() && a.getNodeType() != b.getNodeType()) {
            out.add(path + ": " + a.getNodeType() + " vs " + b.getNodeType());
        }
    }

    @Test
    void generatedPeopleLogInAndFindTheirTeamsAndTheReport() throws Exception {
        TestHttp s = as(scale, "s00002");
        JsonNode settings = s.getJson("/jira/rest/capacity/1.0/boards/1002/settings");
        List<String> team = new ArrayList<>();
        settings.path("members").forEach(m -> team.add(m.path("accountKey").asText()));
        // Person n's first board is board 1001 + (n - 1) mod 4.
        assertTrue(team.contains("s00002"), team.toString());
        assertEquals("original", settings.path("estimateSource").asText());
        JsonNode report = s.getJson("/jira/rest/capacity/1.0/reports/scale-all-boards");
        assertEquals(List.of("1001", "1002", "1003", "1004"),
                TestHttp.JSON.convertValue(report.path("boardIds"), List.class));
        assertEquals(401, new TestHttp(scale.baseUri().resolve("/")).basic("s00002", "wrong")
                .get("/jira/rest/api/2/myself").statusCode());
    }

    /**
     * The platform search over the dataset in the database: each JQL shape the panel and the
     * tests use is answered from an index (sprint, project, fixVersion, assignee, key), with
     * the same issues whichever index found them; a query none of them narrows is Jira's 400
     * with a message, not a read of every issue.
     */
    @Test
    void searchesAreAnsweredFromTheIndexesAndABroadOneIsRefused() throws Exception {
        TestHttp s = as(scale, "admin");
        String active = s.getJson("/jira/rest/agile/1.0/board/1001/sprint?state=active").path("values").get(0).path("id").asText();
        JsonNode sprint = s.getJson("/jira/rest/api/2/search?maxResults=1000&fields=assignee,fixVersions&jql="
                + q("sprint = " + active));
        assertTrue(sprint.path("total").asInt() > 0, sprint.toString());
        JsonNode first = sprint.path("issues").get(0);
        String key = first.path("key").asText();
        String assignee = null;
        String version = null;
        for (JsonNode i : sprint.path("issues")) {
            if (assignee == null && i.path("fields").path("assignee").isObject()) {
                assignee = i.path("fields").path("assignee").path("key").asText();
            }
            if (version == null && i.path("fields").path("fixVersions").size() > 0) {
                version = i.path("fields").path("fixVersions").get(0).path("id").asText();
            }
        }
        assertTrue(assignee != null && version != null, sprint.toString());
        // Each shape alone, and each agrees with the sprint's own answer on what they share.
        String[] shapes = {"key = " + key, "issuekey in (" + key + ")", "assignee = " + assignee,
            "fixVersion = " + version, "project = SAAA", "sprint in (" + active + ")",
            "assignee = " + assignee + " AND sprint = " + active};
        for (String jql : shapes) {
            java.net.http.HttpResponse<String> r = s.get("/jira/rest/api/2/search?maxResults=0&jql=" + q(jql));
            assertEquals(200, r.statusCode(), jql + ": " + r.body());
            assertTrue(TestHttp.JSON.readTree(r.body()).path("total").asInt() > 0, jql + ": " + r.body());
        }
        int mine = 0;
        for (JsonNode i : sprint.path("issues")) {
            mine += assignee.equals(i.path("fields").path("assignee").path("key").asText()) ? 1 : 0;
        }
        assertEquals(mine, s.getJson("/jira/rest/api/2/search?maxResults=0&jql="
                + q("assignee = " + assignee + " AND sprint = " + active)).path("total").asInt());
        assertEquals(1, s.getJson("/jira/rest/api/2/search?maxResults=0&jql=" + q("key = " + key)).path("total").asInt());
        // Nothing narrows these: refused, as Jira refuses a query it cannot run, with the reason.
        for (String jql : new String[] {"", "ORDER BY key", "statusCategory = Done", "assignee is EMPTY",
            "sprint = " + active + " OR statusCategory = Done", "sprint in openSprints()"}) {
            java.net.http.HttpResponse<String> r = s.get("/jira/rest/api/2/search?maxResults=1&jql=" + q(jql));
            assertEquals(400, r.statusCode(), jql + ": " + r.body());
            assertTrue(TestHttp.JSON.readTree(r.body()).path("errorMessages").get(0).asText()
                    .contains("requires sprint, project, fixVersion, assignee or key"), r.body());
        }
        // A board's issue list is bounded by its project: any JQL works within it.
        assertTrue(s.getJson("/jira/rest/agile/1.0/board/1001/issue?maxResults=0&jql=" + q("statusCategory != Done"))
                .path("total").asInt() > 0);
    }

    /**
     * The saved report over every board runs as a server-side job: the plugin reads the
     * dataset through Jira's Java API, which the host answers from the tables (JdbcWorkSource).
     */
    @Test
    void theSavedReportRunsOnTheServerOverTheDatasetsTables() throws Exception {
        TestHttp admin = as(scale, "admin");
        java.net.http.HttpResponse<String> started = admin.sendJson("POST", "/jira/rest/capacity/1.0/reports/jobs",
                "{\"reportId\":\"scale-all-boards\"}");
        assertEquals(202, started.statusCode(), started.body());
        String id = TestHttp.JSON.readTree(started.body()).path("id").asText();
        JsonNode job = null;
        for (int i = 0; i < 2_400 && job == null; i++) {
            java.net.http.HttpResponse<String> r = admin.get("/jira/rest/capacity/1.0/reports/jobs/" + id);
            if (r.statusCode() == 200) {
                job = TestHttp.JSON.readTree(r.body());
            } else {
                assertEquals(202, r.statusCode(), r.body());
                Thread.sleep(25);
            }
        }
        assertTrue(job != null, "the job did not finish in a minute");
        assertEquals("done", job.path("state").asText(), job.toString());
        assertEquals(4, job.path("boardsDone").asInt(), job.toString());
        // The small dataset's 2,400 issues: most of them are in the year's sprints.
        assertTrue(job.path("items").asLong() > 1_000, job.toString());
        assertTrue(job.path("report").path("rows").size() > 0, job.toString());
    }

    @Test
    void aDatasetMadeByGenerateGetsItsAdminOnTheHostsFirstStart(@TempDir Path dir) throws Exception {
        org.capacitytracker.host.scale.GenerateCommand.run(List.of("--scale", "small", "--data-dir", dir.toString(),
                "--demo-anchor", TestHosts.ANCHOR.toString()));
        CapacityHost host = TestHosts.start(dir, "--scale", "small");
        try {
            assertTrue(String.join("\n", host.summary()).contains("generated before, kept as stored"));
            assertEquals(200, new TestHttp(host.baseUri().resolve("/")).basic("admin", "admin")
                    .get("/jira/rest/api/2/myself").statusCode());
        } finally {
            host.close();
        }
    }

    @Test
    void aRestartFindsTheDatasetAndAnotherScaleIsRefused() throws Exception {
        scale.close();
        scale = null;
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> TestHosts.start(scaleDir, "--scale", "medium"));
        assertTrue(refused.getMessage().contains("holds the --scale small dataset"), refused.getMessage());
        scale = TestHosts.start(scaleDir, "--scale", "small");
        assertTrue(String.join("\n", scale.summary()).contains("generated before, kept as stored"), scale.summary().toString());
        assertTrue(String.join("\n", scale.summary()).contains("seeded before, kept as stored"), scale.summary().toString());
        assertEquals(200, as(scale, "s00003").get("/jira/rest/agile/1.0/board/1003").statusCode());
    }
}
