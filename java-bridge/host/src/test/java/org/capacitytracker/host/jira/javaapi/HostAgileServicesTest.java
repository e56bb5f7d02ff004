package org.capacitytracker.host.jira.javaapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.atlassian.greenhopper.model.rapid.RapidView;
import com.atlassian.greenhopper.service.ServiceOutcome;
import com.atlassian.greenhopper.service.sprint.Sprint;
import com.atlassian.jira.user.ApplicationUser;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.capacitytracker.host.auth.HostUser;
import org.capacitytracker.host.jira.DemoData;
import org.capacitytracker.host.jira.DemoWorkSource;
import org.capacitytracker.host.jira.VisibleWork;
import org.junit.jupiter.api.Test;

/** Jira Software's board and sprint services on the host: what a caller may see, and what is refused. */
class HostAgileServicesTest {
    private static final LocalDate ANCHOR = LocalDate.of(2026, 11, 30);
    private final DemoData full = DemoData.generate(ANCHOR, DemoData.Demo.FULL);
    private final Map<String, HostUser> users = new java.util.HashMap<>(Map.of(
            "victor", user("victor"), "judy", user("judy", "payments-team")));
    private final Function<String, Optional<HostUser>> byKey = k -> Optional.ofNullable(users.get(k));
    private final VisibleWork work = new VisibleWork(new DemoWorkSource(full));
    private final HostRapidViewService boards = new HostRapidViewService(work, byKey);
    private final HostSprintQueryService sprints = new HostSprintQueryService(work, byKey);
    private final HostJiraUserManager userManager = new HostJiraUserManager(byKey);

    private static HostUser user(String name, String... groups) {
        Set<String> all = new HashSet<>(List.of(groups));
        all.add(HostUser.SOFTWARE_USERS);
        return new HostUser(name, name, name, name + "@example.com", true, Set.copyOf(all));
    }

    private ApplicationUser as(String key) {
        return userManager.getUserByKey(key);
    }

    @Test
    void aVisibleBoardsSprintsComeClosedActiveFutureWithTheirDates() {
        ServiceOutcome<RapidView> board = boards.getRapidView(as("victor"), 1L);
        assertTrue(board.isValid());
        assertEquals(1L, board.getValue().getId());
        List<Sprint> all = sprints.getSprints(as("victor"), board.getValue(), EnumSet.allOf(Sprint.State.class), false)
                .getValue();
        List<DemoData.Sprint> demo = full.sprints(1);
        assertEquals(demo.size(), all.size());
        List<Sprint.State> states = all.stream().map(Sprint::getState).toList();
        List<Sprint.State> sorted = states.stream().sorted(java.util.Comparator.comparingInt(
                s -> List.of(Sprint.State.CLOSED, Sprint.State.ACTIVE, Sprint.State.FUTURE).indexOf(s))).toList();
        assertEquals(sorted, states);
        DemoData.Sprint active = demo.stream().filter(s -> s.state().equals("active")).findFirst().orElseThrow();
        Sprint activeSprint = all.stream().filter(s -> s.getId() == active.id()).findFirst().orElseThrow();
        assertEquals(active.start().toInstant().toEpochMilli(), activeSprint.getStartDate().getMillis());
        assertEquals(active.end().toInstant().toEpochMilli(), activeSprint.getEndDate().getMillis());
        assertNull(activeSprint.getCompleteDate());
        assertEquals(active.start().getZone().getId(), activeSprint.getStartDate().getZone().getID());

        List<Sprint> closed = sprints.getSprints(as("victor"), board.getValue(), EnumSet.of(Sprint.State.CLOSED), false)
                .getValue();
        assertFalse(closed.isEmpty());
        assertTrue(closed.stream().allMatch(s -> s.getState() == Sprint.State.CLOSED && s.getCompleteDate() != null));
    }

    @Test
    void aBoardTheCallerMayNotBrowseIsAsIfItDidNotExist() {
        assertFalse(boards.getRapidView(as("victor"), 2L).isValid(), "PAY's board");
        assertNull(boards.getRapidView(as("victor"), 2L).getValue());
        assertTrue(boards.getRapidView(as("judy"), 2L).isValid());
        assertFalse(boards.getRapidView(as("victor"), 999L).isValid(), "unknown board");
        assertFalse(boards.getRapidView(as("victor"), null).isValid());
        assertFalse(boards.getRapidView(null, 1L).isValid(), "anonymous");
        // A board handed over by someone who may see it does not open its sprints to victor.
        RapidView pay = boards.getRapidView(as("judy"), 2L).getValue();
        assertFalse(sprints.getSprints(as("victor"), pay, EnumSet.allOf(Sprint.State.class), false).isValid());
        assertTrue(sprints.getSprints(as("judy"), pay, EnumSet.allOf(Sprint.State.class), false).isValid());
        assertFalse(sprints.getSprints(as("judy"), null, EnumSet.allOf(Sprint.State.class), false).isValid());
        ApplicationUser judy = as("judy");
        users.remove("judy");
        assertFalse(sprints.getSprints(judy, pay, EnumSet.allOf(Sprint.State.class), false).isValid(),
                "a user removed since holds no rights");
    }
}
