package com.atlassian.jira.util;

import java.util.Set;

/** Signature of Jira 10.3 {@code com.atlassian.jira.util.MessageSet}, members used only (see STUB-SOURCES.md). */
public interface MessageSet {
    boolean hasAnyErrors();

    Set<String> getErrorMessages();
}
