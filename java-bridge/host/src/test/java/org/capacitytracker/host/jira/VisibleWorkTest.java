package org.capacitytracker.host.jira;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.capacitytracker.host.auth.HostUser;
import org.junit.jupiter.api.Test;

/** Jira's browse permission over the demo, as the host's Java API services apply it. */
class VisibleWorkTest {
    private static final LocalDate ANCHOR = LocalDate.of(2026, 11, 30);
    private final DemoData full = DemoData.generate(ANCHOR, DemoData.Demo.FULL);
    private final VisibleWork work = new VisibleWork(new DemoWorkSource(full));

    private static HostUser user(String name, String... groups) {
        Set<String> all = new java.util.HashSet<>(List.of(groups));
        all.add(HostUser.SOFTWARE_USERS);
        return new HostUser(name, name, name, name + "@example.com", true, Set.copyOf(all));
    }

    private static final HostUser VICTOR = user("victor");
    private static final HostUser JUDY = user("judy", "jira-developers", "payments-team");

    private List<String> sprintKeys(HostUser who, long sprintId) {
        List<String> keys = new ArrayList<>();
        work.sprintIssues(who, sprintId, i -> keys.add(i.key()));
        return keys;
    }

    private static List<Long> ids(List<DemoData.Board> boards) {
        return boards.stream().map(DemoData.Board::id).toList();
    }

    @Test
    void theRestrictedUserSeesNeitherPaymentsBoardsNorTheirIssues() {
        assertEquals(List.of(1L, 3L, 4L), ids(work.boards(VICTOR)));
        assertTrue(work.board(VICTOR, 2).isEmpty(), "PAY board: as if it did not exist");
        assertTrue(work.sprints(VICTOR, 2).isEmpty());
        assertTrue(work.versions(VICTOR, 5).isEmpty());
        assertEquals(List.of(), sprintKeys(VICTOR, 7), "PAY's active sprint has issues, none visible");
        assertFalse(sprintKeys(JUDY, 7).isEmpty());
        assertTrue(sprintKeys(JUDY, 7).stream().allMatch(k -> k.startsWith("PAY-")));
    }

    @Test
    void aUserWhoMayBrowseSeesEveryIssueOfTheSprintInOrder() {
        List<String> expected = full.issuesInSprint(3).stream().map(DemoData.Issue::key).toList();
        assertEquals(expected, sprintKeys(VICTOR, 3));
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), ids(work.boards(JUDY)));
    }

    @Test
    void anAnonymousOrInactiveCallerBrowsesNothing() {
        assertEquals(List.of(), work.boards(null));
        assertEquals(List.of(), sprintKeys(null, 3));
        HostUser inactive = new HostUser("alice", "alice", "Alice", "a@example.com", false, Set.of(HostUser.SOFTWARE_USERS));
        assertEquals(List.of(), work.boards(inactive));
        assertEquals(List.of(), sprintKeys(inactive, 3));
        HostUser noLicence = new HostUser("x", "x", "X", "x@example.com", true, Set.of());
        assertEquals(List.of(), work.boards(noLicence), "not in a group the scheme names");
    }

    @Test
    void anAdministratorBrowsesEveryProject() {
        HostUser admin = new HostUser("admin", "admin", "Admin", "admin@example.com", true, Set.of(HostUser.ADMINISTRATORS));
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), ids(work.boards(admin)));
    }

    @Test
    void inTheBasicDemoEverySoftwareUserBrowsesDemo() {
        VisibleWork basic = new VisibleWork(new DemoWorkSource(DemoData.generate(ANCHOR, DemoData.Demo.BASIC)));
        assertEquals(List.of(1L), ids(basic.boards(VICTOR)));
    }

    @Test
    void anIssueCarriesTheFieldsAReportReads() {
        List<JiraWorkSource.WorkIssue> issues = new ArrayList<>();
        work.sprintIssues(VICTOR, 3, issues::add);
        DemoData.Issue sub = full.issue("DEMO-9").orElseThrow();
        JiraWorkSource.WorkIssue read = issues.stream().filter(i -> i.key().equals("DEMO-9")).findFirst().orElseThrow();
        assertEquals(new JiraWorkSource.WorkIssue(sub.id(), "DEMO-9", "DEMO", "alice", "new", sub.remainingSeconds(),
                sub.originalSeconds(), null, "DEMO-8", true, 3L), read);
    }

    @Test
    void aVersionsIssuesAreThoseWithItAsFixVersionThatTheUserMayBrowse() {
        DemoData.Version first = full.versions(full.project().id()).get(0);
        List<String> expected = full.allIssues().stream()
                .filter(i -> full.fixVersionsOf(i).stream().anyMatch(v -> v.id() == first.id()))
                .map(DemoData.Issue::key).toList();
        List<String> keys = new ArrayList<>();
        work.versionIssues(VICTOR, first.id(), i -> keys.add(i.key()));
        assertFalse(expected.isEmpty());
        assertEquals(expected, keys);
        List<String> none = new ArrayList<>();
        work.versionIssues(null, first.id(), i -> none.add(i.key()));
        assertEquals(List.of(), none);
    }
}
