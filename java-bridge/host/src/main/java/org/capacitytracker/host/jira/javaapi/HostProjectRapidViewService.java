package org.capacitytracker.host.jira.javaapi;

import com.atlassian.greenhopper.model.rapid.RapidView;
import com.atlassian.greenhopper.service.ServiceOutcome;
import com.atlassian.greenhopper.service.rapid.ProjectRapidViewService;
import com.atlassian.jira.project.Project;
import com.atlassian.jira.user.ApplicationUser;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.capacitytracker.host.auth.HostUser;
import org.capacitytracker.host.jira.DemoData;
import org.capacitytracker.host.jira.VisibleWork;

/**
 * Jira Software's boards of a project and projects of a board, validated as its javadoc says:
 * parameters and the caller's permissions first (a null user is anonymous). A null or unknown
 * project, or one the caller may not browse, is an invalid outcome; so is a board the caller
 * may not see. Each demo board's filter names exactly one project.
 */
public final class HostProjectRapidViewService implements ProjectRapidViewService {
    private final VisibleWork work;
    private final Function<String, Optional<HostUser>> byKey;

    /**
     * @param work the data with Jira's permissions
     * @param byKey the host's user lookup by key
     */
    public HostProjectRapidViewService(VisibleWork work, Function<String, Optional<HostUser>> byKey) {
        this.work = Objects.requireNonNull(work, "work");
        this.byKey = Objects.requireNonNull(byKey, "byKey");
    }

    @Override
    public ServiceOutcome<List<RapidView>> findRapidViewsByProject(ApplicationUser user, Project project) {
        if (project == null || project.getKey() == null) {
            return Outcome.invalid();
        }
        HostUser viewer = Viewers.of(user, byKey);
        if (work.project(viewer, project.getKey()).isEmpty()) {
            return Outcome.invalid();
        }
        return new Outcome<>(work.boards(viewer).stream().filter(b -> b.project().key().equals(project.getKey()))
                .map(HostRapidViewService::view).toList());
    }

    @Override
    public ServiceOutcome<Set<Project>> findProjectsByRapidView(ApplicationUser user, RapidView rapidView) {
        if (rapidView == null || rapidView.getId() == null) {
            return Outcome.invalid();
        }
        Optional<DemoData.Board> board = work.board(Viewers.of(user, byKey), rapidView.getId());
        return board.map(b -> (ServiceOutcome<Set<Project>>) new Outcome<Set<Project>>(Set.of(HostProject.of(b.project()))))
                .orElseGet(Outcome::invalid);
    }
}
