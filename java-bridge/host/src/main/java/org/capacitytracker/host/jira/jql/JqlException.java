package org.capacitytracker.host.jira.jql;

/**
 * A query this host cannot run: a syntax error, an unknown field or function, or a clause
 * outside the supported subset. The message is what Jira's search answers in
 * {@code errorMessages} with status 400.
 */
public final class JqlException extends Exception {
    private static final long serialVersionUID = 1L;

    public JqlException(String message) {
        super(message, null, false, false);
    }
}
