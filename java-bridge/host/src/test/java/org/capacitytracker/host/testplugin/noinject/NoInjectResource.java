package org.capacitytracker.host.testplugin.noinject;

import com.atlassian.sal.api.user.UserManager;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

/**
 * Deliberately broken: a REST resource whose constructor lacks {@code @Inject}. Jersey 1 (Jira
 * 9) autowired it; REST v2's HK2 cannot create it, so every call fails.
 */
@Path("/no-inject")
@Produces(MediaType.TEXT_PLAIN)
public class NoInjectResource {
    private final UserManager users;

    public NoInjectResource(UserManager users) {
        this.users = users;
    }

    @GET
    public String get() {
        return "created with " + users;
    }
}
