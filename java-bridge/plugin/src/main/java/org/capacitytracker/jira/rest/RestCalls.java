package org.capacitytracker.jira.rest;

import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import java.io.InputStream;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.core.Response;
import org.capacitytracker.api.CapacityEngine;
import org.capacitytracker.jira.engine.EngineHolder;

/**
 * How every resource method opens, in one order: resolve the logged-in Jira user (401), check
 * the path parameters (400) and what the method requires of the user ({@link Access}: 403),
 * read the body (413, 400), then run the one engine call — and answer its JSON or the error
 * from {@link ErrorResponses}.
 *
 * <pre>{@code
 * return RestCalls.open(userManager, engines, request,
 *         () -> Access.board(Access.Action.WRITE_BOARD, PathParams.boardId(boardId)),
 *         body, RequestBodies.DOCUMENT_LIMIT,
 *         call -> RestCalls.ok(call.engine().putBoardSettings(boardId, call.body())));
 * }</pre>
 *
 * <p>Exceptions are turned into responses here rather than by a JAX-RS
 * {@code ExceptionMapper} so the statuses are the same whatever runtime hosts the module
 * (Jira 9 runs REST modules on Jersey 1, Jira 10 on Jersey 2, our host on its own) and the
 * mapping is testable without one.
 */
final class RestCalls {
    private static final String JSON_UTF8 = "application/json;charset=UTF-8";

    private RestCalls() {
    }

    /** What the opening resolved, for the method's engine call. */
    record Opened(UserKey user, CapacityEngine engine, String body) {
    }

    /**
     * Opens a call without a body.
     *
     * @param access checks the path parameters (throwing {@link RestProblem} 400) and says
     *               what the method requires of the user
     * @param call the engine call; builds the response (usually {@link #ok})
     */
    static Response open(UserManager users, EngineHolder engines, HttpServletRequest request,
                         Supplier<Access> access, Function<Opened, Response> call) {
        return open(users, engines, request, access, null, 0, call);
    }

    /**
     * Opens a call whose body is read (up to {@code limit} bytes, as strict UTF-8) once the
     * user is allowed — or before the check, when the check needs it (a report's boards).
     *
     * @param body the entity stream
     * @param limit the largest body accepted, in bytes; 0 for a method without a body
     */
    static Response open(UserManager users, EngineHolder engines, HttpServletRequest request,
                         Supplier<Access> access, InputStream body, int limit, Function<Opened, Response> call) {
        try {
            UserKey user = users.getRemoteUserKey(request);
            if (user == null) {
                throw RestProblem.unauthenticated();
            }
            boolean hasBody = limit > 0;
            if (hasBody && !isJson(request.getContentType())) {
                throw RestProblem.notJson(request.getContentType());
            }
            Access required = access.get();
            CapacityEngine engine = engines.engine();
            String text = hasBody && required.needsBody() ? read(request, body, limit) : null;
            required.check(users, engine, user, request, text);
            if (hasBody && text == null) {
                text = read(request, body, limit);
            }
            return call.apply(new Opened(user, engine, text));
        } catch (RuntimeException | LinkageError e) {
            // LinkageError: a native library that cannot load must not become a bare 500
            // page from the container; the caller gets the contract's error body.
            return ErrorResponses.of(e);
        }
    }

    /** {@code application/json}, with any parameters ({@code ;charset=UTF-8}). */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String mediaType = contentType.split(";", 2)[0].trim();
        return mediaType.equalsIgnoreCase("application/json");
    }

    private static String read(HttpServletRequest request, InputStream body, int limit) {
        return RequestBodies.read(body, request.getContentLengthLong(), limit);
    }

    /** 200 with the engine's JSON. */
    static Response ok(String json) {
        return json(Response.ok(), json);
    }

    /** 204: the call succeeded and answers nothing (removals). */
    static Response noContent() {
        return Response.noContent().header("Cache-Control", "no-store").build();
    }

    static Response json(Response.ResponseBuilder builder, String json) {
        // Per-user planning data: no shared cache may keep it.
        return builder.entity(json).type(JSON_UTF8).header("Cache-Control", "no-store").build();
    }
}
