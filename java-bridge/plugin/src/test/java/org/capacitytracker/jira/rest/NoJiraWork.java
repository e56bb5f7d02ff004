package org.capacitytracker.jira.rest;

import com.atlassian.greenhopper.service.ServiceOutcome;
import com.atlassian.jira.bc.issue.search.SearchService;
import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.issue.search.SearchException;
import com.atlassian.jira.issue.search.SearchResults;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.jira.web.bean.PagerFilter;
import com.atlassian.query.Query;
import java.util.List;
import org.capacitytracker.jira.engine.EngineHolder;
import org.capacitytracker.jira.report.ServerReports;

/** Server-side reports over a Jira in which the caller sees no board and no issue: for the REST module's HTTP tests. */
final class NoJiraWork {
    private NoJiraWork() {
    }

    static ServerReports reports(EngineHolder engines) {
        ServiceOutcome<Object> invalid = new ServiceOutcome<>() {
            @Override
            public boolean isValid() {
                return false;
            }

            @Override
            public Object getValue() {
                return null;
            }
        };
        SearchService search = new SearchService() {
            @Override
            public ParseResult parseQuery(ApplicationUser searcher, String query) {
                throw new AssertionError("no board is visible, so no sprint is searched");
            }

            @Override
            public SearchResults<Issue> search(ApplicationUser searcher, Query query, PagerFilter pager)
                    throws SearchException {
                throw new SearchException("no board is visible, so no sprint is searched");
            }
        };
        @SuppressWarnings({"unchecked", "rawtypes"})
        ServerReports reports = new ServerReports(engines, key -> null, (user, id) -> (ServiceOutcome) invalid,
                (user, board, states, historic) -> (ServiceOutcome) invalid, search, name -> List.of());
        return reports;
    }
}
