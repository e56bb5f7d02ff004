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
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.capacitytracker.jira.engine.EngineHolder;

/**
 * Team templates, shared by every board: {@code /rest/capacity/1.0/templates}. Anyone
 * logged in may read them; writes need the templates grant when permissions are enabled
 * (administrators always may).
 *
 * <pre>
 * GET    /templates          → [{"id":"squad","name":"Squad"}]
 * GET    /templates/squad    → the template (400 naming templateId when there is none)
 * PUT    /templates/squad    body: the template with the revision read (0 for a new one) → stored
 * DELETE /templates/squad    → 204
 * </pre>
 */
@LicensedOnly
@Path("/templates")
@Produces(MediaType.APPLICATION_JSON)
public class TemplateResource {
    private final UserManager userManager;
    private final EngineHolder engines;

    /**
     * Created by the plugin framework, with Jira's user manager and the plugin's engine.
     *
     * @param userManager SAL's user manager
     * @param engines the plugin's engine
     */
    @Inject
    public TemplateResource(UserManager userManager, EngineHolder engines) {
        this.userManager = Objects.requireNonNull(userManager, "userManager");
        this.engines = Objects.requireNonNull(engines, "engines");
    }

    /** Every template's id and name. */
    @GET
    public Response list(@Context HttpServletRequest request) {
        return RestCalls.open(userManager, engines, request, Access::anyone,
                call -> RestCalls.ok(call.engine().listTemplates()));
    }

    /** One template. */
    @GET
    @Path("/{templateId}")
    public Response get(@PathParam("templateId") String templateId, @Context HttpServletRequest request) {
        return RestCalls.open(userManager, engines, request,
                () -> PathParams.documentId("templateId", templateId, Access.anyone()),
                call -> RestCalls.ok(call.engine().getTemplate(templateId)));
    }

    /** Stores a template; 409 with {@code currentRevision} when the revision is stale. */
    @PUT
    @Path("/{templateId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response put(@PathParam("templateId") String templateId, @Context HttpServletRequest request,
                        InputStream body) {
        return RestCalls.open(userManager, engines, request,
                () -> PathParams.documentId("templateId", templateId, Access.to(Access.Action.MANAGE_TEMPLATES)),
                body, RequestBodies.DOCUMENT_LIMIT,
                call -> RestCalls.ok(call.engine().putTemplate(templateId, call.body())));
    }

    /** Removes a template (boards it was applied to keep their members). */
    @DELETE
    @Path("/{templateId}")
    public Response remove(@PathParam("templateId") String templateId, @Context HttpServletRequest request) {
        return RestCalls.open(userManager, engines, request,
                () -> PathParams.documentId("templateId", templateId, Access.to(Access.Action.MANAGE_TEMPLATES)),
                call -> {
                    call.engine().removeTemplate(templateId);
                    return RestCalls.noContent();
                });
    }
}
