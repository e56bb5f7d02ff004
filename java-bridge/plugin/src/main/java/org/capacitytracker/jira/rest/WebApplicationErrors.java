package org.capacitytracker.jira.rest;

import javax.inject.Inject;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import javax.ws.rs.ext.Provider;

/**
 * What the REST runtime refuses before a resource method runs — a path no resource answers
 * (404), a method the path does not take (405), a content type it does not consume (415), an
 * answer type the client does not accept (406) — answered in the plugin's error shape
 * {@code {"error","message"}} instead of an empty body, keeping the runtime's status and its
 * headers (such as {@code Allow}).
 *
 * <pre>{@code
 * DELETE /rest/capacity/1.0/health  →  405 {"error":"methodNotAllowed","message":"…"}, Allow: GET,HEAD,OPTIONS
 * }</pre>
 */
@Provider
public class WebApplicationErrors implements ExceptionMapper<WebApplicationException> {

    /** Created by the REST runtime (REST v2: through HK2, so the constructor is marked). */
    @Inject
    public WebApplicationErrors() {
    }

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        int status = original == null ? 500 : original.getStatus();
        String error = switch (status) {
            case 404 -> "notFound";
            case 405 -> "methodNotAllowed";
            case 406 -> "notAcceptable";
            case 415 -> "unsupportedMediaType";
            default -> status >= 500 ? "serverError" : "badRequest";
        };
        String message = switch (status) {
            case 404 -> "No Capacity Tracker resource answers this path";
            case 405 -> "This path does not take the method; see the Allow header";
            case 406 -> "This resource answers application/json only";
            case 415 -> "Content-Type: must be application/json";
            default -> "The request cannot be served (HTTP " + status + ")";
        };
        Response.ResponseBuilder builder = Response.status(status);
        if (original != null) {
            original.getHeaders().forEach((name, values) -> {
                if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                    values.forEach(v -> builder.header(name, v));
                }
            });
        }
        return RestCalls.json(builder, ErrorResponses.bodyOf(error, status == 415 ? "Content-Type" : null, message));
    }
}
