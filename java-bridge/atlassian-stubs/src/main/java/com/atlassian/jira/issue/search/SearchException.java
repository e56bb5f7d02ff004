package com.atlassian.jira.issue.search;

/** Signature of Jira 10.3 {@code com.atlassian.jira.issue.search.SearchException}, constructors used only (see STUB-SOURCES.md). */
public class SearchException extends Exception {
    private static final long serialVersionUID = 1L;

    public SearchException(String message) {
        super(message);
    }
}
