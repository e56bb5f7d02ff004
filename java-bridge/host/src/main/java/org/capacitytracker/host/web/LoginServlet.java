package org.capacitytracker.host.web;

import org.capacitytracker.host.auth.HostUser;
import org.capacitytracker.host.auth.LoginThrottle;
import org.capacitytracker.host.auth.UserStore;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Optional;

/** Jira's {@code /login.jsp}: same field names and element ids, honours {@code os_destination}. */
public final class LoginServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient UserStore users;
    private final transient LoginThrottle throttle;
    private final transient PageDecorator decorator;
    private final String hint;

    public LoginServlet(UserStore users, LoginThrottle throttle, PageDecorator decorator, String hint) {
        this.users = users;
        this.throttle = throttle;
        this.decorator = decorator;
        this.hint = hint;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String message = "true".equals(request.getParameter("logout")) ? "You are now logged out." : null;
        render(request, response, request.getParameter("os_destination"), "", null, message);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String username = request.getParameter("os_username");
        String password = request.getParameter("os_password");
        String destination = request.getParameter("os_destination");
        String name = username == null ? null : username.trim();
        if (!FormTokens.matches(request)) {
            // Login CSRF: another site must not log the browser in as someone else.
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            render(request, response, destination, username == null ? "" : username,
                    "This login form expired or did not come from this site. Please log in again.", null);
            return;
        }
        Optional<Duration> paused = throttle.paused(name, request.getRemoteAddr());
        if (paused.isPresent()) {
            // The password is not even checked while attempts are paused.
            response.setHeader("X-Seraph-LoginReason", "AUTHENTICATION_DENIED");
            render(request, response, destination, username == null ? "" : username,
                    "Too many failed logins. Try again in " + (paused.get().toSeconds() + 1) + " seconds.", null);
            return;
        }
        Optional<HostUser> user = users.authenticate(name, password);
        if (user.isEmpty()) {
            throttle.failed(name, request.getRemoteAddr());
            response.setHeader("X-Seraph-LoginReason", "AUTHENTICATED_FAILED");
            render(request, response, destination, username == null ? "" : username,
                    "Sorry, your username and password are incorrect - please try again.", null);
            return;
        }
        throttle.succeeded(name);
        String target = safeDestination(request, destination);
        // A new session on login, so that a session id planted before login is worthless.
        HttpSession old = request.getSession(false);
        if (old != null) {
            old.invalidate();
        }
        HttpSession session = request.getSession(true);
        session.setAttribute(SecurityFilter.SESSION_USER_KEY, user.get().key());
        response.setHeader("X-Seraph-LoginReason", "OK");
        response.sendRedirect(target);
    }

    /**
     * Only destinations inside this application are followed (no open redirect). A path is
     * read relative to the context path, as Seraph reads os_destination.
     */
    static String safeDestination(HttpServletRequest request, String destination) {
        String context = request.getContextPath();
        String home = context + "/";
        if (destination == null || destination.isBlank()) {
            return home;
        }
        String d = destination.trim();
        for (int i = 0; i < d.length(); i++) {
            if (d.charAt(i) < 0x20 || d.charAt(i) == '\\') {
                return home;
            }
        }
        if (!d.startsWith("/")) {
            try {
                URI uri = new URI(d);
                if (uri.getScheme() == null || uri.getHost() == null
                        || !uri.getHost().equalsIgnoreCase(request.getServerName())
                        || (uri.getPort() != -1 && uri.getPort() != request.getServerPort())) {
                    return home;
                }
                d = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
                if (!d.startsWith(context + "/") && !d.equals(context)) {
                    return home;
                }
                return plainPath(d) ? d : home;
            } catch (URISyntaxException e) {
                return home;
            }
        }
        if (d.startsWith("//")) {
            return home;
        }
        String inside = d.equals(context) || d.startsWith(context + "/") ? d : context + d;
        return plainPath(inside) ? inside : home;
    }

    /**
     * Whether a destination's path has no dot segments and no empty ones, encoded or not:
     * {@code /jira/../..//x} passed the prefix check, then made the redirect fail with a
     * 500 after the session was already logged in (issue 10, defect 7).
     */
    static boolean plainPath(String destination) {
        int end = destination.length();
        for (char c : new char[] {'?', '#'}) {
            int i = destination.indexOf(c);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        String path = destination.substring(0, end);
        // A malformed percent escape: no redirect can be built from it.
        if (path.matches("(?s).*%(?![0-9A-Fa-f]{2}).*")) {
            return false;
        }
        String decoded = path.replaceAll("(?i)%2e", ".").replaceAll("(?i)%2f", "/").replaceAll("(?i)%5c", "\\\\");
        if (decoded.contains("//") || decoded.contains("\\")) {
            return false;
        }
        for (String segment : decoded.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    private void render(HttpServletRequest request, HttpServletResponse response, String destination, String username,
                        String error, String info)
            throws IOException {
        StringBuilder body = new StringBuilder();
        body.append("<div class=\"aui-page-panel\"><div class=\"aui-page-panel-inner\">")
                .append("<section class=\"aui-page-panel-content\" style=\"max-width:480px\">\n")
                .append("<h1>Log in</h1>\n");
        if (error != null) {
            body.append("<div class=\"aui-message aui-message-error\" id=\"login-form-error\" role=\"alert\"><p>")
                    .append(Html.escape(error)).append("</p></div>\n");
        }
        if (info != null) {
            body.append("<div class=\"aui-message aui-message-info\" id=\"login-form-info\"><p>")
                    .append(Html.escape(info)).append("</p></div>\n");
        }
        body.append("<form id=\"login-form\" class=\"aui\" method=\"post\" action=\"login.jsp\">\n")
                .append("<div class=\"field-group\"><label for=\"login-form-username\">Username</label>")
                .append("<input class=\"text medium-field\" type=\"text\" id=\"login-form-username\" name=\"os_username\" ")
                .append("autocomplete=\"username\" autofocus value=\"").append(Html.escape(username)).append("\"></div>\n")
                .append("<div class=\"field-group\"><label for=\"login-form-password\">Password</label>")
                .append("<input class=\"text medium-field\" type=\"password\" id=\"login-form-password\" ")
                .append("name=\"os_password\" autocomplete=\"current-password\"></div>\n");
        body.append(FormTokens.hiddenField(request));
        if (destination != null && !destination.isBlank()) {
            body.append("<input type=\"hidden\" name=\"os_destination\" value=\"").append(Html.escape(destination))
                    .append("\">\n");
        }
        body.append("<div class=\"buttons-container\"><div class=\"buttons\">")
                .append("<input class=\"aui-button aui-button-primary\" type=\"submit\" id=\"login-form-submit\" ")
                .append("name=\"login\" value=\"Log In\"></div></div>\n</form>\n");
        if (hint != null && !hint.isBlank()) {
            body.append("<p class=\"description\" id=\"login-hint\">").append(Html.escape(hint)).append("</p>\n");
        }
        body.append("</section></div></div>");
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-cache, no-store");
        response.getWriter().write(decorator.hostPage("Log in", body.toString(), null));
    }
}
