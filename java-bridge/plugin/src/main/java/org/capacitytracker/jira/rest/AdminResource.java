package org.capacitytracker.jira.rest;

import com.atlassian.annotations.security.AdminOnly;
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
 * Jira administrators only (403 for everyone else, whatever the permissions document says):
 * the permissions document, backup, and a person's data.
 *
 * <pre>
 * GET    /admin/permissions        → the permissions document (disabled, revision 0, until stored)
 * PUT    /admin/permissions        body: the document with the revision read → stored
 * GET    /admin/export             → every stored document (a download: capacity-tracker-export.json)
 * POST   /admin/import             body: {"mode":"empty"|"merge","export":{...}} → {"written","unchanged","conflicts"}
 * GET    /admin/inventory          → what personal data is stored, by category
 * GET    /admin/people/alice       → everything stored about alice
 * DELETE /admin/people/alice       → what was removed (alice is gone from every document)
 * </pre>
 */
@AdminOnly
@Path("/admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {
    private static final String EXPORT_FILE = "capacity-tracker-export.json";

    private final UserManager userManager;
    private final EngineHolder engines;

    /**
     * Created by the plugin framework, with Jira's user manager and the plugin's engine.
     *
     * @param userManager SAL's user manager
     * @param engines the plugin's engine
     */
    @Inject
    public AdminResource(UserManager userManager, EngineHolder engines) {
        this.userManager = Objects.requireNonNull(userManager, "userManager");
        this.engines = Objects.requireNonNull(engines, "engines");
    }

    /** The permissions document. */
    @GET
    @Path("/permissions")
    public Response getPermissions(@Context HttpServletRequest request) {
        return RestCalls.open(userManager, engines, request,
                () -> Access.admin("read Capacity Tracker's permissions"),
                call -> RestCalls.ok(call.engine().getPermissions()));
    }

    /** Stores the permissions document; 409 with {@code currentRevision} when the revision is stale. */
    @PUT
    @Path("/permissions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response putPermissions(@Context HttpServletRequest request, InputStream body) {
        return RestCalls.open(userManager, engines, request,
                () -> Access.admin("change Capacity Tracker's permissions"),
                body, RequestBodies.DOCUMENT_LIMIT,
                call -> RestCalls.ok(call.engine().putPermissions(call.body())));
    }

    /** Every stored document, as a file to keep or to import elsewhere. */
    @GET
    @Path("/export")
    public Response export(@Context HttpServletRequest request) {
        return RestCalls.open(userManager, engines, request,
                () -> Access.admin("export Capacity Tracker's data"),
                call -> RestCalls.json(Response.ok()
                        .header("Content-Disposition", "attachment; filename=\"" + EXPORT_FILE + "\""),
                        call.engine().exportAll()));
    }

    /** Imports an export: every document is validated before any is written. */
    @POST
    @Path("/import")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response importAll(@Context HttpServletRequest request, InputStream body) {
        return RestCalls.open(userManager, engines, request,
                () -> Access.admin("import Capacity Tracker's data"),
                body, RequestBodies.IMPORT_LIMIT,
                call -> RestCalls.ok(call.engine().importAll(call.body())));
    }

    /** What personal data is stored, and where. */
    @GET
    @Path("/inventory")
    public Response inventory(@Context HttpServletRequest request) {
        return RestCalls.open(userManager, engines, request,
                () -> Access.admin("see Capacity Tracker's data inventory"),
                call -> RestCalls.ok(call.engine().dataInventory()));
    }

    /** Everything stored about one person (a data subject's access request). */
    @GET
    @Path("/people/{accountKey}")
    public Response exportUser(@PathParam("accountKey") String accountKey, @Context HttpServletRequest request) {
        return RestCalls.open(userManager, engines, request,
                () -> PathParams.accountKey(accountKey, Access.admin("export a person's data")),
                call -> RestCalls.ok(call.engine().exportUser(accountKey)));
    }

    /** Erases one person from every stored document; running it again removes nothing. */
    @DELETE
    @Path("/people/{accountKey}")
    public Response forgetUser(@PathParam("accountKey") String accountKey, @Context HttpServletRequest request) {
        return RestCalls.open(userManager, engines, request,
                () -> PathParams.accountKey(accountKey, Access.admin("erase a person's data")),
                call -> RestCalls.ok(call.engine().forgetUser(accountKey)));
    }
}
