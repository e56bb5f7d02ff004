package org.capacitytracker.host.jira.jql;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JQL subset: parsing, Jira's semantics of the negative operators, ordering and refusals. */
class JqlTest {
    /** A tiny issue: key, project, sprint id, assignee (nullable), status category, type, parent, fix version. */
    record Item(String key, String project, String sprint, String assignee, String category, String type,
                String parent, String fixVersion) {
    }

    private static final List<Item> ITEMS = List.of(
            new Item("A-1", "A", "1", "alice", "done", "Story", null, "1.0"),
            new Item("A-2", "A", "2", "bob", "indeterminate", "Bug", null, "1.1"),
            new Item("A-3", "A", "2", null, "new", "Task", null, null),
            new Item("A-4", "A", "2", "alice", "new", "Sub-task", "A-2", "1.1"),
            new Item("B-1", "B", "3", "carol", "new", "Story", null, null));

    private static final JqlEvaluator.Facts<Item> FACTS = new JqlEvaluator.Facts<>() {
        @Override
        public List<String> values(Item i, String field) {
            List<String> out = new ArrayList<>();
            String v = switch (field) {
                case "project" -> i.project();
                case "sprint" -> i.sprint();
                case "assignee" -> i.assignee();
                case "statusCategory" -> i.category();
                case "issuetype" -> i.type();
                case "parent" -> i.parent();
                case "fixVersion" -> i.fixVersion();
                case "key" -> i.key();
                default -> null;
            };
            if (v != null) {
                out.add(v);
            }
            return out;
        }

        @Override
        public Set<String> function(String name) {
            return Map.of("opensprints", Set.of("2", "3"), "currentuser", Set.of("alice")).getOrDefault(name, Set.of());
        }

        @Override
        public boolean exists(String field, String value) {
            return !(field.equals("project") && value.equalsIgnoreCase("NOPE"));
        }

        @Override
        public Comparable<?> sortValue(Item i, String key) {
            return key.equals("assignee") ? i.assignee() : i.key();
        }
    };

    private static List<String> run(String jql) throws JqlException {
        return new JqlEvaluator<>(FACTS).run(JqlParser.parse(jql), ITEMS).stream().map(Item::key).toList();
    }

    private static String refusal(String jql) {
        return assertThrows(JqlException.class, () -> run(jql)).getMessage();
    }

    @Test
    void blankQueryMatchesEverythingInInputOrder() throws JqlException {
        assertNull(JqlParser.parse("  ").where());
        assertEquals(List.of("A-1", "A-2", "A-3", "A-4", "B-1"), run(""));
    }

    @Test
    void equalsInAndFunctions() throws JqlException {
        assertEquals(List.of("B-1"), run("project = B"));
        assertEquals(List.of("B-1"), run("project = \"b\""), "values compare case-insensitively");
        assertEquals(List.of("A-2", "A-3", "A-4", "B-1"), run("sprint in openSprints()"));
        assertEquals(List.of("A-1", "A-4"), run("assignee = currentUser()"));
        assertEquals(List.of("A-1", "B-1"), run("issuetype IN (Story, 'Task') AND NOT key = A-3"));
        assertEquals(List.of("A-4"), run("parent = A-2"));
        assertEquals(List.of("A-2", "A-4"), run("fixVersion = 1.1"));
        assertEquals(List.of("A-3", "A-4", "B-1"), run("statusCategory = new"));
    }

    @Test
    void negativeOperatorsNeverMatchEmptyFields() throws JqlException {
        assertEquals(List.of("A-2", "B-1"), run("assignee != alice"), "unassigned A-3 is not 'not alice'");
        assertEquals(List.of("A-2", "B-1"), run("assignee not in (alice)"));
        assertEquals(List.of("A-3"), run("assignee is EMPTY"));
        assertEquals(List.of("A-3"), run("assignee = EMPTY"));
        assertEquals(List.of("A-3", "B-1"), run("assignee in (EMPTY, carol)"));
        assertEquals(List.of("A-1", "A-2", "A-4", "B-1"), run("assignee IS NOT null"));
        assertEquals(List.of("A-3"), run("NOT assignee is not empty"));
    }

    @Test
    void precedenceAndParentheses() throws JqlException {
        // AND binds tighter than OR.
        assertEquals(List.of("A-1", "A-4", "B-1"), run("project = B OR assignee = alice AND project = A"));
        assertEquals(List.of("A-1", "A-4"), run("(project = B OR assignee = alice) AND project = A"));
        assertEquals(List.of("A-1", "A-4"), run("(project = B || assignee = alice) && !project = B"));
    }

    @Test
    void orderByIsStableAndPutsEmptyLastAscending() throws JqlException {
        assertEquals(List.of("B-1", "A-4", "A-3", "A-2", "A-1"), run("ORDER BY key DESC"));
        assertEquals(List.of("A-1", "A-4", "A-2", "B-1", "A-3"), run("project in (A, B) order by assignee ASC"));
        JqlQuery q = JqlParser.parse("project = A ORDER BY assignee, key DESC");
        assertEquals(List.of(new JqlQuery.SortKey("assignee", false), new JqlQuery.SortKey("key", true)), q.orderBy());
        assertInstanceOf(JqlQuery.Terminal.class, q.where());
    }

    @Test
    void refusalsNameTheClause() {
        assertTrue(refusal("summary ~ \"capacity\"").contains("'summary ~ \"capacity\"'"), refusal("summary ~ \"capacity\""));
        assertTrue(refusal("project = A AND assignee WAS bob").contains("'assignee WAS bob'"));
        assertTrue(refusal("sprint > 3").contains("'sprint > 3'"));
        assertTrue(refusal("labels in (x, y) OR project = A").contains("'labels in (x, y)'"));
        assertEquals("Field 'bogus' does not exist or you do not have permission to view it.", refusal("bogus = 1"));
        assertEquals("Unable to find JQL function 'lastSprints()'.", refusal("sprint in lastSprints()"));
        assertTrue(refusal("assignee in openSprints()").contains("openSprints()"));
        assertEquals("The value 'NOPE' does not exist for the field 'project'.", refusal("project = NOPE"));
        assertEquals("Not able to sort using field 'votes'.", refusal("ORDER BY votes"));
    }

    @Test
    void syntaxErrorsSayWhatWasExpected() {
        assertEquals("Error in the JQL Query: Expecting ')' but got the end of the query.", refusal("(project = A"));
        assertEquals("Error in the JQL Query: Expecting either 'AND' or 'OR' but got 'B'.", refusal("project = A B"));
        assertEquals("Error in the JQL Query: Expecting a value but got the end of the query.", refusal("project ="));
        assertTrue(refusal("project = \"A").contains("not closed"));
        assertTrue(refusal("project = A;").contains("reserved JQL character"));
        assertTrue(refusal("assignee is alice").contains("EMPTY or NULL"));
    }
}
