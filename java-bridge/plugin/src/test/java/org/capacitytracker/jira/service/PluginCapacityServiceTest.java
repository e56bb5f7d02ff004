package org.capacitytracker.jira.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.core.Response;
import org.capacitytracker.api.CapacityAccessDeniedException;
import org.capacitytracker.api.CapacityNotFoundException;
import org.capacitytracker.api.typed.IterationRequest;
import org.capacitytracker.api.typed.MemberCapacity;
import org.capacitytracker.jira.engine.EngineHolder;
import org.capacitytracker.jira.rest.AdminResource;
import org.capacitytracker.jira.rest.BoardResource;
import org.capacitytracker.jira.testing.DemoSprint;
import org.capacitytracker.jira.testing.FakeHttp;
import org.capacitytracker.jira.testing.FakeUsers;
import org.capacitytracker.jira.testing.Json;
import org.capacitytracker.jira.testing.MemoryPluginSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The service other plugins call: the same figures as the board's REST report, for the
 * current user only, refused where the REST API refuses.
 */
class PluginCapacityServiceTest {
    private static final IterationRequest.Iteration SPRINT_3 = new IterationRequest.Iteration("3", "DEMO Sprint 3",
            null, "2026-11-30T09:00:00.000+01:00", "2026-12-11T17:00:00.000+01:00", "2026-12-03");

    private final MemoryPluginSettings settings = new MemoryPluginSettings();
    private final EngineHolder engines = new EngineHolder(settings);
    private final FakeUsers users = new FakeUsers().admin("admin", "Administrator")
            .user("alice", "Alice Andersen").user("carol", "Carol Chen").user("zed", "Zed Outsider");
    private final BoardResource boards = new BoardResource(users, engines);
    private final PluginCapacityService service = new PluginCapacityService(engines, users);

    private static HttpServletRequest as(String user) {
        return new FakeHttp.Request().user(user).build();
    }

    @BeforeEach
    void demoBoard() {
        assertEquals(200, boards.putSettings("1", as("alice"), FakeHttp.body(DemoSprint.BOARD_SETTINGS)).getStatus());
    }

    @AfterEach
    void close() {
        users.actingAs(null);
        engines.close();
    }

    @Test
    void givesTheMembersFiguresOfTheBoardsOwnReport() {
        Response r = boards.report("1", as("carol"), FakeHttp.body("{\"iteration\":{\"id\":\"3\",\"name\":\"DEMO Sprint 3\","
                + "\"start\":\"2026-11-30T09:00:00.000+01:00\",\"end\":\"2026-12-11T17:00:00.000+01:00\",\"asOf\":\"2026-12-03\"},"
                + "\"items\":[]}"));
        assertEquals(200, r.getStatus(), () -> (String) r.getEntity());
        JsonNode bob = null;
        for (JsonNode m : Json.parse(r.getEntity()).get("members")) {
            if (m.get("accountKey").asText().equals("bob")) {
                bob = m;
            }
        }
        assertNotNull(bob);

        users.actingAs("carol");
        MemberCapacity figures = service.memberCapacity("1", "bob", SPRINT_3);
        assertEquals(bob.get("capacity").asLong(), figures.capacity());
        assertEquals(bob.get("remainingCapacity").asLong(), figures.remainingCapacity());
        assertEquals(LocalDate.of(2026, 12, 3), figures.asOf());
        assertEquals("hours", figures.unit());
        assertEquals("3", figures.iterationId());
        assertEquals(LocalDate.of(2026, 11, 30), figures.firstDate());
    }

    @Test
    void remainingCapacityCountsFromTodayInTheBoardsZoneWhenNoDateIsGiven() {
        users.actingAs("alice");
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        MemberCapacity figures = service.memberCapacity("1", "alice", new IterationRequest.Iteration("9", "Now",
                null, today.minusDays(3).toString(), today.plusDays(10).toString(), null));
        assertEquals(today, figures.asOf());
        assertNotNull(figures.remainingCapacity());
    }

    @Test
    void refusesWhenNoOneIsLoggedIn() {
        users.actingAs(null);
        CapacityAccessDeniedException e = assertThrows(CapacityAccessDeniedException.class,
                () -> service.memberCapacity("1", "alice", SPRINT_3));
        assertTrue(e.getMessage().contains("log in"), e.getMessage());
        assertEquals(CapacityAccessDeniedException.ACCESS_DENIED, e.code());
    }

    @Test
    void refusesAUserTheBoardsPermissionsDoNotLetRead() {
        AdminResource admin = new AdminResource(users, engines);
        int revision = Json.parse(admin.getPermissions(as("admin")).getEntity()).get("revision").asInt();
        Response put = admin.putPermissions(as("admin"), FakeHttp.body("{\"revision\":" + revision
                + ",\"enabled\":true,\"boards\":{\"1\":{\"read\":{\"users\":[\"carol\"]},\"write\":{\"users\":[\"alice\"]}}}"
                + ",\"templates\":{\"users\":[],\"groups\":[]},\"reports\":{\"users\":[],\"groups\":[]}}"));
        assertEquals(200, put.getStatus(), () -> (String) put.getEntity());
        Response refused = boards.report("1", as("zed"), FakeHttp.body(DemoSprint.SPRINT_3_REPORT_BODY));
        assertEquals(403, refused.getStatus());

        users.actingAs("zed");
        CapacityAccessDeniedException e = assertThrows(CapacityAccessDeniedException.class,
                () -> service.memberCapacity("1", "alice", SPRINT_3));
        assertTrue(Json.parse(refused.getEntity()).toString().contains(e.getMessage()),
                "the same reason as the REST API's 403: " + e.getMessage() + " vs " + refused.getEntity());
        users.actingAs("carol");
        assertEquals(6 * 60 * 10, service.memberCapacity("1", "alice", SPRINT_3).capacity());
    }

    @Test
    void namesTheFieldWhenThePersonIsNoMember() {
        users.actingAs("alice");
        CapacityNotFoundException e = assertThrows(CapacityNotFoundException.class,
                () -> service.memberCapacity("1", "erin", SPRINT_3));
        assertEquals("accountKey", e.field());
        assertTrue(e.getMessage().startsWith("accountKey: erin"), e.getMessage());
    }
}
