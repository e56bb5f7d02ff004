package org.capacitytracker.api;

import java.lang.ref.Cleaner;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongConsumer;
import java.util.function.LongFunction;

/**
 * The Capacity Tracker engine, running in-process as a native library, storing everything
 * through the caller's {@link HostStorage}.
 *
 * <p>All documents cross as JSON strings in the format of {@code docs/json-api.md}; the
 * engine parses, validates, stores and computes them, and this class only carries them.
 * There is one method per engine operation: board settings, days off and the iteration
 * report; iteration teams, templates, holiday calendars and multi-project report
 * definitions; permissions; the privacy operations (export or forget a person, the data
 * inventory); and full export and import. Every write sends the {@code revision} it read and
 * fails with {@link CapacityConflictException} when another write came first.
 *
 * <p>Thread-safe: any number of threads may call one engine at the same time (the
 * {@code HostStorage} is then called from those threads too). {@link #close()} waits for
 * calls in progress to finish; afterwards every call throws {@link IllegalStateException}.
 * An engine that is never closed is freed once it becomes unreachable, but closing it
 * (try-with-resources) frees the native memory promptly.
 *
 * <pre>{@code
 * try (CapacityEngine engine = CapacityEngine.open(storage)) {
 *     String settings = engine.getBoardSettings("42");      // defaults, revision 0
 *     String stored = engine.putBoardSettings("42", edited); // revision 1
 *     String report = engine.iterationReport(requestJson);
 * }
 * }</pre>
 */
public final class CapacityEngine implements AutoCloseable {
    // One cleaner for the class: its thread ends by itself once this class (and so the
    // plugin's class loader) is unreachable and every engine is cleaned.
    private static final Cleaner CLEANER = Cleaner.create();

    private final HostStorage storage;
    private final NativeHandle handle;
    private final Cleaner.Cleanable cleanable;

    private CapacityEngine(HostStorage storage, long pointer) {
        this.storage = storage;
        this.handle = new NativeHandle(pointer);
        this.cleanable = CLEANER.register(this, handle);
    }

    /**
     * Opens an engine over the host's storage, loading the native library on first use.
     *
     * <pre>{@code CapacityEngine engine = CapacityEngine.open(new PluginSettingsStorage(settings));}</pre>
     *
     * @param storage where the engine reads and writes its documents; called on the
     *                caller's thread during each call
     * @return an open engine; close it when done
     * @throws CapacityNativeException when the platform is unsupported or the library cannot load
     */
    public static CapacityEngine open(HostStorage storage) {
        Objects.requireNonNull(storage, "storage");
        NativeLoader.ensureLoaded();
        return new CapacityEngine(storage, Native.engineNew());
    }

    /**
     * Returns the board's settings document; a board never stored gets the defaults with
     * {@code revision} 0.
     *
     * <pre>{@code
     * String json = engine.getBoardSettings("42");
     * // {"schema":2,"revision":0,"unit":"hours",...,"roles":[],"members":[]}
     * }</pre>
     *
     * @param boardId 1–40 characters of {@code A-Z a-z 0-9 _ -}
     * @return the stored (or default) settings as JSON
     * @throws CapacityValidationException when the board id is malformed
     * @throws CapacityStorageException when the host storage fails
     */
    public String getBoardSettings(String boardId) {
        Objects.requireNonNull(boardId, "boardId");
        return call(engine -> Native.engineGetBoardSettings(engine, storage, boardId));
    }

    /**
     * Validates and stores the board's settings. The document carries the {@code revision}
     * it was read at; the stored document (normalised, every field present, revision + 1)
     * is returned.
     *
     * <pre>{@code
     * String stored = engine.putBoardSettings("42",
     *     "{\"schema\":1,\"revision\":0,\"members\":[{\"accountKey\":\"alice\","
     *     + "\"role\":\"Developer\",\"dailyCapacity\":6}]}");
     * // stored has "revision":1
     * }</pre>
     *
     * @param boardId 1–40 characters of {@code A-Z a-z 0-9 _ -}
     * @param settingsJson the board settings document
     * @return the stored settings as JSON
     * @throws CapacityValidationException when the document is invalid (names the field)
     * @throws CapacityConflictException when the revision is stale
     * @throws CapacityTooLargeException when the document exceeds the storage limit
     * @throws CapacityStorageException when the host storage fails
     */
    public String putBoardSettings(String boardId, String settingsJson) {
        Objects.requireNonNull(boardId, "boardId");
        Objects.requireNonNull(settingsJson, "settingsJson");
        return call(engine -> Native.enginePutBoardSettings(engine, storage, boardId, settingsJson));
    }

    /**
     * Returns a Kanban board's saved date ranges: named periods (both dates inclusive) the
     * board plans against instead of sprints; a board without any gets an empty list at
     * {@code revision} 0.
     *
     * <pre>{@code
     * String json = engine.getBoardRanges("7");
     * // {"schema":1,"revision":0,"boardId":"7","ranges":[]}
     * }</pre>
     *
     * @param boardId 1–40 characters of {@code A-Z a-z 0-9 _ -}
     * @return the stored (or empty) ranges document as JSON
     * @throws CapacityValidationException when the board id is malformed
     * @throws CapacityStorageException when the host storage fails
     */
    public String getBoardRanges(String boardId) {
        Objects.requireNonNull(boardId, "boardId");
        return call(engine -> Native.engineGetBoardRanges(engine, storage, boardId));
    }

    /**
     * Validates and stores a Kanban board's date ranges (the whole list) against the
     * {@code revision} read.
     *
     * <pre>{@code
     * String stored = engine.putBoardRanges("7", "{\"revision\":0,\"ranges\":[{\"id\":\"q1\","
     *     + "\"name\":\"Q1\",\"start\":\"2027-01-01\",\"end\":\"2027-03-31\"}]}");
     * // stored has "revision":1
     * }</pre>
     *
     * @param boardId 1–40 characters of {@code A-Z a-z 0-9 _ -}
     * @param rangesJson the ranges document
     * @return the stored document as JSON
     * @throws CapacityValidationException when a range is invalid (names the field, e.g. {@code ranges[0].end})
     * @throws CapacityConflictException when the revision is stale
     * @throws CapacityStorageException when the host storage fails
     */
    public String putBoardRanges(String boardId, String rangesJson) {
        Objects.requireNonNull(boardId, "boardId");
        Objects.requireNonNull(rangesJson, "rangesJson");
        return call(engine -> Native.enginePutBoardRanges(engine, storage, boardId, rangesJson));
    }

    /**
     * Returns a person's days off (shared by every board); a person never stored gets an
     * empty document with {@code revision} 0.
     *
     * <pre>{@code
     * String json = engine.getDaysOff("alice");
     * // {"schema":1,"revision":0,"accountKey":"alice","ranges":[]}
     * }</pre>
     *
     * @param accountKey the person's account key (1–72 characters)
     * @return the stored (or empty) days-off document as JSON
     * @throws CapacityValidationException when the account key is malformed
     * @throws CapacityStorageException when the host storage fails
     */
    public String getDaysOff(String accountKey) {
        Objects.requireNonNull(accountKey, "accountKey");
        return call(engine -> Native.engineGetDaysOff(engine, storage, accountKey));
    }

    /**
     * Validates and stores a person's days off, checking the {@code revision} like
     * {@link #putBoardSettings}.
     *
     * <pre>{@code
     * String stored = engine.putDaysOff("alice",
     *     "{\"schema\":1,\"revision\":0,\"accountKey\":\"alice\",\"ranges\":"
     *     + "[{\"start\":\"2026-12-07\",\"end\":\"2026-12-08\",\"reason\":\"Vacation\"}]}");
     * }</pre>
     *
     * @param accountKey the person's account key; must match the document's {@code accountKey}
     * @param daysOffJson the days-off document
     * @return the stored days-off document as JSON
     * @throws CapacityValidationException when the document is invalid (names the field)
     * @throws CapacityConflictException when the revision is stale
     * @throws CapacityTooLargeException when the document exceeds the storage limit
     * @throws CapacityStorageException when the host storage fails
     */
    public String putDaysOff(String accountKey, String daysOffJson) {
        Objects.requireNonNull(accountKey, "accountKey");
        Objects.requireNonNull(daysOffJson, "daysOffJson");
        return call(engine -> Native.enginePutDaysOff(engine, storage, accountKey, daysOffJson));
    }

    /**
     * Computes an iteration's capacity report from the stored board settings and days off
     * and the iteration and work items given in the request. Reads only; stores nothing.
     *
     * <pre>{@code
     * String report = engine.iterationReport("{\"boardId\":\"42\",\"iteration\":{\"id\":\"3\","
     *     + "\"name\":\"Sprint 3\",\"start\":\"2026-11-30\",\"end\":\"2026-12-11\"},\"items\":[]}");
     * // {"schema":1,"boardId":"42","unit":"hours","baseUnit":"minute","team":{...},...}
     * }</pre>
     *
     * @param requestJson the iteration report request
     * @return the report as JSON
     * @throws CapacityValidationException when the request is invalid (names the field)
     * @throws CapacityStorageException when the host storage fails
     */
    public String iterationReport(String requestJson) {
        Objects.requireNonNull(requestJson, "requestJson");
        return call(engine -> utf8(Native.engineIterationReport(engine, storage, utf8(requestJson))));
    }

    /**
     * One member's figures over one iteration: the member's row of {@link #iterationReport}
     * for the same request, as numbers, without building the report's JSON. {@code items}
     * may be empty (capacity does not depend on them; the workload is then 0).
     *
     * <pre>{@code
     * MemberFigures alice = engine.memberCapacity("{\"boardId\":\"42\",\"iteration\":{\"id\":\"3\","
     *     + "\"start\":\"2026-11-30\",\"end\":\"2026-12-11\",\"asOf\":\"2026-12-03\"},\"items\":[]}", "alice");
     * long minutesLeft = alice.remainingCapacity();
     * }</pre>
     *
     * @param requestJson the iteration report request
     * @param accountKey the member
     * @return the member's figures
     * @throws CapacityNotFoundException when {@code accountKey} is not on the iteration's team
     * @throws CapacityValidationException when the request or key is invalid (names the field)
     * @throws CapacityStorageException when the host storage fails
     */
    public MemberFigures memberCapacity(String requestJson, String accountKey) {
        Objects.requireNonNull(requestJson, "requestJson");
        Objects.requireNonNull(accountKey, "accountKey");
        return MemberFigures.of(withHandle(engine -> Native.engineMemberCapacity(engine, storage, requestJson, accountKey)));
    }

    // ---- Iteration teams: one sprint's changes to the board's team ----

    /**
     * Returns one iteration's team changes (members added, removed or changed for that
     * sprint only); an iteration without any gets an empty document with {@code revision} 0.
     *
     * <pre>{@code
     * String team = engine.getIterationTeam("42", "3");
     * // {"schema":1,"revision":0,"boardId":"42","iterationId":"3","members":[]}
     * }</pre>
     *
     * @param boardId the board's id
     * @param iterationId the iteration's id (1–40 characters of {@code A-Z a-z 0-9 - _})
     * @return the iteration team document as JSON
     * @throws CapacityValidationException when an id is malformed
     * @throws CapacityStorageException when the host storage fails
     */
    public String getIterationTeam(String boardId, String iterationId) {
        Objects.requireNonNull(boardId, "boardId");
        Objects.requireNonNull(iterationId, "iterationId");
        return call(engine -> Native.engineGetIterationTeam(engine, storage, boardId, iterationId));
    }

    /**
     * Validates and stores one iteration's team changes against the {@code revision} read.
     * The iteration report applies them when its {@code iteration.id} matches.
     *
     * <pre>{@code
     * String stored = engine.putIterationTeam("42", "3", "{\"revision\":0,\"members\":["
     *     + "{\"accountKey\":\"alice\",\"action\":\"change\",\"dailyCapacity\":3},"
     *     + "{\"accountKey\":\"erin\",\"action\":\"add\",\"role\":\"Developer\",\"dailyCapacity\":6}]}");
     * // stored has "revision":1
     * }</pre>
     *
     * @param boardId the board's id
     * @param iterationId the iteration's id
     * @param teamJson the iteration team document
     * @return the stored document as JSON
     * @throws CapacityValidationException when the document is invalid (names the field)
     * @throws CapacityConflictException when the revision is stale
     * @throws CapacityTooLargeException when the document exceeds the storage limit
     * @throws CapacityStorageException when the host storage fails
     */
    public String putIterationTeam(String boardId, String iterationId, String teamJson) {
        Objects.requireNonNull(boardId, "boardId");
        Objects.requireNonNull(iterationId, "iterationId");
        Objects.requireNonNull(teamJson, "teamJson");
        return call(engine -> Native.enginePutIterationTeam(engine, storage, boardId, iterationId, teamJson));
    }

    /**
     * Copies one iteration's team changes to another ("same team as last sprint"). The
     * {@code revision} is that of the target iteration's document as read (0 when it has none).
     *
     * <pre>{@code
     * String stored = engine.copyIterationTeam(
     *     "{\"boardId\":\"42\",\"fromIterationId\":\"3\",\"toIterationId\":\"4\",\"revision\":0}");
     * // the target's stored document: "iterationId":"4","revision":1
     * }</pre>
     *
     * @param requestJson {@code {"boardId","fromIterationId","toIterationId","revision"}}
     * @return the target iteration's stored document as JSON
     * @throws CapacityValidationException when the request is invalid (names the field)
     * @throws CapacityConflictException when the target's revision is stale
     * @throws CapacityStorageException when the host storage fails
     */
    public String copyIterationTeam(String requestJson) {
        Objects.requireNonNull(requestJson, "requestJson");
        return call(engine -> Native.engineCopyIterationTeam(engine, storage, requestJson));
    }

    // ---- Templates: named member lists shared by boards ----

    /**
     * Returns a template.
     *
     * <pre>{@code
     * String template = engine.getTemplate("squad");
     * // {"schema":1,"revision":1,"id":"squad","name":"Squad","members":[...]}
     * }</pre>
     *
     * @param templateId 1–60 characters of {@code A-Z a-z 0-9 - _}
     * @return the template as JSON
     * @throws CapacityValidationException when the id is malformed ({@code field()} is {@code templateId})
     * @throws CapacityNotFoundException when there is no such template ({@code field()} is {@code templateId})
     * @throws CapacityStorageException when the host storage fails
     */
    public String getTemplate(String templateId) {
        Objects.requireNonNull(templateId, "templateId");
        return call(engine -> Native.engineGetTemplate(engine, storage, templateId));
    }

    /**
     * Validates and stores a template against the {@code revision} read (0 for a new one).
     * Members name their role by name, so one template serves boards with different role ids.
     *
     * <pre>{@code
     * String stored = engine.putTemplate("squad", "{\"revision\":0,\"name\":\"Squad\",\"members\":["
     *     + "{\"accountKey\":\"alice\",\"role\":\"Developer\",\"dailyCapacity\":6}]}");
     * }</pre>
     *
     * @param templateId 1–60 characters of {@code A-Z a-z 0-9 - _}
     * @param templateJson the template document
     * @return the stored template as JSON
     * @throws CapacityValidationException when the document is invalid (names the field)
     * @throws CapacityConflictException when the revision is stale
     * @throws CapacityTooLargeException when the document exceeds the storage limit
     * @throws CapacityStorageException when the host storage fails
     */
    public String putTemplate(String templateId, String templateJson) {
        Objects.requireNonNull(templateId, "templateId");
        Objects.requireNonNull(templateJson, "templateJson");
        return call(engine -> Native.enginePutTemplate(engine, storage, templateId, templateJson));
    }

    /**
     * Removes a template; removing one that does not exist is not an error. Boards the
     * template was applied to keep their members.
     *
     * <pre>{@code engine.removeTemplate("squad");}</pre>
     *
     * @param templateId the template's id
     * @throws CapacityValidationException when the id is malformed
     * @throws CapacityStorageException when the host storage fails
     */
    public void removeTemplate(String templateId) {
        Objects.requireNonNull(templateId, "templateId");
        callVoid(engine -> Native.engineRemoveTemplate(engine, storage, templateId));
    }

    /**
     * Lists every template's id and name.
     *
     * <pre>{@code
     * String list = engine.listTemplates();
     * // [{"id":"squad","name":"Squad"}]
     * }</pre>
     *
     * @return a JSON array of {@code {"id","name"}}
     * @throws CapacityStorageException when the host storage fails
     */
    public String listTemplates() {
        return call(engine -> Native.engineListTemplates(engine, storage));
    }

    /**
     * Applies a template to a board's team, or, with {@code iterationId}, to one
     * iteration's team only. {@code revision} is that of the board settings (or of the
     * iteration team document) as read.
     *
     * <pre>{@code
     * String result = engine.applyTemplate(
     *     "{\"templateId\":\"squad\",\"boardId\":\"42\",\"revision\":1}");
     * // {"added":["bob"],"changed":[],"unchanged":["alice"],"leftAlone":["carol"],"document":{...}}
     * }</pre>
     *
     * @param requestJson {@code {"templateId","boardId","iterationId"?,"revision"}}
     * @return what was added, changed, found unchanged and left alone, with the stored document
     * @throws CapacityValidationException when the request is invalid or a capacity does not
     *         suit the board's unit (names the field)
     * @throws CapacityNotFoundException when there is no such template ({@code templateId})
     * @throws CapacityConflictException when the revision is stale
     * @throws CapacityStorageException when the host storage fails
     */
    public String applyTemplate(String requestJson) {
        Objects.requireNonNull(requestJson, "requestJson");
        return call(engine -> Native.engineApplyTemplate(engine, storage, requestJson));
    }

    // ---- Holiday calendars: shared by boards through "holidayCalendar" ----

    /**
     * Returns a holiday calendar.
     *
     * <pre>{@code
     * String calendar = engine.getCalendar("de");
     * // {"schema":1,"revision":1,"id":"de","name":"Germany","dates":[],"rules":[...]}
     * }</pre>
     *
     * @param calendarId 1–60 characters of {@code A-Z a-z 0-9 - _}
     * @return the calendar as JSON
     * @throws CapacityValidationException when the id is malformed ({@code field()} is {@code calendarId})
     * @throws CapacityNotFoundException when there is no such calendar ({@code field()} is {@code calendarId})
     * @throws CapacityStorageException when the host storage fails
     */
    public String getCalendar(String calendarId) {
        Objects.requireNonNull(calendarId, "calendarId");
        return call(engine -> Native.engineGetCalendar(engine, storage, calendarId));
    }

    /**
     * Validates and stores a holiday calendar (explicit dates and yearly rules) against the
     * {@code revision} read (0 for a new one).
     *
     * <pre>{@code
     * String stored = engine.putCalendar("de", "{\"revision\":0,\"name\":\"Germany\",\"rules\":["
     *     + "{\"type\":\"fixed\",\"name\":\"Christmas Day\",\"month\":12,\"day\":25},"
     *     + "{\"type\":\"easter\",\"name\":\"Good Friday\",\"offset\":-2}]}");
     * }</pre>
     *
     * @param calendarId 1–60 characters of {@code A-Z a-z 0-9 - _}
     * @param calendarJson the calendar document
     * @return the stored calendar as JSON
     * @throws CapacityValidationException when the document is invalid (names the field)
     * @throws CapacityConflictException when the revision is stale
     * @throws CapacityTooLargeException when the document exceeds the storage limit
     * @throws CapacityStorageException when the host storage fails
     */
    public String putCalendar(String calendarId, String calendarJson) {
        Objects.requireNonNull(calendarId, "calendarId");
        Objects.requireNonNull(calendarJson, "calendarJson");
        return call(engine -> Native.enginePutCalendar(engine, storage, calendarId, calendarJson));
    }

    /**
     * Removes a holiday calendar; removing one that does not exist is not an error. Reports
     * of boards that still name it warn that it is missing.
     *
     * <pre>{@code engine.removeCalendar("de");}</pre>
     *
     * @param calendarId the calendar's id
     * @throws CapacityValidationException when the id is malformed
     * @throws CapacityStorageException when the host storage fails
     */
    public void removeCalendar(String calendarId) {
        Objects.requireNonNull(calendarId, "calendarId");
        callVoid(engine -> Native.engineRemoveCalendar(engine, storage, calendarId));
    }

    /**
     * Lists every holiday calendar's id and name.
     *
     * <pre>{@code
     * String list = engine.listCalendars();
     * // [{"id":"de","name":"Germany"}]
     * }</pre>
     *
     * @return a JSON array of {@code {"id","name"}}
     * @throws CapacityStorageException when the host storage fails
     */
    public String listCalendars() {
        return call(engine -> Native.engineListCalendars(engine, storage));
    }

    // ---- Multi-project report definitions ----

    /**
     * Returns a stored multi-project report definition.
     *
     * <pre>{@code
     * String definition = engine.getReportDefinition("q1");
     * // {"schema":1,"revision":1,"id":"q1","name":"Q1","boardIds":["1","2"],...}
     * }</pre>
     *
     * @param reportId 1–60 characters of {@code A-Z a-z 0-9 - _}
     * @return the definition as JSON
     * @throws CapacityValidationException when the id is malformed ({@code field()} is {@code reportId})
     * @throws CapacityNotFoundException when there is no such definition ({@code field()} is {@code reportId})
     * @throws CapacityStorageException when the host storage fails
     */
    public String getReportDefinition(String reportId) {
        Objects.requireNonNull(reportId, "reportId");
        return call(engine -> Native.engineGetReportDefinition(engine, storage, reportId));
    }

    /**
     * Validates and stores a multi-project report definition against the {@code revision}
     * read (0 for a new one).
     *
     * <pre>{@code
     * String stored = engine.putReportDefinition("q1", "{\"revision\":0,\"name\":\"Q1\","
     *     + "\"boardIds\":[\"1\",\"2\"],\"period\":{\"start\":\"2026-01-01\",\"end\":\"2026-03-31\"},"
     *     + "\"bucket\":\"month\",\"grouping\":\"person\"}");
     * }</pre>
     *
     * @param reportId 1–60 characters of {@code A-Z a-z 0-9 - _}
     * @param definitionJson the definition document
     * @return the stored definition as JSON
     * @throws CapacityValidationException when the document is invalid (names the field)
     * @throws CapacityConflictException when the revision is stale
     * @throws CapacityTooLargeException when the document exceeds the storage limit
     * @throws CapacityStorageException when the host storage fails
     */
    public String putReportDefinition(String reportId, String definitionJson) {
        Objects.requireNonNull(reportId, "reportId");
        Objects.requireNonNull(definitionJson, "definitionJson");
        return call(engine -> Native.enginePutReportDefinition(engine, storage, reportId, definitionJson));
    }

    /**
     * Removes a multi-project report definition; removing one that does not exist is not
     * an error.
     *
     * <pre>{@code engine.removeReportDefinition("q1");}</pre>
     *
     * @param reportId the definition's id
     * @throws CapacityValidationException when the id is malformed
     * @throws CapacityStorageException when the host storage fails
     */
    public void removeReportDefinition(String reportId) {
        Objects.requireNonNull(reportId, "reportId");
        callVoid(engine -> Native.engineRemoveReportDefinition(engine, storage, reportId));
    }

    /**
     * Lists every multi-project report definition's id and name.
     *
     * <pre>{@code
     * String list = engine.listReportDefinitions();
     * // [{"id":"q1","name":"Q1"}]
     * }</pre>
     *
     * @return a JSON array of {@code {"id","name"}}
     * @throws CapacityStorageException when the host storage fails
     */
    public String listReportDefinitions() {
        return call(engine -> Native.engineListReportDefinitions(engine, storage));
    }

    /**
     * Computes a multi-project report: capacity and workload per person, role or board in
     * week, month or quarter buckets across boards, with people allocated above 100 % in a
     * bucket flagged. The caller resolves project keys to boards and sends each board's
     * iterations in the period with their work items. Reads only; stores nothing.
     *
     * <pre>{@code
     * String report = engine.multiProjectReport("{\"reportId\":\"q1\",\"boards\":["
     *     + "{\"boardId\":\"1\",\"iterations\":[{\"id\":\"7\",\"start\":\"2026-01-05\","
     *     + "\"end\":\"2026-01-16\",\"items\":[]}]}]}");
     * // {"schema":1,...,"buckets":[...],"rows":[...],"overAllocations":[],...}
     * }</pre>
     *
     * @param requestJson {@code {"reportId"}} or {@code {"definition"}}, plus {@code "boards"}
     * @return the report as JSON
     * @throws CapacityValidationException when the request is invalid or the boards mix
     *         units (names the field)
     * @throws CapacityStorageException when the host storage fails
     */
    public String multiProjectReport(String requestJson) {
        Objects.requireNonNull(requestJson, "requestJson");
        return call(engine -> utf8(Native.engineMultiProjectReport(engine, storage, utf8(requestJson))));
    }

    /**
     * Computes a multi-project report over items given in bulk: the request is as for
     * {@link #multiProjectReport} but its iterations carry no items; the items cross to the
     * engine once, read in place from {@code items}' direct buffers. The report comes back
     * compact: its rows as primitive arrays, the rest as JSON.
     *
     * <pre>{@code
     * BulkItems items = new BulkItems();
     * items.add(0, 0, items.person("alice"), BulkItems.NO_INDEX, BulkItems.HAS_REMAINING, 7200, 0, 0, 0);
     * MultiReportArrays report = engine.multiProjectReportBulk(
     *     "{\"reportId\":\"q1\",\"boards\":[{\"boardId\":\"1\",\"iterations\":[{\"id\":\"7\","
     *     + "\"start\":\"2026-01-05\",\"end\":\"2026-01-16\"}]}]}", items);
     * long firstCapacity = report.cells()[0];
     * }</pre>
     *
     * @param requestJson {@code {"reportId"}} or {@code {"definition"}}, plus {@code "boards"} without items
     * @param items the items (not changed by the engine, except parents found by key)
     * @return the report's rows as arrays and the rest as JSON
     * @throws CapacityValidationException as {@link #multiProjectReport}, and naming an item by
     *         its position ({@code items[3].assignee}, {@code items[3].key}) or a person ({@code people[2]})
     * @throws CapacityStorageException when the host storage fails
     */
    public MultiReportArrays multiProjectReportBulk(String requestJson, BulkItems items) {
        return withBulkReport(requestJson, items, report -> {
            long[] shape = Native.multiReportShape(report);
            return new MultiReportArrays(Native.multiReportHead(report), utf8(Native.multiReportOverAllocations(report)),
                    Native.multiReportRowKeys(report),
                    (int) shape[0], (int) shape[1], Native.multiReportCells(report),
                    Native.multiReportStatuses(report), Native.multiReportUtilisations(report));
        });
    }

    /**
     * As {@link #multiProjectReportBulk}, with the report as the JSON {@link #multiProjectReport}
     * gives (beware its size for an instance-wide report).
     *
     * @param requestJson as for {@link #multiProjectReportBulk}
     * @param items the items
     * @return the report as JSON
     */
    public String multiProjectReportBulkJson(String requestJson, BulkItems items) {
        return withBulkReport(requestJson, items, report -> utf8(Native.multiReportToJson(report)));
    }

    private <T> T withBulkReport(String requestJson, BulkItems items, LongFunction<T> read) {
        Objects.requireNonNull(requestJson, "requestJson");
        Objects.requireNonNull(items, "items");
        return withHandle(engine -> {
            long report = Native.engineMultiProjectReportBulk(engine, storage, utf8(requestJson), items.peopleBuffer(),
                    items.itemsBuffer(), items.keysBuffer());
            try {
                return read.apply(report);
            } finally {
                Native.multiReportFree(report);
                Reference.reachabilityFence(items);
            }
        });
    }

    /**
     * Sets how many threads this engine's reports may compute on, the calling thread
     * included. {@code 1} keeps every computation on the calling thread; {@code 2} (the
     * default) lets a multi-project report over 50,000 items or more check and count them
     * on one native helper thread as well, with the same result. {@link HostStorage} is
     * always called on the calling thread only. Reports already running keep the setting
     * they began with.
     *
     * @param threads 1 or 2
     * @throws CapacityNativeException (code 6, invalid argument) for any other number
     */
    public void setThreads(int threads) {
        callVoid(engine -> Native.engineSetThreads(engine, threads));
    }

    // ---- Permissions ----

    /**
     * Returns the permissions document: disabled (everyone logged in may do everything), at
     * {@code revision} 0, until an administrator stores one.
     *
     * <pre>{@code
     * String permissions = engine.getPermissions();
     * // {"schema":1,"revision":0,"enabled":false,"boards":{},"templates":{...},...}
     * }</pre>
     *
     * @return the permissions document as JSON
     * @throws CapacityStorageException when the host storage fails
     */
    public String getPermissions() {
        return call(engine -> Native.engineGetPermissions(engine, storage));
    }

    /**
     * Validates and stores the permissions document against the {@code revision} read.
     *
     * <pre>{@code
     * String stored = engine.putPermissions("{\"revision\":0,\"enabled\":true,"
     *     + "\"boards\":{\"42\":{\"write\":{\"users\":[\"alice\"],\"groups\":[\"team-leads\"]}}}}");
     * }</pre>
     *
     * @param permissionsJson the permissions document
     * @return the stored document as JSON
     * @throws CapacityValidationException when the document is invalid (names the field)
     * @throws CapacityConflictException when the revision is stale
     * @throws CapacityStorageException when the host storage fails
     */
    public String putPermissions(String permissionsJson) {
        Objects.requireNonNull(permissionsJson, "permissionsJson");
        return call(engine -> Native.enginePutPermissions(engine, storage, permissionsJson));
    }

    /**
     * Answers whether a user may do something, by the stored permissions. The caller states
     * who the user is (their groups, whether they are a Jira administrator); the engine only
     * decides.
     *
     * <pre>{@code
     * String answer = engine.checkAccess("{\"user\":\"bob\",\"groups\":[\"jira-software-users\"],"
     *     + "\"admin\":false,\"action\":\"writeBoard\",\"boardId\":\"42\"}");
     * // {"allowed":false,"reason":"..."}
     * }</pre>
     *
     * @param queryJson {@code {"user","groups","admin","action","boardId"}}; actions are
     *                  {@code readBoard}, {@code writeBoard}, {@code manageTemplates},
     *                  {@code manageReports} and {@code useRest}
     * @return {@code {"allowed","reason"}} as JSON
     * @throws CapacityValidationException when the query is invalid (names the field)
     * @throws CapacityStorageException when the host storage fails
     */
    public String checkAccess(String queryJson) {
        Objects.requireNonNull(queryJson, "queryJson");
        return call(engine -> Native.engineCheckAccess(engine, storage, queryJson));
    }

    /**
     * Decides whether a user may do something, by the stored permissions: the engine reads
     * the permissions and asks {@code subject} only what it cannot know (administrator?
     * member of a group the deciding grants name?). While permissions are disabled everyone
     * logged in may do everything and {@code subject} is not called.
     *
     * <pre>{@code
     * Optional<String> refusal = engine.authorize("bob", "writeBoard", "42", null, subject);
     * // Optional[bob is not on the board's write list]
     * }</pre>
     *
     * @param user the user's key
     * @param action {@code readBoard}, {@code writeBoard}, {@code manageTemplates},
     *               {@code manageReports}, {@code useRest}, {@code readDaysOff} or
     *               {@code writeDaysOff}
     * @param boardId the board concerned, or {@code null}
     * @param accountKey whose days off (the days-off actions), or {@code null}
     * @param subject the user's administrator flag and group memberships, asked on demand
     * @return empty when allowed; otherwise the reason, for the user (a refused board read
     *         starts with {@code board <id>: })
     * @throws CapacityValidationException when the action, board id or account key is
     *         malformed (names the field)
     * @throws CapacityStorageException when the host storage or {@code subject} fails
     */
    public Optional<String> authorize(String user, String action, String boardId, String accountKey,
                                      AccessSubject subject) {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(subject, "subject");
        return Optional.ofNullable(withHandle(
                engine -> Native.engineAuthorize(engine, storage, subject, user, action, boardId, accountKey)));
    }

    /**
     * Decides whether a user may run a multi-project report: it shows each board's people
     * and capacity, so it needs read access to every board it covers ({@link #reportBoards}).
     * While permissions are disabled the request is not even read.
     *
     * <pre>{@code
     * engine.authorizeReport("bob", "{\"reportId\":\"q1\",\"boards\":[...]}", subject);
     * // Optional[board 1: bob is not on the board's read or write list]
     * }</pre>
     *
     * @param user the user's key
     * @param requestJson the report request, as for {@link #multiProjectReport}
     * @param subject the user's administrator flag and group memberships, asked on demand
     * @return empty when allowed; otherwise the reason, naming the first board refused
     * @throws CapacityValidationException when the request is not a report request
     * @throws CapacityStorageException when the host storage or {@code subject} fails
     */
    public Optional<String> authorizeReport(String user, String requestJson, AccessSubject subject) {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(requestJson, "requestJson");
        Objects.requireNonNull(subject, "subject");
        return Optional.ofNullable(withHandle(
                engine -> Native.engineAuthorizeReport(engine, storage, subject, user, requestJson)));
    }

    /**
     * The boards a multi-project report request covers: its definition's (inline or stored),
     * then the posted boards not named there.
     *
     * <pre>{@code
     * engine.reportBoards("{\"reportId\":\"q1\",\"boards\":[{\"boardId\":\"2\"}]}");
     * // {"boardIds":["1","2"]}
     * }</pre>
     *
     * @param requestJson the report request
     * @return {@code {"boardIds":[...]}}
     * @throws CapacityValidationException when the request is not a report request
     */
    public String reportBoards(String requestJson) {
        Objects.requireNonNull(requestJson, "requestJson");
        return call(engine -> Native.engineReportBoards(engine, storage, requestJson));
    }

    // ---- Privacy ----

    /**
     * Returns everything stored about a person, as one JSON document: board memberships,
     * days off, iteration team changes, templates and permission entries.
     *
     * <pre>{@code
     * String everything = engine.exportUser("alice");
     * // {"accountKey":"alice","boards":[{"boardId":"42","role":"Developer","member":{...}}],
     * //  "daysOff":{...},"iterations":[...],"templates":[...],"permissions":[...]}
     * }</pre>
     *
     * @param accountKey the person's account key
     * @return the person's stored data as JSON
     * @throws CapacityValidationException when the account key is malformed
     * @throws CapacityStorageException when the host storage fails
     */
    public String exportUser(String accountKey) {
        Objects.requireNonNull(accountKey, "accountKey");
        return call(engine -> Native.engineExportUser(engine, storage, accountKey));
    }

    /**
     * Removes a person from every stored document (boards, days off, iteration teams,
     * templates, permissions), leaving no trace of their account key; others are untouched.
     * Running it again removes nothing.
     *
     * <pre>{@code
     * String removed = engine.forgetUser("alice");
     * // {"accountKey":"alice","boards":["42"],"daysOff":true,"iterations":[],"templates":[],"permissions":[]}
     * }</pre>
     *
     * @param accountKey the person's account key
     * @return what was removed, as JSON
     * @throws CapacityValidationException when the account key is malformed
     * @throws CapacityStorageException when the host storage fails (documents already
     *         rewritten stay rewritten; running it again finishes the job)
     */
    public String forgetUser(String accountKey) {
        Objects.requireNonNull(accountKey, "accountKey");
        return call(engine -> Native.engineForgetUser(engine, storage, accountKey));
    }

    /**
     * Describes what personal data is stored and where, for an administrator's privacy page.
     *
     * <pre>{@code
     * String inventory = engine.dataInventory();
     * // {"people":12,"categories":[{"category":"boardMembership","fields":[...],...}],"notStored":"..."}
     * }</pre>
     *
     * @return the inventory as JSON
     * @throws CapacityStorageException when the host storage fails
     */
    public String dataInventory() {
        return call(engine -> Native.engineDataInventory(engine, storage));
    }

    // ---- Backup ----

    /**
     * Exports every stored document as one JSON file, for backup or moving to another
     * instance with {@link #importAll}.
     *
     * <pre>{@code
     * String export = engine.exportAll();
     * // {"format":"capacity-tracker-export","formatVersion":1,"engineVersion":"0.1.0","documents":[...]}
     * }</pre>
     *
     * @return the export as JSON
     * @throws CapacityStorageException when the host storage fails
     */
    public String exportAll() {
        return call(engine -> Native.engineExportAll(engine, storage));
    }

    /**
     * Imports an export. Every document is validated before any is written. Mode
     * {@code empty} refuses storage that already holds documents; {@code merge} writes what
     * is missing, leaves what is equal, and lists what differs without overwriting it.
     *
     * <pre>{@code
     * String result = engine.importAll("{\"mode\":\"merge\",\"export\":" + export + "}");
     * // {"written":["board:42",...],"unchanged":[],"conflicts":[]}
     * }</pre>
     *
     * @param requestJson {@code {"mode":"empty"|"merge","export":{...}}}
     * @return {@code {"written","unchanged","conflicts"}} as JSON
     * @throws CapacityValidationException when the request or a document in it is invalid
     *         (names the field, such as {@code export.documents[3].document.members[0].role}),
     *         or mode {@code empty} meets stored documents
     * @throws CapacityStorageException when the host storage fails
     */
    public String importAll(String requestJson) {
        Objects.requireNonNull(requestJson, "requestJson");
        return call(engine -> Native.engineImportAll(engine, storage, requestJson));
    }

    /**
     * The version of the native engine (the {@code capacity-core} version), loading the
     * library if needed.
     *
     * <pre>{@code log.info("Capacity Tracker engine " + CapacityEngine.nativeVersion());}</pre>
     *
     * @return a version such as {@code 0.1.0}
     * @throws CapacityNativeException when the platform is unsupported or the library cannot load
     */
    public static String nativeVersion() {
        NativeLoader.ensureLoaded();
        return Native.version();
    }

    /**
     * The platform this JVM runs on, in the form the jar's native libraries are named by;
     * does not load the library.
     *
     * <pre>{@code CapacityEngine.platform(); // "linux-x86_64"}</pre>
     *
     * @return {@code <os>-<arch>}, such as {@code linux-x86_64} or {@code macos-aarch64}
     */
    public static String platform() {
        return NativeLoader.platform();
    }

    /**
     * The oldest glibc the running platform's library was built for (Linux), read from the jar
     * without loading the library.
     *
     * <pre>{@code CapacityEngine.glibcFloor(); // Optional[2.17] on Linux, Optional.empty on Windows}</pre>
     *
     * @return the glibc version, or empty where the library does not use glibc
     */
    public static Optional<String> glibcFloor() {
        return NativeLoader.info().glibcFloor();
    }

    /**
     * Names the host application's local home (Jira's, from SAL's
     * {@code ApplicationProperties.getLocalHomeDirectory()}), so the native library is copied
     * under {@code <home>/capacity-tracker/native} instead of the temp directory, which
     * hardened servers mount {@code noexec}. The system property {@code capacity.native.dir}
     * overrides both. Call it before the first engine opens; later calls change nothing.
     *
     * <pre>{@code CapacityEngine.useLocalHome(applicationProperties.getLocalHomeDirectory().orElseThrow());}</pre>
     *
     * @param localHome the application's local home directory
     */
    public static void useLocalHome(java.nio.file.Path localHome) {
        NativeLoader.useLocalHome(Objects.requireNonNull(localHome, "localHome"));
    }

    /**
     * Frees the native engine after waiting for calls in progress on other threads.
     * Closing twice is harmless; any later call throws {@link IllegalStateException}.
     *
     * <pre>{@code
     * CapacityEngine engine = CapacityEngine.open(storage);
     * try { ... } finally { engine.close(); }
     * }</pre>
     *
     * @throws IllegalStateException when called from inside a {@link HostStorage} callback
     *         of this engine (the call in progress still needs the engine)
     */
    @Override
    public void close() {
        if (handle.lock.getReadHoldCount() > 0) {
            // Waiting for the write lock here would wait for ourselves forever.
            throw new IllegalStateException("CapacityEngine.close() called from inside a call of the same engine");
        }
        cleanable.clean();
    }

    /** Runs a native call that answers JSON, with the handle held live ({@link NativeHandle#json}). */
    private String call(LongFunction<String> call) {
        return handle.json(this, call);
    }

    /** Runs a native call that answers nothing, with the handle held live. */
    private void callVoid(LongConsumer action) {
        handle.with(this, engine -> {
            action.accept(engine);
            return null;
        });
    }

    /**
     * Large documents cross JNI as UTF-8 bytes: {@code getBytes} is one array copy for ASCII
     * text, where JNI's string functions convert char by char to modified UTF-8 (a third of
     * W1's call). A lone surrogate becomes {@code ?} (JNI's conversion made it U+FFFD).
     */
    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private <T> T withHandle(LongFunction<T> call) {
        return handle.with(this, call);
    }
}
