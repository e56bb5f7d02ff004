package org.capacitytracker.host.scale;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The tables of a generated dataset, beside the host's own ({@code ct_host_users} holds its
 * people). Indexes follow the access paths of the Jira REST resources and the plugin's
 * gathering: issues by sprint, by fix version, by project and status, by assignee, by parent;
 * sprints and boards by their owner; members by user.
 */
final class ScaleSchema {
    static final String DATASET = "ct_scale_dataset";
    static final String PROJECTS = "ct_scale_projects";
    static final String VERSIONS = "ct_scale_versions";
    static final String BOARDS = "ct_scale_boards";
    static final String MEMBERS = "ct_scale_board_members";
    static final String SPRINTS = "ct_scale_sprints";
    static final String ISSUES = "ct_scale_issues";

    private static final List<String> DDL = List.of(
            // One row: which dataset this database holds, how far its generation got, its counts.
            "CREATE TABLE IF NOT EXISTS " + DATASET + " (id INT PRIMARY KEY, scale VARCHAR(16) NOT NULL, "
                    + "seed BIGINT NOT NULL, anchor DATE NOT NULL, users_done INT NOT NULL, boards_done INT NOT NULL, "
                    + "complete BOOLEAN NOT NULL, projects INT, boards INT, users INT, sprints INT, versions INT, "
                    + "issues INT, members INT)",
            "CREATE TABLE IF NOT EXISTS " + PROJECTS + " (id BIGINT PRIMARY KEY, pkey VARCHAR(16) NOT NULL UNIQUE, "
                    + "name VARCHAR(255) NOT NULL, lead_key VARCHAR(255))",
            "CREATE TABLE IF NOT EXISTS " + VERSIONS + " (id BIGINT PRIMARY KEY, project_id BIGINT NOT NULL, "
                    + "name VARCHAR(255) NOT NULL, released BOOLEAN NOT NULL, start_date DATE, release_date DATE)",
            "CREATE INDEX IF NOT EXISTS ct_scale_versions_project ON " + VERSIONS + " (project_id)",
            // filter_project_id: the project the board's saved filter selects ("project = KEY").
            "CREATE TABLE IF NOT EXISTS " + BOARDS + " (id BIGINT PRIMARY KEY, name VARCHAR(255) NOT NULL, "
                    + "type VARCHAR(8) NOT NULL, project_id BIGINT NOT NULL, filter_project_id BIGINT NOT NULL)",
            "CREATE INDEX IF NOT EXISTS ct_scale_boards_project ON " + BOARDS + " (project_id)",
            "CREATE TABLE IF NOT EXISTS " + MEMBERS + " (board_id BIGINT NOT NULL, user_key VARCHAR(255) NOT NULL, "
                    + "role VARCHAR(64) NOT NULL, daily_capacity DOUBLE PRECISION NOT NULL, allocation INT NOT NULL, "
                    + "PRIMARY KEY (board_id, user_key))",
            "CREATE INDEX IF NOT EXISTS ct_scale_members_user ON " + MEMBERS + " (user_key)",
            "CREATE TABLE IF NOT EXISTS " + SPRINTS + " (id BIGINT PRIMARY KEY, board_id BIGINT NOT NULL, "
                    + "name VARCHAR(255) NOT NULL, state VARCHAR(8) NOT NULL, start_at TIMESTAMP WITH TIME ZONE NOT NULL, "
                    + "end_at TIMESTAMP WITH TIME ZONE NOT NULL, complete_at TIMESTAMP WITH TIME ZONE, goal VARCHAR(255))",
            "CREATE INDEX IF NOT EXISTS ct_scale_sprints_board ON " + SPRINTS + " (board_id)",
            "CREATE TABLE IF NOT EXISTS " + ISSUES + " (id BIGINT PRIMARY KEY, ikey VARCHAR(32) NOT NULL UNIQUE, "
                    + "project_id BIGINT NOT NULL, summary VARCHAR(255) NOT NULL, type VARCHAR(8) NOT NULL, "
                    + "parent_id BIGINT, assignee VARCHAR(255), status VARCHAR(12) NOT NULL, "
                    + "status_category VARCHAR(16) NOT NULL, remaining_seconds BIGINT, original_seconds BIGINT, "
                    + "story_points DOUBLE PRECISION, sprint_id BIGINT, fix_version_id BIGINT)",
            "CREATE INDEX IF NOT EXISTS ct_scale_issues_sprint ON " + ISSUES + " (sprint_id)",
            "CREATE INDEX IF NOT EXISTS ct_scale_issues_version ON " + ISSUES + " (fix_version_id)",
            "CREATE INDEX IF NOT EXISTS ct_scale_issues_project_status ON " + ISSUES + " (project_id, status)",
            "CREATE INDEX IF NOT EXISTS ct_scale_issues_assignee ON " + ISSUES + " (assignee)",
            "CREATE INDEX IF NOT EXISTS ct_scale_issues_parent ON " + ISSUES + " (parent_id)");

    private ScaleSchema() {
    }

    static void create(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : DDL) {
                statement.execute(sql);
            }
        }
    }
}
