package org.capacitytracker.jira.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.capacitytracker.api.CapacityEngine;
import org.capacitytracker.jira.testing.DemoSprint;
import org.capacitytracker.jira.testing.FakeUsers;
import org.capacitytracker.jira.testing.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The permission matrix, every role × every endpoint, with the expected answer generated
 * from the engine's own rules ({@code check_access} over the stored permissions document):
 * a call is refused (403) exactly when the engine's rules refuse the endpoint's action to
 * the role — and, for a call with credentials (a script), when they refuse {@code useRest}
 * too (issue 10, defect 2). Endpoints come from {@link RestGrantHttpTest#endpoints()}
 * (reflection), so one without a row in {@link #ACTIONS} fails the test.
 */
class PermissionMatrixHttpTest {
    private static final String PERMISSIONS = "{\"revision\":%d,\"enabled\":true,"
            + "\"boards\":{\"1\":{\"read\":{\"groups\":[\"readers\"]},\"write\":{\"users\":[\"lead\"]}}},"
            + "\"templates\":{\"groups\":[\"planners\"]},\"reports\":{\"users\":[\"rita\"]},"
            + "\"rest\":{\"users\":[\"lead\"]}}";

    /** What each endpoint asks of the user: an engine action (on board 1 / alice's days off), "admin" or "any". */
    private static final Map<String, String> ACTIONS = new TreeMap<>(Map.ofEntries(
            Map.entry("GET /boards/1/settings", "readBoard"),
            Map.entry("PUT /boards/1/settings", "writeBoard"),
            Map.entry("POST /boards/1/report", "readBoard"),
            Map.entry("GET /boards/1/iterations/3/team", "readBoard"),
            Map.entry("PUT /boards/1/iterations/3/team", "writeBoard"),
            Map.entry("POST /boards/1/iterations/3/team/copy", "writeBoard"),
            Map.entry("POST /boards/1/apply-template", "writeBoard"),
            Map.entry("GET /boards/1/ranges", "readBoard"),
            Map.entry("PUT /boards/1/ranges", "writeBoard"),
            Map.entry("GET /people/alice/days-off", "readDaysOff"),
            Map.entry("PUT /people/alice/days-off", "writeDaysOff"),
            Map.entry("GET /health", "any"),
            Map.entry("GET /templates", "any"),
            Map.entry("GET /templates/squad", "any"),
            Map.entry("PUT /templates/squad", "manageTemplates"),
            Map.entry("DELETE /templates/squad", "manageTemplates"),
            Map.entry("GET /calendars", "any"),
            Map.entry("GET /calendars/de", "any"),
            Map.entry("PUT /calendars/de", "admin"),
            Map.entry("DELETE /calendars/de", "admin"),
            Map.entry("GET /reports", "any"),
            Map.entry("GET /reports/q1", "any"),
            Map.entry("PUT /reports/q1", "manageReports"),
            Map.entry("DELETE /reports/q1", "manageReports"),
            Map.entry("POST /reports/run", "any"),
            Map.entry("POST /reports/jobs", "any"),
            Map.entry("GET /reports/jobs/" + RestGrantHttpTest.JOB_ID, "any"),
            Map.entry("DELETE /reports/jobs/" + RestGrantHttpTest.JOB_ID, "any"),
            Map.entry("GET /admin/permissions", "admin"),
            Map.entry("PUT /admin/permissions", "admin"),
            Map.entry("GET /admin/export", "admin"),
            Map.entry("POST /admin/import", "admin"),
            Map.entry("GET /admin/inventory", "admin"),
            Map.entry("GET /admin/people/alice", "admin"),
            Map.entry("DELETE /admin/people/alice", "admin")));

    /** A role: a user, their groups, whether a Jira administrator, whether calling with credentials. */
    record Role(String user, List<String> groups, boolean admin, boolean script) {
    }

    private static final List<Role> ROLES = List.of(
            new Role("admin", List.of(), true, false), new Role("admin", List.of(), true, true),
            new Role("reader", List.of("readers"), false, false), new Role("reader", List.of("readers"), false, true),
            new Role("lead", List.of(), false, false), new Role("lead", List.of(), false, true),
            new Role("pat", List.of("planners"), false, false), new Role("rita", List.of(), false, false),
            new Role("alice", List.of(), false, false), new Role("alice", List.of(), false, true),
            new Role("olga", List.of(), false, false));

    private static RestTestServer server;
    private static String base;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        FakeUsers users = new FakeUsers().admin("admin", "Administrator").user("reader", "Rae Reader")
                .user("lead", "Lee Lead").user("pat", "Pat Planner").user("rita", "Rita Reports")
                .user("alice", "Alice Andersen").user("olga", "Olga Outside")
                .inGroup("reader", "readers").inGroup("pat", "planners");
        server = RestTestServer.start(users);
        base = server.base();
        // alice is a member of board 1, so others' days-off access goes through the board.
        assertEquals(200, send("PUT", "/boards/1/settings", new Role("admin", List.of(), true, false),
                DemoSprint.BOARD_SETTINGS).statusCode());
        int revision = Json.parse(send("GET", "/admin/permissions", new Role("admin", List.of(), true, false), null).body())
                .get("revision").asInt();
        HttpResponse<String> put = send("PUT", "/admin/permissions", new Role("admin", List.of(), true, false),
                PERMISSIONS.formatted(revision));
        assertEquals(200, put.statusCode(), put.body());
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static HttpResponse<String> send(String method, String path, Role role, String body) throws Exception {
        boolean hasBody = method.equals("PUT") || method.equals("POST");
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header(FakeUsers.HEADER, role.user())
                .method(method, hasBody ? HttpRequest.BodyPublishers.ofString(body == null ? "{}" : body)
                        : HttpRequest.BodyPublishers.noBody());
        if (hasBody) {
            b.header("Content-Type", "application/json");
        }
        if (role.script()) {
            b.header("Authorization", "Bearer a-personal-access-token");
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The engine's rule for one action, from the stored permissions document. */
    private static boolean engineAllows(CapacityEngine engine, Role role, String action) {
        if (action.equals("admin")) {
            return role.admin();
        }
        com.fasterxml.jackson.databind.node.ObjectNode q = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        q.put("user", role.user());
        role.groups().forEach(q.putArray("groups")::add);
        q.put("admin", role.admin());
        q.put("action", action.equals("any") ? "useRest" : action);
        if (action.endsWith("DaysOff")) {
            q.put("accountKey", "alice");
        } else if (action.endsWith("Board")) {
            q.put("boardId", "1");
        }
        String query = q.toString();
        if (action.equals("any")) {
            // useRest, for a browser session, is not a restriction: only scripts are asked it.
            return !role.script() || Json.parse(engine.checkAccess(query)).get("allowed").asBoolean();
        }
        return Json.parse(engine.checkAccess(query)).get("allowed").asBoolean();
    }

    @Test
    void everyRoleGetsExactlyWhatTheEnginesRulesAllowOnEveryEndpoint() throws Exception {
        List<String> endpoints = new ArrayList<>();
        for (RestGrantHttpTest.Endpoint e : RestGrantHttpTest.endpoints()) {
            endpoints.add(e.toString());
        }
        assertEquals(ACTIONS.keySet(), Set.copyOf(endpoints), "every endpoint has a row in the matrix");
        CapacityEngine engine = server.engines().engine();
        List<String> wrong = new ArrayList<>();
        int cells = 0;
        for (Role role : ROLES) {
            for (Map.Entry<String, String> row : ACTIONS.entrySet()) {
                String[] methodPath = row.getKey().split(" ", 2);
                boolean allowed = engineAllows(engine, role, row.getValue())
                        && (!role.script() || engineAllows(engine, role, "any"));
                HttpResponse<String> r = send(methodPath[0], methodPath[1], role, null);
                cells++;
                if ((r.statusCode() == 403) == allowed) {
                    wrong.add(role + " " + row.getKey() + " (" + row.getValue() + "): expected "
                            + (allowed ? "allowed" : "403") + ", got " + r.statusCode() + " " + r.body());
                }
            }
        }
        assertEquals(ROLES.size() * ACTIONS.size(), cells);
        assertTrue(wrong.isEmpty(), wrong.size() + " cells disagree with the engine's rules:\n" + String.join("\n", wrong));
    }
}
