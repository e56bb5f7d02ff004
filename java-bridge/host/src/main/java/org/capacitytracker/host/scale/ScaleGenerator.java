package org.capacitytracker.host.scale;

import org.capacitytracker.host.auth.HostUser;
import org.capacitytracker.host.auth.PasswordHasher;
import org.capacitytracker.host.auth.UserStore;
import org.capacitytracker.host.db.Database;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Fills the database with a {@link Scale}'s dataset: projects with four versions each, boards
 * (four in five Scrum, with a year of two-week sprints: closed, one active, future), people
 * who log in with their user name as password, each on one to three boards' teams, and
 * issues with sub-tasks, estimates, story points, sprints and fix versions.
 *
 * <p>Deterministic: every board's content comes from its own random stream derived from the
 * seed, and ids and issue numbers are arithmetic, so a run resumed half-way writes what an
 * uninterrupted one would. Each chunk (1,000 people, or one board with its members, sprints
 * and issues) is one transaction of JDBC batches that also advances the progress in
 * {@link ScaleSchema#DATASET}; a run stopped anywhere resumes at the first chunk not
 * committed. A completed dataset is recognised by that row and left alone; a database holding
 * another scale or seed is refused.
 */
public final class ScaleGenerator {
    /** Sprints per Scrum board: a year of two weeks; the 21st is active, 20 before it closed. */
    static final int SPRINTS_PER_BOARD = 26;
    static final int ACTIVE_SPRINT = 20;
    static final int VERSIONS_PER_PROJECT = 4;
    static final int USER_CHUNK = 1_000;
    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    static final long PROJECT_ID_BASE = 20_000;
    static final long VERSION_ID_BASE = 30_000;
    static final long BOARD_ID_BASE = 1_000;
    static final long SPRINT_ID_BASE = 100_000;
    static final long ISSUE_ID_BASE = 1_000_000;

    private static final String[] FIRST = {"Ada", "Ben", "Chloe", "Dmitri", "Elif", "Femi", "Gita", "Hugo", "Ines", "Jonas",
            "Kenji", "Lena", "Mateo", "Nadia", "Omar", "Priya", "Quinn", "Rosa", "Sven", "Tara", "Umar", "Vera", "Wei", "Yara"};
    private static final String[] LAST = {"Adler", "Baptiste", "Costa", "Dubois", "Eriksen", "Fischer", "Garcia", "Haddad",
            "Ito", "Jensen", "Kowalski", "Larsen", "Moreau", "Novak", "Okafor", "Petrov", "Quist", "Rossi", "Silva", "Tanaka"};
    private static final String[] ROLES = {"Developer", "Developer", "Developer", "Developer", "Developer", "Developer",
            "Developer", "QA", "QA", "Designer"};
    private static final double[] DAILY = {5, 6, 6, 7, 8};
    private static final double[] POINTS = {1, 2, 3, 5, 8};

    /** What a run found and did, for the start-up lines and tests. */
    public record Outcome(Scale scale, long seed, LocalDate anchor, boolean generatedNow, boolean resumed,
                          Counts counts, double seconds) {
    }

    /** The rows of a complete dataset (users: generated people, not the admin). */
    public record Counts(int projects, int boards, int users, int sprints, int versions, int issues, int members) {
    }

    private final Database database;
    private final Scale scale;
    private final long seed;
    private final PrintStream out;
    private final boolean terminal;
    private final PasswordHasher hasher;

    /** Tests: stop with an exception after this many committed chunks, as a killed run would. */
    private int interruptAfterChunks = -1;

    ScaleGenerator interruptAfter(int chunks) {
        this.interruptAfterChunks = chunks;
        return this;
    }

    private void chunkCommitted() {
        if (interruptAfterChunks > 0 && --interruptAfterChunks == 0) {
            throw new IllegalStateException("generation interrupted (test)");
        }
    }

    public ScaleGenerator(Database database, Scale scale, long seed, PasswordHasher hasher, PrintStream out, boolean terminal) {
        this.database = database;
        this.scale = scale;
        this.seed = seed;
        this.hasher = hasher;
        this.out = out;
        this.terminal = terminal;
    }

    /** The dataset marker of {@code database}, if it holds (part of) one. */
    public static Optional<Marker> marker(Database database) {
        return database.inTransaction(connection -> {
            ScaleSchema.create(connection);
            return readMarker(connection);
        });
    }

    /** The row of {@link ScaleSchema#DATASET}. */
    public record Marker(Scale scale, long seed, LocalDate anchor, int usersDone, int boardsDone, boolean complete,
                         Counts counts) {
    }

    /**
     * Makes sure the database holds this scale's dataset: generates it, finishes an interrupted
     * run, or recognises a complete one. {@code anchor} (a Monday: the active sprint's start) is
     * used only when nothing is there yet; a dataset keeps the anchor it was made with.
     *
     * @throws IllegalStateException when the database holds another scale or seed
     */
    public Outcome ensure(LocalDate anchor) {
        if (anchor.getDayOfWeek() != DayOfWeek.MONDAY) {
            throw new IllegalArgumentException("the dataset's anchor must be a Monday, got " + anchor);
        }
        long start = System.nanoTime();
        new UserStore(database, hasher);
        Marker marker = database.inTransaction(connection -> {
            ScaleSchema.create(connection);
            Optional<Marker> found = readMarker(connection);
            if (found.isPresent()) {
                Marker m = found.get();
                if (m.scale() != scale || m.seed() != seed) {
                    throw new IllegalStateException("this database holds the --scale " + m.scale().id() + " dataset (seed "
                            + m.seed() + (m.complete() ? "" : ", generation unfinished") + "), not --scale " + scale.id()
                            + " (seed " + seed + "). Start with --scale " + m.scale().id()
                            + ", or give this dataset its own --data-dir (or database)");
                }
                return m;
            }
            insertMarker(connection, anchor);
            insertProjects(connection, anchor);
            return readMarker(connection).orElseThrow();
        });
        if (marker.complete()) {
            return new Outcome(scale, seed, marker.anchor(), false, false, marker.counts(), seconds(start));
        }
        boolean resumed = marker.usersDone() > 0 || marker.boardsDone() > 0;
        if (resumed) {
            out.println("  Dataset: resuming the unfinished --scale " + scale.id() + " dataset (" + marker.usersDone() + " of "
                    + scale.users + " people, " + marker.boardsDone() + " of " + scale.boards + " boards written)");
        } else {
            out.println(String.format(java.util.Locale.ROOT, "  Dataset: generating --scale %s (%,d projects, %,d boards, "
                    + "%,d people, %,d issues; seed %d)", scale.id(), scale.projects, scale.boards, scale.users, scale.issues, seed));
        }
        LocalDate datasetAnchor = marker.anchor();
        Plan plan = new Plan(scale, seed, datasetAnchor);
        ProgressBar bar = new ProgressBar(out, terminal, "people+issues", (long) scale.users + scale.issues);
        long[] rows = {0};
        long done = marker.usersDone() + plan.issuesBefore(marker.boardsDone());
        for (int from = marker.usersDone(); from < scale.users; from += USER_CHUNK) {
            int to = Math.min(scale.users, from + USER_CHUNK);
            List<UserStore.NewUser> people = plan.users(from, to, hasher);
            int f = from;
            database.inTransaction(connection -> {
                UserStore.insertAll(connection, people);
                advance(connection, "users_done", f, to);
                return null;
            });
            rows[0] += 2L * (to - from);
            done += to - from;
            bar.update(done, rows[0]);
            chunkCommitted();
        }
        for (int b = marker.boardsDone(); b < scale.boards; b++) {
            int board = b;
            long written = database.inTransaction(connection -> {
                long n = plan.writeBoard(connection, board);
                advance(connection, "boards_done", board, board + 1);
                return n;
            });
            rows[0] += written;
            done += plan.issuesOf(b);
            bar.update(done, rows[0]);
            chunkCommitted();
        }
        Counts counts = database.inTransaction(connection -> {
            Counts c = count(connection);
            try (PreparedStatement update = connection.prepareStatement("UPDATE " + ScaleSchema.DATASET
                    + " SET complete = ?, projects = ?, boards = ?, users = ?, sprints = ?, versions = ?, issues = ?, "
                    + "members = ? WHERE id = 1")) {
                update.setBoolean(1, true);
                update.setInt(2, c.projects());
                update.setInt(3, c.boards());
                update.setInt(4, c.users());
                update.setInt(5, c.sprints());
                update.setInt(6, c.versions());
                update.setInt(7, c.issues());
                update.setInt(8, c.members());
                update.executeUpdate();
            }
            return c;
        });
        return new Outcome(scale, seed, datasetAnchor, true, resumed, counts, seconds(start));
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** Moves a progress column from {@code from} to {@code to}; fails if another writer moved it. */
    private static void advance(Connection connection, String column, int from, int to) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE " + ScaleSchema.DATASET + " SET " + column + " = ? WHERE id = 1 AND " + column + " = ?")) {
            update.setInt(1, to);
            update.setInt(2, from);
            if (update.executeUpdate() != 1) {
                throw new IllegalStateException("the dataset's " + column + " changed under the generator "
                        + "(another host generating into the same database?)");
            }
        }
    }

    private void insertMarker(Connection connection, LocalDate anchor) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + ScaleSchema.DATASET
                + " (id, scale, seed, anchor, users_done, boards_done, complete) VALUES (1, ?, ?, ?, 0, 0, ?)")) {
            insert.setString(1, scale.id());
            insert.setLong(2, seed);
            insert.setObject(3, anchor);
            insert.setBoolean(4, false);
            insert.executeUpdate();
        }
    }

    private static Optional<Marker> readMarker(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT scale, seed, anchor, users_done, boards_done, complete, projects, "
                     + "boards, users, sprints, versions, issues, members FROM " + ScaleSchema.DATASET + " WHERE id = 1")) {
            if (!rs.next()) {
                return Optional.empty();
            }
            Counts counts = rs.getBoolean(6) ? new Counts(rs.getInt(7), rs.getInt(8), rs.getInt(9), rs.getInt(10),
                    rs.getInt(11), rs.getInt(12), rs.getInt(13)) : null;
            return Optional.of(new Marker(Scale.parse(rs.getString(1)), rs.getLong(2), rs.getObject(3, LocalDate.class),
                    rs.getInt(4), rs.getInt(5), rs.getBoolean(6), counts));
        }
    }

    /** Counts the dataset's rows as stored (not as planned), so the marker states what is there. */
    static Counts count(Connection connection) throws SQLException {
        return new Counts(countOf(connection, ScaleSchema.PROJECTS), countOf(connection, ScaleSchema.BOARDS),
                countOf(connection, "ct_host_users WHERE " + Plan.GENERATED_USERS),
                countOf(connection, ScaleSchema.SPRINTS), countOf(connection, ScaleSchema.VERSIONS),
                countOf(connection, ScaleSchema.ISSUES), countOf(connection, ScaleSchema.MEMBERS));
    }

    private static int countOf(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private void insertProjects(Connection connection, LocalDate anchor) throws SQLException {
        Plan plan = new Plan(scale, seed, anchor);
        try (PreparedStatement project = connection.prepareStatement(
                "INSERT INTO " + ScaleSchema.PROJECTS + " (id, pkey, name, lead_key) VALUES (?, ?, ?, ?)");
             PreparedStatement version = connection.prepareStatement("INSERT INTO " + ScaleSchema.VERSIONS
                     + " (id, project_id, name, released, start_date, release_date) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (int p = 0; p < scale.projects; p++) {
                project.setLong(1, PROJECT_ID_BASE + p);
                project.setString(2, Plan.projectKey(p));
                project.setString(3, "Scale project " + Plan.projectKey(p));
                project.setString(4, Plan.userKey(p % scale.users));
                project.addBatch();
                for (int q = 0; q < VERSIONS_PER_PROJECT; q++) {
                    LocalDate releaseDate = plan.versionEnd(q);
                    version.setLong(1, Plan.versionId(p, q));
                    version.setLong(2, PROJECT_ID_BASE + p);
                    version.setString(3, Plan.projectKey(p) + " " + (q + 1) + ".0");
                    version.setBoolean(4, releaseDate.isBefore(anchor));
                    version.setObject(5, plan.versionEnd(q - 1).plusDays(1));
                    version.setObject(6, releaseDate);
                    version.addBatch();
                }
            }
            project.executeBatch();
            version.executeBatch();
        }
    }

    /** The arithmetic of the dataset: ids, keys, who is on which board, each board's rows. */
    static final class Plan {
        static final String USER_PREFIX = "s";
        /** The generated people among the host's users (s00001...; never a name such as "sam"). */
        static final String GENERATED_USERS = "user_key BETWEEN 's00000' AND 's99999'";

        private final Scale scale;
        private final long seed;
        private final LocalDate anchor;
        /** The first sprint's Monday; the year of sprints starts here. */
        private final LocalDate yearStart;
        private List<List<int[]>> members;

        Plan(Scale scale, long seed, LocalDate anchor) {
            this.scale = scale;
            this.seed = seed;
            this.anchor = anchor;
            this.yearStart = anchor.minusWeeks(2L * ACTIVE_SPRINT);
        }

        static String projectKey(int p) {
            return "S" + (char) ('A' + p / 676) + (char) ('A' + p / 26 % 26) + (char) ('A' + p % 26);
        }

        static String userKey(int u) {
            return USER_PREFIX + String.format("%05d", u + 1);
        }

        static long versionId(int p, int q) {
            return VERSION_ID_BASE + (long) p * VERSIONS_PER_PROJECT + q;
        }

        static long boardId(int b) {
            return BOARD_ID_BASE + b + 1;
        }

        static long sprintId(int b, int k) {
            return SPRINT_ID_BASE + (long) b * SPRINTS_PER_BOARD + k;
        }

        /** Board {@code b}'s project: the first {@code projects} boards one each, the rest a second board. */
        int projectOf(int b) {
            return b % scale.projects;
        }

        static boolean scrum(int b) {
            return b % 5 != 4;
        }

        /** The last day of version {@code q}: the year cut into quarters of 13 weeks. */
        LocalDate versionEnd(int q) {
            return yearStart.plusWeeks(13L * (q + 1)).minusDays(1);
        }

        int issuesOf(int b) {
            return scale.issues / scale.boards + (b < scale.issues % scale.boards ? 1 : 0);
        }

        long issuesBefore(int b) {
            return (long) b * (scale.issues / scale.boards) + Math.min(b, scale.issues % scale.boards);
        }

        List<UserStore.NewUser> users(int from, int to, PasswordHasher hasher) {
            List<UserStore.NewUser> out = new ArrayList<>(to - from);
            for (int u = from; u < to; u++) {
                String key = userKey(u);
                String name = FIRST[u % FIRST.length] + " " + LAST[u / FIRST.length % LAST.length];
                out.add(new UserStore.NewUser(key, key, name + " (" + key + ")", key + "@scale.example.com",
                        hasher.hashPublishedPassword(key), java.util.Set.of(HostUser.SOFTWARE_USERS)));
            }
            return out;
        }

        /**
         * Who is on which board, as {@code {user, role, dailyCapacity index, allocation}}: user
         * {@code u}'s first board is {@code u mod boards}; a third of people are on one more
         * board, a third on two more, and those booked across boards may add up above 100 %.
         */
        synchronized List<List<int[]>> members() {
            if (members == null) {
                List<List<int[]>> byBoard = new ArrayList<>(scale.boards);
                for (int b = 0; b < scale.boards; b++) {
                    byBoard.add(new ArrayList<>());
                }
                for (int u = 0; u < scale.users; u++) {
                    SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + u);
                    int extra = Math.min(r.nextInt(3), scale.boards - 1);
                    int role = r.nextInt(ROLES.length);
                    int daily = r.nextInt(DAILY.length);
                    int first = u % scale.boards;
                    byBoard.get(first).add(new int[] {u, role, daily, extra == 0 ? 100 : 50});
                    List<Integer> taken = new ArrayList<>(List.of(first));
                    while (taken.size() < extra + 1) {
                        int b = r.nextInt(scale.boards);
                        if (!taken.contains(b)) {
                            taken.add(b);
                            byBoard.get(b).add(new int[] {u, role, daily, r.nextBoolean() ? 50 : 25});
                        }
                    }
                }
                members = byBoard;
            }
            return members;
        }

        /** The team of board {@code b} for the Capacity Tracker settings: key, role, daily hours, allocation. */
        List<Member> team(int b) {
            List<Member> team = new ArrayList<>();
            for (int[] m : members().get(b)) {
                team.add(new Member(userKey(m[0]), ROLES[m[1]], DAILY[m[2]], m[3]));
            }
            return team;
        }

        record Member(String userKey, String role, double dailyCapacity, int allocation) {
        }

        /** Writes board {@code b}: the board, its members, its sprints and issues; the number of rows. */
        long writeBoard(Connection connection, int b) throws SQLException {
            SplittableRandom r = new SplittableRandom(seed * 0x2545F4914F6CDD1DL + 31L * b + 7);
            int p = projectOf(b);
            long projectId = PROJECT_ID_BASE + p;
            long rows = 0;
            try (PreparedStatement board = connection.prepareStatement("INSERT INTO " + ScaleSchema.BOARDS
                    + " (id, name, type, project_id, filter_project_id) VALUES (?, ?, ?, ?, ?)")) {
                board.setLong(1, boardId(b));
                board.setString(2, projectKey(p) + (b >= scale.projects ? " support" : "") + (scrum(b) ? " Scrum" : " Kanban")
                        + " board");
                board.setString(3, scrum(b) ? "scrum" : "kanban");
                board.setLong(4, projectId);
                board.setLong(5, projectId);
                board.executeUpdate();
                rows++;
            }
            List<Member> team = team(b);
            try (PreparedStatement member = connection.prepareStatement("INSERT INTO " + ScaleSchema.MEMBERS
                    + " (board_id, user_key, role, daily_capacity, allocation) VALUES (?, ?, ?, ?, ?)")) {
                for (Member m : team) {
                    member.setLong(1, boardId(b));
                    member.setString(2, m.userKey());
                    member.setString(3, m.role());
                    member.setDouble(4, m.dailyCapacity());
                    member.setInt(5, m.allocation());
                    member.addBatch();
                }
                member.executeBatch();
                rows += team.size();
            }
            if (scrum(b)) {
                try (PreparedStatement sprint = connection.prepareStatement("INSERT INTO " + ScaleSchema.SPRINTS
                        + " (id, board_id, name, state, start_at, end_at, complete_at, goal) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                    for (int k = 0; k < SPRINTS_PER_BOARD; k++) {
                        LocalDate start = yearStart.plusWeeks(2L * k);
                        OffsetDateTime startAt = start.atTime(LocalTime.of(9, 0)).atZone(ZONE).toOffsetDateTime();
                        OffsetDateTime endAt = start.plusDays(11).atTime(LocalTime.of(17, 0)).atZone(ZONE).toOffsetDateTime();
                        String state = k < ACTIVE_SPRINT ? "closed" : k == ACTIVE_SPRINT ? "active" : "future";
                        sprint.setLong(1, sprintId(b, k));
                        sprint.setLong(2, boardId(b));
                        sprint.setString(3, projectKey(p) + (b >= scale.projects ? "s" : "") + " Sprint " + (k + 1));
                        sprint.setString(4, state);
                        sprint.setObject(5, startAt);
                        sprint.setObject(6, endAt);
                        if (state.equals("closed")) {
                            sprint.setObject(7, endAt.plusMinutes(30));
                        } else {
                            sprint.setNull(7, Types.TIMESTAMP_WITH_TIMEZONE);
                        }
                        sprint.setString(8, "Sprint goal " + (k + 1));
                        sprint.addBatch();
                    }
                    sprint.executeBatch();
                    rows += SPRINTS_PER_BOARD;
                }
            }
            rows += writeIssues(connection, b, r, team);
            return rows;
        }

        private long writeIssues(Connection connection, int b, SplittableRandom r, List<Member> team) throws SQLException {
            int count = issuesOf(b);
            int p = projectOf(b);
            long id = ISSUE_ID_BASE + issuesBefore(b);
            // Issue numbers run on per project: a second board's issues follow the first's.
            int number = 1 + (b >= scale.projects ? issuesOf(b - scale.projects) : 0);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + ScaleSchema.ISSUES
                    + " (id, ikey, project_id, summary, type, parent_id, assignee, status, status_category, remaining_seconds, "
                    + "original_seconds, story_points, sprint_id, fix_version_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                int written = 0;
                while (written < count) {
                    // A parent, then up to two sub-tasks in its sprint.
                    int sprint = scrum(b) && r.nextInt(10) != 0 ? r.nextInt(SPRINTS_PER_BOARD) : -1;
                    int subtasks = Math.min(r.nextInt(3), count - written - 1);
                    String[] types = {"story", "story", "task", "bug"};
                    long parentId = id;
                    for (int i = 0; i <= subtasks; i++) {
                        boolean sub = i > 0;
                        String type = sub ? "subtask" : types[r.nextInt(types.length)];
                        String status = status(r, sprint);
                        Long original = r.nextInt(10) == 0 ? null : 3600L * (sub ? 1 + r.nextInt(8) : 2 + r.nextInt(23));
                        Long remaining = original == null ? null : status.equals("DONE") ? 0L
                                : status.equals("IN_PROGRESS") ? original * (1 + r.nextInt(9)) / 10 : original;
                        insert.setLong(1, id);
                        insert.setString(2, projectKey(p) + "-" + number);
                        insert.setLong(3, PROJECT_ID_BASE + p);
                        insert.setString(4, (sub ? "Sub-task " + i + " of " : "") + summary(r) + " #" + number);
                        insert.setString(5, type);
                        setLong(insert, 6, sub ? Long.valueOf(parentId) : null);
                        insert.setString(7, team.isEmpty() || r.nextInt(20) == 0 ? null
                                : team.get(r.nextInt(team.size())).userKey());
                        insert.setString(8, status);
                        insert.setString(9, status.equals("DONE") ? "done" : status.equals("IN_PROGRESS") ? "indeterminate" : "new");
                        setLong(insert, 10, remaining);
                        setLong(insert, 11, original);
                        if (!sub && type.equals("story")) {
                            insert.setDouble(12, POINTS[r.nextInt(POINTS.length)]);
                        } else {
                            insert.setNull(12, Types.DOUBLE);
                        }
                        setLong(insert, 13, sprint < 0 ? null : Long.valueOf(sprintId(b, sprint)));
                        setLong(insert, 14, sprint < 0 ? (r.nextBoolean() ? Long.valueOf(versionId(p, VERSIONS_PER_PROJECT - 1)) : null)
                                : Long.valueOf(versionId(p, Math.min(VERSIONS_PER_PROJECT - 1, sprint * 2 / 13))));
                        insert.addBatch();
                        id++;
                        number++;
                        written++;
                    }
                    if (written % 500 < 3) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
                return count;
            }
        }

        private static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
            if (value == null) {
                statement.setNull(index, Types.BIGINT);
            } else {
                statement.setLong(index, value);
            }
        }

        /** Closed sprints' work is mostly done, the active sprint's mixed, the rest to do. */
        private static String status(SplittableRandom r, int sprint) {
            if (sprint < 0 || sprint > ACTIVE_SPRINT) {
                return "TO_DO";
            }
            int roll = r.nextInt(10);
            if (sprint < ACTIVE_SPRINT) {
                return roll == 0 ? "IN_PROGRESS" : "DONE";
            }
            return roll < 3 ? "DONE" : roll < 6 ? "IN_PROGRESS" : "TO_DO";
        }

        private static final String[] VERBS = {"Add", "Fix", "Refactor", "Document", "Test", "Speed up", "Migrate", "Review"};
        private static final String[] OBJECTS = {"login flow", "report export", "search index", "billing job", "audit log",
                "settings page", "API client", "notification queue", "dashboard", "import wizard"};

        private static String summary(SplittableRandom r) {
            return VERBS[r.nextInt(VERBS.length)] + " " + OBJECTS[r.nextInt(OBJECTS.length)];
        }
    }
}
