package com.atlassian.jira.project;

/** Signature of Jira 10.3 {@code com.atlassian.jira.project.Project}, members used only (see STUB-SOURCES.md). */
public interface Project {
    Long getId();

    String getKey();

    String getName();
}
