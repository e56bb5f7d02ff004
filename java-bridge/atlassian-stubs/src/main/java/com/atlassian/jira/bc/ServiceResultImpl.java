package com.atlassian.jira.bc;

import com.atlassian.jira.util.ErrorCollection;

import java.util.Objects;

/** Signature of Jira 10.3 {@code com.atlassian.jira.bc.ServiceResultImpl} (see STUB-SOURCES.md). */
public class ServiceResultImpl implements ServiceResult {
    private final ErrorCollection errorCollection;

    public ServiceResultImpl(ErrorCollection errorCollection) {
        this.errorCollection = Objects.requireNonNull(errorCollection, "errorCollection");
    }

    @Override
    public boolean isValid() {
        return !errorCollection.hasAnyErrors();
    }

    @Override
    public ErrorCollection getErrorCollection() {
        return errorCollection;
    }
}
