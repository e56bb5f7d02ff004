package org.capacitytracker.jira.rest;

import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.core.Response;

/**
 * What every resource method does around its one engine call: require a logged-in Jira
 * user, run the call, and answer its JSON or the error from {@link ErrorResponses}.
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

    /**
     * Runs {@code call} for the request's logged-in user and answers 200 with its JSON.
     *
     * @param userManager SAL's user manager (Jira authenticated the request, by session
     *                    cookie or HTTP Basic, before the plugin sees it)
     * @param request the HTTP request
     * @param call the engine call; returns a JSON document
     * @return 200 with the document, or the error response
     */
    static Response respond(UserManager userManager, HttpServletRequest request, Supplier<String> call) {
        return respondAs(userManager, request, user -> call.get());
    }

    /**
     * Like {@link #respond}, for calls that need to know who asks (permission checks).
     *
     * @param call the engine call, given the logged-in user's key; returns a JSON document
     */
    static Response respondAs(UserManager userManager, HttpServletRequest request, Function<UserKey, String> call) {
        return handle(userManager, request, user -> json(Response.ok(), call.apply(user)));
    }

    /**
     * The general form: {@code call} builds the whole response (a download, a 204), and any
     * failure becomes the contract's error response.
     *
     * @param call given the logged-in user's key
     */
    static Response handle(UserManager userManager, HttpServletRequest request, Function<UserKey, Response> call) {
        try {
            UserKey user = userManager.getRemoteUserKey(request);
            if (user == null) {
                throw RestProblem.unauthenticated();
            }
            return call.apply(user);
        } catch (RuntimeException | LinkageError e) {
            // LinkageError: a native library that cannot load must not become a bare 500
            // page from the container; the caller gets the contract's error body.
            return ErrorResponses.of(e);
        }
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
