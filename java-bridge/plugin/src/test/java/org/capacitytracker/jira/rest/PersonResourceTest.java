package org.capacitytracker.jira.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.core.Response;
import org.capacitytracker.jira.engine.EngineHolder;
import org.capacitytracker.jira.testing.FakeHttp;
import org.capacitytracker.jira.testing.FakeUsers;
import org.capacitytracker.jira.testing.Json;
import org.capacitytracker.jira.testing.MemoryPluginSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PersonResourceTest {
    private static final String VACATION = "{\"schema\":1,\"revision\":0,\"accountKey\":\"alice\","
            + "\"ranges\":[{\"start\":\"2026-12-02\",\"end\":\"2026-12-02\",\"fraction\":1,\"reason\":\"Dentist\"}]}";

    private final EngineHolder engines = new EngineHolder(new MemoryPluginSettings());
    private final PersonResource people = new PersonResource(new FakeUsers().user("bob", "Bob Brown"), engines);

    @AfterEach
    void close() {
        engines.close();
    }

    private static HttpServletRequest bob() {
        return new FakeHttp.Request().user("bob").build();
    }

    private static JsonNode json(Response response) {
        return Json.parse(response.getEntity());
    }

    @Test
    void anonymousCallsAre401() {
        HttpServletRequest anonymous = new FakeHttp.Request().build();
        assertEquals(401, people.getDaysOff("alice", null, anonymous).getStatus());
        assertEquals(401, people.putDaysOff("alice", null, anonymous, FakeHttp.body(VACATION)).getStatus());
    }

    @Test
    void aPersonWithoutDaysOffHasAnEmptyDocument() {
        Response r = people.getDaysOff("alice", null, bob());
        assertEquals(200, r.getStatus());
        assertEquals(0, json(r).get("revision").asInt());
        assertEquals("alice", json(r).get("accountKey").asText());
        assertEquals(0, json(r).get("ranges").size());
    }

    @Test
    void storesDaysOffAndRefusesAStaleRevision() {
        Response stored = people.putDaysOff("alice", null, bob(), FakeHttp.body(VACATION));
        assertEquals(200, stored.getStatus(), () -> (String) stored.getEntity());
        assertEquals(1, json(stored).get("revision").asInt());
        assertEquals("Dentist", json(people.getDaysOff("alice", null, bob())).get("ranges").get(0).get("reason").asText());
        Response stale = people.putDaysOff("alice", null, bob(), FakeHttp.body(VACATION));
        assertEquals(409, stale.getStatus());
        assertEquals(1, json(stale).get("currentRevision").asInt());
    }

    @Test
    void aMalformedAccountKeyIs400NamingIt() {
        Response r = people.getDaysOff(" alice", null, bob());
        assertEquals(400, r.getStatus());
        assertEquals("accountKey", json(r).get("field").asText());
        assertEquals(400, people.putDaysOff("k".repeat(73), null, bob(), FakeHttp.body(VACATION)).getStatus());
    }

    @Test
    void invalidDaysOffAre400NamingTheField() {
        Response r = people.putDaysOff("alice", null, bob(), FakeHttp.body(
                "{\"schema\":1,\"revision\":0,\"accountKey\":\"alice\",\"ranges\":[{\"start\":\"2026-12-03\",\"end\":\"2026-12-02\"}]}"));
        assertEquals(400, r.getStatus(), () -> (String) r.getEntity());
        assertEquals(1, json(r).get("code").asInt());
        assertEquals(true, json(r).get("field").asText().startsWith("ranges[0]"), () -> (String) r.getEntity());
    }
}
