package org.capacitytracker.jira.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import javax.ws.rs.core.Response;
import org.capacitytracker.api.CapacityConflictException;
import org.capacitytracker.api.CapacityException;
import org.capacitytracker.api.CapacityNativeException;
import org.capacitytracker.api.CapacityStorageException;
import org.capacitytracker.api.CapacityTooLargeException;
import org.capacitytracker.api.CapacityValidationException;
import org.capacitytracker.jira.engine.EngineHolder;
import org.capacitytracker.jira.testing.Json;
import org.capacitytracker.jira.testing.MemoryPluginSettings;
import org.junit.jupiter.api.Test;

class ErrorResponsesTest {
    private static JsonNode body(Response response) {
        return Json.parse(response.getEntity());
    }

    @Test
    void validationIs400NamingTheField() {
        Response r = ErrorResponses.of(new CapacityValidationException(
                "members[0].dailyCapacity: must be between 0 and 24 hours, got 25", "members[0].dailyCapacity"));
        assertEquals(400, r.getStatus());
        JsonNode b = body(r);
        assertEquals(1, b.get("code").asInt());
        assertEquals("validation", b.get("error").asText());
        assertEquals("members[0].dailyCapacity", b.get("field").asText());
        assertEquals("members[0].dailyCapacity: must be between 0 and 24 hours, got 25", b.get("message").asText());
        assertFalse(b.has("currentRevision"));
        assertEquals("application/json;charset=UTF-8", r.getMediaType().toString());
    }

    @Test
    void validationWithoutAFieldHasANullField() {
        JsonNode b = body(ErrorResponses.of(new CapacityValidationException("expected value at line 1", null)));
        assertTrue(b.has("field") && b.get("field").isNull(), b.toString());
    }

    @Test
    void conflictIs409WithTheCurrentRevision() {
        Response r = ErrorResponses.of(new CapacityConflictException("revision: stored revision is 4, got 3", 4));
        assertEquals(409, r.getStatus());
        JsonNode b = body(r);
        assertEquals(2, b.get("code").asInt());
        assertEquals("conflict", b.get("error").asText());
        assertEquals(4, b.get("currentRevision").asLong());
    }

    @Test
    void tooLargeIs413() {
        Response r = ErrorResponses.of(new CapacityTooLargeException("members: too large", "members"));
        assertEquals(413, r.getStatus());
        assertEquals(4, body(r).get("code").asInt());
        assertEquals("tooLarge", body(r).get("error").asText());
        assertEquals("members", body(r).get("field").asText());
    }

    @Test
    void aClusterLockTimeoutIs503WithRetryAfter() {
        Response busy = ErrorResponses.of(new CapacityStorageException("storage: the lock is busy",
                new org.capacitytracker.jira.storage.LockTimeoutException("lock busy for 30 s")));
        assertEquals(503, busy.getStatus());
        assertEquals("2", busy.getHeaderString("Retry-After"));
        assertEquals(3, body(busy).get("code").asInt());
        assertEquals("storage", body(busy).get("error").asText());
    }

    @Test
    void storageAndNativeFaultsAre500WithTheirCode() {
        Response storage = ErrorResponses.of(new CapacityStorageException("database down", new RuntimeException()));
        assertEquals(500, storage.getStatus());
        assertEquals(3, body(storage).get("code").asInt());
        assertEquals("storage", body(storage).get("error").asText());
        assertEquals("database down", body(storage).get("message").asText());

        Response panic = ErrorResponses.of(new CapacityNativeException(CapacityException.PANIC, "boom"));
        assertEquals(500, panic.getStatus());
        assertEquals("panic", body(panic).get("error").asText());

        Response invalid = ErrorResponses.of(new CapacityNativeException(CapacityException.INVALID_ARGUMENT, "null"));
        assertEquals(500, invalid.getStatus());
        assertEquals("invalidArgument", body(invalid).get("error").asText());

        Response newer = ErrorResponses.of(new CapacityException(42, "from the future", null));
        assertEquals(500, newer.getStatus());
        assertEquals(42, body(newer).get("code").asInt());
    }

    @Test
    void pluginProblemsUseTheSameBody() {
        Response unauthenticated = ErrorResponses.of(RestProblem.unauthenticated());
        assertEquals(401, unauthenticated.getStatus());
        // Issue 10, defect 8: every error has the four members; here code and field are null.
        assertTrue(body(unauthenticated).get("code").isNull(), body(unauthenticated).toString());
        assertTrue(body(unauthenticated).get("field").isNull(), body(unauthenticated).toString());
        assertEquals("unauthenticated", body(unauthenticated).get("error").asText());

        Response path = ErrorResponses.of(RestProblem.invalid("boardId", "bad"));
        assertEquals(400, path.getStatus());
        assertEquals(1, body(path).get("code").asInt());
        assertEquals("boardId", body(path).get("field").asText());
        assertEquals("boardId: bad", body(path).get("message").asText());

        Response forbidden = ErrorResponses.of(RestProblem.forbidden("bob is not on the board's write list"));
        assertEquals(403, forbidden.getStatus());
        assertTrue(body(forbidden).get("code").isNull());
        assertEquals("forbidden", body(forbidden).get("error").asText());
        assertEquals("bob is not on the board's write list", body(forbidden).get("message").asText());

        Response big = ErrorResponses.of(RestProblem.bodyTooLarge(10));
        assertEquals(413, big.getStatus());
        assertEquals(4, body(big).get("code").asInt());
        assertEquals("body", body(big).get("field").asText());
    }

    @Test
    void aStoppingPluginIs503() {
        EngineHolder holder = new EngineHolder(new MemoryPluginSettings());
        holder.close();
        try {
            holder.engine();
        } catch (RuntimeException e) {
            Response r = ErrorResponses.of(e);
            assertEquals(503, r.getStatus());
            assertEquals("unavailable", body(r).get("error").asText());
            return;
        }
        throw new AssertionError("a closed holder must refuse");
    }

    /** Issue 10, defect 7: the answer named the exception's class and text; now only the log does. */
    @Test
    void unexpectedFailuresAre500WithAReferenceAndNoExceptionText() {
        Response r = ErrorResponses.of(new UnsatisfiedLinkError("no libcapacity_jni in java.library.path"));
        assertEquals(500, r.getStatus());
        JsonNode b = body(r);
        assertEquals(5, b.get("code").asInt());
        assertFalse(b.get("message").asText().contains("UnsatisfiedLinkError"), b.toString());
        assertFalse(b.get("message").asText().contains("libcapacity_jni"), b.toString());
        assertTrue(b.get("message").asText().matches("internal error \\(reference [0-9a-f]+\\);.*"), b.toString());
        assertTrue(b.has("field") && b.get("field").isNull());
    }

    @Test
    void messagesAreEscapedJson() {
        Response r = ErrorResponses.of(new CapacityValidationException("x: \"</script><script>\"\n\u0001", "x"));
        String raw = (String) r.getEntity();
        assertFalse(raw.contains("<"), raw);
        assertEquals("x: \"</script><script>\"\n\u0001", body(r).get("message").asText());
    }
}
