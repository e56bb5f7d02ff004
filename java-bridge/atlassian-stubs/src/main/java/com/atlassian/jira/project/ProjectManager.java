package com.atlassian.jira.project;

/** Signature of Jira 10.3 {@code com.atlassian.jira.project.ProjectManager}, members used only (see STUB-SOURCES.md). */
public interface ProjectManager {
    Project getProjectByCurrentKey(String projectKey);
}
