package com.atlassian.jira.project.version;

import java.util.List;

/** Signature of Jira 10.3 {@code com.atlassian.jira.project.version.VersionManager}, members used only (see STUB-SOURCES.md). */
public interface VersionManager {
    List<Version> getVersions(Long projectId);
}
