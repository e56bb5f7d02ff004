package org.capacitytracker.jira.report;

import java.time.LocalDate;
import java.util.List;

/**
 * Where a server-side report reads its work from: Jira, through its Java API, with the
 * viewing user's permissions. The job depends on this one interface so that its rules
 * (progress, cancel, order) are tested without Jira, and so that the reading itself stays
 * in one class that knows Jira's API.
 */
public interface BoardWorkReader {

    /**
     * The boards a report covers that {@code userKey} may see: {@code boardIds} in their
     * order, then the boards of {@code projectKeys} not already listed. A board the user
     * cannot browse, or that does not exist, is left out (Jira says the same for both).
     *
     * @param userKey the viewing user's key
     * @param boardIds the definition's boards, maybe empty
     * @param projectKeys the definition's projects, maybe empty
     * @return the visible boards' ids
     */
    List<String> boards(String userKey, List<String> boardIds, List<String> projectKeys);

    /**
     * Writes one board's iterations that overlap {@code start}..{@code end} (a day wider on
     * each side: the engine turns instants into dates in the board's time zone and drops the
     * days outside the period) and their items, as the user sees them, into {@code out}.
     *
     * @param userKey the viewing user's key
     * @param boardId a board {@link #boards} returned
     * @param start the period's first date
     * @param end the period's last date
     * @param out receives the iterations and items, in order
     * @throws ReportCancelledException when {@code out} says the job was cancelled
     */
    void read(String userKey, String boardId, LocalDate start, LocalDate end, WorkOut out);
}
