package org.capacitytracker.api;

/**
 * A write carried a stale {@code revision}: someone else stored the document since it was
 * read (error code 2). Nothing was written; re-read, merge and retry.
 *
 * <pre>{@code
 * try {
 *     engine.putDaysOff("alice", edited);
 * } catch (CapacityConflictException e) {
 *     String latest = engine.getDaysOff("alice"); // has revision e.currentRevision()
 *     ...
 * }
 * }</pre>
 */
public class CapacityConflictException extends CapacityException {
    private static final long serialVersionUID = 1L;

    private final long currentRevision;

    /**
     * Creates a conflict error (used by the native layer, and by tests of callers).
     *
     * <pre>{@code throw new CapacityConflictException("revision: the document ... is at revision 4, but the write was based on revision 3; ...", 4);}</pre>
     *
     * @param message the engine's message
     * @param currentRevision the revision currently stored
     */
    public CapacityConflictException(String message, long currentRevision) {
        super(CONFLICT, message, null);
        this.currentRevision = currentRevision;
    }

    /**
     * The revision of the document as it is stored now.
     *
     * <pre>{@code response.header("X-Current-Revision", e.currentRevision());}</pre>
     *
     * @return the stored revision (0 when the document was never stored)
     */
    public long currentRevision() {
        return currentRevision;
    }
}
