package org.capacitytracker.jira.report;

import com.atlassian.greenhopper.model.rapid.RapidView;
import com.atlassian.greenhopper.service.ServiceOutcome;
import com.atlassian.greenhopper.service.rapid.view.RapidViewService;
import com.atlassian.greenhopper.service.rapid.view.RapidViewSprintQueryService;
import com.atlassian.greenhopper.service.sprint.Sprint;
import com.atlassian.jira.bc.issue.search.SearchService;
import com.atlassian.jira.issue.CustomFieldManager;
import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.issue.fields.CustomField;
import com.atlassian.jira.issue.search.SearchException;
import com.atlassian.jira.issue.search.SearchResults;
import com.atlassian.jira.issue.status.Status;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.jira.user.util.UserManager;
import com.atlassian.jira.web.bean.PagerFilter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.capacitytracker.api.typed.ReportItemSink;
import org.capacitytracker.api.typed.IterationKind;
import org.capacitytracker.api.typed.StatusCategory;

/**
 * {@link BoardWorkReader} over Jira's Java API, as the viewing user: the board through Jira
 * Software's {@code RapidViewService} (a board the user cannot see is left out), its sprints
 * through {@code RapidViewSprintQueryService}, and each overlapping sprint's issues through
 * Jira's {@code SearchService} ({@code sprint = <id> ORDER BY key}), one page at a time. One
 * search per sprint keeps each far below the 10,000 documents an OpenSearch-backed Jira 11
 * returns for one query, and one page is all that is held in memory: items go straight on
 * into the report's sink.
 *
 * <p>What the browser crawl does that this does not (yet): the boards of a definition's
 * projects (needs Jira Software's {@code ProjectRapidViewService}), a Kanban board's fix
 * versions and saved ranges, and a board's own estimation field (Story Points is found by
 * name). A definition that lists projects is refused with a message saying so.
 */
public final class JiraBoardWorkReader implements BoardWorkReader {
    /** Jira's default ceiling on one page of a search. */
    static final int PAGE = 1000;
    private static final long DAY_MS = 86_400_000L;

    private final UserManager users;
    private final RapidViewService boards;
    private final RapidViewSprintQueryService sprints;
    private final SearchService search;
    private final CustomFieldManager fields;
    private final int pageSize;

    /**
     * @param users Jira's user manager
     * @param boards Jira Software's boards
     * @param sprints Jira Software's sprints of a board
     * @param search Jira's issue search
     * @param fields Jira's custom fields (for Story Points)
     */
    public JiraBoardWorkReader(UserManager users, RapidViewService boards, RapidViewSprintQueryService sprints,
            SearchService search, CustomFieldManager fields) {
        this(users, boards, sprints, search, fields, PAGE);
    }

    JiraBoardWorkReader(UserManager users, RapidViewService boards, RapidViewSprintQueryService sprints,
            SearchService search, CustomFieldManager fields, int pageSize) {
        this.users = Objects.requireNonNull(users, "users");
        this.boards = Objects.requireNonNull(boards, "boards");
        this.sprints = Objects.requireNonNull(sprints, "sprints");
        this.search = Objects.requireNonNull(search, "search");
        this.fields = Objects.requireNonNull(fields, "fields");
        this.pageSize = pageSize;
    }

    @Override
    public List<String> boards(String userKey, List<String> boardIds, List<String> projectKeys) {
        if (!projectKeys.isEmpty()) {
            throw new IllegalArgumentException("projectKeys: a report over projects is not yet read on the server;"
                    + " list its boards (boardIds) instead");
        }
        ApplicationUser user = users.getUserByKey(userKey);
        List<String> visible = new ArrayList<>();
        for (String id : boardIds) {
            Long boardId = parseId(id);
            if (boardId != null && !visible.contains(id) && boards.getRapidView(user, boardId).isValid()) {
                visible.add(id);
            }
        }
        return visible;
    }

    @Override
    public void read(String userKey, String boardId, LocalDate start, LocalDate end, WorkOut out) {
        ApplicationUser user = users.getUserByKey(userKey);
        Long id = parseId(boardId);
        ServiceOutcome<RapidView> board = id == null ? null : boards.getRapidView(user, id);
        if (board == null || !board.isValid()) {
            return; // Hidden or deleted since the board list was made: nothing to read.
        }
        out.checkCancelled();
        ServiceOutcome<List<Sprint>> found = sprints.getSprints(user, board.getValue(), EnumSet.allOf(Sprint.State.class),
                false);
        if (!found.isValid()) {
            return;
        }
        // A day wider on each side than the period: instants become dates in the board's time
        // zone only in the engine, which drops the days outside the period.
        long from = start.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() - DAY_MS;
        long to = end.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() + 2 * DAY_MS;
        CustomField points = storyPoints();
        for (Sprint sprint : found.getValue()) {
            if (sprint.getStartDate() == null || sprint.getEndDate() == null
                    || sprint.getStartDate().getMillis() >= to || sprint.getEndDate().getMillis() < from) {
                continue;
            }
            out.checkCancelled();
            out.iteration(String.valueOf(sprint.getId()), IterationKind.SPRINT, sprint.getStartDate().toString(),
                    sprint.getEndDate().toString());
            readSprint(user, sprint.getId(), points, out);
        }
    }

    private void readSprint(ApplicationUser user, long sprintId, CustomField points, WorkOut out) {
        SearchService.ParseResult parsed = search.parseQuery(user, "sprint = " + sprintId + " ORDER BY key ASC");
        if (!parsed.isValid()) {
            throw new IllegalStateException("Jira refused the sprint query: " + parsed.getErrors().getErrorMessages());
        }
        for (int from = 0; ; from += pageSize) {
            out.checkCancelled();
            SearchResults<Issue> page;
            try {
                page = search.search(user, parsed.getQuery(), new PagerFilter<>(from, pageSize));
            } catch (SearchException e) {
                throw new IllegalStateException("Jira's search of sprint " + sprintId + " failed: " + e.getMessage(), e);
            }
            for (Issue issue : page.getResults()) {
                item(issue, points, out);
            }
            if (page.getResults().isEmpty() || from + page.getResults().size() >= page.getTotal()) {
                return;
            }
        }
    }

    private static void item(Issue issue, CustomField points, WorkOut out) {
        Issue parent = issue.isSubTask() ? issue.getParentObject() : null;
        Object storyPoints = points == null ? null : issue.getCustomFieldValue(points);
        out.item(issue.getKey(), issue.getAssigneeId(), category(issue.getStatus()),
                issue.getEstimate() == null ? ReportItemSink.NONE : issue.getEstimate(),
                issue.getOriginalEstimate() == null ? ReportItemSink.NONE : issue.getOriginalEstimate(),
                storyPoints instanceof Number n ? n.doubleValue() : Double.NaN,
                parent == null ? null : parent.getKey(), issue.isSubTask());
    }

    /** Jira's fourth category ("undefined", no category) is work not yet done, as in the browser crawl. */
    private static StatusCategory category(Status status) {
        String key = status == null || status.getStatusCategory() == null ? null : status.getStatusCategory().getKey();
        if ("done".equals(key)) {
            return StatusCategory.DONE;
        }
        return "indeterminate".equals(key) ? StatusCategory.INDETERMINATE : StatusCategory.NEW;
    }

    private CustomField storyPoints() {
        Iterator<CustomField> named = fields.getCustomFieldObjectsByName("Story Points").iterator();
        return named.hasNext() ? named.next() : null;
    }

    private static Long parseId(String id) {
        try {
            return id == null ? null : Long.valueOf(id);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
