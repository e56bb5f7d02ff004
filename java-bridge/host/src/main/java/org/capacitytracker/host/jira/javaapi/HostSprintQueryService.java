package org.capacitytracker.host.jira.javaapi;

import com.atlassian.greenhopper.model.rapid.RapidView;
import com.atlassian.greenhopper.service.ServiceOutcome;
import com.atlassian.greenhopper.service.rapid.view.RapidViewSprintQueryService;
import com.atlassian.greenhopper.service.sprint.Sprint;
import com.atlassian.jira.user.ApplicationUser;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.capacitytracker.host.auth.HostUser;
import org.capacitytracker.host.jira.DemoData;
import org.capacitytracker.host.jira.VisibleWork;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;

/**
 * Jira Software's sprints of a board, in its documented order (closed, active, future; then
 * by sequence, here the id), filtered by state. The board must be one the caller may see:
 * otherwise, or for a null board, the outcome is invalid. The demo has no historic sprints
 * (sprints once on the board's issues), so {@code includingHistoricSprints} changes nothing.
 */
public final class HostSprintQueryService implements RapidViewSprintQueryService {
    private static final List<Sprint.State> ORDER = List.of(Sprint.State.CLOSED, Sprint.State.ACTIVE,
            Sprint.State.FUTURE);
    private final VisibleWork work;
    private final Function<String, Optional<HostUser>> byKey;

    /**
     * @param work the data with Jira's permissions
     * @param byKey the host's user lookup by key
     */
    public HostSprintQueryService(VisibleWork work, Function<String, Optional<HostUser>> byKey) {
        this.work = Objects.requireNonNull(work, "work");
        this.byKey = Objects.requireNonNull(byKey, "byKey");
    }

    @Override
    public ServiceOutcome<List<Sprint>> getSprints(ApplicationUser user, RapidView rapidView,
            EnumSet<Sprint.State> states, boolean includingHistoricSprints) {
        if (rapidView == null || rapidView.getId() == null) {
            return Outcome.invalid();
        }
        HostUser viewer = Viewers.of(user, byKey);
        if (work.board(viewer, rapidView.getId()).isEmpty()) {
            return Outcome.invalid();
        }
        EnumSet<Sprint.State> wanted = states == null || states.isEmpty() ? EnumSet.allOf(Sprint.State.class) : states;
        List<Sprint> sprints = work.sprints(viewer, rapidView.getId()).stream()
                .map(HostSprintQueryService::sprint)
                .filter(s -> wanted.contains(s.getState()))
                .sorted(Comparator.comparingInt((Sprint s) -> ORDER.indexOf(s.getState())).thenComparing(Sprint::getId))
                .toList();
        return new Outcome<>(sprints);
    }

    private static Sprint sprint(DemoData.Sprint s) {
        return Sprint.builder().id(s.id()).rapidViewId(s.boardId()).name(s.name())
                .state(Sprint.State.valueOf(s.state().toUpperCase(Locale.ROOT)))
                .startDate(joda(s.start())).endDate(joda(s.end())).completeDate(joda(s.complete())).build();
    }

    private static DateTime joda(ZonedDateTime t) {
        return t == null ? null : new DateTime(t.toInstant().toEpochMilli(), DateTimeZone.forID(t.getZone().getId()));
    }
}
