package org.capacitytracker.jira.rest;

import org.capacitytracker.api.IdRules;
import org.capacitytracker.api.CapacityValidationException;

/**
 * Checks path parameters before anything else happens, so a bad URL is a 400 naming the
 * parameter rather than whatever the engine or storage would make of it. The rules are the
 * engine's own ({@link IdRules#check}, {@code core/src/documents/ids.rs}): nothing here
 * repeats a pattern or a limit.
 */
final class PathParams {
    private PathParams() {
    }

    /**
     * Returns {@code boardId} when it is a board id by the engine's rule (1–40 characters of
     * {@code A-Z a-z 0-9 _ -}).
     *
     * @throws RestProblem 400 naming {@code boardId}
     */
    static String boardId(String boardId) {
        return check("boardId", boardId);
    }

    /**
     * Returns {@code iterationId} (a sprint or version id) when it is one by the engine's rule.
     *
     * @throws RestProblem 400 naming {@code iterationId}
     */
    static String iterationId(String iterationId) {
        return check("iterationId", iterationId);
    }

    /**
     * Checks a board and an iteration id, in that order, and returns the board id.
     *
     * @throws RestProblem 400 naming the first that is malformed
     */
    static String boardAndIteration(String boardId, String iterationId) {
        check("boardId", boardId);
        check("iterationId", iterationId);
        return boardId;
    }

    /**
     * Checks the id of a shared document (template, holiday calendar, report definition)
     * and returns {@code then}.
     *
     * @param name the parameter's name, as the error names it: {@code templateId},
     *             {@code calendarId} or {@code reportId}
     * @throws RestProblem 400 naming the parameter
     */
    static Access documentId(String name, String id, Access then) {
        check(name, id);
        return then;
    }

    /**
     * Returns {@code accountKey} when it is an account key by the engine's rule (1–255
     * characters, no control characters, no surrounding spaces).
     *
     * @throws RestProblem 400 naming {@code accountKey}
     */
    static String accountKey(String accountKey) {
        return check("accountKey", accountKey);
    }

    /** Checks {@code accountKey} and returns {@code then}. */
    static Access accountKey(String accountKey, Access then) {
        check("accountKey", accountKey);
        return then;
    }

    private static String check(String field, String value) {
        if (value == null) {
            throw RestProblem.invalid(field, "is required");
        }
        try {
            IdRules.check(field, value);
        } catch (CapacityValidationException e) {
            String message = e.getMessage();
            String prefix = field + ": ";
            throw RestProblem.invalid(field, message.startsWith(prefix) ? message.substring(prefix.length()) : message);
        }
        return value;
    }
}
