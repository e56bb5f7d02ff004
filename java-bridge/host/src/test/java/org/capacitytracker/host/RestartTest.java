package org.capacitytracker.host;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the plugin stored and who may log in survive stopping and starting the host. */
class RestartTest {
    @TempDir
    Path dataDir;

    @Test
    void theEmbeddedDatabaseFileIsReadableByTheHostsUserOnly() throws Exception {
        // Issue 10, defect 7: the H2 file (no password of its own) was world-readable.
        try (CapacityHost host = TestHosts.start(dataDir)) {
            Path file = dataDir.resolve("capacity-host.mv.db");
            assertTrue(Files.exists(file), host.dataLocation());
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }
    }

    @Test
    void storedDocumentsAndUsersSurviveARestartAndTheSeedIsNotRepeated() throws Exception {
        String daysOff = """
                {"schema": 1, "revision": 0, "accountKey": "alice",
                 "ranges": [{"start": "2026-12-02", "end": "2026-12-02", "fraction": 1, "reason": "Dentist"}]}
                """;
        try (CapacityHost first = TestHosts.start(dataDir)) {
            TestHttp alice = new TestHttp(first.baseUri().resolve("/")).basic("alice", "alice");
            HttpResponse<String> put = alice.sendJson("PUT", "/jira/rest/capacity/1.0/people/alice/days-off", daysOff);
            assertEquals(200, put.statusCode(), put.body());
            JsonNode settings = alice.getJson("/jira/rest/capacity/1.0/boards/1/settings");
            assertEquals(1, settings.path("revision").asInt());
        }

        try (CapacityHost second = TestHosts.start(dataDir, "--admin-password", "s3cret-admin")) {
            TestHttp alice = new TestHttp(second.baseUri().resolve("/")).basic("alice", "alice");
            JsonNode stored = alice.getJson("/jira/rest/capacity/1.0/people/alice/days-off");
            assertEquals(1, stored.path("revision").asInt());
            assertEquals("Dentist", stored.path("ranges").get(0).path("reason").asText());
            assertEquals(1, alice.getJson("/jira/rest/capacity/1.0/boards/1/settings").path("revision").asInt(),
                    "existing board settings are never re-seeded");
            assertTrue(second.summary().stream().anyMatch(l -> l.contains("kept as stored")), String.valueOf(second.summary()));

            TestHttp admin = new TestHttp(second.baseUri().resolve("/"));
            assertEquals(302, admin.login("admin", "s3cret-admin", null).statusCode(), "--admin-password applies");
            assertEquals(200, new TestHttp(second.baseUri().resolve("/")).login("admin", "admin", null).statusCode(),
                    "the old admin password no longer works");
        }
    }
}
