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
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
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
 * day wider on each side; their issues read with one search per {@link #SPRINT_CHUNK} sprints
 * ({@code sprint in (<id>, …)}) and each sent with every one of those sprints its Sprint field
 * (Jira Software's, a {@code Collection<Sprint>}) names, as one item per sprint — what the
 * search of each sprint alone ({@code sprint = <id>}, still used when Jira has no field named
 * Sprint) read; a board of tens of sprints is one search, not tens;</li>
 * <li>a Kanban board (no sprint support) plans by its projects' fix versions that have a start
 * and a release date (unreleased first, archived left out; issues by {@code fixVersion = <id>})
 * and by its saved date ranges (the open, assigned issues of its projects: the engine applies
 * the range's rule to what it is sent);</li>
 * <li>story points come from the board's own estimation field when it is a custom field, else
 * from the field named Story Points; a board whose settings estimate in a custom number field
 * also sends that field's values.</li>
 * </ul>
 * Each search is a chunk of a board's sprints, one version or one project, read a page at a
 * time: far below the 10,000 documents an OpenSearch-backed Jira 11 returns for one query. A
 * version's or project's items go straight on into the report's sink; a chunk of sprints'
 * items are held (a few numbers each) until the chunk is read, as the report takes a board's
 * iterations one after the other.
 */
public final class JiraBoardWorkReader implements BoardWorkReader {
    /** Jira's default ceiling on one page of a search. */
    static final int PAGE = 1000;
    /** Most sprints one search names: a board's overlapping sprints are rarely more than a few dozen. */
    static final int SPRINT_CHUNK = 100;
    private static final long DAY_MS = 86_400_000L;
    private static final Pattern CUSTOM_FIELD = Pattern.compile("customfield_\\d{1,18}");

    private final JiraServices jira;
    private final BoardDocuments documents;
    private final int pageSize;
    private final int sprintChunk;
    private final ZoneId versionZone;

    /**
     * @param jira Jira's services
     * @param documents Capacity Tracker's board documents
     */
    public JiraBoardWorkReader(JiraServices jira, BoardDocuments documents) {
        this(jira, documents, PAGE, SPRINT_CHUNK, ZoneId.systemDefault());
    }

    /**
     * @param versionZone the zone Jira's version dates are midnights of (Jira's default zone)
     */
    JiraBoardWorkReader(JiraServices jira, BoardDocuments documents, int pageSize, int sprintChunk,
            ZoneId versionZone) {
        this.jira = Objects.requireNonNull(jira, "jira");
        this.documents = Objects.requireNonNull(documents, "documents");
        this.pageSize = pageSize;
        this.sprintChunk = sprintChunk;
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
        List<Sprint> overlapping = found.getValue().stream().filter(s -> s.getStartDate() != null
                && s.getEndDate() != null && s.getStartDate().getMillis() < to && s.getEndDate().getMillis() >= from)
                .toList();
        CustomField sprintField = sprintField();
        if (sprintField == null) {
            for (Sprint sprint : overlapping) {
                out.checkCancelled();
                iteration(sprint, out);
                search(user, "sprint = " + sprint.getId() + " ORDER BY key ASC", issue -> item(issue, fields).send(out), out);
            }
            return;
        }
        for (int first = 0; first < overlapping.size(); first += sprintChunk) {
            List<Sprint> chunk = overlapping.subList(first, Math.min(overlapping.size(), first + sprintChunk));
            out.checkCancelled();
            // Each sprint's items in key order, as its own search gave them: the chunk's search
            // is in key order, and an issue goes to each of the chunk's sprints it is in.
            Map<Long, List<Item>> bySprint = new LinkedHashMap<>();
            chunk.forEach(s -> bySprint.put(s.getId(), new ArrayList<>()));
            String ids = chunk.stream().map(s -> String.valueOf(s.getId())).collect(Collectors.joining(", "));
            search(user, "sprint in (" + ids + ") ORDER BY key ASC", issue -> {
                if (!(issue.getCustomFieldValue(sprintField) instanceof Collection<?> sprints)) {
                    return;
                }
                Item item = null;
                Set<Long> sent = new HashSet<>();
                for (Object s : sprints) {
                    if (s instanceof Sprint sprint && bySprint.containsKey(sprint.getId()) && sent.add(sprint.getId())) {
                        item = item == null ? item(issue, fields) : item;
                        bySprint.get(sprint.getId()).add(item);
                    }
                }
            }, out);
            for (Sprint sprint : chunk) {
                out.checkCancelled();
                iteration(sprint, out);
                for (Item item : bySprint.get(sprint.getId())) {
                    item.send(out);
                }
            }
        }
    }

    private static void iteration(Sprint sprint, WorkOut out) {
        out.iteration(String.valueOf(sprint.getId()), IterationKind.SPRINT, sprint.getStartDate().toString(),
                sprint.getEndDate().toString());
    }

    /** Jira Software's Sprint field (by its name, as Story Points is found), or null when Jira has none. */
    private CustomField sprintField() {
        Iterator<CustomField> named = jira.fields().getCustomFieldObjectsByName("Sprint").iterator();
        return named.hasNext() ? named.next() : null;
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
                search(user, "fixVersion = " + p.versionId() + " ORDER BY key ASC", i -> item(i, fields).send(out), out);
            } else {
                // The query only spares reading done and unassigned work: the engine applies
                // the range's rule to whatever it is sent.
                for (Project project : projects) {
                    search(user, "project = \"" + project.getKey()
                            + "\" AND statusCategory != done AND assignee IS NOT EMPTY ORDER BY key ASC",
                            i -> item(i, fields).send(out), out);
                }
            }
        }
    }

    private LocalDate date(Date date) {
        return date == null ? null : date.toInstant().atZone(versionZone).toLocalDate();
    }

    /** Runs {@code jql} a page at a time, each issue to {@code each}. */
    private void search(ApplicationUser user, String jql, Consumer<Issue> each, WorkOut out) {
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
                each.accept(issue);
            }
            if (page.getResults().isEmpty() || from + page.getResults().size() >= page.getTotal()) {
                return;
            }
        }
    }

    /** What {@link WorkOut#item} is sent for an issue. */
    private record Item(String key, String assignee, StatusCategory status, long remainingSeconds,
            long originalSeconds, double storyPoints, double customEstimate, String parent, boolean subtask) {
        void send(WorkOut out) {
            out.item(key, assignee, status, remainingSeconds, originalSeconds, storyPoints, customEstimate, parent,
                    subtask);
        }
    }

    private static Item item(Issue issue, Fields fields) {
        Issue parent = issue.isSubTask() ? issue.getParentObject() : null;
        Object storyPoints = fields.points() == null ? null : issue.getCustomFieldValue(fields.points());
        Object custom = fields.custom() == null ? null : issue.getCustomFieldValue(fields.custom());
        return new Item(issue.getKey(), issue.getAssigneeId(), category(issue.getStatus()),
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
