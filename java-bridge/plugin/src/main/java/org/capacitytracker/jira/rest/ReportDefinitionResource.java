package org.capacitytracker.jira.rest;

import com.atlassian.annotations.security.LicensedOnly;
import com.atlassian.sal.api.user.UserManager;
import java.io.InputStream;
import java.util.Objects;
import javax.inject.Inject;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
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
 * Multi-project report definitions and the report itself: {@code /rest/capacity/1.0/reports}.
 * Anyone logged in may read definitions; running a report needs read access to every board
 * it covers, and writes need the reports grant, when permissions are enabled
 * (administrators always may).
 *
 * <pre>
 * GET    /reports       → [{"id":"q1","name":"Q1"}]
 * GET    /reports/q1    → the definition (400 naming reportId when there is none)
 * PUT    /reports/q1    body: the definition with the revision read (0 for a new one) → stored
 * DELETE /reports/q1    → 204
 * POST   /reports/run   body: {"reportId"} or {"definition"}, plus "boards" → the report
 * </pre>
 */
@LicensedOnly
@Path("/reports")
@Produces(MediaType.APPLICATION_JSON)
public class ReportDefinitionResource {
    private final UserManager userManager;
    private final EngineHolder engines;

    /**
     * Created by the plugin framework, with Jira's user manager and the plugin's engine.
     *
     * @param userManager SAL's user manager
     * @param engines the plugin's engine
     */
    @Inject
    public ReportDefinitionResource(UserManager userManager, EngineHolder engines) {
        this.userManager = Objects.requireNonNull(userManager, "userManager");
        this.engines = Objects.requireNonNull(engines, "engines");
    }

    /**
     * Computes a multi-project report over the boards, iterations and work items posted
     * (the caller reads them from Jira). Reads only.
     */
    @POST
    @Path("/run")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response run(@Context HttpServletRequest request, InputStream body) {
        return RestCalls.open(userManager, engines, request, Access::report, body, RequestBodies.REPORT_LIMIT,
                call -> RestCalls.ok(call.engine().multiProjectReport(call.body())));
    }

    /** Every definition's id and name. */
    @GET
    public Response list(@Context HttpServletRequest request) {
        return RestCalls.open(userManager, engines, request, Access::anyone,
                call -> RestCalls.ok(call.engine().listReportDefinitions()));
    }

    /** One definition. */
    @GET
    @Path("/{reportId}")
    public Response get(@PathParam("reportId") String reportId, @Context HttpServletRequest request) {
        return RestCalls.open(userManager, engines, request,
                () -> PathParams.documentId("reportId", reportId, Access.anyone()),
                call -> RestCalls.ok(call.engine().getReportDefinition(reportId)));
    }

    /** Stores a definition; 409 with {@code currentRevision} when the revision is stale. */
    @PUT
    @Path("/{reportId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response put(@PathParam("reportId") String reportId, @Context HttpServletRequest request,
                        InputStream body) {
        return RestCalls.open(userManager, engines, request,
                () -> PathParams.documentId("reportId", reportId, Access.to(Access.Action.MANAGE_REPORTS)),
                body, RequestBodies.DOCUMENT_LIMIT,
                call -> RestCalls.ok(call.engine().putReportDefinition(reportId, call.body())));
    }

    /** Removes a definition. */
    @DELETE
    @Path("/{reportId}")
    public Response remove(@PathParam("reportId") String reportId, @Context HttpServletRequest request) {
        return RestCalls.open(userManager, engines, request,
                () -> PathParams.documentId("reportId", reportId, Access.to(Access.Action.MANAGE_REPORTS)),
                call -> {
                    call.engine().removeReportDefinition(reportId);
                    return RestCalls.noContent();
                });
    }
}
