package org.capacitytracker.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The report page's former browser crawl (panel/reports/collect.js, with kit/jira.js's
 * kanbanPeriods, fetchPeriodIssues and toWorkItem), written again in Java over the host's
 * REST as the test oracle for the server-side report: a definition's boards then its projects'
 * boards; per board its configuration's estimation field and its settings' custom field; a
 * Scrum board's sprints overlapping the period a day wider each side; a Kanban board's dated,
 * unarchived fix versions (unreleased first) and saved ranges overlapping the period, with
 * {@code fixVersion = N} / {@code statusCategory != done AND assignee IS NOT EMPTY} on the
 * board's issues; a hidden board and a Kanban board without periods noted. The result is the
 * {@code POST /reports/run} body and the notes.
 */
final class ReportCrawl {
    private static final long DAY_MS = 86_400_000L;
    private static final Pattern CUSTOM = Pattern.compile("customfield_\\d+");

    /** The body to post and the notes ({boardId, code}) the page showed. */
    record Result(ObjectNode body, List<String> notes) {
    }

    private ReportCrawl() {
    }

    static Result crawl(TestHttp as, String reportId) throws Exception {
        JsonNode def = as.getJson("/jira/rest/capacity/1.0/reports/" + reportId);
        LocalDate start = LocalDate.parse(def.path("period").path("start").asText());
        LocalDate end = LocalDate.parse(def.path("period").path("end").asText());
        List<String> ids = new ArrayList<>();
        def.path("boardIds").forEach(b -> ids.add(b.asText()));
        for (JsonNode key : def.path("projectKeys")) {
            HttpResponse<String> r = as.get("/jira/rest/agile/1.0/board?maxResults=50&projectKeyOrId=" + enc(key.asText()));
            if (r.statusCode() != 200) {
                continue;
            }
            for (JsonNode b : TestHttp.JSON.readTree(r.body()).path("values")) {
                if (!ids.contains(b.path("id").asText())) {
                    ids.add(b.path("id").asText());
                }
            }
        }
        ObjectNode body = TestHttp.JSON.createObjectNode();
        body.put("reportId", reportId);
        ArrayNode boards = body.putArray("boards");
        List<String> notes = new ArrayList<>();
        for (String id : ids) {
            ObjectNode board = boards.addObject();
            board.put("boardId", id);
            board(as, id, start, end, board.putArray("iterations"), notes);
        }
        return new Result(body, notes);
    }

    private static void board(TestHttp as, String id, LocalDate start, LocalDate end, ArrayNode iterations,
            List<String> notes) throws Exception {
        HttpResponse<String> config = as.get("/jira/rest/agile/1.0/board/" + id + "/configuration");
        String est = config.statusCode() == 200 ? TestHttp.JSON.readTree(config.body()).path("estimation").path("field")
                .path("fieldId").asText(null) : null;
        String points = est != null && CUSTOM.matcher(est).matches() ? est : "customfield_10106";
        HttpResponse<String> settings = as.get("/jira/rest/capacity/1.0/boards/" + id + "/settings");
        JsonNode s = settings.statusCode() == 200 ? TestHttp.JSON.readTree(settings.body()) : null;
        String custom = s != null && "custom".equals(s.path("estimateSource").asText()) && s.hasNonNull("customField")
                ? s.path("customField").asText() : null;
        HttpResponse<String> sprints = as.get("/jira/rest/agile/1.0/board/" + id + "/sprint?maxResults=50");
        if (sprints.statusCode() == 404) {
            notes.add(id + " board-not-visible");
            return;
        }
        if (sprints.statusCode() == 400) {
            kanban(as, id, start, end, iterations, notes, points, custom);
            return;
        }
        long from = start.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() - DAY_MS;
        long to = end.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() + 2 * DAY_MS;
        for (JsonNode sp : TestHttp.JSON.readTree(sprints.body()).path("values")) {
            if (!sp.has("startDate") || !sp.has("endDate")) {
                continue;
            }
            long s0 = OffsetDateTime.parse(sp.path("startDate").asText()).toInstant().toEpochMilli();
            long s1 = OffsetDateTime.parse(sp.path("endDate").asText()).toInstant().toEpochMilli();
            if (s0 >= to || s1 < from) {
                continue;
            }
            ObjectNode it = iterations.addObject();
            it.put("id", sp.path("id").asText());
            it.put("start", sp.path("startDate").asText());
            it.put("end", sp.path("endDate").asText());
            items(as, "/jira/rest/agile/1.0/sprint/" + sp.path("id").asText() + "/issue?", points, custom,
                    it.putArray("items"));
        }
    }

    private static void kanban(TestHttp as, String id, LocalDate start, LocalDate end, ArrayNode iterations,
            List<String> notes, String points, String custom) throws Exception {
        List<JsonNode> versions = new ArrayList<>();
        as.getJson("/jira/rest/agile/1.0/board/" + id + "/version?maxResults=50").path("values").forEach(versions::add);
        versions.removeIf(v -> v.path("archived").asBoolean());
        versions.sort(java.util.Comparator.comparing(v -> v.path("released").asBoolean()));
        List<String[]> periods = new ArrayList<>();
        for (JsonNode v : versions) {
            String first = date(v.path("startDate").asText(null));
            String last = date(v.path("releaseDate").asText(null));
            if (first != null && last != null) {
                periods.add(new String[] {"version-" + v.path("id").asText(), "version", first, last, v.path("id").asText()});
            }
        }
        HttpResponse<String> ranges = as.get("/jira/rest/capacity/1.0/boards/" + id + "/ranges");
        if (ranges.statusCode() == 200) {
            for (JsonNode r : TestHttp.JSON.readTree(ranges.body()).path("ranges")) {
                periods.add(new String[] {"range-" + r.path("id").asText(), "range", r.path("start").asText(),
                        r.path("end").asText(), null});
            }
        }
        periods.removeIf(p -> p[2].compareTo(end.toString()) > 0 || p[3].compareTo(start.toString()) < 0);
        if (periods.isEmpty()) {
            notes.add(id + " kanban-without-periods");
        }
        for (String[] p : periods) {
            ObjectNode it = iterations.addObject();
            it.put("id", p[0]);
            it.put("kind", p[1]);
            it.put("start", p[2]);
            it.put("end", p[3]);
            String jql = p[1].equals("version") ? "fixVersion = " + p[4]
                    : "statusCategory != done AND assignee IS NOT EMPTY";
            items(as, "/jira/rest/agile/1.0/board/" + id + "/issue?jql=" + enc(jql) + "&", points, custom,
                    it.putArray("items"));
        }
    }

    private static String date(String value) {
        return value == null || !value.matches("\\d{4}-\\d{2}-\\d{2}(T.*)?") ? null : value.substring(0, 10);
    }

    private static void items(TestHttp as, String base, String points, String custom, ArrayNode out) throws Exception {
        for (int startAt = 0; ; ) {
            JsonNode page = as.getJson(base + "maxResults=100&startAt=" + startAt);
            JsonNode issues = page.path("issues");
            for (JsonNode i : issues) {
                out.add(item(i, points, custom));
            }
            startAt += issues.size();
            if (issues.isEmpty() || startAt >= page.path("total").asInt()) {
                return;
            }
        }
    }

    private static ObjectNode item(JsonNode i, String points, String custom) {
        JsonNode f = i.path("fields");
        ObjectNode item = TestHttp.JSON.createObjectNode();
        item.put("key", i.path("key").asText());
        if (f.path("assignee").isObject()) {
            item.put("assignee", f.path("assignee").path("key").asText());
        } else {
            item.putNull("assignee");
        }
        String category = f.path("status").path("statusCategory").path("key").asText();
        item.put("statusCategory", Set.of("new", "indeterminate", "done").contains(category) ? category : "new");
        item.set("remainingSeconds", f.path("timeestimate").isNumber() ? f.path("timeestimate") : null);
        item.set("originalSeconds", f.path("timeoriginalestimate").isNumber() ? f.path("timeoriginalestimate") : null);
        item.set("storyPoints", f.path(points).isNumber() ? f.path(points) : null);
        if (f.path("parent").has("key")) {
            item.put("parent", f.path("parent").path("key").asText());
        } else {
            item.putNull("parent");
        }
        item.put("subtask", f.path("issuetype").path("subtask").asBoolean());
        if (custom != null) {
            item.set("customEstimate", f.path(custom).isNumber() ? f.path(custom) : null);
        }
        return item;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
