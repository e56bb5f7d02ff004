package org.capacitytracker.jira.report;

import com.atlassian.greenhopper.service.rapid.ProjectRapidViewService;
import com.atlassian.greenhopper.service.rapid.view.RapidViewConfigService;
import com.atlassian.greenhopper.service.rapid.view.RapidViewService;
import com.atlassian.greenhopper.service.rapid.view.RapidViewSprintQueryService;
import com.atlassian.jira.bc.issue.search.SearchService;
import com.atlassian.jira.issue.CustomFieldManager;
import com.atlassian.jira.project.ProjectManager;
import com.atlassian.jira.project.version.VersionManager;
import com.atlassian.jira.user.util.UserManager;
import java.util.List;
import org.capacitytracker.api.typed.BoardRanges;
import org.capacitytracker.api.typed.BoardSettings;
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
     * @param boardConfig Jira Software's board configuration
     * @param projectBoards Jira Software's boards of a project
     * @param projects Jira's projects
     * @param versions Jira's project versions
     * @param search Jira's issue search
     * @param fields Jira's custom fields
     */
    public ServerReports(EngineHolder engines, UserManager users, RapidViewService boards,
            RapidViewSprintQueryService sprints, RapidViewConfigService boardConfig, ProjectRapidViewService projectBoards,
            ProjectManager projects, VersionManager versions, SearchService search, CustomFieldManager fields) {
        JiraServices jira = new JiraServices(users, boards, sprints, boardConfig, projectBoards, projects, versions,
                search, fields);
        this.jobs = new ReportJobs(new JiraBoardWorkReader(jira, documents(engines)),
                () -> new TypedCapacityEngine(engines.engine()));
    }

    /** The board documents, read from the engine when a job needs them (it may be reopened meanwhile). */
    static BoardDocuments documents(EngineHolder engines) {
        return new BoardDocuments() {
            @Override
            public String customEstimateField(String boardId) {
                BoardSettings settings = new TypedCapacityEngine(engines.engine()).getBoardSettings(boardId);
                return "custom".equals(settings.estimateSource()) ? settings.customField() : null;
            }

            @Override
            public List<BoardRanges.Range> ranges(String boardId) {
                List<BoardRanges.Range> ranges = new TypedCapacityEngine(engines.engine()).getBoardRanges(boardId).ranges();
                return ranges == null ? List.of() : ranges;
            }
        };
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
