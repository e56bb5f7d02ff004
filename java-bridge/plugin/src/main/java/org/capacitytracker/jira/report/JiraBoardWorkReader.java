package org.capacitytracker.jira.report;

import com.atlassian.greenhopper.model.rapid.EstimationConfig;
import com.atlassian.greenhopper.model.rapid.RapidView;
import com.atlassian.greenhopper.service.ServiceOutcome;
import com.atlassian.greenhopper.service.sprint.Sprint;
import com.atlassian.jira.bc.issue.search.SearchService;
import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.issue.fields.CustomField;
import com.atlassian.jira.issue.search.SearchException;
import com.atlassian.jira.issue.search.SearchResults;
import com.atlassian.jira.issue.status.Status;
import com.atlassian.jira.project.Project;
import com.atlassian.jira.project.version.Version;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.jira.web.bean.PagerFilter;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.capacitytracker.api.typed.BoardRanges;
import org.capacitytracker.api.typed.IterationKind;
import org.capacitytracker.api.typed.ReportItemSink;
import org.capacitytracker.api.typed.StatusCategory;

/**
 * {@link BoardWorkReader} over Jira's Java API, as the viewing user, with the rules the report
 * page's browser crawl had (so a report reads the same either way):
 * <ul>
 * <li>a definition's projects add the boards Jira Software lists for each
 * ({@code ProjectRapidViewService}), in id order, after its own boards;</li>
 * <li>a Scrum board's sprints ({@code RapidViewSprintQueryService}) that overlap the period a
 * day wider on each side, each sprint's issues by {@code sprint = <id>};</li>
 * <li>a Kanban board (no sprint support) plans by its projects' fix versions that have a start
 * and a release date (unreleased first, archived left out; issues by {@code fixVersion = <id>})
 * and by its saved date ranges (the open, assigned issues of its projects: the engine applies
 * the range's rule to what it is sent);</li>
 * <li>story points come from the board's own estimation field when it is a custom field, else
 * from the field named Story Points; a board whose settings estimate in a custom number field
 * also sends that field's values.</li>
 * </ul>
 * Each search is one sprint, version or project, read a page at a time: far below the 10,000
 * documents an OpenSearch-backed Jira 11 returns for one query, and one page is all that is
 * held in memory, as items go straight on into the report's sink.
 */
public final class JiraBoardWorkReader implements BoardWorkReader {
    /** Jira's default ceiling on one page of a search. */
    static final int PAGE = 1000;
    private static final long DAY_MS = 86_400_000L;
    private static final Pattern CUSTOM_FIELD = Pattern.compile("customfield_\\d{1,18}");

    private final JiraServices jira;
    private final BoardDocuments documents;
    private final int pageSize;
    private final ZoneId versionZone;

    /**
     * @param jira Jira's services
     * @param documents Capacity Tracker's board documents
     */
    public JiraBoardWorkReader(JiraServices jira, BoardDocuments documents) {
        this(jira, documents, PAGE, ZoneId.systemDefault());
    }

    /**
     * @param versionZone the zone Jira's version dates are midnights of (Jira's default zone)
     */
    JiraBoardWorkReader(JiraServices jira, BoardDocuments documents, int pageSize, ZoneId versionZone) {
        this.jira = Objects.requireNonNull(jira, "jira");
        this.documents = Objects.requireNonNull(documents, "documents");
        this.pageSize = pageSize;
        this.versionZone = Objects.requireNonNull(versionZone, "versionZone");
    }

    @Override
    public List<String> boards(String userKey, List<String> boardIds, List<String> projectKeys) {
        List<String> ids = new ArrayList<>(boardIds);
        if (projectKeys.isEmpty()) {
            return ids;
        }
        ApplicationUser user = jira.users().getUserByKey(userKey);
        for (String key : projectKeys) {
            Project project = key == null ? null : jira.projects().getProjectByCurrentKey(key);
            if (project == null) {
                continue; // As the page did when Jira answered the project's board list with an error.
            }
            ServiceOutcome<List<RapidView>> found = jira.projectBoards().findRapidViewsByProject(user, project);
            if (found == null || !found.isValid() || found.getValue() == null) {
                continue;
            }
            found.getValue().stream().map(RapidView::getId).filter(Objects::nonNull).sorted()
                    .map(String::valueOf).filter(id -> !ids.contains(id)).forEach(ids::add);
        }
        return ids;
    }

    @Override
    public void read(String userKey, String boardId, LocalDate start, LocalDate end, WorkOut out) {
        ApplicationUser user = jira.users().getUserByKey(userKey);
        Long id = parseId(boardId);
        out.checkCancelled();
        ServiceOutcome<RapidView> board = id == null ? null : jira.boards().getRapidView(user, id);
        if (board == null || !board.isValid()) {
            out.note(boardId, WorkOut.BOARD_NOT_VISIBLE);
            return;
        }
        RapidView view = board.getValue();
        CustomField points = pointsField(user, view);
        String customId = documents.customEstimateField(boardId);
        CustomField custom = customId == null ? null : jira.fields().getCustomFieldObject(customId);
        Fields fields = new Fields(points, custom, customId != null);
        if (view.isSprintSupportEnabled()) {
            readSprints(user, view, start, end, fields, out);
        } else {
            readKanban(user, view, boardId, start, end, fields, out);
        }
    }

    /** The fields an item's numbers come from; {@code sendCustom}: the board estimates in a custom field. */
    private record Fields(CustomField points, CustomField custom, boolean sendCustom) {
    }

    private void readSprints(ApplicationUser user, RapidView view, LocalDate start, LocalDate end, Fields fields,
            WorkOut out) {
        ServiceOutcome<List<Sprint>> found = jira.sprints().getSprints(user, view, EnumSet.allOf(Sprint.State.class),
                false);
        if (!found.isValid()) {
            return;
        }
        // A day wider on each side than the period: instants become dates in the board's time
        // zone only in the engine, which drops the days outside the period.
        long from = start.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() - DAY_MS;
        long to = end.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() + 2 * DAY_MS;
        for (Sprint sprint : found.getValue()) {
            if (sprint.getStartDate() == null || sprint.getEndDate() == null
                    || sprint.getStartDate().getMillis() >= to || sprint.getEndDate().getMillis() < from) {
                continue;
            }
            out.checkCancelled();
            out.iteration(String.valueOf(sprint.getId()), IterationKind.SPRINT, sprint.getStartDate().toString(),
                    sprint.getEndDate().toString());
            search(user, "sprint = " + sprint.getId() + " ORDER BY key ASC", fields, out);
        }
    }

    /** A Kanban board's period: a dated fix version or a saved range. */
    private record Period(String id, IterationKind kind, LocalDate start, LocalDate end, Long versionId) {
    }

    private void readKanban(ApplicationUser user, RapidView view, String boardId, LocalDate start, LocalDate end,
            Fields fields, WorkOut out) {
        ServiceOutcome<Set<Project>> found = jira.projectBoards().findProjectsByRapidView(user, view);
        List<Project> projects = found == null || !found.isValid() || found.getValue() == null ? List.of()
                : found.getValue().stream().sorted(Comparator.comparing(Project::getName)).toList();
        List<Version> versions = new ArrayList<>();
        for (Project project : projects) {
            out.checkCancelled();
            jira.versions().getVersions(project.getId()).stream().filter(v -> !v.isArchived()).forEach(versions::add);
        }
        // Unreleased first, then released, each in Jira's order (the sort is stable).
        versions.sort(Comparator.comparing(Version::isReleased));
        List<Period> periods = new ArrayList<>();
        for (Version v : versions) {
            LocalDate first = date(v.getStartDate());
            LocalDate last = date(v.getReleaseDate());
            if (first != null && last != null) {
                periods.add(new Period("version-" + v.getId(), IterationKind.VERSION, first, last, v.getId()));
            }
        }
        for (BoardRanges.Range r : documents.ranges(boardId)) {
            periods.add(new Period("range-" + r.id(), IterationKind.RANGE, LocalDate.parse(r.start()),
                    LocalDate.parse(r.end()), null));
        }
        periods.removeIf(p -> p.start().isAfter(end) || p.end().isBefore(start));
        if (periods.isEmpty()) {
            out.note(boardId, WorkOut.KANBAN_WITHOUT_PERIODS);
        }
        for (Period p : periods) {
            out.checkCancelled();
            out.iteration(p.id(), p.kind(), p.start().toString(), p.end().toString());
            if (p.versionId() != null) {
                search(user, "fixVersion = " + p.versionId() + " ORDER BY key ASC", fields, out);
            } else {
                // The query only spares reading done and unassigned work: the engine applies
                // the range's rule to whatever it is sent.
                for (Project project : projects) {
                    search(user, "project = \"" + project.getKey()
                            + "\" AND statusCategory != done AND assignee IS NOT EMPTY ORDER BY key ASC", fields, out);
                }
            }
        }
    }

    private LocalDate date(Date date) {
        return date == null ? null : date.toInstant().atZone(versionZone).toLocalDate();
    }

    private void search(ApplicationUser user, String jql, Fields fields, WorkOut out) {
        SearchService.ParseResult parsed = jira.search().parseQuery(user, jql);
        if (!parsed.isValid()) {
            throw new IllegalStateException("Jira refused the query " + jql + ": " + parsed.getErrors().getErrorMessages());
        }
        for (int from = 0; ; from += pageSize) {
            out.checkCancelled();
            SearchResults<Issue> page;
            try {
                page = jira.search().search(user, parsed.getQuery(), new PagerFilter<>(from, pageSize));
            } catch (SearchException e) {
                throw new IllegalStateException("Jira's search " + jql + " failed: " + e.getMessage(), e);
            }
            for (Issue issue : page.getResults()) {
                item(issue, fields, out);
            }
            if (page.getResults().isEmpty() || from + page.getResults().size() >= page.getTotal()) {
                return;
            }
        }
    }

    private static void item(Issue issue, Fields fields, WorkOut out) {
        Issue parent = issue.isSubTask() ? issue.getParentObject() : null;
        Object storyPoints = fields.points() == null ? null : issue.getCustomFieldValue(fields.points());
        Object custom = fields.custom() == null ? null : issue.getCustomFieldValue(fields.custom());
        out.item(issue.getKey(), issue.getAssigneeId(), category(issue.getStatus()),
                issue.getEstimate() == null ? ReportItemSink.NONE : issue.getEstimate(),
                issue.getOriginalEstimate() == null ? ReportItemSink.NONE : issue.getOriginalEstimate(),
                storyPoints instanceof Number n ? n.doubleValue() : Double.NaN,
                fields.sendCustom() && custom instanceof Number c ? c.doubleValue() : Double.NaN,
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

    /** The board's estimation field when it is a custom field (as the page read the board configuration), else Story Points. */
    private CustomField pointsField(ApplicationUser user, RapidView view) {
        EstimationConfig config = jira.boardConfig().getEstimationConfig(user, view);
        if (config != null && config.getType() == EstimationConfig.Type.JIRA_FIELD && config.getField() != null
                && config.getField().getId() != null && CUSTOM_FIELD.matcher(config.getField().getId()).matches()) {
            CustomField own = jira.fields().getCustomFieldObject(config.getField().getId());
            if (own != null) {
                return own;
            }
        }
        Iterator<CustomField> named = jira.fields().getCustomFieldObjectsByName("Story Points").iterator();
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
