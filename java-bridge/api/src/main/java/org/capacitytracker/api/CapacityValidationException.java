package org.capacitytracker.api;

/**
 * Bad input: a document or request does not satisfy the JSON contract (error code 1).
 * Nothing was stored.
 *
 * <pre>{@code
 * try {
 *     engine.putBoardSettings("42", "{\"schema\":1,\"revision\":0,\"focusFactor\":120}");
 * } catch (CapacityValidationException e) {
 *     e.field();      // "focusFactor"
 *     e.getMessage(); // "focusFactor: must be a percentage between 0 and 100, got 120"
 * }
 * }</pre>
 */
public class CapacityValidationException extends CapacityException {
    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * Creates a validation error (used by the native layer, and by tests of callers).
     *
     * <pre>{@code throw new CapacityValidationException("unit: unknown value", "unit");}</pre>
     *
     * @param message the engine's message, starting with the field path when there is one
     * @param field the field path ({@code members[3].dailyCapacity}), or {@code null}
     */
    public CapacityValidationException(String message, String field) {
        super(VALIDATION, message, null);
        this.field = field;
    }

    /**
     * The path of the offending field, such as {@code members[3].dailyCapacity}; {@code null}
     * when the input as a whole is wrong (for example, it is not JSON).
     *
     * <pre>{@code highlight(form, e.field());}</pre>
     *
     * @return the field path or {@code null}
     */
    public String field() {
        return field;
    }
}
