package org.capacitytracker.host.jira;

import com.fasterxml.jackson.databind.JsonNode;
import org.capacitytracker.host.auth.HostUser;
import org.capacitytracker.host.web.CurrentRequest;

import javax.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * One REST call as the resources see it: the caller, the base URL, and parameters from the
 * query string or, for a POST, from the JSON body (Jira's POST search takes the same names).
 */
final class RestCall {
    static final int MAX_RESULTS_LIMIT = 1000;

    private final HttpServletRequest request;
    private final JsonNode body;
    final String base;

    RestCall(HttpServletRequest request, JsonNode body) {
        this.request = request;
        this.body = body;
        this.base = baseUrl(request);
    }

    HostUser user() {
        return CurrentRequest.userOf(request);
    }

    String requestUrl() {
        String query = request.getQueryString();
        return request.getRequestURL() + (query == null ? "" : "?" + query);
    }

    /** A single parameter; a JSON array in a body is joined with commas. */
    String param(String name) {
        if (body != null && body.has(name)) {
            JsonNode v = body.get(name);
            if (v.isNull()) {
                return null;
            }
            if (v.isArray()) {
                List<String> parts = new ArrayList<>();
                v.forEach(e -> parts.add(e.asText()));
                return String.join(",", parts);
            }
            return v.asText();
        }
        String[] values = request.getParameterValues(name);
        return values == null ? null : String.join(",", values);
    }

    int intParam(String name, int defaultValue) throws RestError {
        String value = param(name);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed < 0) {
                throw RestError.badRequest("'" + name + "' must be a positive integer, got " + value);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw RestError.badRequest("'" + name + "' must be an integer, got '" + value + "'");
        }
    }

    int startAt() throws RestError {
        return intParam("startAt", 0);
    }

    /** Jira's page size: default 50, at most 1000, and 0 is allowed (only totals). */
    int maxResults() throws RestError {
        return Math.min(intParam("maxResults", 50), MAX_RESULTS_LIMIT);
    }

    boolean boolParam(String name, boolean defaultValue) {
        String value = param(name);
        return value == null || value.isBlank() ? defaultValue : Boolean.parseBoolean(value.trim());
    }

    /** A numeric path id; anything that is not a non-negative long is an unknown id (404). */
    static long id(String text, String notFoundMessage) throws RestError {
        try {
            long id = Long.parseLong(text);
            if (id < 0) {
                throw RestError.notFound(notFoundMessage);
            }
            return id;
        } catch (NumberFormatException e) {
            throw RestError.notFound(notFoundMessage);
        }
    }

    private static String baseUrl(HttpServletRequest request) {
        StringBuilder url = new StringBuilder();
        url.append(request.getScheme()).append("://").append(request.getServerName());
        int port = request.getServerPort();
        if (!(("http".equals(request.getScheme()) && port == 80) || ("https".equals(request.getScheme()) && port == 443))) {
            url.append(':').append(port);
        }
        return url.append(request.getContextPath()).toString();
    }
}
