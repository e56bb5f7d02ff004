package org.capacitytracker.jira.report;

import com.atlassian.greenhopper.service.rapid.view.RapidViewService;
import com.atlassian.greenhopper.service.rapid.view.RapidViewSprintQueryService;
import com.atlassian.jira.bc.issue.search.SearchService;
import com.atlassian.jira.issue.CustomFieldManager;
import com.atlassian.jira.user.util.UserManager;
import org.capacitytracker.api.typed.TypedCapacityEngine;
import org.capacitytracker.jira.engine.EngineHolder;

/**
 * The plugin's server-side report jobs (one set per plugin instance, so per node: Data Center
 * needs sticky sessions for a user to reach their job), reading Jira through its Java API.
 * A bean of the Spring context; REST resources receive it by constructor.
 */
public class ServerReports implements AutoCloseable {
    private final ReportJobs jobs;

    /**
     * The only public constructor: hosts autowire components by their one constructor.
     *
     * @param engines the engine
     * @param users Jira's user manager
     * @param boards Jira Software's boards
     * @param sprints Jira Software's sprints of a board
     * @param search Jira's issue search
     * @param fields Jira's custom fields
     */
    public ServerReports(EngineHolder engines, UserManager users, RapidViewService boards,
            RapidViewSprintQueryService sprints, SearchService search, CustomFieldManager fields) {
        this.jobs = new ReportJobs(new JiraBoardWorkReader(users, boards, sprints, search, fields),
                () -> new TypedCapacityEngine(engines.engine()));
    }

    /** @return the jobs */
    public ReportJobs jobs() {
        return jobs;
    }

    /** Cancels every job (the plugin is being disabled). */
    @Override
    public void close() {
        jobs.close();
    }
}
