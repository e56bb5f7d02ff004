package com.atlassian.jira.bc.issue.search;

import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.issue.search.SearchException;
import com.atlassian.jira.issue.search.SearchResults;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.jira.util.MessageSet;
import com.atlassian.jira.web.bean.PagerFilter;
import com.atlassian.query.Query;

/** Signature of Jira 10.3 {@code com.atlassian.jira.bc.issue.search.SearchService}, members used only (see STUB-SOURCES.md). */
public interface SearchService {
    ParseResult parseQuery(ApplicationUser searcher, String query);

    SearchResults<Issue> search(ApplicationUser searcher, Query query, PagerFilter pager) throws SearchException;

    /** Signature of {@code SearchService.ParseResult}. */
    final class ParseResult {
        private final Query query;
        private final MessageSet errors;

        public ParseResult(Query query, MessageSet errors) {
            this.query = query;
            this.errors = errors;
        }

        public Query getQuery() {
            return query;
        }

        public MessageSet getErrors() {
            return errors;
        }

        public boolean isValid() {
            return !errors.hasAnyErrors();
        }
    }
}
