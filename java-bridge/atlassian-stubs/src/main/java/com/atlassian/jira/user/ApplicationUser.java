package com.atlassian.jira.user;

/** Signature of Jira 10.3 {@code com.atlassian.jira.user.ApplicationUser}, members used only (see STUB-SOURCES.md). */
public interface ApplicationUser {
    String getKey();

    String getUsername();

    boolean isActive();
}
