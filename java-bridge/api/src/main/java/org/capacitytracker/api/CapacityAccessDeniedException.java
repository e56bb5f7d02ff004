package org.capacitytracker.api;

/**
 * The user a call is made for may not see what it asks for: refused by the Capacity Tracker
 * plugin's {@link org.capacitytracker.api.typed.CapacityService} with the same reason its REST
 * API gives with a 403 (the stored permissions, decided by the engine). Also thrown when no
 * user is logged in.
 *
 * <pre>{@code
 * try {
 *     MemberCapacity mine = capacity.memberCapacity("42", "alice", sprint);
 * } catch (CapacityAccessDeniedException e) {
 *     show(e.getMessage()); // "you may not read board 42 ..."
 * }
 * }</pre>
 */
public class CapacityAccessDeniedException extends CapacityException {
    private static final long serialVersionUID = 1L;

    /**
     * The code of this refusal. Not one of the engine's error codes (the engine answers an
     * authorisation with a reason, not an error): the plugin's service raises it.
     */
    public static final int ACCESS_DENIED = 403;

    /**
     * Creates a refusal.
     *
     * <pre>{@code throw new CapacityAccessDeniedException("you may not read board 42");}</pre>
     *
     * @param message why, in words the user can act on
     */
    public CapacityAccessDeniedException(String message) {
        super(ACCESS_DENIED, message, null);
    }
}
