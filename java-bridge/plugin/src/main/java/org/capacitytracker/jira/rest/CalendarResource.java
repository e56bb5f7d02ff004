package org.capacitytracker.jira.rest;

import com.atlassian.annotations.security.AdminOnly;
import com.atlassian.annotations.security.LicensedOnly;
import com.atlassian.sal.api.user.UserManager;
import java.io.InputStream;
import java.util.Objects;
import javax.inject.Inject;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.capacitytracker.jira.engine.EngineHolder;

/**
 * Holiday calendars, shared by boards through their {@code holidayCalendar}:
 * {@code /rest/capacity/1.0/calendars}. Anyone logged in may read them; only Jira
 * administrators may write them, since one calendar changes many boards' capacity.
 *
 * <pre>
 * GET    /calendars       → [{"id":"de","name":"Germany"}]
 * GET    /calendars/de    → the calendar (400 naming calendarId when there is none)
 * PUT    /calendars/de    body: the calendar with the revision read (0 for a new one) → stored
 * DELETE /calendars/de    → 204
 * </pre>
 */
@LicensedOnly
@Path("/calendars")
@Produces(MediaType.APPLICATION_JSON)
public class CalendarResource {
    private final UserManager userManager;
    private final EngineHolder engines;

    /**
     * Created by the plugin framework, with Jira's user manager and the plugin's engine.
     *
     * @param userManager SAL's user manager
     * @param engines the plugin's engine
     */
    @Inject
    public CalendarResource(UserManager userManager, EngineHolder engines) {
        this.userManager = Objects.requireNonNull(userManager, "userManager");
        this.engines = Objects.requireNonNull(engines, "engines");
    }

    /** Every calendar's id and name. */
    @GET
    public Response list(@Context HttpServletRequest request) {
        return RestCalls.open(userManager, engines, request, Access::anyone,
                call -> RestCalls.ok(call.engine().listCalendars()));
    }

    /** One calendar. */
    @GET
    @Path("/{calendarId}")
    public Response get(@PathParam("calendarId") String calendarId, @Context HttpServletRequest request) {
        return RestCalls.open(userManager, engines, request,
                () -> PathParams.documentId("calendarId", calendarId, Access.anyone()),
                call -> RestCalls.ok(call.engine().getCalendar(calendarId)));
    }

    /** Stores a calendar; 409 with {@code currentRevision} when the revision is stale. */
    @PUT
    @AdminOnly
    @Path("/{calendarId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response put(@PathParam("calendarId") String calendarId, @Context HttpServletRequest request,
                        InputStream body) {
        return RestCalls.open(userManager, engines, request,
                () -> PathParams.documentId("calendarId", calendarId, Access.admin("change holiday calendars")),
                body, RequestBodies.DOCUMENT_LIMIT,
                call -> RestCalls.ok(call.engine().putCalendar(calendarId, call.body())));
    }

    /** Removes a calendar (reports of boards still naming it warn that it is missing). */
    @DELETE
    @AdminOnly
    @Path("/{calendarId}")
    public Response remove(@PathParam("calendarId") String calendarId, @Context HttpServletRequest request) {
        return RestCalls.open(userManager, engines, request,
                () -> PathParams.documentId("calendarId", calendarId, Access.admin("change holiday calendars")),
                call -> {
                    call.engine().removeCalendar(calendarId);
                    return RestCalls.noContent();
                });
    }
}
