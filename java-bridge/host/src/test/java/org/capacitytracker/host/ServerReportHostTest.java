package org.capacitytracker.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A multi-project report read on the server through the host's Jira Java API services (the
 * plugin imports them from the OSGi registry): the job runs to a report over the boards the
 * user may browse, and Capacity Tracker's own board permissions still apply first.
 */
class ServerReportHostTest {
    private static final String JOBS = "/jira/rest/capacity/1.0/reports/jobs";

    @TempDir
    Path dataDir;

    private static String definition(String boards) {
        return "{\"definition\":{\"name\":\"Dec\",\"boardIds\":" + boards
                + ",\"period\":{\"start\":\"2026-11-30\",\"end\":\"2026-12-13\"},\"bucket\":\"week\",\"grouping\":\"board\"}}";
    }

    private static JsonNode run(TestHttp as, String boards) throws Exception {
        HttpResponse<String> started = as.sendJson("POST", JOBS, definition(boards));
        assertEquals(202, started.statusCode(), started.body());
        String id = TestHttp.JSON.readTree(started.body()).path("id").asText();
        for (int i = 0; i < 400; i++) {
            HttpResponse<String> r = as.get(JOBS + "/" + id);
            if (r.statusCode() == 200) {
                return TestHttp.JSON.readTree(r.body());
            }
            assertEquals(202, r.statusCode(), r.body());
            Thread.sleep(25);
        }
        throw new AssertionError("the job did not finish");
    }

    @Test
    void aReportRunsOnTheServerOverTheJavaApiWithTheUsersPermissions() throws Exception {
        try (CapacityHost host = TestHosts.start(dataDir, "--demo", "full")) {
            TestHttp admin = new TestHttp(host.baseUri().resolve("/")).basic("admin", "admin");
            // The engine's rules hold as for a posted report: boards 1 and 2 count in different units.
            JsonNode mixed = run(admin, "[\"1\",\"2\",\"3\"]");
            assertEquals("failed", mixed.path("state").asText(), mixed.toString());
            assertTrue(mixed.path("error").asText().startsWith("boards[1]: board 2 counts in story points"), mixed.toString());
            JsonNode all = run(admin, "[\"1\",\"3\"]");
            assertEquals("done", all.path("state").asText(), all.toString());
            assertEquals(2, all.path("boardsTotal").asInt());
            assertEquals(2, all.path("boardsDone").asInt());
            assertTrue(all.path("items").asLong() > 0, all.toString());
            assertEquals(2, all.path("report").path("rows").size(), "one row per board: " + all.path("report"));

            TestHttp victor = new TestHttp(host.baseUri().resolve("/")).basic("victor", "victor");
            JsonNode his = run(victor, "[\"1\",\"3\"]");
            assertEquals("done", his.path("state").asText(), his.toString());
            assertEquals(2, his.path("boardsTotal").asInt());
            assertEquals(all.path("report"), his.path("report"), "he may browse both boards: the same report");
            // Capacity Tracker's permissions refuse PAY's board to him before Jira is read.
            HttpResponse<String> pay = victor.sendJson("POST", JOBS, definition("[\"1\",\"2\"]"));
            assertEquals(403, pay.statusCode(), pay.body());

            // The browser's crawl (Jira Software's REST) sees what the Java API sees: no PAY board,
            // sprint or issue for him, all of them for a member of the payments team.
            JsonNode boards = victor.getJson("/jira/rest/agile/1.0/board?maxResults=50");
            java.util.List<String> ids = new java.util.ArrayList<>();
            boards.path("values").forEach(b -> ids.add(b.path("id").asText()));
            assertEquals(java.util.List.of("1", "3", "4"), ids);
            for (String hidden : java.util.List.of("/board/2", "/board/2/sprint", "/sprint/7", "/sprint/7/issue",
                    "/board/2/sprint/7/issue", "/issue/PAY-1")) {
                assertEquals(404, victor.get("/jira/rest/agile/1.0" + hidden).statusCode(), hidden);
            }
            TestHttp judy = new TestHttp(host.baseUri().resolve("/")).basic("judy", "judy");
            assertTrue(judy.getJson("/jira/rest/agile/1.0/sprint/7/issue").path("issues").size() > 0);
            assertEquals(200, judy.get("/jira/rest/agile/1.0/issue/PAY-1").statusCode());
        }
    }
}
