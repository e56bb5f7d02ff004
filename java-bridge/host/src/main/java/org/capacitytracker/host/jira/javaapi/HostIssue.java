package org.capacitytracker.host.jira.javaapi;

import com.atlassian.greenhopper.service.sprint.Sprint;
import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.issue.fields.CustomField;
import com.atlassian.jira.issue.status.Status;
import com.atlassian.jira.issue.status.category.StatusCategory;
import java.util.List;
import java.util.Objects;
import org.capacitytracker.host.jira.DemoData;
import org.capacitytracker.host.jira.JiraWorkSource.WorkIssue;
import org.capacitytracker.host.jira.VisibleWork;

/**
 * One issue a search returned, as Jira's {@code Issue}. Like Jira's, it reads its parent on
 * demand. Custom fields other than Story Points and Sprint have no value here: the host's data
 * keeps only the fields a capacity report reads. The Sprint field's value is the issue's one
 * sprint (the host's data has one at most) as Jira Software's {@code Collection<Sprint>}, each
 * with its id only: the issue's row keeps the sprint's id, and that is what a reader matches.
 */
final class HostIssue implements Issue {
    private final WorkIssue issue;
    private final VisibleWork work;

    HostIssue(WorkIssue issue, VisibleWork work) {
        this.issue = Objects.requireNonNull(issue, "issue");
        this.work = work;
    }

    @Override
    public Long getId() {
        return issue.id();
    }

    @Override
    public String getKey() {
        return issue.key();
    }

    @Override
    public String getAssigneeId() {
        return issue.assigneeKey();
    }

    @Override
    public Status getStatus() {
        String category = issue.statusCategory();
        StatusCategory statusCategory = () -> category;
        return () -> statusCategory;
    }

    @Override
    public Long getEstimate() {
        return issue.remainingSeconds();
    }

    @Override
    public Long getOriginalEstimate() {
        return issue.originalSeconds();
    }

    @Override
    public Object getCustomFieldValue(CustomField customField) {
        Objects.requireNonNull(customField, "customField");
        if (HostCustomFieldManager.SPRINT.getId().equals(customField.getId())) {
            return issue.sprintId() == null ? null : List.of(Sprint.builder().id(issue.sprintId()).build());
        }
        return DemoData.STORY_POINTS_FIELD.equals(customField.getId()) ? issue.storyPoints() : null;
    }

    @Override
    public Issue getParentObject() {
        return work.parentOf(issue).map(p -> (Issue) new HostIssue(p, work)).orElse(null);
    }

    @Override
    public boolean isSubTask() {
        return issue.subtask();
    }

    @Override
    public String toString() {
        return issue.key();
    }
}
