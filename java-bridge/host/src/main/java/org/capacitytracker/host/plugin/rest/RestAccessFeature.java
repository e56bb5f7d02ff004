package org.capacitytracker.host.plugin.rest;

import org.capacitytracker.host.auth.HostUser;
import org.capacitytracker.host.web.CurrentRequest;

import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.DynamicFeature;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.FeatureContext;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

/**
 * Enforces each resource method's {@link RestAccessRule} before the method runs, as Jira's
 * REST v2 does: 401 for an anonymous caller where a login is needed, 403 for a logged-in one
 * without the right. Registered by the host in every plugin REST application.
 */
public final class RestAccessFeature implements DynamicFeature {
    private final CurrentRequest current;

    public RestAccessFeature(CurrentRequest current) {
        this.current = current;
    }

    @Override
    public void configure(ResourceInfo resourceInfo, FeatureContext context) {
        RestAccessRule rule = RestAccessRule.of(resourceInfo.getResourceMethod(), resourceInfo.getResourceClass());
        context.register(new Check(rule, current), Priorities.AUTHENTICATION);
    }

    private static final class Check implements ContainerRequestFilter {
        private final RestAccessRule rule;
        private final CurrentRequest current;

        Check(RestAccessRule rule, CurrentRequest current) {
            this.rule = rule;
            this.current = current;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            HostUser user = current.user();
            boolean authenticated = user != null;
            boolean licensed = authenticated && (user.groups().contains(HostUser.SOFTWARE_USERS) || user.isAdmin());
            boolean admin = authenticated && user.isAdmin();
            // The host has no anonymous browsing and one administrators group, which is also
            // the system administrators'.
            if (rule.allows(authenticated, licensed, admin, admin, false)) {
                return;
            }
            if (!authenticated) {
                request.abortWith(error(401, "Client must be authenticated to access this resource."));
            } else {
                request.abortWith(error(403, "You do not have the permission to access this resource."));
            }
        }

        private static Response error(int status, String message) {
            return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                    .header("Cache-Control", "no-cache, no-store")
                    .entity("{\"message\":\"" + message + "\",\"status-code\":" + status + "}").build();
        }
    }
}
