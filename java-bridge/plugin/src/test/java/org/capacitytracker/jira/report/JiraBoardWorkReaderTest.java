package org.capacitytracker.jira.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.atlassian.greenhopper.model.rapid.EstimationConfig;
import com.atlassian.greenhopper.model.rapid.RapidView;
import com.atlassian.greenhopper.service.ServiceOutcome;
import com.atlassian.greenhopper.service.rapid.ProjectRapidViewService;
import com.atlassian.greenhopper.service.rapid.view.RapidViewConfigService;
import com.atlassian.greenhopper.service.rapid.view.RapidViewService;
import com.atlassian.greenhopper.service.rapid.view.RapidViewSprintQueryService;
import com.atlassian.greenhopper.service.sprint.Sprint;
import com.atlassian.jira.bc.issue.search.SearchService;
import com.atlassian.jira.issue.CustomFieldManager;
import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.issue.fields.CustomField;
import com.atlassian.jira.issue.fields.Field;
import com.atlassian.jira.issue.search.SearchResults;
import com.atlassian.jira.issue.status.Status;
import com.atlassian.jira.issue.status.category.StatusCategory;
import com.atlassian.jira.project.Project;
import com.atlassian.jira.project.ProjectManager;
import com.atlassian.jira.project.version.Version;
import com.atlassian.jira.project.version.VersionManager;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.jira.user.util.UserManager;
import com.atlassian.jira.util.MessageSet;
import com.atlassian.jira.web.bean.PagerFilter;
import com.atlassian.query.Query;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.capacitytracker.api.typed.BoardRanges;
import org.capacitytracker.api.typed.IterationKind;
import org.capacitytracker.api.typed.ReportItemSink;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;
import org.junit.jupiter.api.Test;

/**
 * The reader over Jira's Java API, against small in-test Jira services: which sprints it reads,
 * what it writes per issue, that it pages, that it stops when cancelled, and what it refuses.
 */
class JiraBoardWorkReaderTest {
    private static final DateTimeZone BERLIN = DateTimeZone.forID("Europe/Berlin");
    private static final CustomField POINTS = new CustomField() {
        @Override
        public String getId() {
            return "customfield_10106";
        }

        @Override
        public String getName() {
            return "Story Points";
        }
    };

    private record User(String getKey) implements ApplicationUser {
        @Override
        public String getUsername() {
            return getKey;
        }

        @Override
        public boolean isActive() {
            return true;
        }
    }

    private record Outcome<T>(T getValue) implements ServiceOutcome<T> {
        @Override
        public boolean isValid() {
            return getValue != null;
        }
    }

    private record FakeIssue(String getKey, String getAssigneeId, String category, Long getEstimate,
            Long getOriginalEstimate, Double points, Issue getParentObject, boolean isSubTask) implements Issue {
        @Override
        public Long getId() {
            return (long) getKey.hashCode();
        }

        @Override
        public Status getStatus() {
            StatusCategory c = () -> category;
            return () -> c;
        }

        @Override
        public Object getCustomFieldValue(CustomField field) {
            return field == POINTS ? points : null;
        }
    }

    private static FakeIssue issue(String key) {
        return new FakeIssue(key, "alice", "indeterminate", 3600L, 7200L, 3.0, null, false);
    }

    private static final CustomField EFFORT = new CustomField() {
        @Override
        public String getId() {
            return "customfield_10300";
        }

        @Override
        public String getName() {
            return "Effort";
        }
    };
    private static final CustomField SIZE = new CustomField() {
        @Override
        public String getId() {
            return "customfield_10500";
        }

        @Override
        public String getName() {
            return "T-shirt points";
        }
    };

    private record FakeProject(Long getId, String getKey, String getName) implements Project {
    }

    private record FakeVersion(Long getId, String getName, Date getStartDate, Date getReleaseDate, boolean isReleased,
            boolean isArchived) implements Version {
    }

    private static final FakeProject OPS = new FakeProject(30L, "OPS", "Operations");

    private static Date day(int year, int month, int day) {
        return Date.from(LocalDate.of(year, month, day).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /**
     * Board 1 (Scrum): visible to alice; board 2: to nobody; board 4 (Kanban, project OPS):
     * visible to alice; board 5 (Scrum, project OPS, estimates in SIZE). Sprint 10 (Nov), 11
     * (Dec), 12 (future, no dates).
     */
    private final Map<String, List<Issue>> found = new java.util.HashMap<>();
    private final List<String> queries = new ArrayList<>();
    private final List<Integer> pagesAsked = new ArrayList<>();
    private final List<FakeVersion> opsVersions = new ArrayList<>();
    private final List<BoardRanges.Range> ranges = new ArrayList<>();
    private final Map<String, String> customEstimate = new java.util.HashMap<>();
    private final UserManager users = key -> key == null ? null : new User(key);
    private final RapidViewService boards = (user, id) -> new Outcome<>(user == null ? null : view(id));
    private final RapidViewSprintQueryService sprints = (user, view, states, historic) -> new Outcome<>(List.of(
            sprint(10, Sprint.State.CLOSED, new DateTime(2026, 11, 2, 9, 0, BERLIN), new DateTime(2026, 11, 13, 17, 0, BERLIN)),
            sprint(11, Sprint.State.ACTIVE, new DateTime(2026, 11, 30, 9, 0, BERLIN), new DateTime(2026, 12, 11, 17, 0, BERLIN)),
            Sprint.builder().id(12L).state(Sprint.State.FUTURE).name("S12").build()));
    private final RapidViewConfigService boardConfig = (user, view) -> view.getId() == 5L
            ? new EstimationConfig(EstimationConfig.Type.JIRA_FIELD, SIZE)
            : view.getId() == 1L ? new EstimationConfig(EstimationConfig.Type.JIRA_FIELD, new Field() {
                @Override
                public String getId() {
                    return "timeoriginalestimate"; // Not a custom field: Story Points stay the points.
                }

                @Override
                public String getName() {
                    return "Original estimate";
                }
            }) : null;
    private final ProjectRapidViewService projectBoards = new ProjectRapidViewService() {
        @Override
        public ServiceOutcome<List<RapidView>> findRapidViewsByProject(ApplicationUser user, Project project) {
            return new Outcome<>(user == null || project != OPS ? null : List.of(view(5L), view(4L)));
        }

        @Override
        public ServiceOutcome<Set<Project>> findProjectsByRapidView(ApplicationUser user, RapidView view) {
            return new Outcome<>(user == null ? null : Set.<Project>of(OPS));
        }
    };
    private final ProjectManager projects = key -> "OPS".equals(key) ? OPS : null;
    private final VersionManager versions = projectId -> projectId == 30L ? List.copyOf(opsVersions) : List.of();
    private final BoardDocuments documents = new BoardDocuments() {
        @Override
        public String customEstimateField(String boardId) {
            return customEstimate.get(boardId);
        }

        @Override
        public List<BoardRanges.Range> ranges(String boardId) {
            return "4".equals(boardId) ? List.copyOf(ranges) : List.of();
        }
    };
    private final SearchService search = new SearchService() {
        @Override
        public ParseResult parseQuery(ApplicationUser searcher, String query) {
            queries.add(query);
            boolean ok = !query.startsWith("bad");
            Query q = ok ? () -> query : null;
            return new ParseResult(q, new MessageSet() {
                @Override
                public boolean hasAnyErrors() {
                    return !ok;
                }

                @Override
                public Set<String> getErrorMessages() {
                    return ok ? Set.of() : Set.of("bad: " + query);
                }
            });
        }

        @Override
        public SearchResults<Issue> search(ApplicationUser searcher, Query query, PagerFilter pager) {
            pagesAsked.add(pager.getStart());
            List<Issue> all = found.getOrDefault(query.getQueryString(), List.of());
            int from = Math.min(pager.getStart(), all.size());
            int to = Math.min(from + pager.getMax(), all.size());
            return new SearchResults<>(all.subList(from, to), all.size(), pager.getMax(), from);
        }
    };
    private final CustomFieldManager fields = new CustomFieldManager() {
        @Override
        public java.util.Collection<CustomField> getCustomFieldObjectsByName(String name) {
            return name.equals("Story Points") ? List.of(POINTS) : List.of();
        }

        @Override
        public CustomField getCustomFieldObject(String id) {
            return List.of(POINTS, EFFORT, SIZE).stream().filter(f -> f.getId().equals(id)).findFirst().orElse(null);
        }
    };

    private static RapidView view(long id) {
        return id == 1L || id == 4L || id == 5L
                ? RapidView.builder().id(id).name("B" + id).sprintSupportEnabled(id != 4L).build() : null;
    }

    private static Sprint sprint(long id, Sprint.State state, DateTime start, DateTime end) {
        return Sprint.builder().id(id).state(state).name("S" + id).startDate(start).endDate(end).build();
    }

    private static String sprintQuery(long id) {
        return "sprint = " + id + " ORDER BY key ASC";
    }

    private JiraBoardWorkReader reader(int pageSize) {
        return new JiraBoardWorkReader(new JiraServices(users, boards, sprints, boardConfig, projectBoards, projects,
                versions, search, fields), documents, pageSize, JiraBoardWorkReader.SPRINT_CHUNK, ZoneOffset.UTC);
    }

    /** Jira Software's Sprint field. */
    private static final CustomField SPRINT = new CustomField() {
        @Override
        public String getId() {
            return "customfield_10104";
        }

        @Override
        public String getName() {
            return "Sprint";
        }
    };

    /** An issue whose Sprint field names {@code sprints} (a {@code Collection<Sprint>}, as Jira Software's). */
    private record InSprints(FakeIssue issue, List<Sprint> sprints) implements Issue {
        @Override
        public Long getId() {
            return issue.getId();
        }

        @Override
        public String getKey() {
            return issue.getKey();
        }

        @Override
        public String getAssigneeId() {
            return issue.getAssigneeId();
        }

        @Override
        public Status getStatus() {
            return issue.getStatus();
        }

        @Override
        public Long getEstimate() {
            return issue.getEstimate();
        }

        @Override
        public Long getOriginalEstimate() {
            return issue.getOriginalEstimate();
        }

        @Override
        public Object getCustomFieldValue(CustomField field) {
            return field == SPRINT ? sprints : issue.getCustomFieldValue(field);
        }

        @Override
        public Issue getParentObject() {
            return issue.getParentObject();
        }

        @Override
        public boolean isSubTask() {
            return issue.isSubTask();
        }
    }

    private static Issue inSprints(FakeIssue issue, long... ids) {
        List<Sprint> sprints = new ArrayList<>();
        for (long id : ids) {
            sprints.add(Sprint.builder().id(id).name("S" + id).build());
        }
        return new InSprints(issue, sprints);
    }

    /** A reader over a Jira with the Sprint field: a board's sprints read {@code chunk} at a time. */
    private JiraBoardWorkReader sprintFieldReader(int pageSize, int chunk) {
        CustomFieldManager withSprint = new CustomFieldManager() {
            @Override
            public java.util.Collection<CustomField> getCustomFieldObjectsByName(String name) {
                return name.equals("Sprint") ? List.of(SPRINT) : fields.getCustomFieldObjectsByName(name);
            }

            @Override
            public CustomField getCustomFieldObject(String id) {
                return fields.getCustomFieldObject(id);
            }
        };
        return new JiraBoardWorkReader(new JiraServices(users, boards, sprints, boardConfig, projectBoards, projects,
                versions, search, withSprint), documents, pageSize, chunk, ZoneOffset.UTC);
    }

    /**
     * November and December: sprints 10 and 11. A-1 was carried over from 10 into 11 (its
     * Sprint field names both, and sprint 12 too, which is outside the period); A-2 is in 11,
     * A-0 in 10. The per-sprint searches (a Jira without the Sprint field) and the board's one
     * search give the same iterations and items: A-1 once in each of its sprints.
     */
    private void carriedOver() {
        FakeIssue story = issue("A-1");
        Issue a0 = inSprints(issue("A-0"), 10);
        Issue a1 = inSprints(story, 12, 11, 10, 11);
        Issue a2 = inSprints(new FakeIssue("A-2", null, "done", null, null, null, story, true), 11);
        found.put(sprintQuery(10), List.of(a0, a1));
        found.put(sprintQuery(11), List.of(a1, a2));
        found.put("sprint in (10, 11) ORDER BY key ASC", List.of(a0, a1, a2));
        found.put("sprint in (10) ORDER BY key ASC", List.of(a0, a1));
        found.put("sprint in (11) ORDER BY key ASC", List.of(a1, a2));
    }

    private static final List<String> CARRIED_OVER = List.of(
            "SPRINT 10 2026-11-02T09:00:00.000+01:00 2026-11-13T17:00:00.000+01:00",
            "A-0 alice INDETERMINATE 3600 7200 3.0 null false",
            "A-1 alice INDETERMINATE 3600 7200 3.0 null false",
            "SPRINT 11 2026-11-30T09:00:00.000+01:00 2026-12-11T17:00:00.000+01:00",
            "A-1 alice INDETERMINATE 3600 7200 3.0 null false",
            "A-2 null DONE - - - A-1 true");

    @Test
    void anIssueCarriedOverIsAnItemOfEachOfItsSprintsFromOneSearchOfTheBoard() {
        carriedOver();
        Recorder perSprint = new Recorder();
        reader(1000).read("alice", "1", LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 31), perSprint);
        assertEquals(CARRIED_OVER, perSprint.lines, "the per-sprint reads");
        queries.clear();
        Recorder once = new Recorder();
        sprintFieldReader(2, JiraBoardWorkReader.SPRINT_CHUNK).read("alice", "1", LocalDate.of(2026, 11, 1),
                LocalDate.of(2026, 12, 31), once);
        assertEquals(CARRIED_OVER, once.lines);
        assertEquals(List.of("sprint in (10, 11) ORDER BY key ASC"), queries, "one search for the board");
        assertEquals(List.of(0, 2), pagesAsked.subList(pagesAsked.size() - 2, pagesAsked.size()), "paged");
    }

    @Test
    void sprintsBeyondOneChunkAreReadByAnotherSearchWithTheSameItems() {
        carriedOver();
        Recorder out = new Recorder();
        sprintFieldReader(1000, 1).read("alice", "1", LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 31), out);
        assertEquals(CARRIED_OVER, out.lines);
        assertEquals(List.of("sprint in (10) ORDER BY key ASC", "sprint in (11) ORDER BY key ASC"), queries);
    }

    @Test
    void anIssueWithoutTheChunksSprintsInItsFieldIsNotAnItem() {
        found.put("sprint in (11) ORDER BY key ASC", List.of(inSprints(issue("A-5"), 12), issue("A-6"),
                inSprints(issue("A-7"), 11)));
        Recorder out = new Recorder();
        sprintFieldReader(1000, 10).read("alice", "1", LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31), out);
        assertEquals(List.of("SPRINT 11 2026-11-30T09:00:00.000+01:00 2026-12-11T17:00:00.000+01:00",
                "A-7 alice INDETERMINATE 3600 7200 3.0 null false"), out.lines);
    }

    /** Records what the reader writes; cancels after {@code cancelAfter} items. */
    private static final class Recorder implements WorkOut {
        final List<String> lines = new ArrayList<>();
        int cancelAfter = Integer.MAX_VALUE;
        int items;

        @Override
        public void iteration(String id, IterationKind kind, String start, String end) {
            lines.add(kind + " " + id + " " + start + " " + end);
        }

        @Override
        public void item(String key, String assignee, org.capacitytracker.api.typed.StatusCategory status,
                long remainingSeconds, long originalSeconds, double storyPoints, double customEstimate, String parent,
                boolean subtask) {
            items++;
            lines.add(key + " " + assignee + " " + status + " " + (remainingSeconds == ReportItemSink.NONE ? "-" : remainingSeconds)
                    + " " + (originalSeconds == ReportItemSink.NONE ? "-" : originalSeconds) + " "
                    + (Double.isNaN(storyPoints) ? "-" : storyPoints) + (Double.isNaN(customEstimate) ? "" : " ~" + customEstimate)
                    + " " + parent + " " + subtask);
        }

        @Override
        public void note(String boardId, String code) {
            lines.add("note " + boardId + " " + code);
        }

        @Override
        public void checkCancelled() {
            if (items >= cancelAfter) {
                throw new ReportCancelledException();
            }
        }
    }

    @Test
    void readsTheSprintsOverlappingThePeriodWithTheirIssuesFields() {
        FakeIssue story = issue("A-1");
        found.put(sprintQuery(11), List.of(story,
                new FakeIssue("A-2", null, "done", null, null, null, story, true),
                new FakeIssue("A-3", "bob", "undefined", 0L, null, null, null, false)));
        found.put(sprintQuery(10), List.of(issue("A-0")));
        Recorder out = new Recorder();
        reader(1000).read("alice", "1", LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31), out);
        assertEquals(List.of(
                "SPRINT 11 2026-11-30T09:00:00.000+01:00 2026-12-11T17:00:00.000+01:00",
                "A-1 alice INDETERMINATE 3600 7200 3.0 null false",
                "A-2 null DONE - - - A-1 true",
                "A-3 bob NEW 0 - - null false"), out.lines, "sprint 10 ended before the period; 12 has no dates");
    }

    @Test
    void pagesThroughASprintLargerThanOnePageWithoutSkippingOrRepeating() {
        List<Issue> many = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            many.add(issue("A-" + i));
        }
        found.put(sprintQuery(11), many);
        Recorder out = new Recorder();
        reader(3).read("alice", "1", LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31), out);
        assertEquals(7, out.items);
        assertEquals(List.of(0, 3, 6), pagesAsked);
    }

    @Test
    void aCancelledJobStopsBeforeTheNextPage() {
        List<Issue> many = new ArrayList<>();
        for (int i = 1; i <= 9; i++) {
            many.add(issue("A-" + i));
        }
        found.put(sprintQuery(11), many);
        Recorder out = new Recorder();
        out.cancelAfter = 3;
        assertThrows(ReportCancelledException.class,
                () -> reader(3).read("alice", "1", LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31), out));
        assertEquals(List.of(0), pagesAsked);
    }

    @Test
    void aDefinitionsBoardsStayAsListedAndItsProjectsAddTheirVisibleBoardsInIdOrder() {
        assertEquals(List.of("2", "1", "x"), reader(10).boards("alice", List.of("2", "1", "x"), List.of()),
                "its own boards as the page listed them: a hidden one is noted when read");
        assertEquals(List.of("5", "4"), reader(10).boards("alice", List.of("5"), List.of("OPS")));
        assertEquals(List.of("1", "4", "5"), reader(10).boards("alice", List.of("1"), List.of("NOPE", "OPS", "OPS")),
                "an unknown project adds nothing; a project's boards come once");
        assertEquals(List.of(), reader(10).boards(null, List.of(), List.of("OPS")), "anonymous sees no project board");
    }

    @Test
    void aBoardTheUserCannotSeeIsNotedAndReadsNothing() {
        for (String id : List.of("2", "x")) {
            Recorder out = new Recorder();
            reader(10).read("alice", id, LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31), out);
            assertEquals(List.of("note " + id + " board-not-visible"), out.lines);
        }
        Recorder anonymous = new Recorder();
        reader(10).read(null, "1", LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31), anonymous);
        assertEquals(List.of("note 1 board-not-visible"), anonymous.lines);
        assertEquals(List.of(), queries);
    }

    @Test
    void aKanbanBoardReadsItsDatedUnarchivedVersionsUnreleasedFirstThenItsRangesInThePeriod() {
        opsVersions.add(new FakeVersion(701L, "1.0", day(2026, 11, 2), day(2026, 12, 4), true, false));
        opsVersions.add(new FakeVersion(702L, "1.1", day(2026, 12, 7), day(2026, 12, 18), false, false));
        opsVersions.add(new FakeVersion(703L, "old", day(2026, 12, 1), day(2026, 12, 2), false, true));
        opsVersions.add(new FakeVersion(704L, "undated", null, day(2026, 12, 20), false, false));
        opsVersions.add(new FakeVersion(705L, "later", day(2027, 1, 4), day(2027, 1, 15), false, false));
        ranges.add(new BoardRanges.Range("q4", "Q4", "2026-10-01", "2026-12-31"));
        ranges.add(new BoardRanges.Range("q1", "Q1", "2027-01-01", "2027-03-31"));
        found.put("fixVersion = 701 ORDER BY key ASC", List.of(issue("OPS-1")));
        found.put("fixVersion = 702 ORDER BY key ASC", List.of(issue("OPS-2")));
        found.put("project = \"OPS\" AND statusCategory != done AND assignee IS NOT EMPTY ORDER BY key ASC",
                List.of(issue("OPS-3")));
        Recorder out = new Recorder();
        reader(10).read("alice", "4", LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31), out);
        assertEquals(List.of(
                "VERSION version-702 2026-12-07 2026-12-18", "OPS-2 alice INDETERMINATE 3600 7200 3.0 null false",
                "VERSION version-701 2026-11-02 2026-12-04", "OPS-1 alice INDETERMINATE 3600 7200 3.0 null false",
                "RANGE range-q4 2026-10-01 2026-12-31", "OPS-3 alice INDETERMINATE 3600 7200 3.0 null false"),
                out.lines, "archived, undated and later versions and the later range are left out");
    }

    @Test
    void aKanbanBoardWithoutAPeriodInTheReportsPeriodIsNoted() {
        opsVersions.add(new FakeVersion(705L, "later", day(2027, 1, 4), day(2027, 1, 15), false, false));
        Recorder out = new Recorder();
        reader(10).read("alice", "4", LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31), out);
        assertEquals(List.of("note 4 kanban-without-periods"), out.lines);
    }

    @Test
    void theBoardsOwnEstimationFieldAndItsSettingsCustomFieldAreRead() {
        FakeIssue sized = new FakeIssue("OPS-9", "alice", "new", null, null, 8.0, null, false);
        found.put(sprintQuery(11), List.of(new Issue() {
            @Override
            public Long getId() {
                return 9L;
            }

            @Override
            public String getKey() {
                return "OPS-9";
            }

            @Override
            public String getAssigneeId() {
                return "alice";
            }

            @Override
            public Status getStatus() {
                return sized.getStatus();
            }

            @Override
            public Long getEstimate() {
                return null;
            }

            @Override
            public Long getOriginalEstimate() {
                return null;
            }

            @Override
            public Object getCustomFieldValue(CustomField field) {
                return field == SIZE ? 5 : field == EFFORT ? 2.5 : field == POINTS ? 8.0 : null;
            }

            @Override
            public Issue getParentObject() {
                return null;
            }

            @Override
            public boolean isSubTask() {
                return false;
            }
        }));
        customEstimate.put("5", "customfield_10300");
        Recorder five = new Recorder();
        reader(10).read("alice", "5", LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31), five);
        assertEquals("OPS-9 alice NEW - - 5.0 ~2.5 null false", five.lines.get(1), "board 5 sizes in its own field");
        Recorder one = new Recorder();
        reader(10).read("alice", "1", LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31), one);
        assertEquals("OPS-9 alice NEW - - 8.0 null false", one.lines.get(1), "board 1: Story Points, no custom estimate");
    }

    @Test
    void aQueryJiraRefusesFailsTheRead() {
        JiraBoardWorkReader strict = new JiraBoardWorkReader(new JiraServices(users, boards, sprints, boardConfig,
                projectBoards, projects, versions, new SearchService() {
                    @Override
                    public ParseResult parseQuery(ApplicationUser searcher, String query) {
                        return search.parseQuery(searcher, "bad " + query);
                    }

                    @Override
                    public SearchResults<Issue> search(ApplicationUser searcher, Query query, PagerFilter pager) {
                        throw new AssertionError("not parsed");
                    }
                }, fields), documents, 10, JiraBoardWorkReader.SPRINT_CHUNK, ZoneOffset.UTC);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> strict.read("alice", "1", LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31), new Recorder()));
        assertTrue(e.getMessage().startsWith("Jira refused the query sprint = 11"), e.getMessage());
    }
}
