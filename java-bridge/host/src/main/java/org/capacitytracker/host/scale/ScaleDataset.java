package org.capacitytracker.host.scale;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.capacitytracker.host.db.Database;
import org.capacitytracker.host.jira.DemoData;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A generated dataset as the host's Jira REST resources serve it, and the Capacity Tracker
 * documents that go with it (each board's team, one report over all boards).
 *
 * <p>Nothing of the issues is held in memory: Jira's Java API services read them through
 * {@link JdbcWorkSource}, the Jira REST resources through {@link #backed}'s store.
 */
public final class ScaleDataset {
    private ScaleDataset() {
    }

    /**
     * The dataset as the REST resources serve it: projects, boards, sprints and versions (some
     * 50,000 rows at {@code dcapt}) read now, the issues left in their table and read by
     * indexed queries ({@link JdbcIssueStore}); people stay in the user store.
     */
    public static DemoData backed(Database database) {
        return database.inTransaction(connection -> {
            ScaleSchema.create(connection);
            Map<Long, DemoData.Project> projects = new LinkedHashMap<>();
            projects(connection, p -> projects.put(p.id(), p));
            List<DemoData.Version> versions = new ArrayList<>();
            versions(connection, versions::add);
            List<DemoData.Board> boards = new ArrayList<>();
            boards(connection, projects, boards::add);
            List<DemoData.Sprint> sprints = new ArrayList<>();
            sprints(connection, sprints::add);
            return DemoData.backed(new ArrayList<>(projects.values()), boards, sprints, versions,
                    new JdbcIssueStore(database));
        });
    }

    /** The whole dataset, in memory (the host served it so before {@link #backed}; the tests compare the two). */
    public static DemoData load(Database database) {
        return database.inTransaction(connection -> {
            Map<Long, DemoData.Project> projects = new LinkedHashMap<>();
            projects(connection, p -> projects.put(p.id(), p));
            List<DemoData.Version> versions = new ArrayList<>();
            versions(connection, versions::add);
            List<DemoData.Board> boards = new ArrayList<>();
            boards(connection, projects, boards::add);
            List<DemoData.Sprint> sprints = new ArrayList<>();
            sprints(connection, sprints::add);
            List<DemoData.Issue> issues = new ArrayList<>();
            Map<String, List<Long>> fixVersions = new HashMap<>();
            Map<String, String> people = new HashMap<>();
            query(connection, "SELECT i.id, i.ikey, i.summary, i.assignee, i.type, i.status, i.remaining_seconds, "
                    + "i.original_seconds, i.story_points, p.ikey, i.sprint_id, i.fix_version_id FROM " + ScaleSchema.ISSUES
                    + " i LEFT JOIN " + ScaleSchema.ISSUES + " p ON p.id = i.parent_id ORDER BY i.id", rs -> {
                String key = rs.getString(2);
                String assignee = rs.getString(4);
                long sprint = rs.getLong(11);
                long version = rs.getLong(12);
                boolean hasVersion = !rs.wasNull();
                issues.add(new DemoData.Issue(rs.getLong(1), key, rs.getString(3),
                        assignee == null ? null : people.computeIfAbsent(assignee, a -> a), type(rs.getString(5)),
                        DemoData.Status.valueOf(rs.getString(6)), nullableLong(rs, 7), nullableLong(rs, 8),
                        nullableDouble(rs, 9), rs.getString(10), sprint));
                fixVersions.put(key, hasVersion ? List.of(version) : List.of());
            });
            return DemoData.imported(new ArrayList<>(projects.values()), boards, sprints, issues, versions, fixVersions,
                    List.of());
        });
    }

    /** The projects, by id. */
    static void projects(Connection connection, Consumer<DemoData.Project> out) throws SQLException {
        query(connection, "SELECT id, pkey, name FROM " + ScaleSchema.PROJECTS + " ORDER BY id", rs ->
                out.accept(new DemoData.Project(rs.getLong(1), rs.getString(2), rs.getString(3))));
    }

    /** The versions, by id. */
    static void versions(Connection connection, Consumer<DemoData.Version> out) throws SQLException {
        query(connection, "SELECT id, name, released, start_date, release_date, project_id FROM " + ScaleSchema.VERSIONS
                + " ORDER BY id", rs -> out.accept(new DemoData.Version(rs.getLong(1), rs.getString(2), "",
                rs.getBoolean(3), false, rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class), rs.getLong(6))));
    }

    /** The boards, by id, each with its project from {@code projects}. */
    static void boards(Connection connection, Map<Long, DemoData.Project> projects, Consumer<DemoData.Board> out)
            throws SQLException {
        query(connection, "SELECT id, name, type, project_id FROM " + ScaleSchema.BOARDS + " ORDER BY id", rs ->
                out.accept(new DemoData.Board(rs.getLong(1), rs.getString(2), rs.getString(3), projects.get(rs.getLong(4)))));
    }

    /** The sprints, by id, their times in the dataset's zone. */
    static void sprints(Connection connection, Consumer<DemoData.Sprint> out) throws SQLException {
        query(connection, "SELECT id, name, state, start_at, end_at, complete_at, board_id, goal FROM " + ScaleSchema.SPRINTS
                + " ORDER BY id", rs -> {
            OffsetDateTime complete = rs.getObject(6, OffsetDateTime.class);
            out.accept(new DemoData.Sprint(rs.getLong(1), rs.getString(2), rs.getString(3),
                    rs.getObject(4, OffsetDateTime.class).atZoneSameInstant(ScaleGenerator.ZONE),
                    rs.getObject(5, OffsetDateTime.class).atZoneSameInstant(ScaleGenerator.ZONE),
                    complete == null ? null : complete.atZoneSameInstant(ScaleGenerator.ZONE), rs.getLong(7),
                    rs.getString(8)));
        });
    }

    static DemoData.IssueType type(String type) {
        return switch (type) {
            case "story" -> DemoData.IssueType.STORY;
            case "bug" -> DemoData.IssueType.BUG;
            case "task" -> DemoData.IssueType.TASK;
            case "subtask" -> DemoData.IssueType.SUBTASK;
            default -> throw new IllegalStateException("unknown issue type in the dataset: " + type);
        };
    }

    static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    static Double nullableDouble(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    @FunctionalInterface
    private interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    private static void query(Connection connection, String sql, Row row) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.setFetchSize(10_000);
            try (ResultSet rs = statement.executeQuery(sql)) {
                while (rs.next()) {
                    row.read(rs);
                }
            }
        }
    }

    /** A Capacity Tracker document to write through the engine: board settings or a report definition. */
    public record Document(boolean report, String id, String json) {
    }

    /** The id of the saved report over every board of the dataset. */
    public static final String REPORT_ID = "scale-all-boards";

    /**
     * Each board's team as Capacity Tracker settings (the generated members, roles, daily hours
     * and allocations; original estimates in hours), then one report over all boards for the
     * dataset's year, by person and month.
     */
    public static List<Document> documents(Database database) {
        ScaleGenerator.Marker marker = ScaleGenerator.marker(database)
                .orElseThrow(() -> new IllegalStateException("the database holds no generated dataset"));
        ScaleGenerator.Plan plan = new ScaleGenerator.Plan(marker.scale(), marker.seed(), marker.anchor());
        ObjectMapper json = new ObjectMapper();
        List<Document> docs = new ArrayList<>();
        ObjectNode report = json.createObjectNode();
        report.put("name", "All boards (" + marker.scale().id() + " dataset)");
        ArrayNode boardIds = report.putArray("boardIds");
        report.putArray("projectKeys");
        for (int b = 0; b < marker.scale().boards; b++) {
            ObjectNode settings = json.createObjectNode();
            settings.put("unit", "hours");
            // Original estimates: done work keeps its size, so a report over the past year shows
            // the load the teams carried, not only what is left of it.
            settings.put("estimateSource", "original");
            settings.put("subtaskPolicy", "subtasks");
            settings.put("timeZone", ScaleGenerator.ZONE.getId());
            ArrayNode members = settings.putArray("members");
            for (ScaleGenerator.Plan.Member m : plan.team(b)) {
                ObjectNode member = members.addObject();
                member.put("accountKey", m.userKey());
                member.put("role", m.role());
                member.put("dailyCapacity", m.dailyCapacity());
                member.put("allocation", m.allocation());
            }
            String id = Long.toString(ScaleGenerator.Plan.boardId(b));
            docs.add(new Document(false, id, settings.toString()));
            boardIds.add(id);
        }
        ObjectNode period = report.putObject("period");
        period.put("start", plan.versionEnd(-1).plusDays(1).toString());
        period.put("end", plan.versionEnd(ScaleGenerator.VERSIONS_PER_PROJECT - 1).toString());
        report.put("bucket", "month");
        report.put("grouping", "person");
        docs.add(new Document(true, REPORT_ID, report.toString()));
        return docs;
    }
}
