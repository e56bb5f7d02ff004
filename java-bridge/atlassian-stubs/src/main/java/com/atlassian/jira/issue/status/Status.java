package com.atlassian.jira.issue.status;

import com.atlassian.jira.issue.status.category.StatusCategory;

/** Signature of Jira 10.3 {@code com.atlassian.jira.issue.status.Status}, members used only (see STUB-SOURCES.md). */
public interface Status {
    StatusCategory getStatusCategory();
}
