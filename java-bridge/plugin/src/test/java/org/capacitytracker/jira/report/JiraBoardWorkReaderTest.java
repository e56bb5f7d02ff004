package org.capacitytracker.jira.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.atlassian.greenhopper.model.rapid.RapidView;
import com.atlassian.greenhopper.service.ServiceOutcome;
import com.atlassian.greenhopper.service.rapid.view.RapidViewService;
import com.atlassian.greenhopper.service.rapid.view.RapidViewSprintQueryService;
import com.atlassian.greenhopper.service.sprint.Sprint;
import com.atlassian.jira.bc.issue.search.SearchService;
import com.atlassian.jira.issue.CustomFieldManager;
import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.issue.fields.CustomField;
import com.atlassian.jira.issue.search.SearchResults;
import com.atlassian.jira.issue.status.Status;
import com.atlassian.jira.issue.status.category.StatusCategory;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.jira.user.util.UserManager;
import com.atlassian.jira.util.MessageSet;
import com.atlassian.jira.web.bean.PagerFilter;
import com.atlassian.query.Query;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    /** Board 1: visible to alice; board 2: to nobody. Sprint 10 (Nov), 11 (Dec), 12 (future, no dates). */
    private final Map<Long, List<Issue>> sprintIssues = new java.util.HashMap<>();
    private final List<Integer> pagesAsked = new ArrayList<>();
    private final UserManager users = key -> key == null ? null : new User(key);
    private final RapidViewService boards = (user, id) -> new Outcome<>(
            user != null && id == 1L ? RapidView.builder().id(id).name("B" + id).build() : null);
    private final RapidViewSprintQueryService sprints = (user, view, states, historic) -> new Outcome<>(List.of(
            sprint(10, Sprint.State.CLOSED, new DateTime(2026, 11, 2, 9, 0, BERLIN), new DateTime(2026, 11, 13, 17, 0, BERLIN)),
            sprint(11, Sprint.State.ACTIVE, new DateTime(2026, 11, 30, 9, 0, BERLIN), new DateTime(2026, 12, 11, 17, 0, BERLIN)),
            Sprint.builder().id(12L).state(Sprint.State.FUTURE).name("S12").build()));
    private final SearchService search = new SearchService() {
        @Override
        public ParseResult parseQuery(ApplicationUser searcher, String query) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("sprint = (\\d+) ORDER BY key ASC").matcher(query);
            boolean ok = m.matches();
            Query q = ok ? () -> m.group(1) : null;
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
            List<Issue> all = sprintIssues.getOrDefault(Long.valueOf(query.getQueryString()), List.of());
            int from = Math.min(pager.getStart(), all.size());
            int to = Math.min(from + pager.getMax(), all.size());
            return new SearchResults<>(all.subList(from, to), all.size(), pager.getMax(), from);
        }
    };
    private final CustomFieldManager fields = name -> name.equals("Story Points") ? List.of(POINTS) : List.of();

    private static Sprint sprint(long id, Sprint.State state, DateTime start, DateTime end) {
        return Sprint.builder().id(id).state(state).name("S" + id).startDate(start).endDate(end).build();
    }

    private JiraBoardWorkReader reader(int pageSize) {
        return new JiraBoardWorkReader(users, boards, sprints, search, fields, pageSize);
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
                long remainingSeconds, long originalSeconds, double storyPoints, String parent, boolean subtask) {
            items++;
            lines.add(key + " " + assignee + " " + status + " " + (remainingSeconds == ReportItemSink.NONE ? "-" : remainingSeconds)
                    + " " + (originalSeconds == ReportItemSink.NONE ? "-" : originalSeconds) + " "
                    + (Double.isNaN(storyPoints) ? "-" : storyPoints) + " " + parent + " " + subtask);
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
        sprintIssues.put(11L, List.of(story,
                new FakeIssue("A-2", null, "done", null, null, null, story, true),
                new FakeIssue("A-3", "bob", "undefined", 0L, null, null, null, false)));
        sprintIssues.put(10L, List.of(issue("A-0")));
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
        sprintIssues.put(11L, many);
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
        sprintIssues.put(11L, many);
        Recorder out = new Recorder();
        out.cancelAfter = 3;
        assertThrows(ReportCancelledException.class,
                () -> reader(3).read("alice", "1", LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31), out));
        assertEquals(List.of(0), pagesAsked);
    }

    @Test
    void boardsTheUserCannotSeeOrThatAreNotIdsAreLeftOutAndProjectsAreRefused() {
        assertEquals(List.of("1"), reader(10).boards("alice", List.of("2", "1", "x", "1"), List.of()));
        assertEquals(List.of(), reader(10).boards(null, List.of("1"), List.of()), "anonymous sees no board");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> reader(10).boards("alice", List.of(), List.of("PAY")));
        assertTrue(e.getMessage().startsWith("projectKeys"));
        Recorder out = new Recorder();
        reader(10).read("alice", "2", LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31), out);
        assertEquals(List.of(), out.lines, "a board hidden since the list was made reads nothing");
    }
}
