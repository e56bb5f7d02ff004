package org.capacitytracker.jira.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.core.Response;
import org.capacitytracker.jira.engine.EngineHolder;
import org.capacitytracker.jira.testing.DemoSprint;
import org.capacitytracker.jira.testing.FakeHttp;
import org.capacitytracker.jira.testing.FakeUsers;
import org.capacitytracker.jira.testing.Json;
import org.capacitytracker.jira.testing.MemoryPluginSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The board resource called directly, over the real engine and in-memory SAL settings. */
class BoardResourceTest {
    private final MemoryPluginSettings settings = new MemoryPluginSettings();
    private final EngineHolder engines = new EngineHolder(settings);
    private final BoardResource boards = new BoardResource(new FakeUsers().user("alice", "Alice Andersen"), engines);

    @AfterEach
    void close() {
        engines.close();
    }

    private static HttpServletRequest alice() {
        return new FakeHttp.Request().user("alice").build();
    }

    private static JsonNode json(Response response) {
        return Json.parse(response.getEntity());
    }

    @Test
    void anonymousCallsAre401AndTouchNothing() {
        HttpServletRequest anonymous = new FakeHttp.Request().build();
        assertEquals(401, boards.getSettings("1", anonymous).getStatus());
        assertEquals(401, boards.putSettings("1", anonymous, FakeHttp.body(DemoSprint.BOARD_SETTINGS)).getStatus());
        assertEquals(401, boards.report("1", anonymous, FakeHttp.body(DemoSprint.SPRINT_3_REPORT_BODY)).getStatus());
        assertEquals(0, settings.globalSettingsCreated);
    }

    @Test
    void aMalformedBoardIdIs400NamingIt() {
        Response r = boards.getSettings("\"<script>", alice());
        assertEquals(400, r.getStatus());
        assertEquals("boardId", json(r).get("field").asText());
        assertEquals(400, boards.putSettings("a b", alice(), FakeHttp.body("{}")).getStatus());
        assertEquals(400, boards.report("x".repeat(41), alice(), FakeHttp.body("{}")).getStatus());
    }

    @Test
    void anUnknownBoardHasDefaultSettingsAtRevisionZero() {
        Response r = boards.getSettings("1", alice());
        assertEquals(200, r.getStatus());
        JsonNode s = json(r);
        assertEquals(0, s.get("revision").asInt());
        assertEquals("hours", s.get("unit").asText());
        assertEquals("no-store", r.getHeaderString("Cache-Control"));
    }

    @Test
    void storesSettingsAndRefusesAStaleRevisionWith409() {
        Response stored = boards.putSettings("1", alice(), FakeHttp.body(DemoSprint.BOARD_SETTINGS));
        assertEquals(200, stored.getStatus(), () -> (String) stored.getEntity());
        assertEquals(1, json(stored).get("revision").asInt());
        assertEquals(4, json(boards.getSettings("1", alice())).get("members").size());

        Response stale = boards.putSettings("1", alice(), FakeHttp.body(DemoSprint.BOARD_SETTINGS));
        assertEquals(409, stale.getStatus());
        assertEquals(2, json(stale).get("code").asInt());
        assertEquals(1, json(stale).get("currentRevision").asInt());
    }

    @Test
    void aKanbanBoardsRangesAreStoredAgainstTheirRevisionAndCheckedByField() {
        assertEquals(0, json(boards.getRanges("7", alice())).get("ranges").size());
        String q1 = "{\"revision\":0,\"ranges\":[{\"id\":\"q1\",\"name\":\"Q1\",\"start\":\"2027-01-01\",\"end\":\"2027-03-31\"}]}";
        Response stored = boards.putRanges("7", alice(), FakeHttp.body(q1));
        assertEquals(200, stored.getStatus(), () -> (String) stored.getEntity());
        assertEquals(1, json(stored).get("revision").asInt());
        assertEquals(409, boards.putRanges("7", alice(), FakeHttp.body(q1)).getStatus());
        Response bad = boards.putRanges("7", alice(), FakeHttp.body(q1.replace("1\",\"start\":\"2027-01-01\",\"end\":\"2027-03-31", "1\",\"start\":\"2027-03-01\",\"end\":\"2027-01-31")
                .replace("\"revision\":0", "\"revision\":1")));
        assertEquals(400, bad.getStatus(), () -> (String) bad.getEntity());
        assertEquals("ranges[0].end", json(bad).get("field").asText());
        assertEquals(401, boards.putRanges("7", new FakeHttp.Request().build(), FakeHttp.body(q1)).getStatus());
        assertEquals("Q1", json(boards.getRanges("7", alice())).get("ranges").get(0).get("name").asText());
    }

    @Test
    void invalidSettingsAre400NamingTheField() {
        Response r = boards.putSettings("1", alice(), FakeHttp.body(
                "{\"schema\":1,\"revision\":0,\"members\":[{\"accountKey\":\"alice\",\"role\":\"Dev\",\"dailyCapacity\":25}]}"));
        assertEquals(400, r.getStatus());
        assertEquals("members[0].dailyCapacity", json(r).get("field").asText());
        assertEquals(0, json(boards.getSettings("1", alice())).get("revision").asInt(), "nothing stored");
    }

    @Test
    void anOversizedBodyIs413() {
        HttpServletRequest declared = new FakeHttp.Request().user("alice").contentLength(2 << 20).build();
        assertEquals(413, boards.putSettings("1", declared, FakeHttp.body("{}")).getStatus());
        String huge = "{\"schema\":1,\"revision\":0,\"holidays\":[" + "{},".repeat(400_000) + "{}]}";
        Response r = boards.putSettings("1", alice(), FakeHttp.body(huge));
        assertEquals(413, r.getStatus());
        assertEquals("body", json(r).get("field").asText());
    }

    @Test
    void reportsTheDemoSprintWithTheBoardFromThePath() {
        assertEquals(200, boards.putSettings("1", alice(), FakeHttp.body(DemoSprint.BOARD_SETTINGS)).getStatus());
        Response r = boards.report("1", alice(), FakeHttp.body(DemoSprint.SPRINT_3_REPORT_BODY));
        assertEquals(200, r.getStatus(), () -> (String) r.getEntity());
        JsonNode report = json(r);
        assertEquals("1", report.get("boardId").asText());
        assertEquals("minute", report.get("baseUnit").asText());
        JsonNode alice = member(report, "alice");
        assertEquals(60 * 60, alice.get("capacity").asInt());
        assertEquals(28 * 60, alice.get("workload").asInt());
        assertEquals("under", alice.get("status").asText());
        JsonNode carol = member(report, "carol");
        assertEquals(50 * 60, carol.get("capacity").asInt());
        assertEquals(51 * 60, carol.get("workload").asInt());
        assertEquals("over", carol.get("status").asText());
        assertEquals(30 * 60, member(report, "bob").get("capacity").asInt());
        assertEquals(6 * 60, member(report, "dave").get("workload").asInt());
        assertEquals(4 * 60, report.get("unassigned").get("workload").asInt());
        assertEquals(1, report.get("unestimated").get("count").asInt());
        assertEquals("erin", report.get("nonMembers").get(0).get("assignee").asText());
        assertEquals(5 * 60, report.get("nonMembers").get(0).get("workload").asInt());
    }

    @Test
    void aBoardIdInTheBodyCannotReplaceTheOneInThePath() {
        boards.putSettings("1", alice(), FakeHttp.body(DemoSprint.BOARD_SETTINGS));
        String other = DemoSprint.SPRINT_3_REPORT_BODY.replaceFirst("\\{", "{\"boardId\":\"2\",");
        Response r = boards.report("1", alice(), FakeHttp.body(other));
        assertEquals(400, r.getStatus(), () -> (String) r.getEntity());
        assertTrue(json(r).get("message").asText().contains("boardId"), () -> (String) r.getEntity());
    }

    @Test
    void aReportBodyThatIsNotAnObjectIs400() {
        Response r = boards.report("1", alice(), FakeHttp.body("[1,2]"));
        assertEquals(400, r.getStatus());
        assertEquals("body", json(r).get("field").asText());
    }

    @Test
    void anInvalidReportRequestIs400FromTheEngine() {
        Response r = boards.report("1", alice(), FakeHttp.body("{\"iteration\":{\"id\":\"3\"},\"items\":[]}"));
        assertEquals(400, r.getStatus(), () -> (String) r.getEntity());
        assertEquals(1, json(r).get("code").asInt());
    }

    private static JsonNode member(JsonNode report, String accountKey) {
        for (JsonNode m : report.get("members")) {
            if (m.get("accountKey").asText().equals(accountKey)) {
                return m;
            }
        }
        throw new AssertionError("no member " + accountKey + " in " + report);
    }
}
