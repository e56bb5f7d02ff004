package com.atlassian.jira.issue.fields;

/** Signature of Jira 10.3 {@code com.atlassian.jira.issue.fields.Field}, members used only (see STUB-SOURCES.md). */
public interface Field {
    String getId();

    String getName();
}
