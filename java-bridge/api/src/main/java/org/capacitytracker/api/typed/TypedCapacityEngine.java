package org.capacitytracker.api.typed;

import java.util.Objects;
import org.capacitytracker.api.CapacityEngine;
import org.capacitytracker.api.MemberFigures;

/**
 * The typed face of a {@link CapacityEngine}: records in, records out. Each call converts
 * the records to the engine's JSON document, calls the JSON method of the same name and
 * reads the answer back — the engine still does all validation and computing, so a typed
 * call and the JSON call give the same report and throw the same
 * {@link org.capacitytracker.api.CapacityException}s (with the same {@code field()}).
 *
 * <p>Thread-safe as the engine is. It does not own the engine: close the engine, not this.
 *
 * <pre>{@code
 * try (CapacityEngine engine = CapacityEngine.open(storage)) {
 *     TypedCapacityEngine typed = new TypedCapacityEngine(engine);
 *     IterationReport report = typed.iterationReport(IterationRequest.builder("42")
 *         .iteration("3", "Sprint 3", LocalDate.of(2026, 11, 30), LocalDate.of(2026, 12, 11))
 *         .item(WorkItem.builder("DEMO-12").assignee("alice").status(StatusCategory.NEW)
 *             .remainingSeconds(14_400L).build())
 *         .build());
 *     long freeMinutes = report.team().free();
 * }
 * }</pre>
 */
public final class TypedCapacityEngine {
    private final CapacityEngine engine;

    /**
     * Wraps an open engine.
     *
     * @param engine the engine the calls go to
     */
    public TypedCapacityEngine(CapacityEngine engine) {
        this.engine = Objects.requireNonNull(engine, "engine");
    }

    /** @return the JSON engine underneath, for the operations without a typed form */
    public CapacityEngine json() {
        return engine;
    }

    /**
     * The board's settings ({@link CapacityEngine#getBoardSettings}).
     *
     * @param boardId the board
     * @return the stored or default settings
     * @throws org.capacitytracker.api.CapacityValidationException when the id is malformed
     * @throws org.capacitytracker.api.CapacityStorageException when the host storage fails
     */
    public BoardSettings getBoardSettings(String boardId) {
        return RecordJson.read(engine.getBoardSettings(boardId), BoardSettings.class);
    }

    /**
     * A Kanban board's saved date ranges ({@link CapacityEngine#getBoardRanges}).
     *
     * @param boardId the board
     * @return the stored ranges, or none at revision 0
     * @throws org.capacitytracker.api.CapacityValidationException when the id is malformed
     * @throws org.capacitytracker.api.CapacityStorageException when the host storage fails
     */
    public BoardRanges getBoardRanges(String boardId) {
        return RecordJson.read(engine.getBoardRanges(boardId), BoardRanges.class);
    }

    /**
     * Stores the board's settings against the revision they carry ({@link CapacityEngine#putBoardSettings}).
     *
     * @param boardId the board
     * @param settings the settings
     * @return the stored settings (revision + 1)
     * @throws org.capacitytracker.api.CapacityValidationException when a field is invalid (named)
     * @throws org.capacitytracker.api.CapacityConflictException when the revision is stale
     * @throws org.capacitytracker.api.CapacityTooLargeException when the document is too large
     * @throws org.capacitytracker.api.CapacityStorageException when the host storage fails
     */
    public BoardSettings putBoardSettings(String boardId, BoardSettings settings) {
        Objects.requireNonNull(settings, "settings");
        return RecordJson.read(engine.putBoardSettings(boardId, RecordJson.write(settings)), BoardSettings.class);
    }

    /**
     * A person's days off ({@link CapacityEngine#getDaysOff}).
     *
     * @param accountKey the person
     * @return the stored or empty days off
     * @throws org.capacitytracker.api.CapacityValidationException when the key is malformed
     * @throws org.capacitytracker.api.CapacityStorageException when the host storage fails
     */
    public DaysOff getDaysOff(String accountKey) {
        return RecordJson.read(engine.getDaysOff(accountKey), DaysOff.class);
    }

    /**
     * Stores a person's days off against the revision they carry ({@link CapacityEngine#putDaysOff}).
     *
     * @param daysOff the days off; {@code accountKey} names the person
     * @return the stored days off (revision + 1)
     * @throws org.capacitytracker.api.CapacityValidationException when a field is invalid (named)
     * @throws org.capacitytracker.api.CapacityConflictException when the revision is stale
     * @throws org.capacitytracker.api.CapacityTooLargeException when the document is too large
     * @throws org.capacitytracker.api.CapacityStorageException when the host storage fails
     */
    public DaysOff putDaysOff(DaysOff daysOff) {
        Objects.requireNonNull(daysOff, "daysOff");
        Objects.requireNonNull(daysOff.accountKey(), "accountKey");
        return RecordJson.read(engine.putDaysOff(daysOff.accountKey(), RecordJson.write(daysOff)), DaysOff.class);
    }

    /**
     * An iteration's capacity report ({@link CapacityEngine#iterationReport}).
     *
     * @param request the board, iteration and items
     * @return the report
     * @throws org.capacitytracker.api.CapacityValidationException when the request is invalid (names the field)
     * @throws org.capacitytracker.api.CapacityStorageException when the host storage fails
     */
    public IterationReport iterationReport(IterationRequest request) {
        Objects.requireNonNull(request, "request");
        return RecordJson.read(engine.iterationReport(RecordJson.write(request)), IterationReport.class);
    }

    /**
     * One member's figures over one iteration ({@link CapacityEngine#memberCapacity}): the
     * member's row of {@link #iterationReport} for the same request, as numbers.
     *
     * @param request the board, iteration and items (may be none)
     * @param accountKey the member
     * @return the member's figures
     * @throws org.capacitytracker.api.CapacityNotFoundException when the key is not on the iteration's team
     * @throws org.capacitytracker.api.CapacityValidationException when the request is invalid (names the field)
     */
    public MemberFigures memberCapacity(IterationRequest request, String accountKey) {
        Objects.requireNonNull(request, "request");
        return engine.memberCapacity(RecordJson.write(request), accountKey);
    }

    /**
     * The definition a report request covers: its inline {@code definition}, else the one
     * stored under its {@code reportId} — e.g. for a server-side report started with the
     * multi-project request's shape minus its boards.
     *
     * <pre>{@code
     * engine.reportDefinitionOf("{\"reportId\":\"q1\"}").period(); // the stored period
     * }</pre>
     *
     * @param requestJson {@code {"reportId": ...}} or {@code {"definition": {...}}}
     * @return the definition
     * @throws IllegalArgumentException when the text is not JSON, a member has the wrong type,
     *     or it has neither member
     * @throws org.capacitytracker.api.CapacityNotFoundException when no definition is stored under the id
     */
    public MultiProjectRequest.Definition reportDefinitionOf(String requestJson) {
        MultiProjectRequest.Scope scope = MultiProjectRequest.Scope.fromJson(Objects.requireNonNull(requestJson,
                "requestJson"));
        return scope.definition() != null ? scope.definition() : getReportDefinition(scope.reportId());
    }

    /**
     * A stored report definition ({@link CapacityEngine#getReportDefinition}).
     *
     * @param reportId the definition's id
     * @return the definition
     * @throws org.capacitytracker.api.CapacityNotFoundException when there is none
     * @throws org.capacitytracker.api.CapacityStorageException when the host storage fails
     */
    public MultiProjectRequest.Definition getReportDefinition(String reportId) {
        Objects.requireNonNull(reportId, "reportId");
        return RecordJson.read(engine.getReportDefinition(reportId), MultiProjectRequest.Definition.class);
    }

    /**
     * A multi-project report ({@link CapacityEngine#multiProjectReport}).
     *
     * @param request the definition (or its id) and each board's iterations
     * @return the report
     * @throws org.capacitytracker.api.CapacityValidationException when the request is invalid (names the field)
     * @throws org.capacitytracker.api.CapacityNotFoundException when {@code reportId} names no definition
     * @throws org.capacitytracker.api.CapacityStorageException when the host storage fails
     */
    public MultiProjectReport multiProjectReport(MultiProjectRequest request) {
        Objects.requireNonNull(request, "request");
        return RecordJson.read(engine.multiProjectReport(RecordJson.write(request)), MultiProjectReport.class);
    }

    /**
     * A multi-project report over the boards, iterations and items streamed into a sink;
     * the sink takes nothing more afterwards and gives one report only (its buffers are
     * then reused by the next sink).
     *
     * <pre>{@code
     * ReportItemSink sink = ReportItemSink.forReportId("q1-plan");
     * sink.board("A").iteration("A1", null, "2026-03-02", "2026-03-13")
     *     .item("A-1", "alice", StatusCategory.NEW, 86_400, ReportItemSink.NONE, Double.NaN, null, false);
     * MultiProjectReport report = typed.multiProjectReport(sink);
     * }</pre>
     *
     * @param sink the filled sink
     * @return the report
     * @throws IllegalStateException when the sink already gave its report
     * @throws org.capacitytracker.api.CapacityValidationException when the request is invalid (names the field)
     * @throws org.capacitytracker.api.CapacityNotFoundException when the report id names no definition
     * @throws org.capacitytracker.api.CapacityStorageException when the host storage fails
     */
    public MultiProjectReport multiProjectReport(ReportItemSink sink) {
        Objects.requireNonNull(sink, "sink");
        return MultiProjectReport.of(sink.report(engine::multiProjectReportBulk));
    }

    /**
     * A multi-project report over a sink's items, its cells left in the engine's primitive
     * arrays ({@link MultiProjectTable}): for instance-wide reports, where a record per cell
     * ({@link #multiProjectReport(ReportItemSink)}) costs more than computing the report. The
     * sink takes nothing more afterwards and gives one report only.
     *
     * <pre>{@code
     * ReportItemSink sink = ReportItemSink.forReportId("q1-plan");
     * sink.board("A").iteration("A1", null, "2026-03-02", "2026-03-13")
     *     .item("A-1", "alice", StatusCategory.NEW, 86_400, ReportItemSink.NONE, Double.NaN, null, false);
     * MultiProjectTable table = typed.multiProjectTable(sink);
     * long aliceFirstWeek = table.capacity(table.cell(0, 0));
     * }</pre>
     *
     * @param sink the filled sink
     * @return the report
     * @throws IllegalStateException when the sink already gave its report
     * @throws org.capacitytracker.api.CapacityValidationException when the request is invalid (names the field)
     * @throws org.capacitytracker.api.CapacityNotFoundException when the report id names no definition
     * @throws org.capacitytracker.api.CapacityStorageException when the host storage fails
     */
    public MultiProjectTable multiProjectTable(ReportItemSink sink) {
        Objects.requireNonNull(sink, "sink");
        return MultiProjectTable.of(sink.report(engine::multiProjectReportBulk));
    }

    /**
     * The report over a sink's items as the JSON {@link CapacityEngine#multiProjectReport}
     * gives (beware its size for an instance-wide report); the sink takes nothing more
     * afterwards and gives one report only.
     *
     * @param sink the filled sink
     * @return the report as JSON
     * @throws org.capacitytracker.api.CapacityValidationException when the request is invalid (names the field)
     */
    public String multiProjectReportJson(ReportItemSink sink) {
        Objects.requireNonNull(sink, "sink");
        return sink.report(engine::multiProjectReportBulkJson);
    }
}
