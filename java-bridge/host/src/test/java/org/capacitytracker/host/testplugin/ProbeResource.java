package org.capacitytracker.host.testplugin;

import com.atlassian.sal.api.user.UserManager;

import javax.inject.Inject;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;

/** The test plugin's REST resource: reports what a plugin can see from inside the host. */
@Path("/probe")
@Produces(MediaType.TEXT_PLAIN)
public class ProbeResource {
    private final UserManager users;
    private final ProbeComponent component;

    @Inject
    public ProbeResource(UserManager users, ProbeComponent component) {
        this.users = users;
        this.component = component;
    }

    @GET
    public String probe(@Context HttpServletRequest request) {
        return "user=" + users.getRemoteUser(request).getUsername()
                + ";userNoRequest=" + users.getRemoteUser().getFullName()
                + ";admin=" + users.isAdmin(users.getRemoteUserKey())
                + ";loader=" + getClass().getClassLoader().getName()
                + ";tomcat=" + visible("org.apache.catalina.startup.Tomcat")
                + ";spring=" + visible("org.springframework.context.ApplicationContext")
                + ";h2=" + visible("org.h2.Driver")
                + ";servlet=" + visible("javax.servlet.http.HttpServlet")
                + ";stored=" + component.remember("42");
    }

    private boolean visible(String className) {
        try {
            Class.forName(className, false, getClass().getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
