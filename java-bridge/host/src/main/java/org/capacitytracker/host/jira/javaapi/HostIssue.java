package org.capacitytracker.host.jira.javaapi;

import com.atlassian.greenhopper.service.sprint.Sprint;
import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.issue.fields.CustomField;
import com.atlassian.jira.issue.status.Status;
import com.atlassian.jira.issue.status.category.StatusCategory;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
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
    private final String key;
    private final Supplier<WorkIssue> load;
    private final VisibleWork work;
    private WorkIssue issue;

    HostIssue(WorkIssue issue, VisibleWork work) {
        this.issue = Objects.requireNonNull(issue, "issue");
        this.key = issue.key();
        this.load = () -> issue;
        this.work = work;
    }

    /**
     * A parent read on first use of a field other than its key: a report reads only a
     * sub-task's parent's key, which the sub-task's row already holds, and half of a large
     * dataset's issues are sub-tasks (one database query each otherwise).
     */
    private HostIssue(String key, Supplier<WorkIssue> load, VisibleWork work) {
        this.key = key;
        this.load = load;
        this.work = work;
    }

    private WorkIssue issue() {
        if (issue == null) {
            issue = load.get();
        }
        return issue;
    }

    @Override
    public Long getId() {
        return issue().id();
    }

    @Override
    public String getKey() {
        return key;
    }

    @Override
    public String getAssigneeId() {
        return issue().assigneeKey();
    }

    @Override
    public Status getStatus() {
        String category = issue().statusCategory();
        StatusCategory statusCategory = () -> category;
        return () -> statusCategory;
    }

    @Override
    public Long getEstimate() {
        return issue().remainingSeconds();
    }

    @Override
    public Long getOriginalEstimate() {
        return issue().originalSeconds();
    }

    @Override
    public Object getCustomFieldValue(CustomField customField) {
        Objects.requireNonNull(customField, "customField");
        if (HostCustomFieldManager.SPRINT.getId().equals(customField.getId())) {
            Long sprintId = issue().sprintId();
            return sprintId == null ? null : List.of(Sprint.builder().id(sprintId).build());
        }
        return DemoData.STORY_POINTS_FIELD.equals(customField.getId()) ? issue().storyPoints() : null;
    }

    /**
     * The parent by the key the sub-task's row holds (its data read when first asked for): the
     * row's parent key comes from the parent's own row, so the parent exists.
     */
    @Override
    public Issue getParentObject() {
        WorkIssue child = issue();
        if (child.parentKey() == null) {
            return null;
        }
        return new HostIssue(child.parentKey(), () -> work.parentOf(child).orElseThrow(
                () -> new IllegalStateException("the parent " + child.parentKey() + " of " + key + " is gone")), work);
    }

    @Override
    public boolean isSubTask() {
        return issue().subtask();
    }

    @Override
    public String toString() {
        return key;
    }
}
