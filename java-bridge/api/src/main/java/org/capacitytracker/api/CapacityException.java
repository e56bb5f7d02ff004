package org.capacitytracker.api;

/**
 * Base of every error the Capacity Tracker engine reports to Java.
 *
 * <p>Each subclass corresponds to one stable error code of the JSON contract
 * ({@code docs/json-api.md}); {@link #code()} returns that number, so a caller that only
 * wants the code (for logging or a REST status) need not test the subclass. The
 * exceptions are unchecked: a caller handles the few it can act on and lets the rest
 * propagate.
 *
 * <pre>{@code
 * try {
 *     engine.putBoardSettings("42", json);
 * } catch (CapacityValidationException e) {
 *     return badRequest(e.field(), e.getMessage());      // 400
 * } catch (CapacityConflictException e) {
 *     return conflict(e.currentRevision());              // 409
 * } catch (CapacityException e) {
 *     log.error("capacity engine error " + e.code(), e); // 500
 * }
 * }</pre>
 */
public class CapacityException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Bad input; the offending field is named ({@link CapacityValidationException}). */
    public static final int VALIDATION = 1;
    /** Stale revision on a write ({@link CapacityConflictException}). */
    public static final int CONFLICT = 2;
    /** A {@link HostStorage} call failed ({@link CapacityStorageException}). */
    public static final int STORAGE = 3;
    /** A document exceeds the storage value limit ({@link CapacityTooLargeException}). */
    public static final int TOO_LARGE = 4;
    /** An internal fault caught at the native boundary ({@link CapacityNativeException}). */
    public static final int PANIC = 5;
    /** An argument the native layer cannot accept, such as {@code null} ({@link CapacityNativeException}). */
    public static final int INVALID_ARGUMENT = 6;
    /** A well-formed id names no stored document ({@link CapacityNotFoundException}). */
    public static final int NOT_FOUND = 7;

    private final int code;

    /**
     * Creates an exception with an explicit code; the engine uses the subclasses, and this
     * constructor exists for codes a newer engine may add.
     *
     * <pre>{@code throw new CapacityException(7, "something new", null);}</pre>
     *
     * @param code the error code from the JSON contract
     * @param message the engine's message (starts with the field path when there is one)
     * @param cause the underlying exception, or {@code null}
     */
    public CapacityException(int code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /**
     * The stable numeric error code of the JSON contract.
     *
     * <pre>{@code int status = e.code() == CapacityException.CONFLICT ? 409 : 500;}</pre>
     *
     * @return 1 validation, 2 conflict, 3 storage, 4 too large, 5 panic, 6 invalid argument
     */
    public int code() {
        return code;
    }
}
