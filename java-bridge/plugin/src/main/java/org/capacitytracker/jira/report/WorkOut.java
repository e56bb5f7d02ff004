package org.capacitytracker.jira.report;

import org.capacitytracker.api.typed.IterationKind;
import org.capacitytracker.api.typed.StatusCategory;

/**
 * What a {@link BoardWorkReader} writes one board into: iterations, each followed by its items.
 * Items go straight on into the report's {@code ReportItemSink}; nothing is kept per item.
 */
public interface WorkOut {

    /**
     * Starts the next iteration of the board.
     *
     * @param id the sprint's or version's id
     * @param kind sprint or version
     * @param start its start instant or date
     * @param end its end instant or date
     */
    void iteration(String id, IterationKind kind, String start, String end);

    /**
     * One work item of the current iteration; the arguments are those of
     * {@code ReportItemSink.item}.
     *
     * @param key the issue key
     * @param assignee the assignee's key, or null
     * @param status the status category, or null
     * @param remainingSeconds the remaining estimate, or {@code ReportItemSink.NONE}
     * @param originalSeconds the original estimate, or {@code ReportItemSink.NONE}
     * @param storyPoints the story points, or NaN
     * @param parent the parent's key, or null
     * @param subtask whether it is a sub-task
     * @throws ReportCancelledException once the job is cancelled, so that a reader in a long
     *     page of issues stops at the next item
     */
    void item(String key, String assignee, StatusCategory status, long remainingSeconds, long originalSeconds,
            double storyPoints, String parent, boolean subtask);

    /**
     * Throws when the job was cancelled: readers call it before each request to Jira.
     *
     * @throws ReportCancelledException once the job is cancelled
     */
    void checkCancelled();
}
