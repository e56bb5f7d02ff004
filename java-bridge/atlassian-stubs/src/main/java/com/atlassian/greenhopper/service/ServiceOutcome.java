package com.atlassian.greenhopper.service;

/** Signature of Jira Software 10 {@code com.atlassian.greenhopper.service.ServiceOutcome}, members used only (see STUB-SOURCES.md). */
public interface ServiceOutcome<T> {
    boolean isValid();

    T getValue();
}
