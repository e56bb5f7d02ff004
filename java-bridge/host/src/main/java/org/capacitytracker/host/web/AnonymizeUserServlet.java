package org.capacitytracker.host.web;

import org.capacitytracker.host.auth.HostUser;
import org.capacitytracker.host.jira.UserAnonymization;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * {@code /secure/admin/AnonymizeUser.jspa}: the admin flow of Jira's user anonymisation, as
 * far as apps see it. {@code GET ?user=} lists what each app's handler reports for the user
 * (Jira's validation step); the form's {@code POST} runs the handlers and shows the result.
 * Administrators only; the POST carries a per-session token, as Jira's {@code atl_token}
 * guards its admin actions against cross-site requests.
 */
public final class AnonymizeUserServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final String TOKEN = AnonymizeUserServlet.class.getName() + ".token";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final transient UserAnonymization anonymization;
    private final transient PageDecorator decorator;

    public AnonymizeUserServlet(UserAnonymization anonymization, PageDecorator decorator) {
        this.anonymization = anonymization;
        this.decorator = decorator;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HostUser admin = admin(request, response);
        if (admin == null) {
            return;
        }
        String asked = request.getParameter("user");
        StringBuilder body = new StringBuilder(form(asked));
        if (asked != null && !asked.isBlank()) {
            Optional<HostUser> user = anonymization.user(asked);
            if (user.isEmpty()) {
                body.append(message("error", "No user has the key or user name \"" + asked.trim() + "\"."));
            } else {
                body.append(validation(user.get(), anonymization.affected(user.get().key()), token(request)));
            }
        }
        write(response, body.toString(), admin);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HostUser admin = admin(request, response);
        if (admin == null) {
            return;
        }
        HttpSession session = request.getSession(false);
        String token = request.getParameter("atl_token");
        if (session == null || token == null || !token.equals(session.getAttribute(TOKEN))) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            write(response, form(null) + message("error", "XSRF check failed: open this page again and repeat."), admin);
            return;
        }
        Optional<HostUser> user = anonymization.user(request.getParameter("userKey"));
        if (user.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            write(response, form(null) + message("error", "userKey: no such user."), admin);
            return;
        }
        UserAnonymization.Result result = anonymization.run(user.get().key());
        StringBuilder body = new StringBuilder(form(null));
        body.append("<section id=\"anonymize-result\" data-status=\"").append(result.succeeded() ? "COMPLETED" : "COMPLETED_WITH_ERRORS")
                .append("\"><h2>Anonymization of ").append(Html.escape(user.get().displayName())).append("</h2>\n");
        body.append(result.succeeded()
                ? message("success", "Anonymization completed: " + result.tasks() + " of " + result.tasks() + " tasks done.")
                : message("error", "Anonymization completed with errors."));
        for (String error : result.errors()) {
            body.append("<p class=\"anonymize-error\">").append(Html.escape(error)).append("</p>\n");
        }
        body.append("<h3>Removed or anonymized by apps</h3>\n").append(table(result.affected(), "anonymize-removed"));
        body.append("</section>");
        write(response, body.toString(), admin);
    }

    private HostUser admin(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HostUser user = CurrentRequest.userOf(request);
        if (user == null) {
            response.sendRedirect(request.getContextPath() + "/login.jsp?os_destination="
                    + Html.url("/secure/admin/AnonymizeUser.jspa"));
            return null;
        }
        if (!user.isAdmin()) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            write(response, message("error", "Only Jira administrators can anonymize users."), user);
            return null;
        }
        return user;
    }

    private static String token(HttpServletRequest request) {
        HttpSession session = request.getSession(true);
        Object existing = session.getAttribute(TOKEN);
        if (existing instanceof String s) {
            return s;
        }
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        session.setAttribute(TOKEN, token);
        return token;
    }

    private static String form(String asked) {
        return "<form class=\"aui\" method=\"get\" id=\"anonymize-find\">\n"
                + "<div class=\"field-group\"><label for=\"anonymize-user\">User (key or user name)</label>"
                + "<input class=\"text\" id=\"anonymize-user\" name=\"user\" value=\""
                + Html.escape(asked == null ? "" : asked) + "\"></div>\n"
                + "<div class=\"buttons-container\"><button class=\"aui-button\" type=\"submit\">Validate</button></div>\n"
                + "</form>\n";
    }

    private static String validation(HostUser user, List<UserAnonymization.Line> lines, String token) {
        return "<section id=\"anonymize-validation\"><h2>" + Html.escape(user.displayName()) + " ("
                + Html.escape(user.username()) + ", key " + Html.escape(user.key()) + ")</h2>\n"
                + "<h3>Affected by anonymization in apps</h3>\n" + table(lines, "anonymize-affected")
                + "<form class=\"aui\" method=\"post\" id=\"anonymize-run\">"
                + "<input type=\"hidden\" name=\"userKey\" value=\"" + Html.escape(user.key()) + "\">"
                + "<input type=\"hidden\" name=\"atl_token\" value=\"" + Html.escape(token) + "\">"
                + "<button class=\"aui-button aui-button-primary\" type=\"submit\">Anonymize</button></form></section>\n";
    }

    private static String table(List<UserAnonymization.Line> lines, String id) {
        if (lines.isEmpty()) {
            return "<p id=\"" + id + "\" class=\"anonymize-none\">No app reports data for this user.</p>\n";
        }
        StringBuilder out = new StringBuilder("<table class=\"aui\" id=\"" + id + "\"><thead><tr><th>Data</th><th>Action</th>"
                + "<th>Occurrences</th></tr></thead><tbody>\n");
        for (UserAnonymization.Line line : lines) {
            out.append("<tr><td>").append(Html.escape(line.description())).append("</td><td>").append(Html.escape(line.type()))
                    .append("</td><td>").append(line.occurrences() == null ? "" : line.occurrences()).append("</td></tr>\n");
        }
        return out.append("</tbody></table>\n").toString();
    }

    private static String message(String type, String text) {
        return "<div class=\"aui-message aui-message-" + type + "\"><p>" + Html.escape(text) + "</p></div>\n";
    }

    private void write(HttpServletResponse response, String body, HostUser user) throws IOException {
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-cache, no-store");
        String page = "<div class=\"aui-page-panel\"><div class=\"aui-page-panel-inner\"><section class=\"aui-page-panel-content\">"
                + "<header class=\"aui-page-header\"><div class=\"aui-page-header-inner\"><div class=\"aui-page-header-main\">"
                + "<h1>Anonymize user</h1></div></div></header>\n" + body + "</section></div></div>";
        response.getWriter().write(decorator.hostPage("Anonymize user", page, user));
    }
}
