package org.capacitytracker.host.jira.javaapi;

import com.atlassian.greenhopper.model.rapid.EstimationConfig;
import com.atlassian.greenhopper.model.rapid.RapidView;
import com.atlassian.greenhopper.service.rapid.view.RapidViewConfigService;
import com.atlassian.jira.user.ApplicationUser;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.capacitytracker.host.auth.HostUser;
import org.capacitytracker.host.jira.VisibleWork;

/**
 * Jira Software's board estimation configuration: every demo board estimates in Story Points,
 * as the host's agile REST configuration says. A board the caller may not see (or a null one)
 * gives null, the service's nullable answer.
 */
public final class HostRapidViewConfigService implements RapidViewConfigService {
    private final VisibleWork work;
    private final Function<String, Optional<HostUser>> byKey;

    /**
     * @param work the data with Jira's permissions
     * @param byKey the host's user lookup by key
     */
    public HostRapidViewConfigService(VisibleWork work, Function<String, Optional<HostUser>> byKey) {
        this.work = Objects.requireNonNull(work, "work");
        this.byKey = Objects.requireNonNull(byKey, "byKey");
    }

    @Override
    public EstimationConfig getEstimationConfig(ApplicationUser user, RapidView rapidView) {
        if (rapidView == null || rapidView.getId() == null
                || work.board(Viewers.of(user, byKey), rapidView.getId()).isEmpty()) {
            return null;
        }
        return new EstimationConfig(EstimationConfig.Type.JIRA_FIELD, HostCustomFieldManager.STORY_POINTS);
    }
}
