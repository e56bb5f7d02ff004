package org.capacitytracker.host.jira.javaapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.atlassian.greenhopper.model.rapid.EstimationConfig;
import com.atlassian.greenhopper.model.rapid.RapidView;
import com.atlassian.jira.bc.issue.search.SearchService;
import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.project.Project;
import com.atlassian.jira.project.version.Version;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.jira.web.bean.PagerFilter;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.capacitytracker.host.auth.HostUser;
import org.capacitytracker.host.jira.DemoData;
import org.capacitytracker.host.jira.DemoWorkSource;
import org.capacitytracker.host.jira.VisibleWork;
import org.junit.jupiter.api.Test;

/**
 * The host's project services (Jira's ProjectManager and VersionManager, Jira Software's
 * ProjectRapidViewService and RapidViewConfigService) and the range query of its search: what
 * a caller may see, and what each refuses as Jira does.
 */
class HostProjectServicesTest {
    private static final LocalDate ANCHOR = LocalDate.of(2026, 11, 30);
    private final DemoData full = DemoData.generate(ANCHOR, DemoData.Demo.FULL);
    private final Map<String, HostUser> users = new java.util.HashMap<>(Map.of(
            "victor", user("victor"), "judy", user("judy", "payments-team")));
    private final Function<String, Optional<HostUser>> byKey = k -> Optional.ofNullable(users.get(k));
    private final VisibleWork work = new VisibleWork(new DemoWorkSource(full));
    private final HostProjectManager projects = new HostProjectManager(work);
    private final HostProjectRapidViewService projectBoards = new HostProjectRapidViewService(work, byKey);
    private final HostVersionManager versions = new HostVersionManager(work);
    private final HostRapidViewConfigService config = new HostRapidViewConfigService(work, byKey);
    private final HostRapidViewService boards = new HostRapidViewService(work, byKey);
    private final HostSearchService search = new HostSearchService(work, byKey);
    private final HostJiraUserManager userManager = new HostJiraUserManager(byKey);

    private static HostUser user(String name, String... groups) {
        Set<String> all = new HashSet<>(List.of(groups));
        all.add(HostUser.SOFTWARE_USERS);
        return new HostUser(name, name, name, name + "@example.com", true, Set.copyOf(all));
    }

    private ApplicationUser as(String key) {
        return userManager.getUserByKey(key);
    }

    @Test
    void aProjectIsFoundByItsExactCurrentKeyWithoutAPermissionCheck() {
        Project pay = projects.getProjectByCurrentKey("PAY");
        assertEquals("PAY", pay.getKey());
        assertTrue(pay.getId() > 0);
        assertNull(projects.getProjectByCurrentKey("NOPE"), "unknown key: null, as Jira's");
        assertNull(projects.getProjectByCurrentKey("pay"), "keys match exactly");
        assertNull(projects.getProjectByCurrentKey(null));
    }

    @Test
    void aProjectsBoardsAreThoseTheCallerMaySeeAndAHiddenProjectIsInvalid() {
        Project pay = projects.getProjectByCurrentKey("PAY");
        List<RapidView> judys = projectBoards.findRapidViewsByProject(as("judy"), pay).getValue();
        assertEquals(List.of(2L, 5L), judys.stream().map(RapidView::getId).sorted().toList());
        assertEquals(List.of(true, false), judys.stream().sorted(java.util.Comparator.comparing(RapidView::getId))
                .map(RapidView::isSprintSupportEnabled).toList(), "board 5 is a Kanban board");
        assertFalse(projectBoards.findRapidViewsByProject(as("victor"), pay).isValid(), "victor may not browse PAY");
        assertFalse(projectBoards.findRapidViewsByProject(null, pay).isValid(), "anonymous");
        assertFalse(projectBoards.findRapidViewsByProject(as("judy"), null).isValid());
        assertFalse(projectBoards.findRapidViewsByProject(as("judy"), new HostProject(1L, "NOPE", "No")).isValid(),
                "an unknown project");
    }

    @Test
    void aBoardsProjectsOnlyForWhoMaySeeTheBoard() {
        RapidView ops = boards.getRapidView(as("victor"), 4L).getValue();
        assertEquals(Set.of("OPS"), projectBoards.findProjectsByRapidView(as("victor"), ops).getValue().stream()
                .map(Project::getKey).collect(java.util.stream.Collectors.toSet()));
        RapidView pay = boards.getRapidView(as("judy"), 2L).getValue();
        assertFalse(projectBoards.findProjectsByRapidView(as("victor"), pay).isValid(), "hidden board");
        assertFalse(projectBoards.findProjectsByRapidView(as("victor"), null).isValid());
    }

    @Test
    void aProjectsVersionsInOrderWithTheirDaysAsMidnightsOfTheDefaultZone() {
        List<Version> ops = versions.getVersions(projects.getProjectByCurrentKey("OPS").getId());
        assertEquals(full.versions(projects.getProjectByCurrentKey("OPS").getId()).stream().map(DemoData.Version::name)
                .toList(), ops.stream().map(Version::getName).toList());
        Version dec = ops.stream().filter(v -> v.getName().equals("OPS 2026.12")).findFirst().orElseThrow();
        assertEquals(ANCHOR.minusDays(7), dec.getStartDate().toInstant().atZone(ZoneId.systemDefault()).toLocalDate());
        assertEquals(ANCHOR.plusDays(11), dec.getReleaseDate().toInstant().atZone(ZoneId.systemDefault()).toLocalDate());
        assertFalse(dec.isReleased());
        assertEquals(List.of(), versions.getVersions(424242L), "unknown project: none");
        assertThrows(NullPointerException.class, () -> versions.getVersions(null));
    }

    @Test
    void everyVisibleBoardEstimatesInStoryPointsAndAHiddenOneHasNoConfiguration() {
        RapidView ops = boards.getRapidView(as("victor"), 4L).getValue();
        EstimationConfig c = config.getEstimationConfig(as("victor"), ops);
        assertEquals(EstimationConfig.Type.JIRA_FIELD, c.getType());
        assertEquals(DemoData.STORY_POINTS_FIELD, c.getField().getId());
        RapidView pay = boards.getRapidView(as("judy"), 2L).getValue();
        assertNull(config.getEstimationConfig(as("victor"), pay));
        assertNull(config.getEstimationConfig(as("victor"), null));
        assertEquals(DemoData.STORY_POINTS_FIELD, new HostCustomFieldManager()
                .getCustomFieldObject(DemoData.STORY_POINTS_FIELD).getId());
        assertNull(new HostCustomFieldManager().getCustomFieldObject("customfield_99999"));
    }

    @Test
    void aRangeQueryFindsTheProjectsOpenAssignedIssuesTheSearcherMayBrowse() throws Exception {
        String jql = "project = \"OPS\" AND statusCategory != done AND assignee IS NOT EMPTY ORDER BY key ASC";
        SearchService.ParseResult parsed = search.parseQuery(as("victor"), jql);
        assertTrue(parsed.isValid(), String.valueOf(parsed.getErrors().getErrorMessages()));
        List<Issue> found = search.search(as("victor"), parsed.getQuery(), new PagerFilter<>(0, 1000)).getResults();
        long expected = full.issuesInProject(projects.getProjectByCurrentKey("OPS").getId()).stream()
                .filter(i -> i.assignee() != null && !i.status().category.key.equals("done")).count();
        assertTrue(expected > 0);
        assertEquals(expected, found.size());
        assertTrue(found.stream().allMatch(i -> i.getAssigneeId() != null
                && !"done".equals(i.getStatus().getStatusCategory().getKey())));
        SearchService.ParseResult pay = search.parseQuery(as("victor"),
                "project = PAY AND statusCategory != done AND assignee IS NOT EMPTY");
        assertTrue(pay.isValid());
        assertEquals(0, search.search(as("victor"), pay.getQuery(), new PagerFilter<>(0, 1000)).getTotal(),
                "victor may not browse PAY: nothing");
        assertTrue(search.search(as("judy"), pay.getQuery(), new PagerFilter<>(0, 1000)).getTotal() > 0);
        assertFalse(search.parseQuery(as("victor"), "project = OPS AND statusCategory = done").isValid(),
                "other JQL is refused with a message, not answered wrongly");
    }
}
