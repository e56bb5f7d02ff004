package com.atlassian.jira.issue.search;

import java.util.List;

/** Signature of Jira 10.3 {@code com.atlassian.jira.issue.search.SearchResults}, members used only (see STUB-SOURCES.md). */
public class SearchResults<T> {
    private final List<T> results;
    private final int total;
    private final int maxResults;
    private final int start;

    public SearchResults(List<T> results, int total, int maxResults, int start) {
        this.results = List.copyOf(results);
        this.total = total;
        this.maxResults = maxResults;
        this.start = start;
    }

    public List<T> getResults() {
        return results;
    }

    public int getTotal() {
        return total;
    }

    public int getMaxResults() {
        return maxResults;
    }

    public int getStart() {
        return start;
    }
}
