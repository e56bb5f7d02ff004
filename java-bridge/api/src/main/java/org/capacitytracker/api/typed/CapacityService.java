package org.capacitytracker.api.typed;

/**
 * Read-only capacity queries for other Jira plugins, published by the Capacity Tracker plugin
 * as an OSGi service under this interface name. Every plugin that imports it shares the
 * plugin's one engine and its storage (the engine is never opened twice), and every call is
 * made for the user of the current request, with the permissions Capacity Tracker's own REST
 * API applies to that user: a consumer cannot read a board its user may not read.
 *
 * <p>Import it in your plugin's Spring context ({@code META-INF/spring/*.xml}):
 * <pre>{@code
 * <osgi:reference id="capacityService" interface="org.capacitytracker.api.typed.CapacityService"/>
 * }</pre>
 * and take it in a constructor; see {@code java-bridge/examples/consumer-plugin}. Import the
 * packages {@code org.capacitytracker.api} and {@code org.capacitytracker.api.typed} from the
 * Capacity Tracker plugin (never bundle a copy of the API jar: it would load the native
 * library a second time and see another engine).
 *
 * <p>The service is a proxy in Jira: it may become unavailable while Capacity Tracker is
 * disabled or upgraded; keep the reference Spring gives you, not the object behind it.
 */
public interface CapacityService {
    /**
     * One member's capacity in an iteration of a board, for the current user.
     *
     * <pre>{@code
     * MemberCapacity m = capacity.memberCapacity("42", "alice",
     *     new IterationRequest.Iteration("7", "Sprint 7", null, "2026-11-30", "2026-12-11", null));
     * long minutesLeft = m.remainingCapacity();
     * }</pre>
     *
     * @param boardId the board
     * @param accountKey the member (a Jira user key)
     * @param iteration the iteration's id, name and dates; when {@code asOf} is null, remaining
     *        capacity counts from today in the board's time zone, as the board panel counts it
     * @return the member's figures
     * @throws org.capacitytracker.api.CapacityAccessDeniedException when no user is logged in,
     *         or the user may not read the board
     * @throws org.capacitytracker.api.CapacityNotFoundException when the person is not a member
     *         of the board in that iteration ({@code field()} is {@code accountKey})
     * @throws org.capacitytracker.api.CapacityValidationException when an id or date is invalid (named)
     * @throws org.capacitytracker.api.CapacityStorageException when Jira's storage fails
     */
    MemberCapacity memberCapacity(String boardId, String accountKey, IterationRequest.Iteration iteration);
}
