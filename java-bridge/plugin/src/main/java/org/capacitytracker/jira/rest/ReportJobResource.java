package org.capacitytracker.jira.rest;

import com.atlassian.annotations.security.LicensedOnly;
import com.atlassian.sal.api.user.UserManager;
import java.io.InputStream;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.inject.Inject;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.capacitytracker.api.CapacityException;
import org.capacitytracker.api.typed.MultiProjectRequest;
import org.capacitytracker.api.typed.TypedCapacityEngine;
import org.capacitytracker.jira.engine.EngineHolder;
import org.capacitytracker.jira.report.ReportJob;
import org.capacitytracker.jira.report.ReportJobs;
import org.capacitytracker.jira.report.ServerReports;
import org.capacitytracker.jira.text.JsonText;

/**
 * Multi-project reports read and computed on the server, through Jira's Java API as the
 * logged-in user, instead of crawled by the browser and posted:
 *
 * <pre>
 * POST   /reports/jobs         body: {"reportId"} or {"definition"} → 202 with the job (joins a running one)
 * GET    /reports/jobs/{jobId} → 202 while queued or running, 200 with "report" when done,
 *                                 200 with "error" when it failed or was cancelled
 * DELETE /reports/jobs/{jobId} → 200 with the cancelled job
 * </pre>
 *
 * <p>Every board the definition names must be readable in Capacity Tracker (as for
 * {@code POST /reports/run}); a board of its projects that is not is left out. A board the
 * user cannot browse in Jira stays in the report with no work and a note
 * ({@code "notes":[{"boardId":"2","code":"board-not-visible"}]}), as does a Kanban board
 * without a fix version or saved range in the period ({@code kanban-without-periods}). A job belongs to who started it and lives on the node
 * that runs it (Data Center: sticky sessions); its answer is kept 15 minutes.
 */
@Path("/reports/jobs")
@Produces(MediaType.APPLICATION_JSON)
@LicensedOnly
public class ReportJobResource {
    private static final Pattern JOB_ID = Pattern.compile("[0-9a-f]{32}");

    private final UserManager userManager;
    private final EngineHolder engines;
    private final ServerReports reports;

    /**
     * Created by the plugin framework.
     *
     * @param userManager SAL's user manager
     * @param engines the plugin's engine
     * @param reports the plugin's report jobs
     */
    @Inject
    public ReportJobResource(UserManager userManager, EngineHolder engines, ServerReports reports) {
        this.userManager = Objects.requireNonNull(userManager, "userManager");
        this.engines = Objects.requireNonNull(engines, "engines");
        this.reports = Objects.requireNonNull(reports, "reports");
    }

    /** Starts a report job (or joins the caller's running one for the same definition). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response start(@Context HttpServletRequest request, InputStream body) {
        return RestCalls.open(userManager, engines, request, Access::report, body, RequestBodies.DOCUMENT_LIMIT,
                call -> {
                    MultiProjectRequest.Scope scope;
                    try {
                        scope = MultiProjectRequest.Scope.fromJson(call.body());
                    } catch (IllegalArgumentException e) {
                        throw RestProblem.invalid("body", "must be {\"reportId\": ...} or {\"definition\": {...}} ("
                                + e.getMessage() + ")");
                    }
                    // The inline definition wins, as in the engine; a stored one is read now,
                    // so a missing reportId is a 404 here rather than a failed job.
                    String reportId = scope.definition() == null ? scope.reportId() : null;
                    MultiProjectRequest.Definition definition = reportId == null ? scope.definition()
                            : new TypedCapacityEngine(call.engine()).getReportDefinition(reportId);
                    java.util.List<String> covered = definition.boardIds() == null ? java.util.List.of()
                            : definition.boardIds();
                    // Access.report checked every board the definition names; the boards of its
                    // projects are checked by the same rule when Jira has listed them.
                    java.util.function.Predicate<String> readable = Access.boardReader(userManager, engines, call.user(),
                            request);
                    ReportJob job;
                    try {
                        job = reports.jobs().start(call.user().getStringValue(), reportId, definition,
                                board -> covered.contains(board) || readable.test(board));
                    } catch (ReportJobs.BusyException e) {
                        throw RestProblem.busy(e.getMessage());
                    }
                    return RestCalls.json(Response.status(202), json(job));
                });
    }

    /** The job's progress, and its report once done. */
    @GET
    @Path("/{jobId}")
    public Response get(@PathParam("jobId") String jobId, @Context HttpServletRequest request) {
        return RestCalls.open(userManager, engines, request, () -> checked(jobId), call -> {
            ReportJob job = find(jobId, call.user().getStringValue(), false);
            return RestCalls.json(Response.status(job.progress().state().finished() ? 200 : 202), json(job));
        });
    }

    /** Cancels the job; a finished one stays as it is. */
    @DELETE
    @Path("/{jobId}")
    public Response cancel(@PathParam("jobId") String jobId, @Context HttpServletRequest request) {
        return RestCalls.open(userManager, engines, request, () -> checked(jobId),
                call -> RestCalls.ok(json(find(jobId, call.user().getStringValue(), true))));
    }

    private static Access checked(String jobId) {
        if (jobId == null || !JOB_ID.matcher(jobId).matches()) {
            throw RestProblem.invalid("jobId", "must be the 32 hexadecimal digits a started job answered");
        }
        return Access.anyone();
    }

    private ReportJob find(String jobId, String user, boolean cancel) {
        ReportJob job;
        try {
            job = cancel ? reports.jobs().cancel(jobId, user) : reports.jobs().find(jobId, user);
        } catch (ReportJobs.NotOwnerException e) {
            job = null; // Someone else's job: as if it did not exist, so ids cannot be probed.
        }
        if (job == null) {
            throw RestProblem.notFound("jobId", "no report job " + jobId + " of yours (finished jobs are kept 15 minutes)");
        }
        return job;
    }

    static String json(ReportJob job) {
        ReportJob.Progress p = job.progress();
        StringBuilder out = new StringBuilder("{\"id\":").append(JsonText.quote(job.id()))
                .append(",\"state\":").append(JsonText.quote(p.state().name().toLowerCase(java.util.Locale.ROOT)))
                .append(",\"boardsDone\":").append(p.boardsDone())
                .append(",\"boardsTotal\":").append(p.boardsTotal())
                .append(",\"items\":").append(p.items());
        // What the page tells the user about single boards (not visible in Jira, a Kanban board
        // without a period): a code each, worded by the page in the user's language.
        out.append(",\"notes\":[");
        String sep = "";
        for (ReportJob.Note note : job.notes()) {
            out.append(sep).append("{\"boardId\":").append(JsonText.quote(note.boardId())).append(",\"code\":")
                    .append(JsonText.quote(note.code())).append('}');
            sep = ",";
        }
        out.append(']');
        if (p.state() == ReportJob.State.DONE) {
            out.append(",\"report\":").append(job.reportJson());
        } else if (job.failure() != null) {
            RuntimeException f = job.failure();
            String message = f instanceof CapacityException || f instanceof IllegalArgumentException ? f.getMessage()
                    : "the report could not be read from Jira; a Jira administrator finds the details in the Jira log";
            out.append(",\"error\":").append(JsonText.quote(message));
        }
        return out.append('}').toString();
    }
}
