package org.capacitytracker.host.scale;

import org.capacitytracker.host.db.Database;
import org.capacitytracker.host.jira.DemoData;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A generated dataset's issues for the Jira REST resources, read by indexed queries: by
 * sprint, project, assignee, fix version, parent, key and id (the indexes of
 * {@link ScaleSchema}). Nothing is held but the fix version of the issues recently read,
 * which the issue JSON asks for right after the query that found them.
 */
final class JdbcIssueStore implements DemoData.IssueStore {
    private static final String COLUMNS = "SELECT i.id, i.ikey, i.summary, i.assignee, i.type, i.status, "
            + "i.remaining_seconds, i.original_seconds, i.story_points, (SELECT p.ikey FROM " + ScaleSchema.ISSUES
            + " p WHERE p.id = i.parent_id), i.sprint_id, i.fix_version_id FROM " + ScaleSchema.ISSUES + " i";
    static final String BY_SPRINT = COLUMNS + " WHERE i.sprint_id = ? ORDER BY i.id";
    static final String BY_PROJECT = COLUMNS + " WHERE i.project_id = ? ORDER BY i.id";
    static final String BY_ASSIGNEE = COLUMNS + " WHERE i.assignee = ? ORDER BY i.id";
    static final String BY_VERSION = COLUMNS + " WHERE i.fix_version_id = ? ORDER BY i.id";
    static final String BY_PARENT = COLUMNS + " WHERE i.parent_id = (SELECT q.id FROM " + ScaleSchema.ISSUES
            + " q WHERE q.ikey = ?) ORDER BY i.id";
    static final String BY_KEY = COLUMNS + " WHERE i.ikey = ?";
    static final String BY_ID = COLUMNS + " WHERE i.id = ?";
    /** Entries of the fix version memo before it is emptied (a page of issues needs a few hundred). */
    private static final int MEMO_LIMIT = 100_000;

    private final Database database;
    /** Issue id → fix version id (-1: none), for the issues read lately. */
    private final Map<Long, Long> fixVersions = new ConcurrentHashMap<>();

    JdbcIssueStore(Database database) {
        this.database = database;
    }

    @Override
    public List<DemoData.Issue> inSprint(long sprintId) {
        return query(BY_SPRINT, sprintId);
    }

    @Override
    public List<DemoData.Issue> inProject(long projectId) {
        return query(BY_PROJECT, projectId);
    }

    @Override
    public List<DemoData.Issue> byAssignee(String userKey) {
        return query(BY_ASSIGNEE, userKey);
    }

    @Override
    public List<DemoData.Issue> byFixVersion(long versionId) {
        return query(BY_VERSION, versionId);
    }

    @Override
    public List<DemoData.Issue> subtasksOf(String parentKey) {
        return query(BY_PARENT, parentKey);
    }

    @Override
    public Optional<DemoData.Issue> byKey(String key) {
        return query(BY_KEY, key).stream().findFirst();
    }

    @Override
    public Optional<DemoData.Issue> byId(long id) {
        return query(BY_ID, id).stream().findFirst();
    }

    @Override
    public List<Long> fixVersionIds(DemoData.Issue issue) {
        Long version = fixVersions.get(issue.id());
        if (version == null) {
            // Read longer ago than the memo keeps: read it again.
            byId(issue.id());
            version = fixVersions.getOrDefault(issue.id(), -1L);
        }
        return version < 0 ? List.of() : List.of(version);
    }

    private List<DemoData.Issue> query(String sql, Object parameter) {
        return database.inTransaction(connection -> {
            List<DemoData.Issue> out = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setObject(1, parameter);
                statement.setFetchSize(JdbcWorkSource.FETCH_SIZE);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        out.add(issue(rs));
                    }
                }
            }
            return out;
        });
    }

    private DemoData.Issue issue(ResultSet rs) throws SQLException {
        long id = rs.getLong(1);
        long version = rs.getLong(12);
        if (fixVersions.size() > MEMO_LIMIT) {
            fixVersions.clear();
        }
        fixVersions.put(id, rs.wasNull() ? -1L : version);
        // A null sprint reads as 0, as the in-memory load read it (no sprint has id 0).
        return new DemoData.Issue(id, rs.getString(2), rs.getString(3), rs.getString(4),
                ScaleDataset.type(rs.getString(5)), DemoData.Status.valueOf(rs.getString(6)),
                ScaleDataset.nullableLong(rs, 7), ScaleDataset.nullableLong(rs, 8), ScaleDataset.nullableDouble(rs, 9),
                rs.getString(10), rs.getLong(11));
    }
}
