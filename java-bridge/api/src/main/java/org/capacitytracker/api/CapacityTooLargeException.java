package org.capacitytracker.api;

/**
 * A document is larger than the engine will store (error code 4; REST 413). Documents
 * over one storage value are split across several, up to a limit on the whole document
 * that bounds what one request can make the host keep. Nothing was stored.
 *
 * <pre>{@code
 * try {
 *     engine.putBoardSettings("42", hugeJson);
 * } catch (CapacityTooLargeException e) {
 *     return Response.status(413).entity(e.getMessage()).build();
 * }
 * }</pre>
 */
public class CapacityTooLargeException extends CapacityException {
    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * Creates a too-large error (used by the native layer, and by tests of callers).
     *
     * <pre>{@code throw new CapacityTooLargeException("settings: the document is 4200000 characters long; the limit is ...");}</pre>
     *
     * @param message the engine's message
     */
    public CapacityTooLargeException(String message) {
        this(message, null);
    }

    /**
     * Creates a too-large error naming the document part that is too large.
     *
     * <pre>{@code throw new CapacityTooLargeException("settings: the document is 4200000 characters long; the limit is ...", "members");}</pre>
     *
     * @param message the engine's message
     * @param field the path of the part that is too large, or {@code null}
     */
    public CapacityTooLargeException(String message, String field) {
        super(TOO_LARGE, message, null);
        this.field = field;
    }

    /**
     * The path of the part of the document that is too large, when the engine names one.
     *
     * <pre>{@code String where = e.field() == null ? "document" : e.field();}</pre>
     *
     * @return the field path or {@code null}
     */
    public String field() {
        return field;
    }
}
