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
     * The boards a report covers, as the report page listed them: {@code boardIds} as given,
     * then the boards of {@code projectKeys} that {@code userKey} may see, not already listed
     * (an unknown or hidden project adds none). A listed board the user cannot see stays: its
     * {@link #read} notes it and reads nothing.
     *
     * @param userKey the viewing user's key
     * @param boardIds the definition's boards, maybe empty
     * @param projectKeys the definition's projects, maybe empty
     * @return the boards' ids
     */
    List<String> boards(String userKey, List<String> boardIds, List<String> projectKeys);

    /**
     * Writes one board's iterations that overlap {@code start}..{@code end} and their items, as
     * the user sees them, into {@code out}: a Scrum board's sprints (a day wider on each side:
     * the engine turns instants into dates in the board's time zone and drops the days outside
     * the period); a Kanban board's dated fix versions and saved date ranges. A board the user
     * cannot see, or a Kanban board without such a period, is noted.
     *
     * @param userKey the viewing user's key
     * @param boardId a board {@link #boards} returned
     * @param start the period's first date
     * @param end the period's last date
     * @param out receives the iterations, items and notes, in order
     * @throws ReportCancelledException when {@code out} says the job was cancelled
     */
    void read(String userKey, String boardId, LocalDate start, LocalDate end, WorkOut out);
}
