package org.capacitytracker.api;

import java.util.Objects;

/**
 * The engine's rules for the ids and keys that name documents (board, iteration, template,
 * holiday calendar and report definition ids; account keys), so that callers check them by
 * the engine's definition ({@code core/src/documents/ids.rs}) instead of writing them again. Loads the
 * native library on first use; needs no engine.
 *
 * <pre>{@code
 * IdRules.check("boardId", request.getParameter("boardId")); // CapacityValidationException if not
 * page.put("idRules", IdRules.json());                       // for the browser's checks
 * }</pre>
 */
public final class IdRules {
    private IdRules() {
    }

    /**
     * The engine's rules for ids and keys, for pages and clients that check them before
     * asking: {@code boardId}, {@code iterationId}, {@code documentId} (templates, holiday
     * calendars, report definitions) and {@code accountKey}, each with {@code minChars},
     * {@code maxChars}, {@code description} and, for the first three, a {@code pattern}
     * (a regular expression JavaScript and Java read alike).
     *
     * <pre>{@code
     * IdRules.json();
     * // {"boardId":{"pattern":"^[A-Za-z0-9_-]{1,40}$","minChars":1,"maxChars":40,...},...}
     * }</pre>
     *
     * @return the rules as JSON
     * @throws CapacityNativeException when the library cannot load
     */
    public static String json() {
        NativeLoader.ensureLoaded();
        return Native.idRules();
    }

    /**
     * Checks an id or key by the engine's rule for it, as every operation taking one does.
     *
     * <pre>{@code IdRules.check("boardId", "1/2"); // throws, field() is "boardId"}</pre>
     *
     * @param field {@code boardId}, {@code iterationId}, {@code templateId},
     *              {@code calendarId}, {@code reportId} or {@code accountKey}
     * @param value the value to check
     * @throws CapacityValidationException naming {@code field} when the value breaks the rule
     * @throws CapacityNativeException (code 6) for a field with no rule
     */
    public static void check(String field, String value) {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(value, "value");
        NativeLoader.ensureLoaded();
        Native.checkId(field, value);
    }
}
