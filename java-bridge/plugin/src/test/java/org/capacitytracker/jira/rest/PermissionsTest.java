package org.capacitytracker.jira.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.core.Response;
import org.capacitytracker.jira.engine.EngineHolder;
import org.capacitytracker.jira.testing.DemoSprint;
import org.capacitytracker.jira.testing.FakeHttp;
import org.capacitytracker.jira.testing.FakeUsers;
import org.capacitytracker.jira.testing.Json;
import org.capacitytracker.jira.testing.MemoryPluginSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The permissions document applied to the board, template and report endpoints: the engine
 * decides, the plugin tells it who asks (groups tested one by one through SAL).
 */
class PermissionsTest {
    private final MemoryPluginSettings settings = new MemoryPluginSettings();
    private final EngineHolder engines = new EngineHolder(settings);
    private final FakeUsers users = new FakeUsers().admin("admin", "Administrator")
            .user("alice", "Alice Andersen").user("bob", "Bob Brown").user("carol", "Carol Chen").user("dave", "Dave Diaz")
            .inGroup("bob", "team-leads").inGroup("carol", "jira-software-users");
    private final BoardResource boards = new BoardResource(users, engines);
    private final TemplateResource templates = new TemplateResource(users, engines);
    private final ReportDefinitionResource reports = new ReportDefinitionResource(users, engines);
    private final AdminResource admin = new AdminResource(users, engines);

    private static HttpServletRequest as(String user) {
        return new FakeHttp.Request().user(user).build();
    }

    private static JsonNode json(Response response) {
        return Json.parse(response.getEntity());
    }

    @BeforeEach
    void demoBoard() {
        assertEquals(200, boards.putSettings("1", as("alice"), FakeHttp.body(DemoSprint.BOARD_SETTINGS)).getStatus());
    }

    @AfterEach
    void close() {
        engines.close();
    }

    private void enable(String boardsJson) {
        int revision = json(admin.getPermissions(as("admin"))).get("revision").asInt();
        Response r = admin.putPermissions(as("admin"), FakeHttp.body("{\"revision\":" + revision
                + ",\"enabled\":true,\"boards\":" + boardsJson
                + ",\"templates\":{\"users\":[\"alice\"],\"groups\":[]},\"reports\":{\"users\":[],\"groups\":[\"team-leads\"]}}"));
        assertEquals(200, r.getStatus(), () -> (String) r.getEntity());
    }

    @Test
    void disabledPermissionsLetEveryoneLoggedInReadAndWrite() {
        assertEquals(200, boards.getSettings("1", as("carol")).getStatus());
        String stored = (String) boards.getSettings("1", as("carol")).getEntity();
        assertEquals(200, boards.putSettings("1", as("carol"), FakeHttp.body(stored)).getStatus());
        assertTrue(users.groupsAsked.isEmpty(), "no group is looked up while permissions are off");
    }

    @Test
    void aBoardsWriteGroupDecidesWhoMayWriteItAndReadersMayOnlyRead() {
        enable("{\"1\":{\"read\":{\"users\":[\"carol\"]},\"write\":{\"groups\":[\"team-leads\"]}}}");
        String stored = (String) boards.getSettings("1", as("bob")).getEntity();

        Response bob = boards.putSettings("1", as("bob"), FakeHttp.body(stored));
        assertEquals(200, bob.getStatus(), () -> (String) bob.getEntity());
        assertEquals(Set.of("team-leads"), users.groupsAsked, "only the groups the board's grants name");

        String current = (String) boards.getSettings("1", as("carol")).getEntity();
        Response carol = boards.putSettings("1", as("carol"), FakeHttp.body(current));
        assertEquals(403, carol.getStatus());
        assertEquals("forbidden", json(carol).get("error").asText());
        assertTrue(json(carol).get("message").asText().contains("write list"), () -> (String) carol.getEntity());
        assertEquals(200, boards.report("1", as("carol"), FakeHttp.body(DemoSprint.SPRINT_3_REPORT_BODY)).getStatus());

        // alice is on neither list of a board that has a read list.
        assertEquals(403, boards.getSettings("1", as("alice")).getStatus());
        assertEquals(403, boards.report("1", as("alice"), FakeHttp.body(DemoSprint.SPRINT_3_REPORT_BODY)).getStatus());
        assertEquals(403, boards.getIterationTeam("1", "3", as("alice")).getStatus());
        // Administrators may always.
        assertEquals(200, boards.putSettings("1", as("admin"), FakeHttp.body(current)).getStatus());
    }

    @Test
    void aKanbanBoardsSavedRangesFollowItsReadAndWriteGrants() {
        enable("{\"1\":{\"read\":{\"users\":[\"carol\"]},\"write\":{\"groups\":[\"team-leads\"]}}}");
        String q1 = "{\"revision\":0,\"ranges\":[{\"id\":\"q1\",\"name\":\"Q1\",\"start\":\"2027-01-01\",\"end\":\"2027-03-31\"}]}";
        Response carol = boards.putRanges("1", as("carol"), FakeHttp.body(q1));
        assertEquals(403, carol.getStatus(), () -> (String) carol.getEntity());
        assertEquals(403, boards.getRanges("1", as("alice")).getStatus());
        assertEquals(0, json(boards.getRanges("1", as("carol"))).get("revision").asInt(), "the refused write stored nothing");
        Response bob = boards.putRanges("1", as("bob"), FakeHttp.body(q1));
        assertEquals(200, bob.getStatus(), () -> (String) bob.getEntity());
        assertEquals("Q1", json(boards.getRanges("1", as("carol"))).get("ranges").get(0).get("name").asText());
    }

    @Test
    void daysOffBelongToTheirPersonAndToTheWritersOfTheirBoard() {
        PersonResource people = new PersonResource(users, engines);
        String dentist = "{\"revision\":0,\"ranges\":[{\"start\":\"2026-12-02\",\"end\":\"2026-12-02\"}]}";
        enable("{\"1\":{\"read\":{\"users\":[\"carol\"]},\"write\":{\"groups\":[\"team-leads\"]}}}");

        // dave (on board 1) may change his own days off, with or without a board.
        Response own = people.putDaysOff("dave", null, as("dave"), FakeHttp.body(dentist));
        assertEquals(200, own.getStatus(), () -> (String) own.getEntity());
        // bob leads board 1: he may change dave's for that board, not outside it.
        String stored = (String) own.getEntity();
        Response lead = people.putDaysOff("dave", "1", as("bob"), FakeHttp.body(stored));
        assertEquals(200, lead.getStatus(), () -> (String) lead.getEntity());
        Response outside = people.putDaysOff("dave", null, as("bob"), FakeHttp.body((String) lead.getEntity()));
        assertEquals(403, outside.getStatus());
        assertTrue(json(outside).get("message").asText().contains("outside a board"), () -> (String) outside.getEntity());
        // carol may read board 1, so she may read dave's days off there, but not change them.
        assertEquals(200, people.getDaysOff("dave", "1", as("carol")).getStatus());
        assertEquals(403, people.putDaysOff("dave", "1", as("carol"), FakeHttp.body((String) lead.getEntity())).getStatus());
        // alice may read neither board 1 nor, through it, dave's days off.
        assertEquals(403, people.getDaysOff("dave", "1", as("alice")).getStatus());
        // Nobody is a member of board 1 under another name: eve is not on it.
        Response notMember = people.getDaysOff("eve", "1", as("bob"));
        assertEquals(403, notMember.getStatus());
        assertTrue(json(notMember).get("message").asText().contains("not a member of board 1"), () -> (String) notMember.getEntity());
        // Administrators may always; a malformed board is 400 naming it.
        assertEquals(200, people.getDaysOff("dave", null, as("admin")).getStatus());
        assertEquals("boardId", json(people.getDaysOff("dave", "no board!", as("bob"))).get("field").asText());
    }

    @Test
    void aBoardWithoutGrantsIsReadableByAllAndWritableByAdministratorsOnly() {
        enable("{}");
        assertEquals(200, boards.getSettings("1", as("alice")).getStatus());
        assertEquals(200, boards.getIterationTeam("1", "3", as("alice")).getStatus());
        Response put = boards.putIterationTeam("1", "3", as("alice"), FakeHttp.body("{\"revision\":0,\"members\":[]}"));
        assertEquals(403, put.getStatus());
        assertEquals(403, boards.copyIterationTeam("1", "3", as("alice"),
                FakeHttp.body("{\"fromIterationId\":\"2\",\"revision\":0}")).getStatus());
        assertEquals(403, boards.applyTemplate("1", as("alice"),
                FakeHttp.body("{\"templateId\":\"squad\",\"revision\":1}")).getStatus());
        assertEquals(200, boards.putIterationTeam("1", "3", as("admin"), FakeHttp.body("{\"revision\":0,\"members\":[]}")).getStatus());
    }

    @Test
    void aMultiProjectReportNeedsReadAccessToEveryBoardItCovers() {
        String run = "{\"definition\":{\"name\":\"December\",\"boardIds\":[],\"projectKeys\":[\"DEMO\"],\"period\":{\"start\":\"2026-11-30\",\"end\":\"2026-12-13\"},"
                + "\"bucket\":\"week\",\"grouping\":\"person\"},\"boards\":[{\"boardId\":\"1\",\"iterations\":[]}]}";
        Response off = reports.run(as("alice"), FakeHttp.body(run));
        assertEquals(200, off.getStatus(), () -> "permissions off: " + off.getEntity());
        String definition = "{\"revision\":0,\"name\":\"December\",\"boardIds\":[\"1\"],"
                + "\"period\":{\"start\":\"2026-11-30\",\"end\":\"2026-12-13\"},\"bucket\":\"week\",\"grouping\":\"person\"}";
        assertEquals(200, reports.put("dec", as("admin"), FakeHttp.body(definition)).getStatus());

        enable("{\"1\":{\"read\":{\"users\":[\"carol\"]}}}");
        Response posted = reports.run(as("alice"), FakeHttp.body(run));
        assertEquals(403, posted.getStatus());
        assertTrue(json(posted).get("message").asText().startsWith("board 1: "), () -> (String) posted.getEntity());
        // The stored definition names the board even when no iteration of it is posted.
        assertEquals(403, reports.run(as("alice"), FakeHttp.body("{\"reportId\":\"dec\",\"boards\":[]}")).getStatus());
        Response carol = reports.run(as("carol"), FakeHttp.body("{\"reportId\":\"dec\",\"boards\":[]}"));
        assertEquals(200, carol.getStatus(), () -> (String) carol.getEntity());
        assertEquals(400, reports.run(as("alice"), FakeHttp.body("{\"boards\":[")).getStatus());
    }

    @Test
    void templateAndReportWritesFollowTheirLists() {
        enable("{}");
        String template = "{\"revision\":0,\"name\":\"Squad\",\"members\":[{\"accountKey\":\"alice\",\"role\":\"Developer\",\"dailyCapacity\":6}]}";
        assertEquals(403, templates.put("squad", as("bob"), FakeHttp.body(template)).getStatus());
        assertEquals(200, templates.put("squad", as("alice"), FakeHttp.body(template)).getStatus());
        assertEquals(200, templates.list(as("bob")).getStatus(), "reading needs no grant");
        assertEquals(403, templates.remove("squad", as("bob")).getStatus());

        String definition = "{\"revision\":0,\"name\":\"Q1\",\"boardIds\":[\"1\"],\"period\":{\"start\":\"2026-01-01\",\"end\":\"2026-03-31\"},"
                + "\"bucket\":\"month\",\"grouping\":\"person\"}";
        assertEquals(403, reports.put("q1", as("alice"), FakeHttp.body(definition)).getStatus());
        Response bob = reports.put("q1", as("bob"), FakeHttp.body(definition));
        assertEquals(200, bob.getStatus(), () -> (String) bob.getEntity());
        assertEquals(204, reports.remove("q1", as("bob")).getStatus());
    }
}
