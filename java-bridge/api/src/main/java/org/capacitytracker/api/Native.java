package org.capacitytracker.api;

/**
 * Every native method of the library, in one place, all static.
 *
 * <p>Keeping them together lets a test compare this class with the library's exported
 * symbols. Only {@link CapacityEngine} calls these, always with a live handle and non-null
 * arguments, after {@link NativeLoader#ensureLoaded()}. Errors arrive as
 * {@link CapacityException} subclasses thrown by the native code.
 */
final class Native {
    private Native() {
    }

    /** Version of the native library (the {@code capacity-core} crate version). */
    static native String version();

    /** Allocates an engine; the returned handle is freed by {@link #engineFree}. */
    static native long engineNew();

    /** Frees an engine handle; {@code 0} is ignored. Must be called exactly once per handle. */
    static native void engineFree(long engine);

    static native String engineGetBoardSettings(long engine, HostStorage storage, String boardId);

    static native String enginePutBoardSettings(long engine, HostStorage storage, String boardId,
            String settingsJson);

    static native String engineGetDaysOff(long engine, HostStorage storage, String accountKey);

    static native String enginePutDaysOff(long engine, HostStorage storage, String accountKey,
            String daysOffJson);

    static native String engineIterationReport(long engine, HostStorage storage, String requestJson);
}
