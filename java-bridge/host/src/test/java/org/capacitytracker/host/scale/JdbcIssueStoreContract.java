package org.capacitytracker.host.scale;

import org.capacitytracker.host.auth.PasswordHasher;
import org.capacitytracker.host.db.Database;
import org.capacitytracker.host.jira.DemoData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dataset the REST resources serve from the database answers as the in-memory load of
 * the same dataset did: the same issues by sprint, project, board, parent, key and id, the
 * same fix versions; and it holds no issue list ({@code allIssues()} is empty).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JdbcIssueStoreContract {
    /** A database with no dataset in it. */
    abstract Database freshDatabase() throws Exception;

    private Database db;
    private DemoData memory;
    private DemoData backed;

    @BeforeAll
    void generate() throws Exception {
        db = freshDatabase();
        new ScaleGenerator(db, Scale.SMALL, 1, new PasswordHasher(), new PrintStream(OutputStream.nullOutputStream()),
                false).ensure(ScaleGeneratorContract.ANCHOR);
        memory = ScaleDataset.load(db);
        backed = ScaleDataset.backed(db);
    }

    @AfterAll
    void close() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void theSmallListsAreTheInMemoryOnes() {
        assertTrue(backed.isBacked());
        assertFalse(memory.isBacked());
        assertEquals(memory.projects(), backed.projects());
        assertEquals(memory.boards(), backed.boards());
        assertEquals(memory.allSprints(), backed.allSprints());
        for (DemoData.Project p : memory.projects()) {
            assertEquals(memory.versions(p.id()), backed.versions(p.id()));
        }
        assertEquals(List.of(), backed.allIssues());
    }

    @Test
    void issuesBySprintProjectBoardParentKeyAndIdAreTheInMemoryOnes() {
        int compared = 0;
        for (DemoData.Sprint s : memory.allSprints()) {
            assertEquals(memory.issuesInSprint(s.id()), backed.issuesInSprint(s.id()), "sprint " + s.id());
        }
        for (DemoData.Project p : memory.projects()) {
            assertEquals(memory.issuesInProject(p.id()), backed.issuesInProject(p.id()), "project " + p.key());
        }
        for (DemoData.Board b : memory.boards()) {
            assertEquals(memory.issuesOnBoard(b.id()), backed.issuesOnBoard(b.id()), "board " + b.id());
        }
        for (DemoData.Issue i : memory.allIssues()) {
            if (i.id() % 7 != 0 && i.parentKey() == null) {
                continue; // every sub-task, and a sample of the rest
            }
            assertEquals(memory.issue(i.key()), backed.issue(i.key()));
            assertEquals(memory.issue(i.key().toLowerCase(Locale.ROOT)), backed.issue(i.key().toLowerCase(Locale.ROOT)));
            assertEquals(memory.issue(Long.toString(i.id())), backed.issue(Long.toString(i.id())));
            assertEquals(memory.subtasksOf(i.key()), backed.subtasksOf(i.key()));
            assertEquals(memory.fixVersionsOf(i), backed.fixVersionsOf(i), i.key());
            compared++;
        }
        assertTrue(compared > 500, "compared " + compared);
        assertTrue(backed.issue("NOPE-1").isEmpty());
        assertTrue(backed.issue("99999999999").isEmpty());
        assertEquals(List.of(), backed.issuesInSprint(-1));
    }

    /**
     * Every query of the store reads an index and never scans the issues (on PostgreSQL after
     * ANALYZE, with the small dataset's statistics).
     */
    @Test
    void everyQueryReadsAnIndex() {
        db.inTransaction(c -> {
            try (java.sql.Statement s = c.createStatement()) {
                s.execute("ANALYZE");
            }
            return null;
        });
        DemoData.Issue sub = memory.allIssues().stream().filter(i -> i.parentKey() != null).findFirst().orElseThrow();
        DemoData.Issue someone = memory.allIssues().stream().filter(i -> i.assignee() != null).findFirst().orElseThrow();
        boolean h2 = db.dialect() == Database.Dialect.H2;
        String key = h2 ? "constraint_index" : "ct_scale_issues_ikey_key";
        String id = h2 ? "primary_key" : "ct_scale_issues_pkey";
        assertIndexed(JdbcIssueStore.BY_SPRINT, sub.sprintId(), "ct_scale_issues_sprint");
        // A project's issues: half of the small dataset (its first project has two boards; a
        // thousandth of dcapt's), where PostgreSQL rightly prefers the primary key in id order
        // to a sort; H2 reads the (project_id, status) index.
        assertIndexed(JdbcIssueStore.BY_PROJECT, memory.projects().get(0).id(),
                h2 ? "ct_scale_issues_project_status" : "using ct_scale_issues_");
        assertIndexed(JdbcIssueStore.BY_ASSIGNEE, someone.assignee(), "ct_scale_issues_assignee");
        assertIndexed(JdbcIssueStore.BY_VERSION, memory.fixVersionsOf(sub).get(0).id(), "ct_scale_issues_version");
        assertIndexed(JdbcIssueStore.BY_PARENT, sub.parentKey(), "ct_scale_issues_parent");
        assertIndexed(JdbcIssueStore.BY_PARENT, sub.parentKey(), key);
        assertIndexed(JdbcIssueStore.BY_KEY, sub.key(), key);
        assertIndexed(JdbcIssueStore.BY_ID, sub.id(), id);
    }

    private void assertIndexed(String sql, Object parameter, String index) {
        assertIndexed(sql, parameter, index, false);
    }

    private void assertIndexed(String sql, Object parameter, String index, boolean scansOff) {
        String plan = db.inTransaction(c -> {
            if (scansOff) {
                try (java.sql.Statement off = c.createStatement()) {
                    off.execute("SET LOCAL enable_seqscan = off");
                }
            }
            try (java.sql.PreparedStatement s = c.prepareStatement("EXPLAIN " + sql)) {
                s.setObject(1, parameter);
                StringBuilder out = new StringBuilder();
                try (java.sql.ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.append(rs.getString(1)).append('\n');
                    }
                }
                return out.toString().toLowerCase(Locale.ROOT);
            }
        });
        assertTrue(plan.contains(index), "expected " + index + " in the plan of " + sql + ":\n" + plan);
        assertFalse(plan.contains("seq scan") || plan.contains("tablescan"), plan);
    }
}
