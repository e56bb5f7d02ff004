package org.capacitytracker.jira.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.core.Response;
import org.capacitytracker.jira.engine.EngineHolder;
import org.capacitytracker.jira.report.ServerReports;
import org.capacitytracker.jira.testing.FakeHttp;
import org.capacitytracker.jira.testing.FakeUsers;
import org.capacitytracker.jira.testing.Json;
import org.capacitytracker.jira.testing.MemoryPluginSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The report job resource called directly: start, poll, cancel, and what it refuses. Jira
 * here shows the caller no board (the reader's own test covers reading), so a job finishes
 * at once with the engine's report of no board.
 */
class ReportJobResourceTest {
    private static final String DEFINITION = "{\"name\":\"Dec\",\"boardIds\":[\"1\"],"
            + "\"period\":{\"start\":\"2026-11-30\",\"end\":\"2026-12-13\"},\"bucket\":\"week\",\"grouping\":\"board\"}";
    private final EngineHolder engines = new EngineHolder(new MemoryPluginSettings());
    private final ServerReports reports = NoJiraWork.reports(engines);
    private final ReportJobResource jobs = new ReportJobResource(
            new FakeUsers().user("alice", "Alice Andersen").user("bob", "Bob Brown"), engines, reports);

    @AfterEach
    void close() {
        reports.close();
        engines.close();
    }

    private static HttpServletRequest as(String user) {
        return new FakeHttp.Request().user(user).build();
    }

    private static JsonNode json(Response response) {
        return Json.parse(response.getEntity());
    }

    private JsonNode finished(String id) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            Response r = jobs.get(id, as("alice"));
            if (r.getStatus() == 200) {
                return json(r);
            }
            assertEquals(202, r.getStatus(), String.valueOf(r.getEntity()));
            Thread.sleep(25);
        }
        throw new AssertionError("job " + id + " did not finish");
    }

    @Test
    void aStartedJobIsPolledToItsReportByItsOwnerOnly() throws Exception {
        Response started = jobs.start(as("alice"), FakeHttp.body("{\"definition\":" + DEFINITION + "}"));
        assertEquals(202, started.getStatus(), String.valueOf(started.getEntity()));
        assertEquals("no-store", started.getHeaderString("Cache-Control"));
        String id = json(started).get("id").asText();
        assertTrue(id.matches("[0-9a-f]{32}"), id);
        JsonNode done = finished(id);
        assertEquals("done", done.get("state").asText());
        assertEquals(1, done.get("boardsTotal").asInt(), "board 1 stays in the report, without work");
        assertEquals(0, done.get("items").asInt());
        assertEquals("[{\"boardId\":\"1\",\"code\":\"board-not-visible\"}]", done.get("notes").toString(),
                "board 1 is not visible in Jira: noted for the page");
        assertEquals("Dec", done.get("report").get("name").asText());
        // Another user cannot read or cancel it, nor tell it exists.
        Response other = jobs.get(id, as("bob"));
        assertEquals(404, other.getStatus());
        assertEquals("notFound", json(other).get("error").asText());
        assertEquals(404, jobs.cancel(id, as("bob")).getStatus());
        // Cancelling a finished job leaves it as it is.
        assertEquals("done", json(jobs.cancel(id, as("alice"))).get("state").asText());
    }

    @Test
    void aStoredReportStartsByIdAndAMissingOneIs404() throws Exception {
        engines.engine().putReportDefinition("dec", "{\"revision\":0," + DEFINITION.substring(1));
        Response started = jobs.start(as("alice"), FakeHttp.body("{\"reportId\":\"dec\"}"));
        assertEquals(202, started.getStatus(), String.valueOf(started.getEntity()));
        assertEquals("Dec", finished(json(started).get("id").asText()).get("report").get("name").asText());
        Response missing = jobs.start(as("alice"), FakeHttp.body("{\"reportId\":\"none\"}"));
        assertEquals(404, missing.getStatus(), String.valueOf(missing.getEntity()));
    }

    @Test
    void malformedRequestsAreRefusedWithTheFieldNamed() {
        Response none = jobs.start(as("alice"), FakeHttp.body("{}"));
        assertEquals(400, none.getStatus());
        assertEquals("body", json(none).get("field").asText());
        assertEquals(400, jobs.start(as("alice"), FakeHttp.body("{\"reportId\":1}")).getStatus());
        Response badId = jobs.get("not-a-job", as("alice"));
        assertEquals(400, badId.getStatus());
        assertEquals("jobId", json(badId).get("field").asText());
        assertEquals(404, jobs.get(RestGrantHttpTest.JOB_ID, as("alice")).getStatus());
        assertEquals(401, jobs.start(new FakeHttp.Request().build(), FakeHttp.body("{}")).getStatus());
        HttpServletRequest form = new FakeHttp.Request().user("alice").header("Content-Type", "text/plain").build();
        assertEquals(415, jobs.start(form, FakeHttp.body("{\"reportId\":\"dec\"}")).getStatus());
    }
}
