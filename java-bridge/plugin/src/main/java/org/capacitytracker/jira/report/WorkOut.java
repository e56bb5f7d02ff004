package org.capacitytracker.jira.report;

import org.capacitytracker.api.typed.IterationKind;
import org.capacitytracker.api.typed.StatusCategory;

/**
 * What a {@link BoardWorkReader} writes one board into: iterations, each followed by its items,
 * and notes about what could not be read. Items go straight on into the report's
 * {@code ReportItemSink}; nothing is kept per item.
 */
public interface WorkOut {
    /** Note: the viewer may not see the board in Jira (or it does not exist; Jira does not tell these apart). */
    String BOARD_NOT_VISIBLE = "board-not-visible";
    /** Note: a Kanban board with no dated fix version and no saved range in the period. */
    String KANBAN_WITHOUT_PERIODS = "kanban-without-periods";

    /**
     * Starts the next iteration of the board.
     *
     * @param id the sprint's id, or {@code version-<id>} / {@code range-<id>}
     * @param kind sprint, version or range
     * @param start its start instant or date
     * @param end its end instant or date
     */
    void iteration(String id, IterationKind kind, String start, String end);

    /**
     * One work item of the current iteration; the arguments are those of
     * {@code ReportItemSink.item}, and the custom estimate of {@code WorkItem}.
     *
     * @param key the issue key
     * @param assignee the assignee's key, or null
     * @param status the status category, or null
     * @param remainingSeconds the remaining estimate, or {@code ReportItemSink.NONE}
     * @param originalSeconds the original estimate, or {@code ReportItemSink.NONE}
     * @param storyPoints the story points, or NaN
     * @param customEstimate the board's custom estimate field's value, or NaN
     * @param parent the parent's key, or null
     * @param subtask whether it is a sub-task
     * @throws ReportCancelledException once the job is cancelled, so that a reader in a long
     *     page of issues stops at the next item
     */
    void item(String key, String assignee, StatusCategory status, long remainingSeconds, long originalSeconds,
            double storyPoints, double customEstimate, String parent, boolean subtask);

    /**
     * Something the report page tells the user about a board (the board stays in the report,
     * with what could be read of it).
     *
     * @param boardId the board
     * @param code {@link #BOARD_NOT_VISIBLE} or {@link #KANBAN_WITHOUT_PERIODS}
     */
    void note(String boardId, String code);

    /**
     * Throws when the job was cancelled: readers call it before each request to Jira.
     *
     * @throws ReportCancelledException once the job is cancelled
     */
    void checkCancelled();
}
