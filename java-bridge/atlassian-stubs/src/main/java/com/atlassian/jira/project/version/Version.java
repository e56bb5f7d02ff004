package com.atlassian.jira.project.version;

import java.util.Date;

/** Signature of Jira 10.3 {@code com.atlassian.jira.project.version.Version}, members used only (see STUB-SOURCES.md). */
public interface Version {
    Long getId();

    String getName();

    Date getStartDate();

    Date getReleaseDate();

    boolean isReleased();

    boolean isArchived();
}
