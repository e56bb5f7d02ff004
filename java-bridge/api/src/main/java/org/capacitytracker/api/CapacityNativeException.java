package org.capacitytracker.api;

/**
 * The native engine could not do its work: an internal fault was caught at the native
 * boundary (code 5), an argument was unusable (code 6), or the native library could not be
 * loaded (unsupported platform, missing or unloadable library; code 5). The JVM is never
 * brought down: the fault ends as this exception and stored documents are left whole.
 *
 * <pre>{@code
 * try {
 *     engine = CapacityEngine.open(storage);
 * } catch (CapacityNativeException e) {
 *     // e.g. "Capacity Tracker has no native library for platform windows-aarch64
 *     //       (os.name=Windows 11, os.arch=aarch64); supported platforms: linux-x86_64,
 *     //       linux-aarch64, windows-x86_64"
 *     disableFeature(e.getMessage());
 * }
 * }</pre>
 */
public class CapacityNativeException extends CapacityException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates a native fault with code {@link #PANIC} (used by the native layer and the
     * loader, and by tests of callers).
     *
     * <pre>{@code throw new CapacityNativeException("internal error: index out of bounds", null);}</pre>
     *
     * @param message what failed
     * @param cause the underlying exception, or {@code null}
     */
    public CapacityNativeException(String message, Throwable cause) {
        super(PANIC, message, cause);
    }

    /**
     * Creates a native fault with an explicit code: {@link #PANIC} or
     * {@link #INVALID_ARGUMENT}.
     *
     * <pre>{@code throw new CapacityNativeException(CapacityException.INVALID_ARGUMENT, "boardId: null");}</pre>
     *
     * @param code {@link #PANIC} or {@link #INVALID_ARGUMENT}
     * @param message what failed
     */
    public CapacityNativeException(int code, String message) {
        super(code, message, null);
    }
}
