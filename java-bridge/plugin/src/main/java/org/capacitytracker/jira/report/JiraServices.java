package org.capacitytracker.jira.report;

import com.atlassian.greenhopper.service.rapid.ProjectRapidViewService;
import com.atlassian.greenhopper.service.rapid.view.RapidViewConfigService;
import com.atlassian.greenhopper.service.rapid.view.RapidViewService;
import com.atlassian.greenhopper.service.rapid.view.RapidViewSprintQueryService;
import com.atlassian.jira.bc.issue.search.SearchService;
import com.atlassian.jira.issue.CustomFieldManager;
import com.atlassian.jira.project.ProjectManager;
import com.atlassian.jira.project.version.VersionManager;
import com.atlassian.jira.user.util.UserManager;
import java.util.Objects;

/**
 * The Jira and Jira Software services a server-side report reads through, in one value so that
 * the reader's constructor stays short.
 *
 * @param users Jira's user manager
 * @param boards Jira Software's boards
 * @param sprints Jira Software's sprints of a board
 * @param boardConfig Jira Software's board configuration (its estimation field)
 * @param projectBoards Jira Software's boards of a project, and projects of a board
 * @param projects Jira's projects
 * @param versions Jira's project versions
 * @param search Jira's issue search
 * @param fields Jira's custom fields
 */
public record JiraServices(UserManager users, RapidViewService boards, RapidViewSprintQueryService sprints,
        RapidViewConfigService boardConfig, ProjectRapidViewService projectBoards, ProjectManager projects,
        VersionManager versions, SearchService search, CustomFieldManager fields) {

    /** Every service is required. */
    public JiraServices {
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(boards, "boards");
        Objects.requireNonNull(sprints, "sprints");
        Objects.requireNonNull(boardConfig, "boardConfig");
        Objects.requireNonNull(projectBoards, "projectBoards");
        Objects.requireNonNull(projects, "projects");
        Objects.requireNonNull(versions, "versions");
        Objects.requireNonNull(search, "search");
        Objects.requireNonNull(fields, "fields");
    }
}
