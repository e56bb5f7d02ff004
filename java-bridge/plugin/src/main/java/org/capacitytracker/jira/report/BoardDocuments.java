package org.capacitytracker.jira.report;

import java.util.List;
import org.capacitytracker.api.typed.BoardRanges;

/**
 * What a server-side report reads of Capacity Tracker's own board documents, besides Jira:
 * the custom number field a board estimates with, and a Kanban board's saved date ranges.
 * The job has already checked that its owner may read the boards it covers.
 */
public interface BoardDocuments {

    /**
     * @param boardId the board
     * @return the custom field id ({@code customfield_NNNNN}) its settings estimate with
     *     ({@code estimateSource} {@code custom}), or null for any other source
     */
    String customEstimateField(String boardId);

    /**
     * @param boardId the board
     * @return its saved date ranges, maybe none
     */
    List<BoardRanges.Range> ranges(String boardId);
}
