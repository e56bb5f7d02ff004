package org.capacitytracker.host.jira;

import org.capacitytracker.host.auth.PasswordHasher;
import org.capacitytracker.host.auth.UserStore;
import org.capacitytracker.host.db.Database;
import org.capacitytracker.host.jira.jql.JqlEvaluator;
import org.capacitytracker.host.jira.jql.JqlParser;
import org.capacitytracker.host.jira.jql.JqlQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Narrowing a search through the indexes never changes its answer, and does narrow. */
class JqlNarrowingTest {
    private static final DemoData DATA = DemoData.generate(LocalDate.of(2026, 11, 30), DemoData.Demo.FULL);

    @Test
    void theAnswerIsTheSameWithAndWithoutNarrowing(@TempDir Path dir) throws Exception {
        try (Database db = Database.embedded(dir)) {
            JqlEvaluator<DemoData.Issue> evaluator = new JqlEvaluator<>(new DemoJqlFacts(DATA,
                    new UserStore(db, new PasswordHasher()), null));
            String[] queries = {"sprint = 3", "sprint = 'DEMO Sprint 3' AND statusCategory != Done", "project = PAY",
                "project in (DEMO, web) ORDER BY key DESC", "sprint in (3, 4) AND issuetype != Sub-task",
                "sprint = 3 OR project = PAY", "project = DEMO AND sprint = 3 ORDER BY key", "sprint != 3",
                "NOT sprint = 3", "sprint in openSprints() AND project = DEMO", "project = 10000", ""};
            for (List<DemoData.Issue> scope : List.of(DATA.allIssues(), DATA.issuesOnBoard(1), DATA.issuesInSprint(3))) {
                for (String jql : queries) {
                    JqlQuery query = JqlParser.parse(jql);
                    List<String> whole = keys(evaluator.run(query, scope, new ArrayList<>()));
                    List<String> narrowed = keys(evaluator.run(query, JqlNarrowing.narrow(query, DATA, scope), new ArrayList<>()));
                    assertEquals(whole, narrowed, jql);
                }
            }
        }
    }

    @Test
    void aRequiredSprintOrProjectNarrowsToItsIssuesInTheScopesOrder() throws Exception {
        List<DemoData.Issue> all = DATA.allIssues();
        assertSame(DATA.issuesInSprint(3), JqlNarrowing.narrow(JqlParser.parse("sprint = 3 AND assignee = alice"), DATA, all));
        List<DemoData.Issue> two = JqlNarrowing.narrow(JqlParser.parse("sprint in (4, 3)"), DATA, all);
        assertEquals(DATA.issuesInSprint(3).size() + DATA.issuesInSprint(4).size(), two.size());
        assertEquals(all.stream().filter(two::contains).toList(), two);
        List<DemoData.Issue> board = DATA.issuesOnBoard(1);
        List<DemoData.Issue> sprint = JqlNarrowing.narrow(JqlParser.parse("sprint = 3"), DATA, board);
        assertEquals(board.stream().filter(i -> i.sprintId() == 3).toList(), sprint);
        assertTrue(sprint.size() < board.size());
        // An OR, a negation or a function gives no bound: the scope is searched whole.
        for (String jql : List.of("sprint = 3 OR project = PAY", "sprint != 3", "sprint in openSprints()")) {
            assertSame(all, JqlNarrowing.narrow(JqlParser.parse(jql), DATA, all), jql);
        }
    }

    private static List<String> keys(List<DemoData.Issue> issues) {
        return issues.stream().map(DemoData.Issue::key).toList();
    }
}
