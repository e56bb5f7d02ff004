package org.capacitytracker.host.jira;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.capacitytracker.host.auth.HostUser;

/**
 * {@link JiraWorkSource} over the in-memory demo. Its permission scheme: every project is
 * browsable by Jira Software users, except, in the full demo, PAY, which only the payments
 * team (and administrators) may browse — so the restricted contractor {@code victor} sees
 * none of PAY's issues through Jira's Java API.
 */
public final class DemoWorkSource implements JiraWorkSource {
    private final DemoData data;

    /** @param data the demo data */
    public DemoWorkSource(DemoData data) {
        this.data = data;
    }

    @Override
    public List<DemoData.Board> boards() {
        return data.boards();
    }

    @Override
    public Optional<DemoData.Board> board(long boardId) {
        return data.board(boardId);
    }

    @Override
    public List<DemoData.Sprint> sprints(long boardId) {
        return data.sprints(boardId);
    }

    @Override
    public List<DemoData.Version> versions(long projectId) {
        return data.versions(projectId);
    }

    @Override
    public void sprintIssues(long sprintId, Consumer<WorkIssue> out) {
        for (DemoData.Issue issue : data.issuesInSprint(sprintId)) {
            out.accept(work(issue));
        }
    }

    @Override
    public void versionIssues(long versionId, Consumer<WorkIssue> out) {
        for (DemoData.Issue issue : data.allIssues()) {
            if (data.fixVersionsOf(issue).stream().anyMatch(v -> v.id() == versionId)) {
                out.accept(work(issue));
            }
        }
    }

    @Override
    public void projectIssues(long projectId, Consumer<WorkIssue> out) {
        for (DemoData.Issue issue : data.issuesInProject(projectId)) {
            out.accept(work(issue));
        }
    }

    @Override
    public Optional<WorkIssue> issue(String key) {
        return data.issue(key).map(this::work);
    }

    @Override
    public Set<String> browseGroups(String projectKey) {
        if (data.demo() == DemoData.Demo.FULL && projectKey.equals(RichDemo.PAY.key())) {
            return Set.of(RichDemo.PAYMENTS_TEAM, HostUser.ADMINISTRATORS);
        }
        return Set.of(HostUser.SOFTWARE_USERS, HostUser.ADMINISTRATORS);
    }

    private WorkIssue work(DemoData.Issue issue) {
        return new WorkIssue(issue.id(), issue.key(), data.projectOf(issue).key(), issue.assignee(),
                issue.status().category.key, issue.remainingSeconds(), issue.originalSeconds(), issue.storyPoints(),
                issue.parentKey(), issue.type().subtask, issue.sprintId() > 0 ? issue.sprintId() : null);
    }
}
