package org.capacitytracker.host.testplugin;

import com.atlassian.annotations.security.AdminOnly;
import com.atlassian.annotations.security.UnrestrictedAccess;

import javax.inject.Inject;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

/** One method per access rule, for the host's REST v2 security test. */
@Path("/access")
@Produces(MediaType.TEXT_PLAIN)
public class AccessProbeResource {
    @Inject
    public AccessProbeResource() {
    }

    @GET
    @Path("/open")
    @UnrestrictedAccess
    public String open() {
        return "open";
    }

    @GET
    @Path("/admin")
    @AdminOnly
    public String admin() {
        return "admin";
    }

    /** No annotation: Jira 10's secure default, licensed users only. */
    @GET
    @Path("/default")
    public String byDefault() {
        return "licensed";
    }
}
