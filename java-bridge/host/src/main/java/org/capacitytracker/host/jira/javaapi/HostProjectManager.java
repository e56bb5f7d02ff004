package org.capacitytracker.host.jira.javaapi;

import com.atlassian.jira.project.Project;
import com.atlassian.jira.project.ProjectManager;
import java.util.Objects;
import org.capacitytracker.host.jira.VisibleWork;

/**
 * Jira's project lookup by its current key: a manager, so, as in Jira, without a permission
 * check (the services that take the project check). Keys match exactly; an unknown key, and a
 * null one, give null, as Jira's does. The host knows the projects that have a board.
 */
public final class HostProjectManager implements ProjectManager {
    private final VisibleWork work;

    /** @param work the data */
    public HostProjectManager(VisibleWork work) {
        this.work = Objects.requireNonNull(work, "work");
    }

    @Override
    public Project getProjectByCurrentKey(String projectKey) {
        return projectKey == null ? null : work.projectByKey(projectKey).map(HostProject::of).orElse(null);
    }
}
