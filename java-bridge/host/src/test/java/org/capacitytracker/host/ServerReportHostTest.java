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

    /** The /reports/run body the reports page builds for the definition above, crawled as it does. */
    private static String crawl(TestHttp as, java.util.List<String> boards) throws Exception {
        long from = java.time.LocalDate.parse("2026-11-30").atStartOfDay(java.time.ZoneOffset.UTC).toInstant().toEpochMilli()
                - 86_400_000L;
        long to = java.time.LocalDate.parse("2026-12-13").atStartOfDay(java.time.ZoneOffset.UTC).toInstant().toEpochMilli()
                + 2 * 86_400_000L;
        com.fasterxml.jackson.databind.node.ObjectNode body = TestHttp.JSON.createObjectNode();
        body.set("definition", TestHttp.JSON.readTree(definition(TestHttp.JSON.writeValueAsString(boards))).path("definition"));
        com.fasterxml.jackson.databind.node.ArrayNode out = body.putArray("boards");
        for (String board : boards) {
            com.fasterxml.jackson.databind.node.ObjectNode b = out.addObject();
            b.put("boardId", board);
            com.fasterxml.jackson.databind.node.ArrayNode iterations = b.putArray("iterations");
            for (JsonNode s : as.getJson("/jira/rest/agile/1.0/board/" + board + "/sprint?maxResults=50").path("values")) {
                if (!s.has("startDate") || !s.has("endDate")) {
                    continue;
                }
                long start = java.time.OffsetDateTime.parse(s.path("startDate").asText(),
                        java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant().toEpochMilli();
                long end = java.time.OffsetDateTime.parse(s.path("endDate").asText(),
                        java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant().toEpochMilli();
                if (start >= to || end < from) {
                    continue;
                }
                com.fasterxml.jackson.databind.node.ObjectNode it = iterations.addObject();
                it.put("id", s.path("id").asText());
                it.put("start", s.path("startDate").asText());
                it.put("end", s.path("endDate").asText());
                com.fasterxml.jackson.databind.node.ArrayNode items = it.putArray("items");
                for (JsonNode i : as.getJson("/jira/rest/agile/1.0/sprint/" + s.path("id").asText() + "/issue?maxResults=1000")
                        .path("issues")) {
                    JsonNode f = i.path("fields");
                    com.fasterxml.jackson.databind.node.ObjectNode item = items.addObject();
                    item.put("key", i.path("key").asText());
                    if (f.path("assignee").isObject()) {
                        item.put("assignee", f.path("assignee").path("key").asText());
                    } else {
                        item.putNull("assignee");
                    }
                    String category = f.path("status").path("statusCategory").path("key").asText();
                    item.put("statusCategory", java.util.Set.of("new", "indeterminate", "done").contains(category) ? category : "new");
                    item.set("remainingSeconds", f.path("timeestimate").isNumber() ? f.path("timeestimate") : null);
                    item.set("originalSeconds", f.path("timeoriginalestimate").isNumber() ? f.path("timeoriginalestimate") : null);
                    item.set("storyPoints", f.path("customfield_10106").isNumber() ? f.path("customfield_10106") : null);
                    if (f.path("parent").has("key")) {
                        item.put("parent", f.path("parent").path("key").asText());
                    } else {
                        item.putNull("parent");
                    }
                    item.put("subtask", f.path("issuetype").path("subtask").asBoolean());
                }
            }
        }
        return body.toString();
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

            // The same report as the reports page gets by crawling Jira Software's REST and posting
            // the items (collect.js's rules: sprints overlapping the period a day wider each side).
            JsonNode crawled = TestHttp.JSON.readTree(admin.sendJson("POST", "/jira/rest/capacity/1.0/reports/run",
                    crawl(admin, java.util.List.of("1", "3"))).body());
            // Equal as JSON values: the typed report writes 110.0 as 110.
            java.util.Comparator<JsonNode> sameValue = (a, b) -> a.equals(b)
                    || (a.isNumber() && b.isNumber() && a.decimalValue().compareTo(b.decimalValue()) == 0) ? 0 : 1;
            assertTrue(crawled.path("rows").size() == 2 && crawled.equals(sameValue, all.path("report")),
                    "server-side and browser-crawled reports agree:\n" + crawled + "\n" + all.path("report"));

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

    private static JsonNode runSaved(TestHttp as, String reportId) throws Exception {
        HttpResponse<String> started = as.sendJson("POST", JOBS, "{\"reportId\":\"" + reportId + "\"}");
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

    /**
     * Every saved report of the full demo, for the administrator and for restricted victor, is
     * the report the page's former browser crawl got: Scrum sprints, Kanban board 4's fix
     * versions and a saved range, the PAY project's boards (Scrum 2 and Kanban 5), and the notes.
     */
    @Test
    void everySavedReportIsTheBrowserCrawlsReportForEachUser() throws Exception {
        try (CapacityHost host = TestHosts.start(dataDir, "--demo", "full")) {
            TestHttp admin = new TestHttp(host.baseUri().resolve("/")).basic("admin", "admin");
            JsonNode delivery = admin.getJson("/jira/rest/capacity/1.0/reports/delivery-hours");
            java.time.LocalDate start = java.time.LocalDate.parse(delivery.path("period").path("start").asText());
            HttpResponse<String> ranges = admin.sendJson("PUT", "/jira/rest/capacity/1.0/boards/4/ranges",
                    "{\"revision\":0,\"ranges\":[{\"id\":\"cutover\",\"name\":\"Cutover\",\"start\":\""
                            + start.plusDays(15) + "\",\"end\":\"" + start.plusDays(19) + "\"}]}");
            assertEquals(200, ranges.statusCode(), ranges.body());
            java.util.List<String> ids = new java.util.ArrayList<>();
            admin.getJson("/jira/rest/capacity/1.0/reports").forEach(r -> ids.add(r.path("id").asText()));
            assertEquals(java.util.Set.of("delivery-hours", "payments-points"), java.util.Set.copyOf(ids));
            java.util.Comparator<JsonNode> sameValue = (a, b) -> a.equals(b)
                    || (a.isNumber() && b.isNumber() && a.decimalValue().compareTo(b.decimalValue()) == 0) ? 0 : 1;
            for (String user : java.util.List.of("admin", "victor")) {
                TestHttp as = new TestHttp(host.baseUri().resolve("/")).basic(user, user.equals("admin") ? "admin" : user);
                for (String reportId : ids) {
                    String what = user + "'s " + reportId;
                    ReportCrawl.Result crawled = ReportCrawl.crawl(as, reportId);
                    HttpResponse<String> posted = as.sendJson("POST", "/jira/rest/capacity/1.0/reports/run",
                            crawled.body().toString());
                    JsonNode server = runSaved(as, reportId);
                    assertEquals(200, posted.statusCode(), what + ": " + posted.body());
                    assertEquals("done", server.path("state").asText(), what + ": " + server);
                    JsonNode report = TestHttp.JSON.readTree(posted.body());
                    assertTrue(report.equals(sameValue, server.path("report")),
                            what + ": server-side and browser-crawled reports agree:\n" + report + "\n" + server.path("report"));
                    java.util.List<String> notes = new java.util.ArrayList<>();
                    server.path("notes").forEach(n -> notes.add(n.path("boardId").asText() + " " + n.path("code").asText()));
                    assertEquals(crawled.notes(), notes, what);
                    assertEquals(crawled.body().path("boards").size(), server.path("boardsTotal").asInt(), what);
                    String body = crawled.body().toString();
                    if (user.equals("admin") && reportId.equals("delivery-hours")) {
                        assertTrue(body.contains("\"kind\":\"version\"") && body.contains("\"id\":\"range-cutover\""),
                                "board 4's versions and range are compared: " + body);
                    }
                    if (user.equals("admin") && reportId.equals("payments-points")) {
                        assertEquals(java.util.List.of("2", "5"), crawled.body().path("boards").findValuesAsText("boardId"),
                                "PAY's Scrum and Kanban boards");
                    }
                    if (user.equals("victor") && reportId.equals("payments-points")) {
                        assertEquals(0, server.path("boardsTotal").asInt(), "victor may not browse PAY: no board of it");
                    }
                }
            }
        }
    }
}
