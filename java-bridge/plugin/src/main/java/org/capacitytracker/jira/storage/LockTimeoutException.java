package org.capacitytracker.jira.storage;

/**
 * Another write of the same document held its lock for longer than the storage waits: the
 * engine stored nothing, and the request may simply be tried again. It reaches callers of
 * the engine as the cause of a {@code CapacityStorageException}, so a REST resource can tell
 * "busy, retry" (503) from a broken database (500).
 *
 * <pre>{@code
 * } catch (CapacityStorageException e) {
 *     if (e.getCause() instanceof LockTimeoutException) { ... 503 ... }
 * }
 * }</pre>
 */
public final class LockTimeoutException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public LockTimeoutException(String message) {
        super(message);
    }
}
