package com.atlassian.jira.issue.status.category;

/** Signature of Jira 10.3 {@code com.atlassian.jira.issue.status.category.StatusCategory}, members used only (see STUB-SOURCES.md). */
public interface StatusCategory {
    String getKey();
}
