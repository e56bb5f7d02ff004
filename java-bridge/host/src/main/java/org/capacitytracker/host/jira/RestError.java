package org.capacitytracker.host.jira;

/** A client error answered in Jira's error collection shape {@code {"errorMessages":[...],"errors":{}}}. */
final class RestError extends Exception {
    private static final long serialVersionUID = 1L;
    final int status;

    RestError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    static RestError notFound(String message) {
        return new RestError(404, message);
    }

    static RestError badRequest(String message) {
        return new RestError(400, message);
    }
}
