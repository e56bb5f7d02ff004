package org.capacitytracker.jira.rest;

import com.atlassian.sal.api.user.UserManager;
import java.io.InputStream;
import java.util.Objects;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.capacitytracker.jira.engine.EngineHolder;

/**
 * A board's capacity settings and iteration reports:
 * {@code /rest/capacity/1.0/boards/{boardId}/...}.
 *
 * <p>Writes accept only {@code application/json}. Jira's REST layer also checks XSRF on
 * writes (a form-encodable content type needs {@code X-Atlassian-Token: no-check}); the
 * content type alone already keeps cross-site forms out, whatever runtime hosts this.
 *
 * <pre>
 * GET  /boards/1/settings   → the settings document (defaults, revision 0, when none stored)
 * PUT  /boards/1/settings   body: the settings with the revision read → the stored document
 * POST /boards/1/report     body: {"iteration": {...}, "items": [...]} → the report
 * </pre>
 */
@Path("/boards/{boardId}")
@Produces(MediaType.APPLICATION_JSON)
public class BoardResource {
    private final UserManager userManager;
    private final EngineHolder engines;

    /**
     * Created by the plugin framework, with Jira's user manager and the plugin's engine.
     *
     * @param userManager SAL's user manager
     * @param engines the plugin's engine
     */
    public BoardResource(UserManager userManager, EngineHolder engines) {
        this.userManager = Objects.requireNonNull(userManager, "userManager");
        this.engines = Objects.requireNonNull(engines, "engines");
    }

    /** The board's settings document. */
    @GET
    @Path("/settings")
    public Response getSettings(@PathParam("boardId") String boardId, @Context HttpServletRequest request) {
        return RestCalls.respond(userManager, request,
                () -> engines.engine().getBoardSettings(PathParams.boardId(boardId)));
    }

    /** Stores the board's settings; 409 with {@code currentRevision} when the revision is stale. */
    @PUT
    @Path("/settings")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response putSettings(@PathParam("boardId") String boardId, @Context HttpServletRequest request,
                                InputStream body) {
        return RestCalls.respond(userManager, request, () -> {
            String id = PathParams.boardId(boardId);
            String settings = RequestBodies.read(body, request.getContentLengthLong(), RequestBodies.DOCUMENT_LIMIT);
            return engines.engine().putBoardSettings(id, settings);
        });
    }

    /** Computes the iteration report for the iteration and work items posted. */
    @POST
    @Path("/report")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response report(@PathParam("boardId") String boardId, @Context HttpServletRequest request,
                           InputStream body) {
        return RestCalls.respond(userManager, request, () -> {
            String id = PathParams.boardId(boardId);
            String posted = RequestBodies.read(body, request.getContentLengthLong(), RequestBodies.REPORT_LIMIT);
            return engines.engine().iterationReport(ReportRequests.withBoardId(id, posted));
        });
    }
}
