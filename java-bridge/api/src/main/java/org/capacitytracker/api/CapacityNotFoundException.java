package org.capacitytracker.api;

/**
 * A well-formed id names no stored document: an unknown template, holiday calendar or
 * report definition (error code 7; REST 404). A malformed id is a
 * {@link CapacityValidationException} instead. Nothing was stored.
 *
 * <pre>{@code
 * try {
 *     engine.getTemplate("squad");
 * } catch (CapacityNotFoundException e) {
 *     e.field();      // "templateId"
 *     e.getMessage(); // "templateId: there is no template \"squad\""
 * }
 * }</pre>
 */
public class CapacityNotFoundException extends CapacityException {
    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * Creates a not-found error (used by the native layer, and by tests of callers).
     *
     * <pre>{@code throw new CapacityNotFoundException("templateId: there is no template \"squad\"", "templateId");}</pre>
     *
     * @param message the engine's message, starting with the field path
     * @param field the field that holds the unknown id ({@code templateId}), or {@code null}
     */
    public CapacityNotFoundException(String message, String field) {
        super(NOT_FOUND, message, null);
        this.field = field;
    }

    /**
     * The field that holds the unknown id, such as {@code templateId} or {@code reportId}.
     *
     * <pre>{@code return Response.status(404).entity(e.getMessage()).build();}</pre>
     *
     * @return the field path or {@code null}
     */
    public String field() {
        return field;
    }
}
