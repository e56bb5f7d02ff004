package org.capacitytracker.host.jira.javaapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.atlassian.greenhopper.service.sprint.Sprint;
import com.atlassian.jira.bc.issue.search.SearchService;
import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.issue.fields.CustomField;
import com.atlassian.jira.issue.search.SearchException;
import com.atlassian.jira.issue.search.SearchResults;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.jira.web.bean.PagerFilter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.capacitytracker.host.auth.HostUser;
import org.capacitytracker.host.jira.DemoData;
import org.capacitytracker.host.jira.DemoWorkSource;
import org.capacitytracker.host.jira.JiraWorkSource;
import org.capacitytracker.host.jira.VisibleWork;
import org.junit.jupiter.api.Test;

/** The host's Jira issue search, as the plugin's server-side report calls it, and what it refuses. */
class HostSearchServiceTest {
    private static final LocalDate ANCHOR = LocalDate.of(2026, 11, 30);
    private final DemoData full = DemoData.generate(ANCHOR, DemoData.Demo.FULL);
    private final Map<String, HostUser> users = new java.util.HashMap<>(Map.of(
            "victor", user("victor", true),
            "judy", user("judy", true, "payments-team"),
            "gone", user("gone", false, "payments-team")));
    private final HostJiraUserManager userManager = new HostJiraUserManager(k -> Optional.ofNullable(users.get(k)));
    private final SearchService search = new HostSearchService(new VisibleWork(new DemoWorkSource(full)),
            k -> Optional.ofNullable(users.get(k)));

    private static HostUser user(String name, boolean active, String... groups) {
        Set<String> all = new HashSet<>(List.of(groups));
        all.add(HostUser.SOFTWARE_USERS);
        return new HostUser(name, name, name, name + "@example.com", active, Set.copyOf(all));
    }

    private ApplicationUser as(String key) {
        return userManager.getUserByKey(key);
    }

    private List<String> keys(ApplicationUser who, String jql, int pageSize) throws SearchException {
        SearchService.ParseResult parsed = search.parseQuery(who, jql);
        assertTrue(parsed.isValid(), () -> parsed.getErrors().getErrorMessages().toString());
        List<String> keys = new ArrayList<>();
        for (int start = 0; ; start += pageSize) {
            SearchResults<Issue> page = search.search(who, parsed.getQuery(), new PagerFilter<>(start, pageSize));
            page.getResults().forEach(i -> keys.add(i.getKey()));
            if (start + pageSize >= page.getTotal()) {
                return keys;
            }
        }
    }

    @Test
    void pagesOfASprintGiveEveryVisibleIssueOnceWithTheReportFields() throws SearchException {
        List<String> expected = full.issuesInSprint(3).stream().map(DemoData.Issue::key).toList();
        assertEquals(expected, keys(as("victor"), "sprint = 3", 1000));
        assertEquals(expected, keys(as("victor"), "sprint = 3", 2), "paging neither skips nor repeats");

        DemoData.Issue sub = full.issuesInSprint(3).stream().filter(i -> i.type().subtask).findFirst().orElseThrow();
        SearchService.ParseResult parsed = search.parseQuery(as("victor"), "SPRINT=3 order by key asc");
        Issue found = search.search(as("victor"), parsed.getQuery(), new PagerFilter<>(0, 1000)).getResults().stream()
                .filter(i -> i.getKey().equals(sub.key())).findFirst().orElseThrow();
        assertTrue(found.isSubTask());
        assertEquals(sub.parentKey(), found.getParentObject().getKey());
        assertEquals(sub.assignee(), found.getAssigneeId());
        assertEquals(sub.status().category.key, found.getStatus().getStatusCategory().getKey());
        assertEquals(sub.remainingSeconds(), found.getEstimate());
        var points = new HostCustomFieldManager().getCustomFieldObjectsByName("Story Points");
        assertEquals(1, points.size());
        assertEquals(sub.storyPoints(), found.getCustomFieldValue(points.iterator().next()));
        assertTrue(new HostCustomFieldManager().getCustomFieldObjectsByName("story points").isEmpty());
    }

    /**
     * {@code sprint in (...)} (a Scrum board's sprints in one search): every sprint's visible
     * issues once, in key order, each naming its sprint in the Sprint field as Jira Software's
     * {@code Collection<Sprint>}; a sprint the user may not browse adds nothing.
     */
    @Test
    void severalSprintsInOneSearchAreEachSprintsIssuesWithTheirSprintField() throws SearchException {
        List<String> expected = new ArrayList<>();
        for (long id : List.of(1L, 2L, 3L)) {
            expected.addAll(keys(as("victor"), "sprint = " + id + " ORDER BY key ASC", 1000));
        }
        expected.sort(java.util.Comparator.comparing((String k) -> k.substring(0, k.indexOf('-')))
                .thenComparingLong(k -> Long.parseLong(k.substring(k.indexOf('-') + 1))));
        assertFalse(expected.isEmpty());
        assertEquals(expected, keys(as("victor"), "sprint in (3, 1, 2) ORDER BY key ASC", 1000));
        assertEquals(expected, keys(as("victor"), "SPRINT IN(1,2 , 3, 7, 999999) order by key", 4),
                "paged; PAY's sprint 7 is not victor's to browse; an unknown sprint matches nothing");
        assertFalse(keys(as("judy"), "sprint in (7)", 50).isEmpty());

        CustomField sprint = new HostCustomFieldManager().getCustomFieldObjectsByName("Sprint").iterator().next();
        assertEquals(sprint, new HostCustomFieldManager().getCustomFieldObject("customfield_10104"));
        SearchService.ParseResult parsed = search.parseQuery(as("victor"), "sprint in (1, 3)");
        for (Issue issue : search.search(as("victor"), parsed.getQuery(), new PagerFilter<>(0, 1000)).getResults()) {
            long inSprint = full.issue(issue.getKey()).orElseThrow().sprintId();
            Object value = issue.getCustomFieldValue(sprint);
            assertTrue(value instanceof java.util.Collection<?> c && c.size() == 1
                    && c.iterator().next() instanceof Sprint s && s.getId() == inSprint, issue.getKey() + ": " + value);
        }
    }

    /** A sub-task's parent key costs no lookup (a report reads only that); its other fields are read when asked for. */
    @Test
    void aParentIsLookedUpOnlyForFieldsBeyondItsKey() throws SearchException {
        DemoWorkSource demo = new DemoWorkSource(full);
        java.util.concurrent.atomic.AtomicInteger lookups = new java.util.concurrent.atomic.AtomicInteger();
        JiraWorkSource counting = new JiraWorkSource() {
            public List<DemoData.Board> boards() { return demo.boards(); }
            public Optional<DemoData.Board> board(long id) { return demo.board(id); }
            public List<DemoData.Sprint> sprints(long id) { return demo.sprints(id); }
            public List<DemoData.Version> versions(long id) { return demo.versions(id); }
            public void sprintIssues(long id, java.util.function.Consumer<JiraWorkSource.WorkIssue> out) { demo.sprintIssues(id, out); }
            public void versionIssues(long id, java.util.function.Consumer<JiraWorkSource.WorkIssue> out) { demo.versionIssues(id, out); }
            public void projectIssues(long id, java.util.function.Consumer<JiraWorkSource.WorkIssue> out) { demo.projectIssues(id, out); }
            public Set<String> browseGroups(String key) { return demo.browseGroups(key); }
            public Optional<JiraWorkSource.WorkIssue> issue(String key) {
                lookups.incrementAndGet();
                return demo.issue(key);
            }
        };
        SearchService counted = new HostSearchService(new VisibleWork(counting), k -> Optional.ofNullable(users.get(k)));
        DemoData.Issue sub = full.issuesInSprint(3).stream().filter(i -> i.type().subtask).findFirst().orElseThrow();
        DemoData.Issue parent = full.issue(sub.parentKey()).orElseThrow();
        Issue found = counted.search(as("victor"), counted.parseQuery(as("victor"), "sprint = 3").getQuery(),
                new PagerFilter<>(0, 1000)).getResults().stream().filter(i -> i.getKey().equals(sub.key()))
                .findFirst().orElseThrow();
        Issue read = found.getParentObject();
        assertEquals(parent.key(), read.getKey());
        assertEquals(0, lookups.get());
        assertEquals(parent.assignee(), read.getAssigneeId());
        assertFalse(read.isSubTask());
        assertEquals(parent.id(), read.getId());
        assertEquals(1, lookups.get(), "read once");
        assertNull(read.getParentObject());
    }

    @Test
    void theBrowsePermissionHoldsForSearchesOfAnySprintOrVersion() throws SearchException {
        assertEquals(List.of(), keys(as("victor"), "sprint = 7", 50), "victor may not browse PAY");
        assertFalse(keys(as("judy"), "sprint = 7", 50).isEmpty());
        assertEquals(List.of(), keys(null, "sprint = 3", 50), "anonymous browses nothing in the demo");
        assertEquals(List.of(), keys(as("gone"), "sprint = 7", 50), "an inactive user browses nothing");
    }

    @Test
    void aUserRemovedSinceIsRefusedAndAQueryFromElsewhereIsRefused() throws SearchException {
        ApplicationUser judy = as("judy");
        SearchService.ParseResult parsed = search.parseQuery(judy, "sprint = 7");
        users.remove("judy");
        assertThrows(SearchException.class, () -> search.search(judy, parsed.getQuery(), new PagerFilter<>(0, 10)));
        assertNull(userManager.getUserByKey("judy"));
        assertNull(userManager.getUserByKey(null));
        assertThrows(SearchException.class, () -> search.search(as("victor"), () -> "sprint = 3", new PagerFilter<>(0, 10)));
        assertThrows(IllegalArgumentException.class, () -> search.search(as("victor"),
                search.parseQuery(as("victor"), "sprint = 3").getQuery(), null));
        assertThrows(IllegalArgumentException.class, () -> search.search(as("victor"),
                search.parseQuery(as("victor"), "sprint = 3").getQuery(), new PagerFilter<>(-1, 10)));
    }

    @Test
    void jqlBeyondWhatTheReportAsksIsAParseErrorNamingWhatIsAnswered() {
        for (String jql : List.of("", "project = PAY", "sprint = 3 AND assignee = victor", "sprint in openSprints()",
                "sprint = abc", "sprint in ()", "sprint in (1, two)", "sprint in (1,)", "fixVersion in (1, 2)")) {
            SearchService.ParseResult parsed = search.parseQuery(as("victor"), jql);
            assertFalse(parsed.isValid(), jql);
            assertNull(parsed.getQuery());
            assertFalse(parsed.getErrors().getErrorMessages().isEmpty());
        }
        assertTrue(search.parseQuery(as("victor"), "project = PAY").getErrors().getErrorMessages().iterator().next()
                .contains("'sprint = <id>'"));
    }

    @Test
    void aPageIsCappedAtJirasMaximumAndAStartBeyondTheEndIsEmpty() throws SearchException {
        var q = search.parseQuery(as("victor"), "sprint = 3").getQuery();
        SearchResults<Issue> r = search.search(as("victor"), q, new PagerFilter<>(0, 1_000_000));
        assertEquals(HostSearchService.MAX_PAGE, r.getMaxResults());
        SearchResults<Issue> beyond = search.search(as("victor"), q, new PagerFilter<>(10_000, 10));
        assertEquals(List.of(), beyond.getResults());
        assertEquals(r.getTotal(), beyond.getTotal());
    }

    @Test
    void theTestOnlySearchDelayIsReadFromTheEnvironmentBoundedAndOffByDefault() {
        assertEquals(0, HostSearchService.delayFromEnvironment(null));
        assertEquals(0, HostSearchService.delayFromEnvironment("soon"));
        assertEquals(0, HostSearchService.delayFromEnvironment("-5"));
        assertEquals(700, HostSearchService.delayFromEnvironment(" 700 "));
        assertEquals(10_000, HostSearchService.delayFromEnvironment("999999"));
    }
}
