package org.capacitytracker.host.web;

import org.capacitytracker.host.auth.HostUser;

import javax.servlet.http.HttpServletRequest;

/**
 * The request being served on this thread and its user, for SAL services that take no
 * request argument ({@code UserManager.getRemoteUser()}, {@code PageBuilderService}).
 * One instance per host, so that two hosts in one JVM (tests) never see each other's users.
 */
public final class CurrentRequest {
    /** Request attribute holding the authenticated {@link HostUser}. */
    public static final String USER_ATTRIBUTE = CurrentRequest.class.getName() + ".user";

    private final ThreadLocal<HttpServletRequest> request = new ThreadLocal<>();

    void enter(HttpServletRequest r) {
        request.set(r);
    }

    void leave() {
        request.remove();
    }

    /** The current request, or null outside one. */
    public HttpServletRequest request() {
        return request.get();
    }

    /** The current user, or null when anonymous or outside a request. */
    public HostUser user() {
        HttpServletRequest r = request.get();
        return r == null ? null : userOf(r);
    }

    public static HostUser userOf(HttpServletRequest r) {
        Object user = r.getAttribute(USER_ATTRIBUTE);
        return user instanceof HostUser u ? u : null;
    }
}
