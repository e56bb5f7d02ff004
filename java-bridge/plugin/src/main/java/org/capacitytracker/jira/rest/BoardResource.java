package org.capacitytracker.jira.rest;

import com.atlassian.annotations.security.LicensedOnly;
import com.atlassian.sal.api.user.UserManager;
import java.io.InputStream;
import java.util.Objects;
import javax.inject.Inject;
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
 * A board's capacity settings, iteration reports and iteration teams:
 * {@code /rest/capacity/1.0/boards/{boardId}/...}. When permissions are enabled, reads need
 * the board's read grant and writes its write grant ({@link Access}); 403 otherwise.
 *
 * <p>Writes accept only {@code application/json}. Jira's REST layer also checks XSRF on
 * writes (a form-encodable content type needs {@code X-Atlassian-Token: no-check}), but the
 * plugin does not rely on it: every write with a body must declare {@code application/json}
 * (415 otherwise, checked in {@link RestCalls#open}), which no cross-site page can send without
 * a CORS preflight — a missing content type included.
 *
 * <pre>
 * GET  /boards/1/settings   → the settings document (defaults, revision 0, when none stored)
 * PUT  /boards/1/settings   body: the settings with the revision read → the stored document
 * POST /boards/1/report     body: {"iteration": {...}, "items": [...]} → the report
 * GET  /boards/1/ranges     → a Kanban board's saved date ranges (empty, revision 0, when none)
 * PUT  /boards/1/ranges     body: the ranges with the revision read → the stored document
 * GET  /boards/1/iterations/3/team        → the iteration's team changes
 * PUT  /boards/1/iterations/3/team        body: the document with its revision → stored
 * POST /boards/1/iterations/3/team/copy   body: {"fromIterationId":"2","revision":0} → stored
 * POST /boards/1/apply-template           body: {"templateId":"squad","iterationId":"3"?,"revision":N}
 * </pre>
 */
@LicensedOnly
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
    @Inject
    public BoardResource(UserManager userManager, EngineHolder engines) {
        this.userManager = Objects.requireNonNull(userManager, "userManager");
        this.engines = Objects.requireNonNull(engines, "engines");
    }

    /** The board's settings document. */
    @GET
    @Path("/settings")
    public Response getSettings(@PathParam("boardId") String boardId, @Context HttpServletRequest request) {
        return RestCalls.open(userManager, engines, request,
                () -> Access.board(Access.Action.READ_BOARD, PathParams.boardId(boardId)),
                call -> RestCalls.ok(call.engine().getBoardSettings(boardId)));
    }

    /** Stores the board's settings; 409 with {@code currentRevision} when the revision is stale. */
    @PUT
    @Path("/settings")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response putSettings(@PathParam("boardId") String boardId, @Context HttpServletRequest request,
                                InputStream body) {
        return RestCalls.open(userManager, engines, request,
                () -> Access.board(Access.Action.WRITE_BOARD, PathParams.boardId(boardId)),
                body, RequestBodies.DOCUMENT_LIMIT,
                call -> RestCalls.ok(call.engine().putBoardSettings(boardId, call.body())));
    }

    /** A Kanban board's saved date ranges. */
    @GET
    @Path("/ranges")
    public Response getRanges(@PathParam("boardId") String boardId, @Context HttpServletRequest request) {
        return RestCalls.open(userManager, engines, request,
                () -> Access.board(Access.Action.READ_BOARD, PathParams.boardId(boardId)),
                call -> RestCalls.ok(call.engine().getBoardRanges(boardId)));
    }

    /** Stores a Kanban board's date ranges (the whole list); 409 when the revision is stale. */
    @PUT
    @Path("/ranges")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response putRanges(@PathParam("boardId") String boardId, @Context HttpServletRequest request,
                              InputStream body) {
        return RestCalls.open(userManager, engines, request,
                () -> Access.board(Access.Action.WRITE_BOARD, PathParams.boardId(boardId)),
                body, RequestBodies.DOCUMENT_LIMIT,
                call -> RestCalls.ok(call.engine().putBoardRanges(boardId, call.body())));
    }

    /** Computes the iteration report for the iteration and work items posted. */
    @POST
    @Path("/report")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response report(@PathParam("boardId") String boardId, @Context HttpServletRequest request,
                           InputStream body) {
        return RestCalls.open(userManager, engines, request,
                () -> Access.board(Access.Action.READ_BOARD, PathParams.boardId(boardId)),
                body, RequestBodies.REPORT_LIMIT,
                call -> RestCalls.ok(call.engine().iterationReport(ReportRequests.withBoardId(boardId, call.body()))));
    }

    /** One iteration's team changes (an empty document at revision 0 when it has none). */
    @GET
    @Path("/iterations/{iterationId}/team")
    public Response getIterationTeam(@PathParam("boardId") String boardId,
                                     @PathParam("iterationId") String iterationId,
                                     @Context HttpServletRequest request) {
        return RestCalls.open(userManager, engines, request,
                () -> Access.board(Access.Action.READ_BOARD, PathParams.boardAndIteration(boardId, iterationId)),
                call -> RestCalls.ok(call.engine().getIterationTeam(boardId, iterationId)));
    }

    /** Stores one iteration's team changes against the revision read. */
    @PUT
    @Path("/iterations/{iterationId}/team")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response putIterationTeam(@PathParam("boardId") String boardId,
                                     @PathParam("iterationId") String iterationId,
                                     @Context HttpServletRequest request, InputStream body) {
        return RestCalls.open(userManager, engines, request,
                () -> Access.board(Access.Action.WRITE_BOARD, PathParams.boardAndIteration(boardId, iterationId)),
                body, RequestBodies.DOCUMENT_LIMIT,
                call -> RestCalls.ok(call.engine().putIterationTeam(boardId, iterationId, call.body())));
    }

    /**
     * Copies another iteration's team changes to this one; body
     * {@code {"fromIterationId":"2","revision":0}} (the revision of this iteration's document).
     */
    @POST
    @Path("/iterations/{iterationId}/team/copy")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response copyIterationTeam(@PathParam("boardId") String boardId,
                                      @PathParam("iterationId") String iterationId,
                                      @Context HttpServletRequest request, InputStream body) {
        return RestCalls.open(userManager, engines, request,
                () -> Access.board(Access.Action.WRITE_BOARD, PathParams.boardAndIteration(boardId, iterationId)),
                body, RequestBodies.DOCUMENT_LIMIT, call -> {
                    String example = "{\"fromIterationId\": \"2\", \"revision\": 0}";
                    return RestCalls.ok(call.engine().copyIterationTeam(ReportRequests.withMember("boardId", boardId,
                            ReportRequests.withMember("toIterationId", iterationId, call.body(), example), example)));
                });
    }

    /**
     * Applies a template to the board's team (or, with {@code iterationId}, to one
     * iteration's team); body {@code {"templateId":"squad","iterationId":"3","revision":N}}.
     */
    @POST
    @Path("/apply-template")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response applyTemplate(@PathParam("boardId") String boardId, @Context HttpServletRequest request,
                                  InputStream body) {
        return RestCalls.open(userManager, engines, request,
                () -> Access.board(Access.Action.WRITE_BOARD, PathParams.boardId(boardId)),
                body, RequestBodies.DOCUMENT_LIMIT,
                call -> RestCalls.ok(call.engine().applyTemplate(ReportRequests.withMember("boardId", boardId, call.body(),
                        "{\"templateId\": \"squad\", \"revision\": 1}"))));
    }
}
