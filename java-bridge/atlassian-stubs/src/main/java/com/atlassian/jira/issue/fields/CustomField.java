package com.atlassian.jira.issue.fields;

/** Signature of Jira 10.3 {@code com.atlassian.jira.issue.fields.CustomField}, members used only (see STUB-SOURCES.md). */
public interface CustomField extends Field {
}
