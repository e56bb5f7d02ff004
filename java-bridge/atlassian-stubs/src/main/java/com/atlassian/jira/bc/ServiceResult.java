package com.atlassian.jira.bc;

import com.atlassian.jira.util.ErrorCollection;

/** Signature of Jira 10.3 {@code com.atlassian.jira.bc.ServiceResult} (see STUB-SOURCES.md). */
public interface ServiceResult {
    boolean isValid();

    ErrorCollection getErrorCollection();
}
