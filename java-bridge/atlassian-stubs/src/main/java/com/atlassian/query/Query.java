package com.atlassian.query;

/** Signature of Jira 10.3 {@code com.atlassian.query.Query}, members used only (see STUB-SOURCES.md). */
public interface Query {
    String getQueryString();
}
