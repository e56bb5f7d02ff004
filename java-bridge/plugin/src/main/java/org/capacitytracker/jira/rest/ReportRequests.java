package org.capacitytracker.jira.rest;

import org.capacitytracker.jira.text.JsonText;

/**
 * Builds the engine's report request from the POSTed body and the board in the URL.
 *
 * <p>The client sends {@code {"iteration": ..., "items": [...]}}; the engine wants the
 * same object with {@code "boardId"} as well. Instead of parsing and re-serialising a
 * request that may hold thousands of items, the member is spliced in right after the
 * opening brace. This is exact, not a heuristic: in any JSON text whose first
 * non-whitespace character is <code>{</code>, that brace opens the top-level object, and a
 * member inserted there (followed by a comma unless the object is empty) yields a JSON text
 * that is valid exactly when the original was. The board id has already been checked
 * against {@code [A-Za-z0-9_-]{1,40}} and is quoted anyway. If the body carries its own
 * {@code boardId}, the object has a duplicate member, which the engine rejects as a
 * validation error — the board in the URL is never silently replaced.
 */
final class ReportRequests {
    private ReportRequests() {
    }

    /**
     * The engine's request: {@code body} with {@code "boardId"} as its first member.
     *
     * @param boardId a checked board id
     * @param body the POSTed text
     * @return the request for {@code CapacityEngine.iterationReport}
     * @throws RestProblem 400 naming {@code body} when it is not a JSON object
     */
    static String withBoardId(String boardId, String body) {
        return withMember("boardId", boardId, body, "{\"iteration\": {...}, \"items\": [...]}");
    }

    /**
     * {@code body} with the string member {@code name} spliced in first, by the same exact
     * rule as {@link #withBoardId}: for the other requests whose ids come from the path
     * (iteration copies, template applications). A duplicate member in the body is the
     * engine's validation error, so the path always wins.
     *
     * @param name the member's name
     * @param value a checked path parameter
     * @param body the POSTed text
     * @param example a valid body, shown when {@code body} is not a JSON object
     * @return the engine's request
     * @throws RestProblem 400 naming {@code body} when it is not a JSON object
     */
    static String withMember(String name, String value, String body, String example) {
        int open = skipWhitespace(body, 0);
        if (open == body.length() || body.charAt(open) != '{') {
            throw RestProblem.invalid("body", "must be a JSON object such as " + example);
        }
        String member = JsonText.quote(name) + ":" + JsonText.quote(value);
        int next = skipWhitespace(body, open + 1);
        boolean empty = next < body.length() && body.charAt(next) == '}';
        return "{" + member + (empty ? "" : ",") + body.substring(open + 1);
    }

    /** Skips JSON's four whitespace characters (RFC 8259 §2), and nothing else. */
    private static int skipWhitespace(String text, int from) {
        int i = from;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                break;
            }
            i++;
        }
        return i;
    }
}
