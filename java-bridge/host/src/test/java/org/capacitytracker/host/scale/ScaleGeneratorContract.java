package org.capacitytracker.host.scale;

import org.capacitytracker.host.auth.PasswordHasher;
import org.capacitytracker.host.auth.UserStore;
import org.capacitytracker.host.db.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The generator's promises, on each database the host supports. */
abstract class ScaleGeneratorContract {
    static final LocalDate ANCHOR = LocalDate.of(2026, 11, 30);
    private static final PasswordHasher HASHER = new PasswordHasher();

    /** A database with no dataset in it (a fresh one, or the same one wiped). */
    abstract Database freshDatabase() throws Exception;

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private Database open;

    Database database() throws Exception {
        if (open != null) {
            open.close();
        }
        open = freshDatabase();
        return open;
    }

    @AfterEach
    void close() {
        if (open != null) {
            open.close();
        }
    }

    ScaleGenerator generator(Database db, Scale scale, long seed) {
        return new ScaleGenerator(db, scale, seed, HASHER, new PrintStream(console, true, StandardCharsets.UTF_8), false);
    }

    @Test
    void smallHasItsShapeAndCounts() throws Exception {
        Database db = database();
        ScaleGenerator.Outcome outcome = generator(db, Scale.SMALL, 1).ensure(ANCHOR);
        assertTrue(outcome.generatedNow());
        // 4 boards (board 5 of each 5 is Kanban: none here), 26 sprints each, 4 versions a project.
        assertEquals(new ScaleGenerator.Counts(3, 4, 40, 4 * 26, 12, 2400, outcome.counts().members()), outcome.counts());
        // Everyone is on one to three boards.
        assertTrue(outcome.counts().members() >= 40 && outcome.counts().members() <= 120, outcome.counts().toString());
        assertEquals(0, scalar(db, "SELECT COUNT(*) FROM (SELECT user_key, COUNT(*) c FROM ct_scale_board_members "
                + "GROUP BY user_key) t WHERE c < 1 OR c > 3"));
        assertEquals(0, scalar(db, "SELECT COUNT(*) FROM ct_host_users u WHERE user_key BETWEEN 's00000' AND 's99999' AND NOT EXISTS "
                + "(SELECT 1 FROM ct_scale_board_members m WHERE m.user_key = u.user_key)"));
        // Sub-tasks have a parent in the same sprint; one active sprint a Scrum board.
        assertTrue(scalar(db, "SELECT COUNT(*) FROM ct_scale_issues WHERE type = 'subtask'") > 100);
        assertEquals(0, scalar(db, "SELECT COUNT(*) FROM ct_scale_issues s JOIN ct_scale_issues p ON s.parent_id = p.id "
                + "WHERE s.type <> 'subtask' OR p.type = 'subtask' OR COALESCE(s.sprint_id, -1) <> COALESCE(p.sprint_id, -1)"));
        assertEquals(4, scalar(db, "SELECT COUNT(*) FROM ct_scale_sprints WHERE state = 'active'"));
        assertEquals(0, scalar(db, "SELECT COUNT(*) FROM ct_scale_issues WHERE status = 'DONE' AND remaining_seconds > 0"));
        assertTrue(console.toString(StandardCharsets.UTF_8).contains("100% 2,440/2,440 people+issues"), console.toString());
    }

    @Test
    void generatedPeopleLogInWithTheirUserNameAsPassword() throws Exception {
        Database db = database();
        generator(db, Scale.SMALL, 1).ensure(ANCHOR);
        UserStore users = new UserStore(db, HASHER);
        assertTrue(users.authenticate("s00007", "s00007").isPresent());
        assertFalse(users.authenticate("s00007", "s00008").isPresent());
    }

    @Test
    void aCompleteDatasetIsRecognisedAndNotRegenerated() throws Exception {
        Database db = database();
        ScaleGenerator.Outcome first = generator(db, Scale.SMALL, 1).ensure(ANCHOR);
        String digest = digest(db);
        // Another anchor on the second start changes nothing: the dataset keeps its own.
        ScaleGenerator.Outcome second = generator(db, Scale.SMALL, 1).ensure(ANCHOR.plusWeeks(1));
        assertFalse(second.generatedNow());
        assertEquals(first.counts(), second.counts());
        assertEquals(ANCHOR, second.anchor());
        assertEquals(digest, digest(db));
    }

    @Test
    void anotherScaleOrSeedIsRefusedAndNothingChanges() throws Exception {
        Database db = database();
        generator(db, Scale.SMALL, 1).ensure(ANCHOR);
        String digest = digest(db);
        IllegalStateException scale = assertThrows(IllegalStateException.class,
                () -> generator(db, Scale.MEDIUM, 1).ensure(ANCHOR));
        assertTrue(scale.getMessage().contains("holds the --scale small dataset")
                && scale.getMessage().contains("Start with --scale small"), scale.getMessage());
        IllegalStateException seed = assertThrows(IllegalStateException.class,
                () -> generator(db, Scale.SMALL, 2).ensure(ANCHOR));
        assertTrue(seed.getMessage().contains("seed 1"), seed.getMessage());
        assertEquals(digest, digest(db));
    }

    @Test
    void theSameSeedGivesTheSameRowsAndAnotherSeedOthers() throws Exception {
        Database db = database();
        generator(db, Scale.SMALL, 1).ensure(ANCHOR);
        String one = digest(db);
        Database again = database();
        generator(again, Scale.SMALL, 1).ensure(ANCHOR);
        assertEquals(one, digest(again));
        Database other = database();
        generator(other, Scale.SMALL, 2).ensure(ANCHOR);
        assertNotEquals(one, digest(other));
    }

    @Test
    void anInterruptedRunIsCompletedToWhatAnUninterruptedOneWrites() throws Exception {
        Database db = database();
        generator(db, Scale.SMALL, 1).ensure(ANCHOR);
        String whole = digest(db);
        Database broken = database();
        // People and two of the four boards committed, then the run dies.
        assertThrows(IllegalStateException.class, () -> generator(broken, Scale.SMALL, 1).interruptAfter(3).ensure(ANCHOR));
        ScaleGenerator.Marker half = ScaleGenerator.marker(broken).orElseThrow();
        assertFalse(half.complete());
        assertEquals(40, half.usersDone());
        assertEquals(2, half.boardsDone());
        // A different scale is refused on the unfinished one too.
        assertThrows(IllegalStateException.class, () -> generator(broken, Scale.MEDIUM, 1).ensure(ANCHOR));
        ScaleGenerator.Outcome resumed = generator(broken, Scale.SMALL, 1).ensure(ANCHOR.plusWeeks(3));
        assertTrue(resumed.resumed());
        assertEquals(ANCHOR, resumed.anchor());
        assertEquals(whole, digest(broken));
        assertTrue(ScaleGenerator.marker(broken).orElseThrow().complete());
    }

    static long scalar(Database db, String sql) {
        return db.inTransaction(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** Every generated row (people without their salted hashes) in a fixed order, hashed. */
    static String digest(Database db) {
        return db.inTransaction(c -> {
            MessageDigest sha;
            try {
                sha = MessageDigest.getInstance("SHA-256");
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            for (String sql : List.of(
                    "SELECT id, pkey, name, lead_key FROM ct_scale_projects ORDER BY id",
                    "SELECT * FROM ct_scale_versions ORDER BY id",
                    "SELECT * FROM ct_scale_boards ORDER BY id",
                    "SELECT * FROM ct_scale_board_members ORDER BY board_id, user_key",
                    "SELECT id, board_id, name, state, start_at, end_at, complete_at, goal FROM ct_scale_sprints ORDER BY id",
                    "SELECT * FROM ct_scale_issues ORDER BY id",
                    "SELECT user_key, username, display_name, email FROM ct_host_users WHERE user_key BETWEEN 's00000' AND 's99999' ORDER BY user_key",
                    "SELECT scale, seed, anchor, complete, issues FROM ct_scale_dataset")) {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                    ResultSetMetaData meta = rs.getMetaData();
                    while (rs.next()) {
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            // Compared within one database only, so each driver's own text form will do.
                            Object v = rs.getObject(i);
                            sha.update(String.valueOf(v).getBytes(StandardCharsets.UTF_8));
                            sha.update((byte) 0);
                        }
                    }
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        });
    }
}
