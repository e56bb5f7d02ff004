package com.atlassian.jira.issue;

import com.atlassian.jira.issue.fields.CustomField;
import com.atlassian.jira.issue.status.Status;

/** Signature of Jira 10.3 {@code com.atlassian.jira.issue.Issue}, members used only (see STUB-SOURCES.md). */
public interface Issue {
    Long getId();

    String getKey();

    String getAssigneeId();

    Status getStatus();

    Long getEstimate();

    Long getOriginalEstimate();

    Object getCustomFieldValue(CustomField customField);

    Issue getParentObject();

    boolean isSubTask();
}
