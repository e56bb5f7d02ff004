package org.capacitytracker.host.jira;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The Jira data behind the host's Java API services (issue search, boards, sprints,
 * versions): one small interface, so that the demo ({@link DemoWorkSource}) and a
 * database-backed Data Center-scale dataset serve the same services. It knows nothing of
 * permissions; {@link VisibleWork} applies them, as Jira does, on top of any source.
 *
 * <p>Issues are streamed to a consumer rather than returned as lists: a year of a large
 * instance has a million of them, and a source over a database reads them with one
 * indexed query per sprint or version, never one per issue.
 */
public interface JiraWorkSource {

    /**
     * One issue with the fields a capacity report reads.
     *
     * @param id its id
     * @param key its key
     * @param projectKey its project's key (the browse permission is per project)
     * @param assigneeKey the assignee's user key, or null
     * @param statusCategory the key of its status's category ({@code new}, {@code indeterminate}, {@code done})
     * @param remainingSeconds the remaining estimate, or null
     * @param originalSeconds the original estimate, or null
     * @param storyPoints the story points field's value, or null
     * @param parentKey the parent's key for a sub-task, or null
     * @param subtask whether its type is a sub-task type
     * @param sprintId the sprint it is in, or null (the host's data puts an issue in one sprint at most)
     */
    record WorkIssue(long id, String key, String projectKey, String assigneeKey, String statusCategory,
            Long remainingSeconds, Long originalSeconds, Double storyPoints, String parentKey, boolean subtask,
            Long sprintId) {
    }

    /** @return every board */
    List<DemoData.Board> boards();

    /**
     * @param boardId a board's id
     * @return the board, if there is one
     */
    Optional<DemoData.Board> board(long boardId);

    /**
     * @param boardId a board's id
     * @return its sprints (none for a Kanban board)
     */
    List<DemoData.Sprint> sprints(long boardId);

    /**
     * @param projectId a project's id
     * @return its versions
     */
    List<DemoData.Version> versions(long projectId);

    /**
     * Streams the issues of a sprint.
     *
     * @param sprintId the sprint's id
     * @param out receives each issue
     */
    void sprintIssues(long sprintId, Consumer<WorkIssue> out);

    /**
     * Streams the issues of several sprints (JQL {@code sprint in (...)}: a Scrum board's
     * sprints read with one search), each issue once, sprint after sprint unless a source
     * reads them together.
     *
     * @param sprintIds the sprints' ids
     * @param out receives each issue
     */
    default void sprintsIssues(List<Long> sprintIds, Consumer<WorkIssue> out) {
        Set<Long> seen = new java.util.HashSet<>();
        for (long id : new java.util.LinkedHashSet<>(sprintIds)) {
            sprintIssues(id, i -> {
                if (seen.add(i.id())) {
                    out.accept(i);
                }
            });
        }
    }

    /**
     * Streams the issues whose fix versions include a version.
     *
     * @param versionId the version's id
     * @param out receives each issue
     */
    void versionIssues(long versionId, Consumer<WorkIssue> out);

    /**
     * Streams the issues of a project (a Kanban board's date range reads its projects' open,
     * assigned issues; the search filters them).
     *
     * @param projectId the project's id
     * @param out receives each issue
     */
    void projectIssues(long projectId, Consumer<WorkIssue> out);

    /**
     * @param key an issue's key
     * @return the issue, if there is one (no permission check: Jira's {@code Issue.getParentObject()} makes none either)
     */
    Optional<WorkIssue> issue(String key);

    /**
     * Who may browse a project: Jira grants "Browse Projects" through the project's
     * permission scheme, here by group.
     *
     * @param projectKey the project's key
     * @return the groups whose members may browse it
     */
    Set<String> browseGroups(String projectKey);
}
