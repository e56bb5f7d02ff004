package org.capacitytracker.host.jira;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.capacitytracker.host.auth.UserStore;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The read-only subset of Jira's REST API (platform {@code /rest/api/2} and Jira Software
 * {@code /rest/agile/1.0}) answered from {@link DemoData} and the host's users: this class
 * only routes a call to {@link PlatformResources} or {@link AgileResources} and turns every
 * outcome, errors included, into JSON (never an HTML error page). The security filter has
 * already authenticated the caller.
 */
public final class JiraRestServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(JiraRestServlet.class.getName());
    /** Jira's POST search body is small; a larger one is refused rather than read. */
    private static final int MAX_BODY = 1 << 20;

    private final transient PlatformResources platform;
    private final transient AgileResources agile;
    private final transient ObjectMapper json = new ObjectMapper();

    /**
     * @param work the boards, sprints and versions with Jira's browse permission: the same
     *     source the Java API services read, so that both paths see the same lists
     */
    public JiraRestServlet(DemoData data, UserStore users, VisibleWork work) {
        IssueJson issues = new IssueJson(data, users);
        IssueSearch search = new IssueSearch(data, users, issues);
        this.platform = new PlatformResources(data, users, issues, search);
        this.agile = new AgileResources(data, issues, search, work);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        answer(request, response, false);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        answer(request, response, true);
    }

    private void answer(HttpServletRequest request, HttpServletResponse response, boolean post) throws IOException {
        String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
        boolean isAgile = request.getServletPath().startsWith("/rest/agile/");
        JsonNode body;
        try {
            RestCall call = new RestCall(request, post ? readBody(request) : null);
            if (post) {
                if (isAgile) {
                    throw new RestError(405, "Method Not Allowed");
                }
                body = platform.post(call, path);
            } else {
                body = isAgile ? agile.get(call, path) : platform.get(call, path);
            }
        } catch (RestError e) {
            response.setStatus(e.status);
            body = PlatformJson.errors(e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Jira REST " + request.getRequestURI() + " failed", e);
            response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
            body = PlatformJson.errors("Internal server error");
        }
        response.setContentType("application/json;charset=UTF-8");
        response.setHeader("Cache-Control", "no-cache, no-store");
        json.writeValue(response.getOutputStream(), body);
    }

    private JsonNode readBody(HttpServletRequest request) throws IOException, RestError {
        byte[] bytes = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (bytes.length > MAX_BODY) {
            throw new RestError(413, "The request body is too large");
        }
        if (bytes.length == 0) {
            return json.createObjectNode();
        }
        try {
            JsonNode node = json.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw RestError.badRequest("The request body must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw RestError.badRequest("Unexpected character in the JSON body: " + e.getOriginalMessage());
        }
    }
}
