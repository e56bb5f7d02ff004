package org.capacitytracker.jira.rest;

import com.atlassian.greenhopper.model.rapid.RapidView;
import com.atlassian.greenhopper.service.ServiceOutcome;
import com.atlassian.greenhopper.service.rapid.ProjectRapidViewService;
import com.atlassian.jira.issue.CustomFieldManager;
import com.atlassian.jira.issue.fields.CustomField;
import com.atlassian.jira.project.Project;
import com.atlassian.jira.bc.issue.search.SearchService;
import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.issue.search.SearchException;
import com.atlassian.jira.issue.search.SearchResults;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.jira.web.bean.PagerFilter;
import com.atlassian.query.Query;
import java.util.Collection;
import java.util.List;
import java.util.Set;
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
        ProjectRapidViewService projectBoards = new ProjectRapidViewService() {
            @Override
            @SuppressWarnings({"unchecked", "rawtypes"})
            public ServiceOutcome<List<RapidView>> findRapidViewsByProject(ApplicationUser user, Project project) {
                return (ServiceOutcome) invalid;
            }

            @Override
            @SuppressWarnings({"unchecked", "rawtypes"})
            public ServiceOutcome<Set<Project>> findProjectsByRapidView(ApplicationUser user, RapidView rapidView) {
                return (ServiceOutcome) invalid;
            }
        };
        CustomFieldManager fields = new CustomFieldManager() {
            @Override
            public Collection<CustomField> getCustomFieldObjectsByName(String name) {
                return List.of();
            }

            @Override
            public CustomField getCustomFieldObject(String id) {
                return null;
            }
        };
        @SuppressWarnings({"unchecked", "rawtypes"})
        ServerReports reports = new ServerReports(engines, key -> null, (user, id) -> (ServiceOutcome) invalid,
                (user, board, states, historic) -> (ServiceOutcome) invalid, (user, board) -> null, projectBoards,
                key -> null, projectId -> List.of(), search, fields);
        return reports;
    }
}
