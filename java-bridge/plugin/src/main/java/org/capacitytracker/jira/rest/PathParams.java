package org.capacitytracker.jira.rest;

import java.util.regex.Pattern;

/**
 * Checks the shape of path parameters before anything else happens, so a bad URL is a 400
 * naming the parameter rather than whatever the engine or storage would make of it. The
 * engine checks the same rules again; these must never be looser than the engine's
 * ({@code docs/json-api.md}).
 */
final class PathParams {
    private static final Pattern BOARD_ID = Pattern.compile("[A-Za-z0-9_-]{1,40}");
    private static final Pattern ITERATION_ID = Pattern.compile("[A-Za-z0-9_-]{1,40}");
    private static final Pattern DOCUMENT_ID = Pattern.compile("[A-Za-z0-9_-]{1,60}");
    private static final int MAX_ACCOUNT_KEY = 72;
    private static final int MAX_ECHO = 80;

    private PathParams() {
    }

    /**
     * Returns {@code boardId} when it is 1–40 characters of {@code A-Z a-z 0-9 _ -}.
     *
     * @throws RestProblem 400 naming {@code boardId}
     */
    static String boardId(String boardId) {
        if (boardId == null || !BOARD_ID.matcher(boardId).matches()) {
            throw RestProblem.invalid("boardId",
                    "must be 1 to 40 characters of A-Z a-z 0-9 _ -, got " + echo(boardId));
        }
        return boardId;
    }

    /**
     * Returns {@code iterationId} (a sprint or version id) when it is 1–40 characters of
     * {@code A-Z a-z 0-9 _ -}.
     *
     * @throws RestProblem 400 naming {@code iterationId}
     */
    static String iterationId(String iterationId) {
        if (iterationId == null || !ITERATION_ID.matcher(iterationId).matches()) {
            throw RestProblem.invalid("iterationId",
                    "must be 1 to 40 characters of A-Z a-z 0-9 _ -, got " + echo(iterationId));
        }
        return iterationId;
    }

    /**
     * Returns the id of a shared document (template, holiday calendar, report definition)
     * when it is 1–60 characters of {@code A-Z a-z 0-9 _ -}.
     *
     * @param name the parameter's name, as the error names it: {@code templateId},
     *             {@code calendarId} or {@code reportId}
     * @throws RestProblem 400 naming the parameter
     */
    static String documentId(String name, String id) {
        if (id == null || !DOCUMENT_ID.matcher(id).matches()) {
            throw RestProblem.invalid(name, "must be 1 to 60 characters of A-Z a-z 0-9 _ -, got " + echo(id));
        }
        return id;
    }

    /**
     * Returns {@code accountKey} when it is 1–72 characters with no control characters and
     * no surrounding spaces.
     *
     * @throws RestProblem 400 naming {@code accountKey}
     */
    static String accountKey(String accountKey) {
        if (accountKey == null || accountKey.isEmpty()) {
            throw RestProblem.invalid("accountKey", "must be 1 to 72 characters, got none");
        }
        // Counted in code points, as the engine counts characters.
        int length = accountKey.codePointCount(0, accountKey.length());
        if (length > MAX_ACCOUNT_KEY) {
            throw RestProblem.invalid("accountKey", "must be 1 to 72 characters, got " + length);
        }
        if (accountKey.codePoints().anyMatch(Character::isISOControl)) {
            throw RestProblem.invalid("accountKey", "must not contain control characters");
        }
        if (isSpace(accountKey.codePointAt(0))
                || isSpace(accountKey.codePointBefore(accountKey.length()))) {
            throw RestProblem.invalid("accountKey", "must not start or end with spaces");
        }
        return accountKey;
    }

    private static boolean isSpace(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
    }

    private static String echo(String value) {
        if (value == null) {
            return "none";
        }
        String shown = value.length() > MAX_ECHO ? value.substring(0, MAX_ECHO) + "…" : value;
        return "\"" + shown + "\"";
    }
}
