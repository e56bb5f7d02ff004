package org.capacitytracker.jira.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import javax.ws.rs.core.Response;
import org.capacitytracker.api.CapacityEngine;
import org.capacitytracker.jira.engine.EngineHolder;
import org.capacitytracker.jira.testing.FakeHttp;
import org.capacitytracker.jira.testing.FakeUsers;
import org.capacitytracker.jira.testing.Json;
import org.capacitytracker.jira.testing.MemoryPluginSettings;
import org.junit.jupiter.api.Test;

class HealthResourceTest {
    @Test
    void reportsTheNativeEngineThePlatformItsGlibcFloorAndThePluginVersion() {
        try (EngineHolder engines = new EngineHolder(new MemoryPluginSettings())) {
            HealthResource health = new HealthResource(new FakeUsers().user("carol", "Carol Chen"), engines);
            Response r = health.health(new FakeHttp.Request().user("carol").build());
            assertEquals(200, r.getStatus());
            JsonNode h = Json.parse(r.getEntity());
            assertEquals(CapacityEngine.nativeVersion(), h.get("nativeVersion").asText());
            assertTrue(h.get("nativeVersion").asText().matches("\\d+\\.\\d+\\.\\d+.*"), h.toString());
            assertEquals("linux-x86_64", h.get("platform").asText());
            // The jar's Linux libraries are linked for glibc 2.17 (RHEL/Rocky 8, Amazon Linux 2).
            assertEquals("2.17", h.get("glibcFloor").asText());
            assertEquals(System.getProperty("capacity.plugin.version"), h.get("pluginVersion").asText());
            assertEquals(4, h.size());
        }
    }

    @Test
    void requiresLogin() {
        try (EngineHolder engines = new EngineHolder(new MemoryPluginSettings())) {
            HealthResource health = new HealthResource(new FakeUsers(), engines);
            assertEquals(401, health.health(new FakeHttp.Request().build()).getStatus());
        }
    }

    @Test
    void aStoppedPluginIsNotHealthy() {
        EngineHolder engines = new EngineHolder(new MemoryPluginSettings());
        engines.close();
        HealthResource health = new HealthResource(new FakeUsers().user("carol", "Carol Chen"), engines);
        assertEquals(503, health.health(new FakeHttp.Request().user("carol").build()).getStatus());
    }
}
