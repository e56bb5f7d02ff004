package org.capacitytracker.host.scale;

import org.capacitytracker.host.auth.PasswordHasher;
import org.capacitytracker.host.db.Database;
import org.capacitytracker.host.jira.DemoData;
import org.capacitytracker.host.jira.DemoWorkSource;
import org.capacitytracker.host.jira.JiraWorkSource;
import org.capacitytracker.host.jira.JiraWorkSource.WorkIssue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.OutputStream;
import java.io.PrintStream;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The JDBC source answers exactly as the in-memory load of the same dataset did (the host's
 * source before it), on each database the host supports, and its issue queries use the
 * dataset's indexes rather than scanning the million-row table.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JdbcWorkSourceContract {
    /** A database with no dataset in it. */
    abstract Database freshDatabase() throws Exception;

    private Database db;
    private JiraWorkSource memory;
    private JdbcWorkSource jdbc;

    @BeforeAll
    void generate() throws Exception {
        db = freshDatabase();
        new ScaleGenerator(db, Scale.SMALL, 1, new PasswordHasher(), new PrintStream(OutputStream.nullOutputStream()),
                false).ensure(ScaleGeneratorContract.ANCHOR);
        memory = new DemoWorkSource(ScaleDataset.load(db));
        jdbc = new JdbcWorkSource(db);
    }

    @AfterAll
    void close() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void boardsSprintsAndVersionsAreTheInMemoryOnes() {
        assertEquals(memory.boards(), jdbc.boards());
        assertEquals(4, jdbc.boards().size());
        for (DemoData.Board b : memory.boards()) {
            assertEquals(memory.board(b.id()), jdbc.board(b.id()));
            assertEquals(memory.sprints(b.id()), jdbc.sprints(b.id()));
            assertEquals(26, jdbc.sprints(b.id()).size());
            assertEquals(memory.versions(b.project().id()), jdbc.versions(b.project().id()));
            assertFalse(jdbc.versions(b.project().id()).isEmpty());
            assertEquals(memory.browseGroups(b.project().key()), jdbc.browseGroups(b.project().key()));
        }
        assertTrue(jdbc.board(-1).isEmpty());
        assertEquals(List.of(), jdbc.sprints(-1));
        assertEquals(List.of(), jdbc.versions(-1));
    }

    @Test
    void everySprintsAndVersionsIssuesAreTheInMemoryOnesInOrder() {
        int sprintIssues = 0;
        int versionIssues = 0;
        Set<Long> versionIds = new java.util.TreeSet<>();
        for (DemoData.Board b : memory.boards()) {
            for (DemoData.Sprint s : memory.sprints(b.id())) {
                List<WorkIssue> expected = collect(out -> memory.sprintIssues(s.id(), out));
                assertEquals(expected, collect(out -> jdbc.sprintIssues(s.id(), out)), "sprint " + s.id());
                sprintIssues += expected.size();
            }
            memory.versions(b.project().id()).forEach(v -> versionIds.add(v.id()));
        }
        for (long v : versionIds) {
            List<WorkIssue> expected = collect(out -> memory.versionIssues(v, out));
            assertEquals(expected, collect(out -> jdbc.versionIssues(v, out)), "version " + v);
            versionIssues += expected.size();
        }
        // The comparison covered the dataset: most of its 2,400 issues are in a sprint, and
        // sub-tasks (with their parent's key) among them.
        assertTrue(sprintIssues > 1_800, "issues in sprints: " + sprintIssues);
        assertTrue(versionIssues > 1_800, "issues in versions: " + versionIssues);
        assertTrue(collect(out -> jdbc.sprintIssues(memory.sprints(memory.boards().get(0).id()).get(0).id(), out))
                .stream().anyMatch(WorkIssue::subtask));
        assertEquals(List.of(), collect(out -> jdbc.sprintIssues(-1, out)));
        assertEquals(List.of(), collect(out -> jdbc.versionIssues(-1, out)));
    }

    /**
     * {@code sprint in (...)}: a board's sprints in one query are the per-sprint reads' issues,
     * in id order; a list longer than one statement's ({@link JdbcWorkSource#SPRINTS_PER_QUERY},
     * here padded with ids of no sprint) runs as several and loses none.
     */
    @Test
    void severalSprintsIssuesAreThePerSprintOnesInIdOrder() {
        for (DemoData.Board b : memory.boards()) {
            List<Long> ids = memory.sprints(b.id()).stream().map(DemoData.Sprint::id).toList();
            List<WorkIssue> expected = new java.util.ArrayList<>();
            ids.forEach(id -> memory.sprintIssues(id, expected::add));
            expected.sort(java.util.Comparator.comparingLong(WorkIssue::id));
            assertEquals(expected, collect(out -> jdbc.sprintsIssues(ids, out)), "board " + b.id());
            assertTrue(expected.stream().allMatch(i -> ids.contains(i.sprintId())), "board " + b.id());
        }
        List<Long> all = new java.util.ArrayList<>();
        memory.boards().forEach(b -> memory.sprints(b.id()).forEach(s -> all.add(s.id())));
        List<Long> padded = new java.util.ArrayList<>();
        for (long missing = 1; padded.size() < JdbcWorkSource.SPRINTS_PER_QUERY; missing++) {
            padded.add(-missing);
        }
        padded.addAll(all);
        padded.add(all.get(0)); // Named twice: its issues still come once.
        List<WorkIssue> expected = new java.util.ArrayList<>();
        all.forEach(id -> memory.sprintIssues(id, expected::add));
        expected.sort(java.util.Comparator.comparingLong(WorkIssue::id));
        List<WorkIssue> read = collect(out -> jdbc.sprintsIssues(padded, out));
        read.sort(java.util.Comparator.comparingLong(WorkIssue::id));
        assertEquals(expected, read);
        assertEquals(List.of(), collect(out -> jdbc.sprintsIssues(List.of(), out)));
    }

    @Test
    void everyProjectsIssuesAreTheInMemoryOnesInOrder() {
        int issues = 0;
        Set<Long> projectIds = new java.util.TreeSet<>();
        memory.boards().forEach(b -> projectIds.add(b.project().id()));
        for (long p : projectIds) {
            List<WorkIssue> expected = collect(out -> memory.projectIssues(p, out));
            assertEquals(expected, collect(out -> jdbc.projectIssues(p, out)), "project " + p);
            issues += expected.size();
        }
        assertEquals(2_400, issues, "every issue is in one of the boards' projects");
        assertEquals(List.of(), collect(out -> jdbc.projectIssues(-1, out)));
    }

    @Test
    void anIssueByKeyIsTheInMemoryOne() {
        List<WorkIssue> some = collect(out -> jdbc.sprintIssues(memory.sprints(memory.boards().get(1).id()).get(3).id(), out));
        assertFalse(some.isEmpty());
        for (WorkIssue i : some) {
            assertEquals(memory.issue(i.key()), jdbc.issue(i.key()));
            assertEquals(memory.issue(i.key()), jdbc.issue(i.key().toLowerCase(Locale.ROOT)));
            if (i.parentKey() != null) {
                assertEquals(memory.issue(i.parentKey()), jdbc.issue(i.parentKey()));
            }
        }
        assertTrue(jdbc.issue("NOPE-1").isEmpty());
        assertTrue(jdbc.issue("").isEmpty());
    }

    /**
     * Each issue query reads the sprint's, version's or key's index, the parent by primary key,
     * and never scans the table (on PostgreSQL after ANALYZE, with the small dataset's
     * statistics: the plan does not depend on the table being large).
     */
    @Test
    void issueQueriesReadIndexesNotTheTable() {
        db.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("ANALYZE");
            }
            return null;
        });
        long sprint = memory.sprints(memory.boards().get(0).id()).get(5).id();
        long version = memory.versions(memory.boards().get(0).project().id()).get(1).id();
        String key = collect(out -> jdbc.sprintIssues(sprint, out)).get(0).key();
        assertIndexed(plan(JdbcWorkSource.BY_SPRINT, sprint), "ct_scale_issues_sprint");
        assertIndexed(plan(JdbcWorkSource.BY_VERSION, version), "ct_scale_issues_version");
        long other = memory.sprints(memory.boards().get(0).id()).get(6).id();
        assertIndexed(plan(JdbcWorkSource.bySprints(2), sprint, other), "ct_scale_issues_sprint");
        // The key's unique constraint's index, which H2 and PostgreSQL name themselves.
        assertIndexed(plan(JdbcWorkSource.BY_KEY, key), db.dialect() == Database.Dialect.H2 ? "constraint_index"
                : "ct_scale_issues_ikey_key");
    }

    private static void assertIndexed(String plan, String index) {
        assertTrue(plan.contains(index), "expected " + index + " in the plan:\n" + plan);
        // The parent's key: H2 names the primary key's index PRIMARY_KEY_..., PostgreSQL ..._pkey.
        assertTrue(plan.contains("primary_key") || plan.contains("ct_scale_issues_pkey"), plan);
        assertFalse(plan.contains("seq scan") || plan.contains("tablescan"), plan);
    }

    /** The database's plan for a query with its parameter bound, lower case. */
    private String plan(String sql, Object... parameters) {
        return db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("EXPLAIN " + sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    s.setObject(i + 1, parameters[i]);
                }
                StringBuilder out = new StringBuilder();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.append(rs.getString(1)).append('\n');
                    }
                }
                return out.toString().toLowerCase(Locale.ROOT);
            }
        });
    }

    private static List<WorkIssue> collect(java.util.function.Consumer<java.util.function.Consumer<WorkIssue>> source) {
        List<WorkIssue> out = new ArrayList<>();
        source.accept(out::add);
        return out;
    }
}
