package org.capacitytracker.host.scale;

import org.capacitytracker.host.auth.HostUser;
import org.capacitytracker.host.db.Database;
import org.capacitytracker.host.jira.DemoData;
import org.capacitytracker.host.jira.JiraWorkSource;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@link JiraWorkSource} over a generated dataset's tables, read where it lies: the issues
 * (a million at {@code dcapt}) are never held in memory, each sprint's or version's are one
 * indexed query streamed with a fetch size. What is small — projects, boards, sprints and
 * versions, some 50,000 rows at {@code dcapt} — is read once at construction and cached,
 * since the dataset does not change while the host runs (only {@code generate} writes it).
 *
 * <p>Every query runs on a pooled connection of the host's {@link Database}; the answers are
 * the ones the in-memory {@code DemoWorkSource} gave over the same dataset (the tests prove
 * it), in the same order: boards, sprints, versions and issues by id.
 */
public final class JdbcWorkSource implements JiraWorkSource {
    /** Rows a round trip brings: a sprint holds tens of issues, a version a few hundred. */
    static final int FETCH_SIZE = 1_000;

    /**
     * The issue columns a report reads, with the parent's key. A correlated lookup by primary
     * key rather than a join: PostgreSQL would hash-join a small table by scanning it, and the
     * plan must stay an index read of the sprint's rows at any size.
     */
    static final String ISSUE_COLUMNS = "SELECT i.id, i.ikey, i.project_id, i.assignee, i.status_category, "
            + "i.remaining_seconds, i.original_seconds, i.story_points, (SELECT p.ikey FROM " + ScaleSchema.ISSUES
            + " p WHERE p.id = i.parent_id), i.type, i.sprint_id FROM " + ScaleSchema.ISSUES + " i";
    static final String BY_SPRINT = ISSUE_COLUMNS + " WHERE i.sprint_id = ? ORDER BY i.id";
    /** Most sprints one {@link #bySprints} statement names: longer lists run as several. */
    static final int SPRINTS_PER_QUERY = 500;
    static final String BY_VERSION = ISSUE_COLUMNS + " WHERE i.fix_version_id = ? ORDER BY i.id";
    static final String BY_KEY = ISSUE_COLUMNS + " WHERE i.ikey = ?";
    // The (project_id, status) index's leading column.
    static final String BY_PROJECT = ISSUE_COLUMNS + " WHERE i.project_id = ? ORDER BY i.id";

    private final Database database;
    private final Map<Long, DemoData.Project> projects;
    private final List<DemoData.Board> boards;
    private final Map<Long, DemoData.Board> boardsById;
    private final Map<Long, List<DemoData.Sprint>> sprintsByBoard;
    private final Map<Long, List<DemoData.Version>> versionsByProject;

    /**
     * Reads the dataset's small tables (and adds any index this source needs that an older
     * dataset lacks).
     *
     * @param database a database holding a generated dataset
     */
    public JdbcWorkSource(Database database) {
        this.database = database;
        Map<Long, DemoData.Project> projects = new LinkedHashMap<>();
        List<DemoData.Board> boards = new ArrayList<>();
        Map<Long, List<DemoData.Sprint>> sprints = new HashMap<>();
        Map<Long, List<DemoData.Version>> versions = new HashMap<>();
        database.inTransaction(connection -> {
            ScaleSchema.create(connection);
            ScaleDataset.projects(connection, p -> projects.put(p.id(), p));
            ScaleDataset.boards(connection, projects, boards::add);
            ScaleDataset.sprints(connection, s -> sprints.computeIfAbsent(s.boardId(), k -> new ArrayList<>()).add(s));
            ScaleDataset.versions(connection, v -> versions.computeIfAbsent(v.projectId(), k -> new ArrayList<>()).add(v));
            return null;
        });
        this.projects = Map.copyOf(projects);
        this.boards = List.copyOf(boards);
        Map<Long, DemoData.Board> byId = new HashMap<>();
        boards.forEach(b -> byId.put(b.id(), b));
        this.boardsById = Map.copyOf(byId);
        sprints.replaceAll((k, v) -> List.copyOf(v));
        versions.replaceAll((k, v) -> List.copyOf(v));
        this.sprintsByBoard = Map.copyOf(sprints);
        this.versionsByProject = Map.copyOf(versions);
    }

    @Override
    public List<DemoData.Board> boards() {
        return boards;
    }

    @Override
    public Optional<DemoData.Board> board(long boardId) {
        return Optional.ofNullable(boardsById.get(boardId));
    }

    @Override
    public List<DemoData.Sprint> sprints(long boardId) {
        return sprintsByBoard.getOrDefault(boardId, List.of());
    }

    @Override
    public List<DemoData.Version> versions(long projectId) {
        return versionsByProject.getOrDefault(projectId, List.of());
    }

    @Override
    public void sprintIssues(long sprintId, Consumer<WorkIssue> out) {
        stream(BY_SPRINT, sprintId, out);
    }

    /**
     * One query over the sprint index for up to {@link #SPRINTS_PER_QUERY} sprints (JQL
     * {@code sprint in (...)}: a Scrum board's sprints in one search rather than one each).
     * An issue is in one sprint here, so no issue comes twice.
     */
    @Override
    public void sprintsIssues(List<Long> sprintIds, Consumer<WorkIssue> out) {
        List<Long> ids = List.copyOf(new java.util.LinkedHashSet<>(sprintIds));
        for (int from = 0; from < ids.size(); from += SPRINTS_PER_QUERY) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + SPRINTS_PER_QUERY));
            database.inTransaction(connection -> {
                try (PreparedStatement statement = connection.prepareStatement(bySprints(chunk.size()))) {
                    for (int i = 0; i < chunk.size(); i++) {
                        statement.setLong(i + 1, chunk.get(i));
                    }
                    read(statement, out);
                }
                return null;
            });
        }
    }

    /** The issues of {@code count} sprints, bound as parameters, in id order. */
    static String bySprints(int count) {
        return ISSUE_COLUMNS + " WHERE i.sprint_id IN (" + String.join(", ", java.util.Collections.nCopies(count, "?"))
                + ") ORDER BY i.id";
    }

    @Override
    public void versionIssues(long versionId, Consumer<WorkIssue> out) {
        stream(BY_VERSION, versionId, out);
    }

    @Override
    public void projectIssues(long projectId, Consumer<WorkIssue> out) {
        stream(BY_PROJECT, projectId, out);
    }

    @Override
    public Optional<WorkIssue> issue(String key) {
        List<WorkIssue> found = new ArrayList<>(1);
        database.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(BY_KEY)) {
                statement.setString(1, key.toUpperCase(Locale.ROOT));
                read(statement, found::add);
            }
            return null;
        });
        return found.stream().findFirst();
    }

    /** A generated dataset's projects are browsable by every Jira Software user, as in the in-memory load. */
    @Override
    public Set<String> browseGroups(String projectKey) {
        return Set.of(HostUser.SOFTWARE_USERS, HostUser.ADMINISTRATORS);
    }

    /**
     * One query for a sprint's or version's issues. The consumer runs while the rows stream
     * (inside the transaction: PostgreSQL streams with a fetch size only with autocommit off).
     */
    private void stream(String sql, long id, Consumer<WorkIssue> out) {
        database.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setLong(1, id);
                read(statement, out);
            }
            return null;
        });
    }

    private void read(PreparedStatement statement, Consumer<WorkIssue> out) throws SQLException {
        statement.setFetchSize(FETCH_SIZE);
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                DemoData.Project project = projects.get(rs.getLong(3));
                out.accept(new WorkIssue(rs.getLong(1), rs.getString(2), project == null ? null : project.key(),
                        rs.getString(4), rs.getString(5), ScaleDataset.nullableLong(rs, 6),
                        ScaleDataset.nullableLong(rs, 7), ScaleDataset.nullableDouble(rs, 8), rs.getString(9),
                        "subtask".equals(rs.getString(10)), ScaleDataset.nullableLong(rs, 11)));
            }
        }
    }

    /** The statements this source runs for issues, for plan checks: each takes one parameter. */
    static List<String> issueQueries() {
        return List.of(BY_SPRINT, BY_VERSION, BY_KEY);
    }
}
