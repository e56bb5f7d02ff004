package org.capacitytracker.jira.rest;

import org.capacitytracker.api.CapacityException;

/**
 * A request refused by the plugin itself, before the engine saw it: not logged in, a
 * malformed path parameter, a body that is too large or not a JSON object, a user the
 * permissions refuse.
 *
 * <p>It carries what {@link ErrorResponses} needs to answer in the same error body as the
 * engine's errors; {@code code} is the engine error code the problem corresponds to, or
 * {@code null} when none does (not logged in, forbidden).
 */
final class RestProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final int status;
    final Integer code;
    final String error;
    final String field;

    private RestProblem(int status, Integer code, String error, String field, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.error = error;
        this.field = field;
    }

    /** 401: the request carries no logged-in Jira user. */
    static RestProblem unauthenticated() {
        return new RestProblem(401, null, "unauthenticated",
                null, "log in to Jira to use Capacity Tracker");
    }

    /**
     * 403: the user is logged in but may not do this: not a Jira administrator, or refused
     * by the permissions document ({@code reason} is the engine's answer).
     */
    static RestProblem forbidden(String reason) {
        return new RestProblem(403, null, "forbidden", null, reason);
    }

    /** 400 validation: {@code field} (a path parameter or the body) is malformed. */
    static RestProblem invalid(String field, String problem) {
        return new RestProblem(400, CapacityException.VALIDATION, "validation", field, field + ": " + problem);
    }

    /** 404 notFound: {@code field} names nothing the caller may see (e.g. an expired report job). */
    static RestProblem notFound(String field, String problem) {
        return new RestProblem(404, CapacityException.NOT_FOUND, "notFound", field, field + ": " + problem);
    }

    /** 503 unavailable: the node is busy; the caller may retry later. */
    static RestProblem busy(String message) {
        return new RestProblem(503, null, "unavailable", null, message);
    }

    /** 413 tooLarge: the request body exceeds what the plugin reads. */
    /**
     * A write whose body is not declared JSON. Cross-site pages can send only form types, plain
     * text or no type at all without a CORS preflight; requiring {@code application/json} here
     * keeps them out whatever XSRF rule the REST runtime applies.
     */
    static RestProblem notJson(String contentType) {
        return new RestProblem(415, CapacityException.VALIDATION, "unsupportedMediaType", "Content-Type",
                "Content-Type: must be application/json, got " + (contentType == null ? "none" : "\"" + contentType + "\""));
    }

    /**
     * 400: the body could not be read — the client went away or stopped sending mid-body.
     * Not logged: it is the client's doing, and a stack trace per dropped connection would
     * bury real failures (issue 10, defect 7: a SEVERE stack trace each time).
     */
    static RestProblem bodyUnreadable() {
        return new RestProblem(400, CapacityException.VALIDATION, "validation", "body",
                "body: the request body could not be read to its end (the connection closed or stalled)");
    }

    static RestProblem bodyTooLarge(long limitBytes) {
        return new RestProblem(413, CapacityException.TOO_LARGE, "tooLarge", "body",
                "body: the request body is larger than " + limitBytes + " bytes");
    }
}
