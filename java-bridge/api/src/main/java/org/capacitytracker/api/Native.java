// GENERATED from java-bridge/native/src/operations.rs — do not edit. To change a native
// method, change its declaration there and run `CT_BLESS=1 cargo test -p capacity-jni`
// (docs/contributing.md). A test fails while this file differs from the declarations.
package org.capacitytracker.api;

/**
 * Every native method of the library, in one place, all static.
 *
 * <p>Only {@link CapacityEngine} and {@link IdRules} call these, always with a live handle
 * and non-null arguments (except where a parameter may be null), after
 * {@link NativeLoader#ensureLoaded()}. Errors arrive as {@link CapacityException}
 * subclasses thrown by the native code.
 */
final class Native {
    private Native() {
    }

    /** Version of the native library (the {@code capacity-core} crate version). */
    static native String version();

    /**
     * {@code name descriptor} of every native method, one a line, as the library was built: the
     * Java signature test compares them with this class.
     */
    static native String nativeSignatures();

    /** Allocates an engine; the returned handle is freed by {@code engineFree}. */
    static native long engineNew();

    /** Frees an engine handle; {@code 0} is ignored. Must be called exactly once per handle. */
    static native void engineFree(long engine);

    /** Sets the threads the engine's reports may compute on (1 or 2). */
    static native void engineSetThreads(long engine, int threads);

    /**
     * The rules of every id and key ({@code boardId}, {@code iterationId}, {@code documentId}, {@code accountKey})
     * as JSON: {@code {"boardId":{"pattern":"^[A-Za-z0-9_-]{1,40}$","minChars":1,"maxChars":40,...},...}}.
     */
    static native String idRules();

    /**
     * Checks an id or key by its field name ({@code boardId}, {@code iterationId}, {@code templateId},
     * {@code calendarId}, {@code reportId}, {@code accountKey}); a validation error names the field.
     */
    static native void checkId(String field, String value);

    static native String engineGetBoardSettings(long engine, HostStorage storage, String boardId);

    static native String enginePutBoardSettings(long engine, HostStorage storage, String boardId, String settingsJson);

    /**
     * A Kanban board's saved date ranges ({@code {"schema","revision","boardId","ranges":[…]}};
     * none stored gives an empty list at revision 0).
     */
    static native String engineGetBoardRanges(long engine, HostStorage storage, String boardId);

    /** Stores a board's date ranges (the whole list) against the revision read. */
    static native String enginePutBoardRanges(long engine, HostStorage storage, String boardId, String rangesJson);

    static native String engineGetDaysOff(long engine, HostStorage storage, String accountKey);

    static native String enginePutDaysOff(long engine, HostStorage storage, String accountKey, String daysOffJson);

    /** The iteration report (request and report as UTF-8 bytes: see {@code support::utf8_arg}). */
    static native byte[] engineIterationReport(long engine, HostStorage storage, byte[] requestJson);

    /**
     * One member's figures over one iteration (the iteration report request, its member's
     * row): {@code [unit (0 hours, 1 points), capacity, hasRemaining (0/1), remainingCapacity,}
     * workload, dailyCapacity, allocation (ten-thousandths), workingDays, daysOff
     * (ten-thousandths of a day), firstDate, lastDate, hasAsOf (0/1), asOf]{@code , dates in}
     * epoch days; {@code notFound} on {@code accountKey} when the key is not on the iteration's team.
     */
    static native long[] engineMemberCapacity(long engine, HostStorage storage, String requestJson, String accountKey);

    static native String engineGetIterationTeam(long engine, HostStorage storage, String boardId, String iterationId);

    static native String enginePutIterationTeam(long engine, HostStorage storage, String boardId, String iterationId, String teamJson);

    static native String engineCopyIterationTeam(long engine, HostStorage storage, String requestJson);

    static native String engineGetTemplate(long engine, HostStorage storage, String templateId);

    static native String enginePutTemplate(long engine, HostStorage storage, String templateId, String templateJson);

    static native void engineRemoveTemplate(long engine, HostStorage storage, String templateId);

    static native String engineListTemplates(long engine, HostStorage storage);

    static native String engineApplyTemplate(long engine, HostStorage storage, String requestJson);

    static native String engineGetCalendar(long engine, HostStorage storage, String calendarId);

    static native String enginePutCalendar(long engine, HostStorage storage, String calendarId, String calendarJson);

    static native void engineRemoveCalendar(long engine, HostStorage storage, String calendarId);

    static native String engineListCalendars(long engine, HostStorage storage);

    static native String engineGetReportDefinition(long engine, HostStorage storage, String reportId);

    static native String enginePutReportDefinition(long engine, HostStorage storage, String reportId, String definitionJson);

    static native void engineRemoveReportDefinition(long engine, HostStorage storage, String reportId);

    static native String engineListReportDefinitions(long engine, HostStorage storage);

    /** The multi-project report (request and report as UTF-8 bytes: see {@code support::utf8_arg}). */
    static native byte[] engineMultiProjectReport(long engine, HostStorage storage, byte[] requestJson);

    /**
     * A multi-project report over items in direct buffers (layouts in {@code bulk.rs}; {@code keys}
     * null when the items carry parent indices), read in place: a report handle for the
     * {@code multiReport*} methods, freed by {@code multiReportFree}. Errors name {@code items[3].assignee},
     * {@code people[2]}... as {@code ct_engine_multi_project_report_bulk} does.
     */
    static native long engineMultiProjectReportBulk(long engine, HostStorage storage, byte[] requestJson, java.nio.ByteBuffer people, java.nio.ByteBuffer items, java.nio.ByteBuffer keys);

    /** The report without its rows and over-allocations, as JSON ({@code "rows":[]}, {@code "overAllocations":[]}). */
    static native String multiReportHead(long report);

    /** The over-allocations as runs of buckets, as JSON: {@code [{"accountKey","firstBucket","lastBucket","allocation","boards"}]}. */
    static native byte[] multiReportOverAllocations(long report);

    /** The row keys, in report order, as a JSON array. */
    static native String multiReportRowKeys(long report);

    /** The number of rows and of buckets. */
    static native long[] multiReportShape(long report);

    /** Capacity and workload of every cell (row after row), then of each row's total. */
    static native long[] multiReportCells(long report);

    /** The status of each of those cells: 0 noCapacity, 1 under, 2 ok, 3 over. */
    static native byte[] multiReportStatuses(long report);

    /** The utilisation of each of those cells in percent, NaN where there is none. */
    static native double[] multiReportUtilisations(long report);

    /** The whole report as JSON, as {@code engineMultiProjectReport} gives it. */
    static native byte[] multiReportToJson(long report);

    /** Frees a report handle; {@code 0} is ignored. Must be called exactly once per handle. */
    static native void multiReportFree(long report);

    /** The boards a multi-project report request covers: {@code {"boardIds":["1","2"]}}. */
    static native String engineReportBoards(long engine, HostStorage storage, String requestJson);

    static native String engineGetPermissions(long engine, HostStorage storage);

    static native String enginePutPermissions(long engine, HostStorage storage, String permissionsJson);

    static native String engineCheckAccess(long engine, HostStorage storage, String queryJson);

    /**
     * Whether {@code user} may do {@code action} (on {@code boardId}, for the days off of {@code accountKey}; both
     * may be null): null when allowed, else the reason to show.
     */
    static native String engineAuthorize(long engine, HostStorage storage, AccessSubject subject, String user, String action, String boardId, String accountKey);

    /**
     * Whether {@code user} may run the multi-project report {@code requestJson} (read every board it
     * covers): null when allowed, else the reason, naming the first board refused.
     */
    static native String engineAuthorizeReport(long engine, HostStorage storage, AccessSubject subject, String user, String requestJson);

    static native String engineExportUser(long engine, HostStorage storage, String accountKey);

    static native String engineForgetUser(long engine, HostStorage storage, String accountKey);

    static native String engineDataInventory(long engine, HostStorage storage);

    static native String engineExportAll(long engine, HostStorage storage);

    static native String engineImportAll(long engine, HostStorage storage, String requestJson);
}
