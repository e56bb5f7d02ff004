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

/** Templates, calendars, report definitions and iteration teams over the real engine. */
class SharedDocumentsResourceTest {
    private static final String SQUAD = "{\"revision\":0,\"name\":\"Squad\",\"members\":["
            + "{\"accountKey\":\"alice\",\"role\":\"Developer\",\"dailyCapacity\":5},"
            + "{\"accountKey\":\"erin\",\"role\":\"Developer\",\"dailyCapacity\":6}]}";
    private static final String GERMANY = "{\"revision\":0,\"name\":\"Germany\",\"dates\":[],\"rules\":["
            + "{\"type\":\"fixed\",\"name\":\"Christmas Day\",\"month\":12,\"day\":25},"
            + "{\"type\":\"easter\",\"name\":\"Good Friday\",\"offset\":-2}]}";

    private final MemoryPluginSettings settings = new MemoryPluginSettings();
    private final EngineHolder engines = new EngineHolder(settings);
    private final FakeUsers users = new FakeUsers().admin("admin", "Administrator").user("alice", "Alice Andersen");
    private final BoardResource boards = new BoardResource(users, engines);
    private final TemplateResource templates = new TemplateResource(users, engines);
    private final CalendarResource calendars = new CalendarResource(users, engines);
    private final ReportDefinitionResource reports = new ReportDefinitionResource(users, engines);

    @AfterEach
    void close() {
        engines.close();
    }

    private static HttpServletRequest as(String user) {
        return new FakeHttp.Request().user(user).build();
    }

    private static JsonNode json(Response response) {
        return Json.parse(response.getEntity());
    }

    @Test
    void anonymousCallsAre401() {
        HttpServletRequest anonymous = new FakeHttp.Request().build();
        assertEquals(401, templates.list(anonymous).getStatus());
        assertEquals(401, templates.put("squad", anonymous, FakeHttp.body(SQUAD)).getStatus());
        assertEquals(401, calendars.get("de", anonymous).getStatus());
        assertEquals(401, reports.run(anonymous, FakeHttp.body("{}")).getStatus());
        assertEquals(401, boards.getIterationTeam("1", "3", anonymous).getStatus());
        assertEquals(0, settings.globalSettingsCreated);
    }

    @Test
    void templatesAreStoredListedConflictedAndRemoved() {
        Response stored = templates.put("squad", as("alice"), FakeHttp.body(SQUAD));
        assertEquals(200, stored.getStatus(), () -> (String) stored.getEntity());
        assertEquals(1, json(stored).get("revision").asInt());
        assertEquals("[{\"id\":\"squad\",\"name\":\"Squad\"}]", templates.list(as("alice")).getEntity());
        assertEquals("Squad", json(templates.get("squad", as("alice"))).get("name").asText());

        Response stale = templates.put("squad", as("alice"), FakeHttp.body(SQUAD));
        assertEquals(409, stale.getStatus());
        assertEquals(1, json(stale).get("currentRevision").asInt());

        Response removed = templates.remove("squad", as("alice"));
        assertEquals(204, removed.getStatus());
        assertEquals(null, removed.getEntity());
        Response missing = templates.get("squad", as("alice"));
        assertEquals(404, missing.getStatus());
        assertEquals("templateId", json(missing).get("field").asText());
        assertEquals("notFound", json(missing).get("error").asText());
    }

    @Test
    void malformedIdsAre400NamingTheParameter() {
        assertEquals("templateId", json(templates.get("a b", as("alice"))).get("field").asText());
        assertEquals("calendarId", json(calendars.put("x".repeat(61), as("admin"), FakeHttp.body(GERMANY))).get("field").asText());
        assertEquals("reportId", json(reports.remove("<q1>", as("alice"))).get("field").asText());
        assertEquals("iterationId", json(boards.getIterationTeam("1", "3 4", as("alice"))).get("field").asText());
        assertEquals("boardId", json(boards.applyTemplate("1/2", as("alice"), FakeHttp.body("{}"))).get("field").asText());
    }

    @Test
    void invalidDocumentsAre400NamingTheField() {
        Response r = templates.put("squad", as("alice"), FakeHttp.body(
                "{\"revision\":0,\"name\":\"Squad\",\"members\":[{\"accountKey\":\"alice\",\"role\":\"Developer\",\"dailyCapacity\":-1}]}"));
        assertEquals(400, r.getStatus());
        assertEquals("members[0].dailyCapacity", json(r).get("field").asText(), () -> (String) r.getEntity());
        Response c = calendars.put("de", as("admin"), FakeHttp.body(
                "{\"revision\":0,\"name\":\"Germany\",\"rules\":[{\"type\":\"fixed\",\"name\":\"X\",\"month\":13,\"day\":1}]}"));
        assertEquals(400, c.getStatus());
        assertTrue(json(c).get("field").asText().startsWith("rules[0]"), () -> (String) c.getEntity());
    }

    @Test
    void calendarsAreWrittenByAdministratorsOnlyAndReadByAnyone() {
        Response refused = calendars.put("de", as("alice"), FakeHttp.body(GERMANY));
        assertEquals(403, refused.getStatus());
        assertEquals("forbidden", json(refused).get("error").asText());
        assertEquals("[]", calendars.list(as("alice")).getEntity(), "nothing stored");

        assertEquals(200, calendars.put("de", as("admin"), FakeHttp.body(GERMANY)).getStatus());
        assertEquals(2, json(calendars.get("de", as("alice"))).get("rules").size());
        assertEquals(403, calendars.remove("de", as("alice")).getStatus());
        assertEquals(204, calendars.remove("de", as("admin")).getStatus());
        assertEquals("[]", calendars.list(as("alice")).getEntity());
    }

    @Test
    void iterationTeamsAreReadWrittenAndCopiedWithTheIdsFromThePath() {
        boards.putSettings("1", as("alice"), FakeHttp.body(DemoSprint.BOARD_SETTINGS));
        JsonNode empty = json(boards.getIterationTeam("1", "3", as("alice")));
        assertEquals(0, empty.get("revision").asInt());
        assertEquals("3", empty.get("iterationId").asText());

        Response put = boards.putIterationTeam("1", "3", as("alice"), FakeHttp.body(
                "{\"revision\":0,\"members\":[{\"accountKey\":\"bob\",\"action\":\"remove\"}]}"));
        assertEquals(200, put.getStatus(), () -> (String) put.getEntity());

        Response copy = boards.copyIterationTeam("1", "4", as("alice"), FakeHttp.body("{\"fromIterationId\":\"3\",\"revision\":0}"));
        assertEquals(200, copy.getStatus(), () -> (String) copy.getEntity());
        assertEquals("4", json(copy).get("iterationId").asText());
        assertEquals("bob", json(copy).get("members").get(0).get("accountKey").asText());

        // The target named in the body cannot replace the one in the path.
        Response sneaky = boards.copyIterationTeam("1", "4", as("alice"),
                FakeHttp.body("{\"fromIterationId\":\"3\",\"toIterationId\":\"9\",\"revision\":1}"));
        assertEquals(400, sneaky.getStatus(), () -> (String) sneaky.getEntity());
        Response stale = boards.copyIterationTeam("1", "4", as("alice"), FakeHttp.body("{\"fromIterationId\":\"3\",\"revision\":0}"));
        assertEquals(409, stale.getStatus());
    }

    @Test
    void applyingATemplateAddsItsMembersToTheBoard() {
        boards.putSettings("1", as("alice"), FakeHttp.body(DemoSprint.BOARD_SETTINGS));
        templates.put("squad", as("alice"), FakeHttp.body(SQUAD));
        Response r = boards.applyTemplate("1", as("alice"), FakeHttp.body("{\"templateId\":\"squad\",\"revision\":1}"));
        assertEquals(200, r.getStatus(), () -> (String) r.getEntity());
        JsonNode result = json(r);
        assertEquals("erin", result.get("added").get(0).asText());
        assertEquals("alice", result.get("changed").get(0).asText());
        assertEquals(5, json(boards.getSettings("1", as("alice"))).get("members").size());
        assertEquals(409, boards.applyTemplate("1", as("alice"), FakeHttp.body("{\"templateId\":\"squad\",\"revision\":1}")).getStatus());
        assertEquals(400, boards.applyTemplate("1", as("alice"), FakeHttp.body("[]")).getStatus());
    }

    @Test
    void reportDefinitionsAreStoredAndRun() {
        boards.putSettings("1", as("alice"), FakeHttp.body(DemoSprint.BOARD_SETTINGS));
        String definition = "{\"revision\":0,\"name\":\"December\",\"boardIds\":[\"1\"],"
                + "\"period\":{\"start\":\"2026-11-30\",\"end\":\"2026-12-13\"},\"bucket\":\"week\",\"grouping\":\"person\"}";
        assertEquals(200, reports.put("dec", as("alice"), FakeHttp.body(definition)).getStatus());
        assertEquals("[{\"id\":\"dec\",\"name\":\"December\"}]", reports.list(as("alice")).getEntity());
        Response run = reports.run(as("alice"), FakeHttp.body("{\"reportId\":\"dec\",\"boards\":[{\"boardId\":\"1\",\"iterations\":["
                + "{\"id\":\"3\",\"start\":\"2026-11-30\",\"end\":\"2026-12-11\",\"items\":[]}]}]}"));
        assertEquals(200, run.getStatus(), () -> (String) run.getEntity());
        assertTrue(json(run).has("rows"), () -> (String) run.getEntity());
        Response bad = reports.run(as("alice"), FakeHttp.body("{\"reportId\":\"nope\",\"boards\":[]}"));
        assertEquals(404, bad.getStatus(), () -> (String) bad.getEntity());
    }
}
