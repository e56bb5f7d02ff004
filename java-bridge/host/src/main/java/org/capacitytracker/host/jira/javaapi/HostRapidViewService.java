package org.capacitytracker.host.jira.javaapi;

import com.atlassian.greenhopper.model.rapid.RapidView;
import com.atlassian.greenhopper.service.ServiceOutcome;
import com.atlassian.greenhopper.service.rapid.view.RapidViewService;
import com.atlassian.jira.user.ApplicationUser;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.capacitytracker.host.auth.HostUser;
import org.capacitytracker.host.jira.DemoData;
import org.capacitytracker.host.jira.VisibleWork;

/**
 * Jira Software's board lookup: a board the caller may see (its project is browsable), else an
 * invalid outcome — for an unknown id, a hidden board, an anonymous caller and a null id alike.
 */
public final class HostRapidViewService implements RapidViewService {
    private final VisibleWork work;
    private final Function<String, Optional<HostUser>> byKey;

    /**
     * @param work the data with Jira's permissions
     * @param byKey the host's user lookup by key
     */
    public HostRapidViewService(VisibleWork work, Function<String, Optional<HostUser>> byKey) {
        this.work = Objects.requireNonNull(work, "work");
        this.byKey = Objects.requireNonNull(byKey, "byKey");
    }

    @Override
    public ServiceOutcome<RapidView> getRapidView(ApplicationUser user, Long id) {
        if (id == null) {
            return Outcome.invalid();
        }
        return work.board(Viewers.of(user, byKey), id)
                .map(b -> (ServiceOutcome<RapidView>) new Outcome<>(view(b)))
                .orElseGet(Outcome::invalid);
    }

    /** A demo board as Jira Software's: a Kanban board has no sprint support. */
    static RapidView view(DemoData.Board b) {
        return RapidView.builder().id(b.id()).name(b.name()).sprintSupportEnabled("scrum".equals(b.type())).build();
    }
}
