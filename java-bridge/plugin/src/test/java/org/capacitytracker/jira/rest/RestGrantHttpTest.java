package org.capacitytracker.jira.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import org.capacitytracker.jira.testing.FakeUsers;
import org.capacitytracker.jira.testing.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, defect 2: the permissions' "Use the REST API" grant was stored but no resource
 * asked for it — with permissions enabled and nobody on the REST list, a script sending a
 * user's password (HTTP Basic) got every answer the user's browser got (this test's 403
 * asserts failed on every endpoint). Now every endpoint, found by reflection so a new one is
 * covered without editing this test, refuses a non-administrator's call with credentials
 * unless the engine grants {@code useRest}; the same user's browser session is untouched.
 */
class RestGrantHttpTest {
    private static final List<Class<?>> RESOURCES = List.of(BoardResource.class, PersonResource.class,
            HealthResource.class, TemplateResource.class, CalendarResource.class,
            ReportDefinitionResource.class, AdminResource.class, ReportJobResource.class);
    /** A well-formed job id that names no job. */
    static final String JOB_ID = "0123456789abcdef0123456789abcdef";
    /** A valid value for every path parameter. */
    private static final Map<String, String> PATH_VALUES = Map.of("boardId", "1", "iterationId", "3",
            "accountKey", "alice", "templateId", "squad", "calendarId", "de", "reportId", "q1",
            "jobId", JOB_ID);
    private static final String BASIC = "Basic YWxpY2U6c2VjcmV0";
    private static final String PERMISSIONS = "{\"revision\":%d,\"enabled\":true,\"rest\":{\"users\":%s}}";

    private static RestTestServer server;
    private static String base;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** One resource method: its HTTP method and a path with every parameter filled in. */
    record Endpoint(String method, String path) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @BeforeAll
    static void start() throws Exception {
        FakeUsers users = new FakeUsers().user("alice", "Alice Andersen").admin("admin", "Administrator");
        server = RestTestServer.start(users);
        base = server.base();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    /** Every resource method of the REST module. */
    static List<Endpoint> endpoints() {
        List<Endpoint> all = new ArrayList<>();
        for (Class<?> resource : RESOURCES) {
            String root = resource.getAnnotation(Path.class).value();
            for (Method m : resource.getDeclaredMethods()) {
                String verb = m.isAnnotationPresent(GET.class) ? "GET" : m.isAnnotationPresent(PUT.class) ? "PUT"
                        : m.isAnnotationPresent(POST.class) ? "POST" : m.isAnnotationPresent(DELETE.class) ? "DELETE" : null;
                if (verb == null) {
                    continue;
                }
                Path sub = m.getAnnotation(Path.class);
                String path = root + (sub == null ? "" : (sub.value().startsWith("/") ? "" : "/") + sub.value());
                for (Map.Entry<String, String> p : PATH_VALUES.entrySet()) {
                    path = path.replace("{" + p.getKey() + "}", p.getValue());
                }
                assertFalse(path.contains("{"), "a path parameter without a test value: " + path);
                all.add(new Endpoint(verb, path));
            }
        }
        return all;
    }

    private static HttpResponse<String> call(Endpoint e, String user, boolean credentials) throws Exception {
        boolean body = e.method().equals("PUT") || e.method().equals("POST");
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + e.path())).header(FakeUsers.HEADER, user)
                .method(e.method(), body ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody());
        if (body) {
            b.header("Content-Type", "application/json");
        }
        if (credentials) {
            b.header("Authorization", BASIC);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static boolean refusedAsScript(HttpResponse<String> r) {
        return r.statusCode() == 403 && Json.parse(r.body()).get("message").asText().contains("may not use the REST API");
    }

    private static void restList(String usersJson) throws Exception {
        Endpoint get = new Endpoint("GET", "/admin/permissions");
        int revision = Json.parse(call(get, "admin", false).body()).get("revision").asInt();
        String doc = PERMISSIONS.formatted(revision, usersJson);
        HttpResponse<String> put = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/admin/permissions"))
                .header(FakeUsers.HEADER, "admin").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(doc)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, put.statusCode(), put.body());
    }

    @Test
    void everyEndpointAsksTheEngineForTheRestGrantWhenTheCallCarriesCredentials() throws Exception {
        List<Endpoint> endpoints = endpoints();
        assertEquals(35, endpoints.size(), "the resources' methods: " + endpoints);
        restList("[]");
        for (Endpoint e : endpoints) {
            HttpResponse<String> script = call(e, "alice", true);
            HttpResponse<String> session = call(e, "alice", false);
            if (e.path().startsWith("/admin") || (e.path().startsWith("/calendars/") && !e.method().equals("GET"))) {
                // Administrators only, whatever the grant: refused either way.
                assertEquals(403, script.statusCode(), e + ": " + script.body());
                continue;
            }
            assertTrue(refusedAsScript(script), e + " with credentials: " + script.statusCode() + " " + script.body());
            assertFalse(refusedAsScript(session), e + " in a session: " + session.body());
            // Administrators may always use the REST API.
            assertFalse(refusedAsScript(call(e, "admin", true)), e + " as an administrator");
        }
        restList("[\"alice\"]");
        for (Endpoint e : endpoints) {
            if (e.method().equals("GET")) {
                // On the REST list, a script gets exactly what the user's session gets.
                HttpResponse<String> script = call(e, "alice", true);
                HttpResponse<String> session = call(e, "alice", false);
                assertEquals(session.statusCode(), script.statusCode(), e + ": " + script.body());
            } else {
                assertFalse(refusedAsScript(call(e, "alice", true)), e.toString());
            }
        }
    }

    @Test
    void credentialsAreAnAuthorizationHeaderOrJiraLoginParameters() {
        assertTrue(Access.withCredentials(new org.capacitytracker.jira.testing.FakeHttp.Request()
                .header("Authorization", "Bearer token").build()));
        assertTrue(Access.withCredentials(new org.capacitytracker.jira.testing.FakeHttp.Request()
                .url("http://x/jira/rest/capacity/1.0/health", "os_username=alice&os_password=x").build()));
        assertTrue(Access.withCredentials(new org.capacitytracker.jira.testing.FakeHttp.Request()
                .url("http://x/jira/rest/capacity/1.0/health", "a=1&os_username=alice").build()));
        assertFalse(Access.withCredentials(new org.capacitytracker.jira.testing.FakeHttp.Request()
                .url("http://x/jira/rest/capacity/1.0/health", "xos_username=alice").build()));
        assertFalse(Access.withCredentials(new org.capacitytracker.jira.testing.FakeHttp.Request().build()));
    }
}
