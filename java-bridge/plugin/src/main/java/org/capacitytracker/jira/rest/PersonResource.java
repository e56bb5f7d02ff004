package org.capacitytracker.jira.rest;

import com.atlassian.annotations.security.LicensedOnly;
import com.atlassian.sal.api.user.UserManager;
import java.io.InputStream;
import java.util.Objects;
import javax.inject.Inject;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.QueryParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.capacitytracker.jira.engine.EngineHolder;

/**
 * A person's days off, shared by every board: {@code /rest/capacity/1.0/people/{accountKey}/days-off}.
 *
 * <pre>
 * GET /people/alice/days-off?boardId=7   → the days-off document (empty, revision 0, when none stored)
 * PUT /people/alice/days-off?boardId=7   body: the document with the revision read → the stored document
 * </pre>
 *
 * With permissions enabled, people may always read and change their own days off; anyone
 * else only for a board the person is a member of ({@code boardId}: the capacity panel sends
 * its board), as reading or writing that board allows. Jira administrators may do both.
 */
@LicensedOnly
@Path("/people/{accountKey}")
@Produces(MediaType.APPLICATION_JSON)
public class PersonResource {
    private final UserManager userManager;
    private final EngineHolder engines;

    /**
     * Created by the plugin framework, with Jira's user manager and the plugin's engine.
     *
     * @param userManager SAL's user manager
     * @param engines the plugin's engine
     */
    @Inject
    public PersonResource(UserManager userManager, EngineHolder engines) {
        this.userManager = Objects.requireNonNull(userManager, "userManager");
        this.engines = Objects.requireNonNull(engines, "engines");
    }

    /** The person's days-off document. */
    @GET
    @Path("/days-off")
    public Response getDaysOff(@PathParam("accountKey") String accountKey, @QueryParam("boardId") String boardId,
                               @Context HttpServletRequest request) {
        return RestCalls.open(userManager, engines, request,
                () -> Access.daysOff(Access.Action.READ_DAYS_OFF, PathParams.accountKey(accountKey), board(boardId)),
                call -> RestCalls.ok(call.engine().getDaysOff(accountKey)));
    }

    /** Stores the person's days off; 409 with {@code currentRevision} when the revision is stale. */
    @PUT
    @Path("/days-off")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response putDaysOff(@PathParam("accountKey") String accountKey, @QueryParam("boardId") String boardId,
                               @Context HttpServletRequest request, InputStream body) {
        return RestCalls.open(userManager, engines, request,
                () -> Access.daysOff(Access.Action.WRITE_DAYS_OFF, PathParams.accountKey(accountKey), board(boardId)),
                body, RequestBodies.DOCUMENT_LIMIT,
                call -> RestCalls.ok(call.engine().putDaysOff(accountKey, call.body())));
    }

    /** The optional board the caller acts for, checked like a path's board id. */
    private static String board(String boardId) {
        return boardId == null || boardId.isEmpty() ? null : PathParams.boardId(boardId);
    }
}
