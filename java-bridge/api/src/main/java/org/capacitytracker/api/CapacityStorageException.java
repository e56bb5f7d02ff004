package org.capacitytracker.api;

/**
 * A {@link HostStorage} call failed (error code 3). The stored documents are as they were
 * before the call. When the failure was an exception thrown by the {@code HostStorage},
 * that exception is the {@linkplain #getCause() cause} and its class and message are in
 * this exception's message.
 *
 * <pre>{@code
 * try {
 *     engine.getBoardSettings("42");
 * } catch (CapacityStorageException e) {
 *     log.error("settings database unavailable", e.getCause());
 * }
 * }</pre>
 */
public class CapacityStorageException extends CapacityException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates a storage error (used by the native layer, and by tests of callers).
     *
     * <pre>{@code throw new CapacityStorageException("storage: database is read-only", sqlException);}</pre>
     *
     * @param message the engine's message, carrying the host's message
     * @param cause the exception thrown by the host storage, or {@code null}
     */
    public CapacityStorageException(String message, Throwable cause) {
        super(STORAGE, message, cause);
    }
}
