package org.capacitytracker.host.jira;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.capacitytracker.host.auth.HostUser;

/**
 * A {@link JiraWorkSource} as one user may see it, with Jira's rules: an issue is visible
 * only to who may browse its project; a board only to who may browse its project (the
 * demo's boards filter one project each); an anonymous caller (null user) or an inactive
 * user browses nothing, since no demo project grants anonymous access. Everything the
 * host's Java API services answer goes through here, so no service can forget the check.
 */
public final class VisibleWork {
    private final JiraWorkSource source;

    /** @param source the data */
    public VisibleWork(JiraWorkSource source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    /**
     * @param user the user, or null for an anonymous caller
     * @param projectKey a project's key
     * @return whether the user may browse the project
     */
    public boolean canBrowse(HostUser user, String projectKey) {
        if (user == null || !user.active()) {
            return false;
        }
        return source.browseGroups(projectKey).stream().anyMatch(user.groups()::contains);
    }

    /**
     * @param user the user, or null
     * @return the boards the user may see, in id order
     */
    public List<DemoData.Board> boards(HostUser user) {
        return source.boards().stream().filter(b -> canBrowse(user, b.project().key())).toList();
    }

    /**
     * @param user the user, or null
     * @param boardId a board's id
     * @return the board, unless it does not exist or the user may not see it (Jira does not tell these apart)
     */
    public Optional<DemoData.Board> board(HostUser user, long boardId) {
        return source.board(boardId).filter(b -> canBrowse(user, b.project().key()));
    }

    /**
     * @param user the user, or null
     * @param boardId a board's id
     * @return its sprints, or none when the user may not see the board
     */
    public List<DemoData.Sprint> sprints(HostUser user, long boardId) {
        return board(user, boardId).map(b -> source.sprints(b.id())).orElse(List.of());
    }

    /**
     * @param user the user, or null
     * @param boardId a board's id
     * @return the versions of the board's project, or none when the user may not see the board
     */
    public List<DemoData.Version> versions(HostUser user, long boardId) {
        return board(user, boardId).map(b -> source.versions(b.project().id())).orElse(List.of());
    }

    /**
     * A project's versions without a permission check, as Jira's {@code VersionManager} answers.
     *
     * @param projectId a project's id
     * @return its versions, none for an unknown project
     */
    public List<DemoData.Version> projectVersions(long projectId) {
        return source.versions(projectId);
    }

    /**
     * Streams the sprint's issues the user may browse.
     *
     * @param user the user, or null
     * @param sprintId the sprint's id
     * @param out receives each visible issue
     */
    public void sprintIssues(HostUser user, long sprintId, Consumer<JiraWorkSource.WorkIssue> out) {
        // One permission check per project, not per issue: a sprint holds hundreds.
        java.util.Map<String, Boolean> browse = new java.util.HashMap<>();
        source.sprintIssues(sprintId, issue -> {
            if (browse.computeIfAbsent(issue.projectKey(), p -> canBrowse(user, p))) {
                out.accept(issue);
            }
        });
    }

    /**
     * Streams the issues of several sprints the user may browse, each once.
     *
     * @param user the user, or null
     * @param sprintIds the sprints' ids
     * @param out receives each visible issue
     */
    public void sprintsIssues(HostUser user, List<Long> sprintIds, Consumer<JiraWorkSource.WorkIssue> out) {
        java.util.Map<String, Boolean> browse = new java.util.HashMap<>();
        source.sprintsIssues(sprintIds, issue -> {
            if (browse.computeIfAbsent(issue.projectKey(), p -> canBrowse(user, p))) {
                out.accept(issue);
            }
        });
    }

    /**
     * Streams the version's issues the user may browse.
     *
     * @param user the user, or null
     * @param versionId the version's id
     * @param out receives each visible issue
     */
    public void versionIssues(HostUser user, long versionId, Consumer<JiraWorkSource.WorkIssue> out) {
        // One permission check per project, not per issue: a sprint holds hundreds.
        java.util.Map<String, Boolean> browse = new java.util.HashMap<>();
        source.versionIssues(versionId, issue -> {
            if (browse.computeIfAbsent(issue.projectKey(), p -> canBrowse(user, p))) {
                out.accept(issue);
            }
        });
    }

    /**
     * @param user the user, or null
     * @param key a project's key
     * @return the project, unless no board has it (the host knows projects by their boards) or
     *     the user may not browse it
     */
    public Optional<DemoData.Project> project(HostUser user, String key) {
        return projectByKey(key).filter(p -> canBrowse(user, p.key()));
    }

    /**
     * A project by key without a permission check, as Jira's {@code ProjectManager} answers.
     *
     * @param key a project's key (exact, as Jira's current key)
     * @return the project, if a board has it
     */
    public Optional<DemoData.Project> projectByKey(String key) {
        return source.boards().stream().map(DemoData.Board::project).filter(p -> p.key().equals(key)).findFirst();
    }

    /**
     * Streams the project's issues the user may browse (none when they may not browse it).
     *
     * @param user the user, or null
     * @param projectKey the project's key
     * @param out receives each visible issue
     */
    public void projectIssues(HostUser user, String projectKey, Consumer<JiraWorkSource.WorkIssue> out) {
        project(user, projectKey).ifPresent(p -> source.projectIssues(p.id(), out));
    }

    /**
     * The parent of a sub-task, as Jira's {@code Issue.getParentObject()} gives it: without a
     * permission check (the sub-task's visibility already implies its parent's project).
     *
     * @param issue a visible issue
     * @return its parent, if it has one
     */
    public Optional<JiraWorkSource.WorkIssue> parentOf(JiraWorkSource.WorkIssue issue) {
        return issue.parentKey() == null ? Optional.empty() : source.issue(issue.parentKey());
    }
}
