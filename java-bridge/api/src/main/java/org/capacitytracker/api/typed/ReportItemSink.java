package org.capacitytracker.api.typed;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import org.capacitytracker.api.BulkItems;

/**
 * Streams a multi-project report's boards, iterations and work items into one request,
 * for reports too large to build as records first: each item is appended to the request
 * text as it comes (no record, no string per item), in the order boards, then each board's
 * iterations, then each iteration's items.
 *
 * <pre>{@code
 * ReportItemSink sink = ReportItemSink.forReportId("q1-plan");
 * for (Board board : boards) {
 *     sink.board(board.id());
 *     for (Sprint sprint : board.sprints()) {
 *         sink.iteration(sprint.id(), IterationKind.SPRINT, sprint.start(), sprint.end());
 *         for (Issue issue : sprint.issues()) {
 *             sink.item(issue.key(), issue.assignee(), StatusCategory.NEW,
 *                 issue.remainingSeconds(), ReportItemSink.NONE, Double.NaN, null, false);
 *         }
 *     }
 * }
 * MultiProjectReport report = typed.multiProjectReport(sink);
 * }</pre>
 *
 * <p>Not thread-safe: one sink is filled by one thread. The boards and iterations become the
 * request's JSON; the items go into the engine's bulk form ({@link BulkItems}: 56 bytes each
 * outside the Java heap, keys as UTF-8 bytes) and cross to the engine once, read in place.
 * The engine validates every item and names the failing one by its position in the order
 * added ({@code items[k].key}, {@code items[k].remaining_seconds}), an assignee by the
 * order people first appeared ({@code people[p]}). A sink gives one report; its buffers are
 * then given back for the next sink to reuse ({@link BulkItems#release()}).
 */
public final class ReportItemSink {
    /** An estimate in seconds that is absent. */
    public static final long NONE = Long.MIN_VALUE;

    /** Each iteration kind as its JSON string, by ordinal. */
    private static final String[] KINDS = java.util.Arrays.stream(IterationKind.values()).map(ReportItemSink::json).toArray(String[]::new);

    private final StringBuilder text = new StringBuilder(1 << 16);
    private final BulkItems items = new BulkItems(1 << 12);
    private int board = -1;
    private int iteration = -1;
    private int state; // 0: no board yet, 1: in a board, 2: in an iteration
    private boolean firstBoard = true;
    private boolean firstIteration;
    private boolean finished;
    private boolean reported;

    private ReportItemSink(String key, Object head) {
        text.append('{');
        Map<String, Object> field = new LinkedHashMap<>();
        field.put(key, head);
        String json = json(field);
        text.append(json, 1, json.length() - 1).append(",\"boards\":[");
    }

    /**
     * A sink for the stored report definition {@code reportId}.
     *
     * @param reportId the definition's id
     * @return an empty sink
     */
    public static ReportItemSink forReportId(String reportId) {
        return new ReportItemSink("reportId", Objects.requireNonNull(reportId, "reportId"));
    }

    /**
     * A sink for an inline definition.
     *
     * @param definition the definition
     * @return an empty sink
     */
    public static ReportItemSink forDefinition(MultiProjectRequest.Definition definition) {
        return new ReportItemSink("definition", RecordJson.tree(Objects.requireNonNull(definition, "definition")));
    }

    /**
     * Starts the next board; its iterations follow.
     *
     * @param boardId the board's id
     * @return this
     */
    public ReportItemSink board(String boardId) {
        Objects.requireNonNull(boardId, "boardId");
        open();
        closeIteration();
        if (state >= 1) {
            text.append("]}");
        }
        if (!firstBoard) {
            text.append(',');
        }
        firstBoard = false;
        text.append("{\"boardId\":");
        JsonText.write(text, boardId);
        text.append(",\"iterations\":[");
        firstIteration = true;
        board++;
        iteration = -1;
        state = 1;
        return this;
    }

    /**
     * Starts the next iteration of the current board; its items follow.
     *
     * @param id the iteration's id
     * @param kind sprint, version or range, or null (a sprint)
     * @param start its start instant or date
     * @param end its end instant or date
     * @return this
     * @throws IllegalStateException before the first {@link #board}
     */
    public ReportItemSink iteration(String id, IterationKind kind, String start, String end) {
        open();
        if (state == 0) {
            throw new IllegalStateException("an iteration needs a board first");
        }
        closeIteration();
        if (!firstIteration) {
            text.append(',');
        }
        firstIteration = false;
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        // Written directly, as RecordJson writes a BoardIteration without its items (nulls
        // left out): a year of 1,500 boards has 39,000 of these.
        text.append('{');
        if (id != null) {
            text.append("\"id\":");
            JsonText.writeString(text, id);
            text.append(',');
        }
        if (kind != null) {
            text.append("\"kind\":").append(KINDS[kind.ordinal()]).append(',');
        }
        text.append("\"start\":");
        JsonText.writeString(text, start);
        text.append(",\"end\":");
        JsonText.writeString(text, end);
        text.append('}');
        iteration++;
        state = 2;
        return this;
    }

    /**
     * Adds a work item to the current iteration.
     *
     * @param key the issue key
     * @param assignee the assignee's account key, or null
     * @param status the status category, or null
     * @param remainingSeconds the remaining estimate, or {@link #NONE}
     * @param originalSeconds the original estimate, or {@link #NONE}
     * @param storyPoints the story points, or {@code Double.NaN} for none
     * @param parent the parent's key, or null
     * @param subtask whether it is a sub-task
     * @return this
     * @throws IllegalStateException before the first {@link #iteration}
     */
    public ReportItemSink item(String key, String assignee, StatusCategory status, long remainingSeconds,
            long originalSeconds, double storyPoints, String parent, boolean subtask) {
        Objects.requireNonNull(key, "key");
        add(key, parent, assignee, status, subtask, remainingSeconds == NONE ? null : remainingSeconds,
                originalSeconds == NONE ? null : originalSeconds, Double.isNaN(storyPoints) ? null : storyPoints, null);
        return this;
    }

    /**
     * Adds a work item given as a record (its custom estimate included).
     *
     * @param item the item
     * @return this
     * @throws IllegalStateException before the first {@link #iteration}
     */
    public ReportItemSink item(WorkItem item) {
        Objects.requireNonNull(item, "item");
        add(item.key(), item.parent(), item.assignee(), item.statusCategory(), Boolean.TRUE.equals(item.subtask()),
                item.remainingSeconds(), item.originalSeconds(), item.storyPoints(), item.customEstimate());
        return this;
    }

    private void add(String key, String parent, String assignee, StatusCategory status, boolean subtask,
            Long remaining, Long original, Double points, Double custom) {
        open();
        if (state != 2) {
            throw new IllegalStateException("an item needs an iteration first");
        }
        int flags = (status == StatusCategory.DONE ? BulkItems.DONE : 0) | (subtask ? BulkItems.SUBTASK : 0)
                | (remaining != null ? BulkItems.HAS_REMAINING : 0) | (original != null ? BulkItems.HAS_ORIGINAL : 0)
                | (points != null ? BulkItems.HAS_STORY_POINTS : 0) | (custom != null ? BulkItems.HAS_CUSTOM_ESTIMATE : 0);
        items.addKeyed(key, parent, board, iteration, assignee == null ? BulkItems.NO_INDEX : items.person(assignee),
                flags, remaining == null ? 0 : remaining, original == null ? 0 : original,
                points == null ? 0 : points, custom == null ? 0 : custom);
    }

    /** The items added, in the engine's bulk form. */
    BulkItems items() {
        return items;
    }

    /**
     * Computes this sink's one report with {@code call} (the request without items, and the
     * items), then gives the items' buffers back for the next sink, whether the call succeeded
     * or failed.
     */
    <T> T report(BiFunction<String, BulkItems, T> call) {
        if (reported) {
            throw new IllegalStateException("the sink already gave its report: fill a new sink for another");
        }
        String request = finish();
        reported = true;
        try {
            return call.apply(request, items);
        } finally {
            items.release();
        }
    }

    /** Ends the request (boards and iterations, without items): the sink takes nothing more. */
    String finish() {
        if (!finished) {
            closeIteration();
            if (state >= 1) {
                text.append("]}");
            }
            text.append("]}");
            finished = true;
        }
        return text.toString();
    }

    private void closeIteration() {
        if (state == 2) {
            state = 1;
        }
    }

    private void open() {
        if (finished) {
            throw new IllegalStateException("the sink's report was already requested");
        }
    }

    private static String json(Object value) {
        StringBuilder out = new StringBuilder();
        JsonText.write(out, RecordJson.tree(value));
        return out.toString();
    }
}
