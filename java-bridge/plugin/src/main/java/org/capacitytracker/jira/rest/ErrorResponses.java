package org.capacitytracker.jira.rest;

import java.lang.System.Logger.Level;
import javax.ws.rs.core.Response;
import org.capacitytracker.api.CapacityConflictException;
import org.capacitytracker.api.CapacityException;
import org.capacitytracker.api.CapacityNotFoundException;
import org.capacitytracker.api.CapacityStorageException;
import org.capacitytracker.api.CapacityTooLargeException;
import org.capacitytracker.api.CapacityValidationException;
import org.capacitytracker.jira.engine.EngineClosedException;
import org.capacitytracker.jira.text.JsonText;

/**
 * The one place where a failure becomes an HTTP response.
 *
 * <p>Status by engine error code: 1 validation → 400, 2 conflict → 409, 4 too large → 413,
 * 3 storage, 5 panic, 6 invalid argument and any newer code → 500. The body is
 * <pre>{"code": 1, "error": "validation", "field": "members[0].dailyCapacity", "message": "...",
 *  "currentRevision": 4}</pre>
 * with {@code code} and {@code field} {@code null} when there is none and {@code currentRevision}
 * only on conflicts.
 * Requests refused by the plugin itself ({@link RestProblem}) use the same body; a missing
 * login (401, {@code "unauthenticated"}) and a refusal by the permissions or for want of
 * administrator rights (403, {@code "forbidden"}, the message saying why) have no engine
 * code, so their bodies have none. Server-side failures are logged
 * with their stack; client errors are not (they are the client's to read).
 */
final class ErrorResponses {
    // System.Logger needs no logging library in the plugin or the host; Jira routes it to
    // its own log through java.util.logging.
    private static final System.Logger LOG = System.getLogger(ErrorResponses.class.getName());
    private static final java.security.SecureRandom REFERENCES = new java.security.SecureRandom();

    private ErrorResponses() {
    }

    /**
     * The response for {@code failure}.
     *
     * @param failure anything a resource method threw
     * @return the error response; never {@code null}
     */
    static Response of(Throwable failure) {
        if (failure instanceof RestProblem p) {
            return build(p.status, p.code, p.error, p.field, p.getMessage(), null);
        }
        if (failure instanceof CapacityException e) {
            return ofEngine(e);
        }
        if (failure instanceof EngineClosedException e) {
            return build(503, null, "unavailable", null, e.getMessage(), null);
        }
        String reference = Long.toHexString(REFERENCES.nextLong() & 0xffffffffffL);
        LOG.log(Level.ERROR, "Capacity Tracker REST call failed (reference " + reference + ")", failure);
        // Not the engine's fault but ours; reported like a fault caught at a boundary. The
        // exception's class and text go to the log only (issue 10, defect 7: error answers
        // showed class names); the reference finds it there.
        return build(500, CapacityException.PANIC, "panic", null,
                "internal error (reference " + reference + "); a Jira administrator finds the details in the Jira log",
                null);
    }

    private static Response ofEngine(CapacityException e) {
        int code = e.code();
        String message = e.getMessage();
        if (e instanceof CapacityValidationException v) {
            return build(400, code, "validation", v.field(), message, null);
        }
        if (e instanceof CapacityNotFoundException n) {
            return build(404, code, "notFound", n.field(), message, null);
        }
        if (e instanceof CapacityConflictException c) {
            return build(409, code, "conflict", null, message, c.currentRevision());
        }
        if (e instanceof CapacityTooLargeException t) {
            return build(413, code, "tooLarge", t.field(), message, null);
        }
        if (e instanceof CapacityStorageException && causedByLockTimeout(e)) {
            // Another node or request holds the document: worth retrying, not an outage.
            return RestCalls.json(Response.status(503).header("Retry-After", "2"),
                    body(code, "storage", null, message, null));
        }
        LOG.log(Level.ERROR, "Capacity Tracker engine error " + code, e);
        return build(500, code, name(code), null, message, null);
    }

    /** The contract's name for an engine error code ({@code docs/json-api.md}). */
    static String name(int code) {
        return switch (code) {
            case CapacityException.VALIDATION -> "validation";
            case CapacityException.CONFLICT -> "conflict";
            case CapacityException.STORAGE -> "storage";
            case CapacityException.TOO_LARGE -> "tooLarge";
            case CapacityException.PANIC -> "panic";
            case CapacityException.INVALID_ARGUMENT -> "invalidArgument";
            case CapacityException.NOT_FOUND -> "notFound";
            default -> "error" + code;
        };
    }

    private static boolean causedByLockTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.capacitytracker.jira.storage.LockTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static Response build(int status, Integer code, String error, String field, String message,
                                  Long currentRevision) {
        return RestCalls.json(Response.status(status), body(code, error, field, message, currentRevision));
    }

    /** A body for failures that are not the engine's: no code, the field if one is named. */
    static String bodyOf(String error, String field, String message) {
        return body(null, error, field, message, null);
    }

    /**
     * The error body. {@code code}, {@code error}, {@code field} and {@code message} are
     * always present — {@code code} and {@code field} {@code null} when there is none — so a
     * client reads every error the same way (issue 10, defect 8).
     */
    private static String body(Integer code, String error, String field, String message, Long currentRevision) {
        StringBuilder body = new StringBuilder(128).append('{');
        body.append("\"code\":").append(code == null ? "null" : Integer.toString(code.intValue())).append(',');
        body.append("\"error\":").append(JsonText.quote(error));
        body.append(",\"field\":").append(field == null || field.isEmpty() ? "null" : JsonText.quote(field));
        body.append(",\"message\":").append(JsonText.quote(message == null ? error : message));
        if (currentRevision != null) {
            body.append(",\"currentRevision\":").append(currentRevision.longValue());
        }
        body.append('}');
        return body.toString();
    }
}
