package org.capacitytracker.api;

/**
 * The user an authorisation is about, as only the host knows them: the engine calls these
 * back, on the caller's thread and during {@link CapacityEngine#authorize} or
 * {@link CapacityEngine#authorizeReport} only, when the stored permissions make the answer
 * matter — never while permissions are disabled, {@link #isAdmin()} at most once per call,
 * {@link #isMember} only for the groups the deciding grants name, each at most once.
 *
 * <p>In Jira, both are SAL {@code UserManager} questions:
 * <pre>{@code
 * AccessSubject subject = new AccessSubject() {
 *     public boolean isAdmin() { return users.isAdmin(user); }
 *     public boolean isMember(String group) { return users.isUserInGroup(user, group); }
 *     public boolean withCredentials() { return request.getHeader("Authorization") != null; }
 * };
 * }</pre>
 * An exception thrown here ends the call with a {@link CapacityStorageException} caused by it.
 */
public interface AccessSubject {
    /**
     * Whether the user is an administrator, who may always do everything.
     *
     * @return {@code true} for a Jira administrator
     */
    boolean isAdmin();

    /**
     * Whether the user is in a group.
     *
     * @param group a group name from the permissions document
     * @return {@code true} when the user is a member
     */
    boolean isMember(String group);

    /**
     * Whether this call came with the user's credentials on it (HTTP Basic, a personal access
     * token) rather than from a logged-in browser session: a script or integration using the
     * REST API, which then also needs the permissions' REST grant. Asked at most once per
     * call, only when permissions are enabled and the user is not an administrator.
     *
     * @return {@code true} for a call with credentials; the default, {@code false}, is a
     *         browser session
     */
    default boolean withCredentials() {
        return false;
    }
}
