package org.capacitytracker.jira.service;

import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.capacitytracker.api.AccessSubject;
import org.capacitytracker.api.CapacityAccessDeniedException;
import org.capacitytracker.api.CapacityEngine;
import org.capacitytracker.api.MemberFigures;
import org.capacitytracker.api.typed.CapacityService;
import org.capacitytracker.api.typed.IterationRequest;
import org.capacitytracker.api.typed.MemberCapacity;
import org.capacitytracker.api.typed.TypedCapacityEngine;
import org.capacitytracker.jira.engine.EngineHolder;

/**
 * The {@link CapacityService} this plugin publishes to other plugins (META-INF/spring:
 * {@code <osgi:service>}): over the plugin's one engine, for the user of the current request,
 * refused as the REST API's {@code readBoard} check refuses (the engine decides from the
 * stored permissions; SAL answers whether the user is an administrator or in a group).
 *
 * <p>A consumer never gets the engine itself: only read-only figures of a board the user may
 * read. Calls from another plugin's page are browser-session calls, so the REST grant
 * (needed by calls with credentials) does not apply.
 */
public final class PluginCapacityService implements CapacityService {
    private final EngineHolder engines;
    private final UserManager userManager;

    /**
     * @param engines the plugin's engine
     * @param userManager SAL's users: who is calling, and what they are
     */
    public PluginCapacityService(EngineHolder engines, UserManager userManager) {
        this.engines = Objects.requireNonNull(engines, "engines");
        this.userManager = Objects.requireNonNull(userManager, "userManager");
    }

    @Override
    public MemberCapacity memberCapacity(String boardId, String accountKey, IterationRequest.Iteration iteration) {
        Objects.requireNonNull(boardId, "boardId");
        Objects.requireNonNull(accountKey, "accountKey");
        Objects.requireNonNull(iteration, "iteration");
        CapacityEngine engine = engines.engine();
        UserKey user = userManager.getRemoteUserKey();
        if (user == null) {
            throw new CapacityAccessDeniedException("log in to see capacity: no user is logged in on this request");
        }
        Optional<String> refusal = engine.authorize(user.getStringValue(), "readBoard", boardId, null, subject(user));
        if (refusal.isPresent()) {
            throw new CapacityAccessDeniedException(refusal.get());
        }
        TypedCapacityEngine typed = new TypedCapacityEngine(engine);
        IterationRequest.Iteration dated = iteration.asOf() != null ? iteration
                : new IterationRequest.Iteration(iteration.id(), iteration.name(), iteration.kind(), iteration.start(),
                        iteration.end(), today(typed, boardId).toString());
        return memberFigures(typed, boardId, accountKey, dated);
    }

    /**
     * The member's figures: one engine call, the engine's one-member query (the member's row
     * of the iteration report, without work items: capacity does not depend on them). A key
     * off the iteration's team is the engine's {@code notFound} on {@code accountKey}.
     */
    private static MemberCapacity memberFigures(TypedCapacityEngine typed, String boardId, String accountKey,
                                                IterationRequest.Iteration iteration) {
        MemberFigures f = typed.memberCapacity(new IterationRequest(boardId, iteration, List.of()), accountKey);
        return new MemberCapacity(boardId, accountKey, iteration.id(), iteration.name(), f.firstDate(), f.lastDate(),
                f.asOf(), f.unit(), f.baseUnit(), f.capacity(), f.remainingCapacity(), f.dailyCapacity(),
                f.allocation(), f.workingDays(), f.daysOff());
    }

    /** Today where the board's dates are read, as the board panel picks its "as of" date. */
    private static LocalDate today(TypedCapacityEngine typed, String boardId) {
        String zone = typed.getBoardSettings(boardId).timeZone();
        try {
            return LocalDate.now(zone == null ? ZoneId.of("UTC") : ZoneId.of(zone));
        } catch (DateTimeException e) {
            // The engine validated the zone when it was stored; a JDK without it counts in UTC.
            return LocalDate.now(ZoneId.of("UTC"));
        }
    }

    private AccessSubject subject(UserKey user) {
        return new AccessSubject() {
            @Override
            public boolean isAdmin() {
                return userManager.isAdmin(user);
            }

            @Override
            public boolean isMember(String group) {
                return userManager.isUserInGroup(user, group);
            }
        };
    }
}
