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

    /** Sets the threads the engine's reports may compute on (1 or 2). */
    static native void engineSetThreads(long engine, int threads);

    static native String engineGetBoardSettings(long engine, HostStorage storage, String boardId);

    static native String enginePutBoardSettings(long engine, HostStorage storage, String boardId,
            String settingsJson);

    static native String engineGetDaysOff(long engine, HostStorage storage, String accountKey);

    static native String enginePutDaysOff(long engine, HostStorage storage, String accountKey,
            String daysOffJson);

    static native String engineIterationReport(long engine, HostStorage storage, String requestJson);

    static native String engineGetIterationTeam(long engine, HostStorage storage, String boardId,
            String iterationId);

    static native String enginePutIterationTeam(long engine, HostStorage storage, String boardId,
            String iterationId, String teamJson);

    static native String engineCopyIterationTeam(long engine, HostStorage storage, String requestJson);

    static native String engineGetTemplate(long engine, HostStorage storage, String templateId);

    static native String enginePutTemplate(long engine, HostStorage storage, String templateId,
            String templateJson);

    static native void engineRemoveTemplate(long engine, HostStorage storage, String templateId);

    static native String engineListTemplates(long engine, HostStorage storage);

    static native String engineApplyTemplate(long engine, HostStorage storage, String requestJson);

    static native String engineGetCalendar(long engine, HostStorage storage, String calendarId);

    static native String enginePutCalendar(long engine, HostStorage storage, String calendarId,
            String calendarJson);

    static native void engineRemoveCalendar(long engine, HostStorage storage, String calendarId);

    static native String engineListCalendars(long engine, HostStorage storage);

    static native String engineGetReportDefinition(long engine, HostStorage storage, String reportId);

    static native String enginePutReportDefinition(long engine, HostStorage storage, String reportId,
            String definitionJson);

    static native void engineRemoveReportDefinition(long engine, HostStorage storage, String reportId);

    static native String engineListReportDefinitions(long engine, HostStorage storage);

    static native String engineMultiProjectReport(long engine, HostStorage storage, String requestJson);

    static native String engineGetPermissions(long engine, HostStorage storage);

    static native String enginePutPermissions(long engine, HostStorage storage, String permissionsJson);

    static native String engineCheckAccess(long engine, HostStorage storage, String queryJson);

    static native String engineExportUser(long engine, HostStorage storage, String accountKey);

    static native String engineForgetUser(long engine, HostStorage storage, String accountKey);

    static native String engineDataInventory(long engine, HostStorage storage);

    static native String engineExportAll(long engine, HostStorage storage);

    static native String engineImportAll(long engine, HostStorage storage, String requestJson);
}
