package org.capacitytracker.jira.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.Function;
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

/** The administrators' endpoints over the real engine and in-memory SAL settings. */
class AdminResourceTest {
    private final MemoryPluginSettings settings = new MemoryPluginSettings();
    private final EngineHolder engines = new EngineHolder(settings);
    private final FakeUsers users = new FakeUsers().admin("admin", "Administrator").user("alice", "Alice Andersen");
    private final AdminResource admin = new AdminResource(users, engines);
    private final BoardResource boards = new BoardResource(users, engines);
    private final PersonResource people = new PersonResource(users, engines);

    @BeforeEach
    void demoData() {
        assertEquals(200, boards.putSettings("1", as("admin"), FakeHttp.body(DemoSprint.BOARD_SETTINGS)).getStatus());
        assertEquals(200, people.putDaysOff("dave", null, as("admin"), FakeHttp.body(
                "{\"schema\":1,\"revision\":0,\"accountKey\":\"dave\",\"ranges\":[{\"start\":\"2026-12-07\",\"end\":\"2026-12-08\"}]}")).getStatus());
    }

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
    void everyEndpointIs401AnonymousAnd403ForNonAdministrators() {
        List<Function<HttpServletRequest, Response>> calls = List.of(
                admin::getPermissions,
                r -> admin.putPermissions(r, FakeHttp.body("{\"revision\":0,\"enabled\":true}")),
                admin::export,
                r -> admin.importAll(r, FakeHttp.body("{\"mode\":\"merge\",\"export\":{}}")),
                admin::inventory,
                r -> admin.exportUser("dave", r),
                r -> admin.forgetUser("dave", r));
        for (Function<HttpServletRequest, Response> call : calls) {
            assertEquals(401, call.apply(new FakeHttp.Request().build()).getStatus());
            Response refused = call.apply(as("alice"));
            assertEquals(403, refused.getStatus());
            assertEquals("forbidden", json(refused).get("error").asText());
            assertTrue(json(refused).get("message").asText().startsWith("only Jira administrators"));
        }
        assertEquals(1, json(admin.exportUser("dave", as("admin"))).get("boards").size(), "dave was not erased");
        assertFalse(json(admin.getPermissions(as("admin"))).get("enabled").asBoolean(), "nothing was stored");
    }

    @Test
    void permissionsAreStoredAgainstTheirRevision() {
        JsonNode initial = json(admin.getPermissions(as("admin")));
        assertEquals(0, initial.get("revision").asInt());
        String doc = "{\"revision\":0,\"enabled\":true,\"boards\":{\"1\":{\"write\":{\"users\":[\"alice\"],\"groups\":[\"team-leads\"]}}}}";
        Response stored = admin.putPermissions(as("admin"), FakeHttp.body(doc));
        assertEquals(200, stored.getStatus(), () -> (String) stored.getEntity());
        assertEquals(1, json(stored).get("revision").asInt());
        Response stale = admin.putPermissions(as("admin"), FakeHttp.body(doc));
        assertEquals(409, stale.getStatus());
        assertEquals(1, json(stale).get("currentRevision").asInt());
        Response invalid = admin.putPermissions(as("admin"), FakeHttp.body("{\"revision\":1,\"enabled\":true,\"templates\":{\"users\":[\"\"]}}"));
        assertEquals(400, invalid.getStatus());
        assertEquals("templates.users[0]", json(invalid).get("field").asText(), () -> (String) invalid.getEntity());
    }

    @Test
    void theExportIsADownloadThatImportsIntoAnEmptyInstance() {
        Response export = admin.export(as("admin"));
        assertEquals(200, export.getStatus());
        assertEquals("attachment; filename=\"capacity-tracker-export.json\"", export.getHeaderString("Content-Disposition"));
        JsonNode doc = json(export);
        assertEquals("capacity-tracker-export", doc.get("format").asText());
        assertEquals(2, doc.get("documents").size(), () -> (String) export.getEntity());

        String request = "{\"mode\":\"empty\",\"export\":" + export.getEntity() + "}";
        Response refused = admin.importAll(as("admin"), FakeHttp.body(request));
        assertEquals(400, refused.getStatus(), "this instance is not empty");

        Response merged = admin.importAll(as("admin"), FakeHttp.body("{\"mode\":\"merge\",\"export\":" + export.getEntity() + "}"));
        assertEquals(200, merged.getStatus(), () -> (String) merged.getEntity());
        assertEquals(2, json(merged).get("unchanged").size());

        try (EngineHolder other = new EngineHolder(new MemoryPluginSettings())) {
            AdminResource fresh = new AdminResource(users, other);
            Response imported = fresh.importAll(as("admin"), FakeHttp.body(request));
            assertEquals(200, imported.getStatus(), () -> (String) imported.getEntity());
            assertEquals(2, json(imported).get("written").size());
            assertEquals(4, json(new BoardResource(users, other).getSettings("1", as("admin"))).get("members").size());
        }
    }

    @Test
    void aPersonIsExportedThenErasedEverywhere() {
        JsonNode dave = json(admin.exportUser("dave", as("admin")));
        assertEquals("1", dave.get("boards").get(0).get("boardId").asText());
        assertEquals("Designer", dave.get("boards").get(0).get("role").asText());
        assertEquals(1, dave.get("daysOff").get("ranges").size());
        assertEquals(4, json(admin.inventory(as("admin"))).get("people").asInt());

        Response forgotten = admin.forgetUser("dave", as("admin"));
        assertEquals(200, forgotten.getStatus(), () -> (String) forgotten.getEntity());
        assertEquals("1", json(forgotten).get("boards").get(0).asText());
        assertTrue(json(forgotten).get("daysOff").asBoolean());

        assertFalse(((String) boards.getSettings("1", as("admin")).getEntity()).contains("\"dave\""));
        assertFalse(((String) admin.export(as("admin")).getEntity()).contains("dave"));
        assertEquals(3, json(admin.inventory(as("admin"))).get("people").asInt());
        assertEquals(0, json(admin.exportUser("dave", as("admin"))).get("boards").size());
    }

    @Test
    void aMalformedAccountKeyIs400NamingIt() {
        Response r = admin.forgetUser(" dave", as("admin"));
        assertEquals(400, r.getStatus());
        assertEquals("accountKey", json(r).get("field").asText());
    }
}
