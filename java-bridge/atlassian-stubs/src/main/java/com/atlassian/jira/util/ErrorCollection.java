package com.atlassian.jira.util;

import java.util.Collection;
import java.util.Map;

/**
 * Signature of Jira 10.3 {@code com.atlassian.jira.util.ErrorCollection}, the members the
 * plugin and the host use (see STUB-SOURCES.md).
 */
public interface ErrorCollection {
    void addError(String field, String message);

    void addErrorMessage(String message);

    Collection<String> getErrorMessages();

    Map<String, String> getErrors();

    boolean hasAnyErrors();
}
