package org.capacitytracker.host;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code capacity-host import}: the demo exported through the host's own Jira REST (the files
 * the README's curl commands save), imported into a fresh data dir, served by a second host,
 * answers the same JSON as the first.
 */
class JiraImportTest {
    /** The export: file name to the REST path it is saved from (as the README documents). */
    private static final Map<String, String> EXPORT = Map.of(
            "project.json", "/rest/api/2/project",
            "users.json", "/rest/api/2/user/search?username=.&maxResults=1000",
            "board.json", "/rest/agile/1.0/board",
            "board-1-sprint.json", "/rest/agile/1.0/board/1/sprint",
            "board-1-version.json", "/rest/agile/1.0/board/1/version",
            "search-0.json", "/rest/api/2/search?jql=ORDER%20BY%20key&fields=*all&expand=names&maxResults=10&startAt=0",
            "search-10.json", "/rest/api/2/search?jql=ORDER%20BY%20key&fields=*all&expand=names&maxResults=10&startAt=10",
            "search-20.json", "/rest/api/2/search?jql=ORDER%20BY%20key&fields=*all&expand=names&maxResults=10&startAt=20");

    private static final List<String> COMPARED = List.of("/rest/api/2/project", "/rest/api/2/project/DEMO",
            "/rest/agile/1.0/board", "/rest/agile/1.0/board/1", "/rest/agile/1.0/board/1/sprint",
            "/rest/agile/1.0/sprint/3", "/rest/agile/1.0/board/1/version",
            "/rest/api/2/search?jql=ORDER%20BY%20key&maxResults=100&expand=names",
            "/rest/api/2/search?jql=sprint%20in%20openSprints()%20AND%20assignee%20%3D%20bob&fields=*all",
            "/rest/api/2/issue/DEMO-8", "/rest/api/2/issue/DEMO-9", "/rest/agile/1.0/issue/DEMO-1",
            "/rest/agile/1.0/sprint/3/issue", "/rest/agile/1.0/board/1/issue?startAt=5&maxResults=7",
            "/rest/api/2/user/search?username=a");

    @Test
    void theDemoRoundTripsThroughExportAndImport(@TempDir Path demoDir, @TempDir Path exportDir, @TempDir Path importedDir)
            throws Exception {
        try (CapacityHost demo = TestHosts.start(demoDir)) {
            TestHttp alice = new TestHttp(demo.baseUri().resolve("/")).basic("alice", "alice");
            for (Map.Entry<String, String> e : EXPORT.entrySet()) {
                Files.writeString(exportDir.resolve(e.getKey()), alice.get("/jira" + e.getValue()).body());
            }
            Files.writeString(exportDir.resolve("serverInfo.json"), alice.get("/jira/rest/api/2/serverInfo").body());

            List<String> said = ImportCommand.run(List.of(exportDir.toString(), "--data-dir", importedDir.toString()));
            assertTrue(said.get(0).startsWith("Imported 1 projects, 1 boards, 4 sprints, 24 issues and 6 people"), said.get(0));

            try (CapacityHost copy = TestHosts.start(importedDir)) {
                URI demoBase = demo.baseUri();
                URI copyBase = copy.baseUri();
                TestHttp admin = new TestHttp(copyBase.resolve("/")).basic("admin", "admin");
                for (String path : COMPARED) {
                    String original = alice.get("/jira" + path).body().replace(demoBase.toString(), "BASE/");
                    String imported = admin.get("/jira" + path).body().replace(copyBase.toString(), "BASE/");
                    assertEquals(TestHttp.JSON.readTree(original), TestHttp.JSON.readTree(imported), path);
                }
                assertEquals(401, new TestHttp(copyBase.resolve("/")).basic("alice", "alice").get("/jira/rest/api/2/myself")
                        .statusCode(), "imported people cannot log in");
                assertTrue(copy.summary().stream().anyMatch(l -> l.contains("imported from")), String.join("\n", copy.summary()));
            }
        }
    }

    @Test
    void otherInstancesShapesMapOntoThePanelsIssueModel(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("project.json"),
                "[{\"id\":\"10400\",\"key\":\"OPS\",\"name\":\"Operations\",\"projectTypeKey\":\"software\"}]");
        Files.writeString(dir.resolve("board.json"), "{\"values\":[{\"id\":7,\"name\":\"OPS flow\",\"type\":\"kanban\","
                + "\"location\":{\"projectId\":10400,\"projectKey\":\"OPS\"}}]}");
        Files.writeString(dir.resolve("sprints.json"), "{\"values\":[{\"id\":41,\"state\":\"closed\",\"name\":\"S41\","
                + "\"startDate\":\"2026-01-05T09:00:00.000Z\",\"endDate\":\"2026-01-16T17:00:00.000Z\",\"originBoardId\":7},"
                + "{\"id\":42,\"state\":\"future\",\"name\":\"S42\",\"originBoardId\":7}]}");
        // Cloud-like: accountId users, sprints as objects, a story point field found through names.
        Files.writeString(dir.resolve("search.json"), "{\"names\":{\"customfield_10016\":\"Story point estimate\"},"
                + "\"issues\":[{\"id\":\"20001\",\"key\":\"OPS-1\",\"fields\":{\"summary\":\"Rotate keys\","
                + "\"issuetype\":{\"name\":\"Chore\",\"subtask\":false},\"status\":{\"name\":\"Review\","
                + "\"statusCategory\":{\"key\":\"indeterminate\"}},\"assignee\":{\"accountId\":\"5b10\","
                + "\"displayName\":\"Mia Krystof\"},\"customfield_10016\":3,\"timeestimate\":7200,"
                + "\"customfield_10020\":[{\"id\":41,\"boardId\":7,\"state\":\"closed\"},"
                + "{\"id\":42,\"boardId\":7,\"state\":\"future\"}]}}]}");
        org.capacitytracker.host.jira.DemoData data = org.capacitytracker.host.jira.JiraImport.read(dir);
        org.capacitytracker.host.jira.DemoData.Issue issue = data.issue("OPS-1").orElseThrow();
        assertEquals(42, issue.sprintId(), "the open sprint wins over the closed one");
        assertEquals(3.0, issue.storyPoints());
        assertEquals(7200L, issue.remainingSeconds());
        assertEquals("5b10", issue.assignee());
        assertEquals(org.capacitytracker.host.jira.DemoData.Status.IN_PROGRESS, issue.status());
        assertEquals(org.capacitytracker.host.jira.DemoData.IssueType.TASK, issue.type());
        assertEquals("kanban", data.board(7).orElseThrow().type());
        assertEquals("Operations", data.projectOf(issue).name());
        assertEquals(List.of("Mia Krystof"), data.importedUsers().stream().map(u -> u.displayName()).toList());
        assertTrue(data.sprint(42).orElseThrow().start() == null, "a future sprint without dates imports");
    }

    @Test
    void anImportWithoutAProjectListOrWithBrokenJsonSaysWhichFile(@TempDir Path dir, @TempDir Path data) throws Exception {
        Files.writeString(dir.resolve("board.json"), "{\"values\":[]}");
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> ImportCommand.run(List.of(dir.toString(), "--data-dir", data.toString())));
        assertTrue(none.getMessage().contains("no project list"), none.getMessage());
        Files.writeString(dir.resolve("project.json"), "[{\"id\":\"1\",\"key\":\"X\",\"name\":\"X\",\"projectTypeKey\":\"software\"}");
        IllegalArgumentException broken = assertThrows(IllegalArgumentException.class,
                () -> ImportCommand.run(List.of(dir.toString(), "--data-dir", data.toString())));
        assertTrue(broken.getMessage().startsWith("project.json is not JSON"), broken.getMessage());
        assertFalse(Files.exists(data.resolve("jira-import")), "nothing is kept from a failed import");
    }
}
