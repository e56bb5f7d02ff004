package org.capacitytracker.host.web;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;
import java.io.IOException;

/**
 * {@code /logout}: GET asks to confirm (a page with a form), POST with the session's
 * {@link FormTokens token} ends the session — as Jira's logout asks for confirmation when the
 * token is missing. Issue 10, defect 7: a GET logged out, so any page (an image tag) could.
 */
public final class LogoutServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient PageDecorator decorator;

    public LogoutServlet(PageDecorator decorator) {
        this.decorator = decorator;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpSession session = request.getSession(false);
        if (session == null || session.getAttribute(SecurityFilter.SESSION_USER_KEY) == null) {
            response.sendRedirect(request.getContextPath() + "/login.jsp");
            return;
        }
        confirm(request, response, null);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpSession session = request.getSession(false);
        if (session == null || session.getAttribute(SecurityFilter.SESSION_USER_KEY) == null) {
            response.sendRedirect(request.getContextPath() + "/login.jsp");
            return;
        }
        if (!FormTokens.matches(request)) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            confirm(request, response, "This logout did not come from this site's own page. Log out here if you meant to.");
            return;
        }
        session.invalidate();
        response.sendRedirect(request.getContextPath() + "/login.jsp?logout=true");
    }

    private void confirm(HttpServletRequest request, HttpServletResponse response, String error) throws IOException {
        StringBuilder body = new StringBuilder();
        body.append("<div class=\"aui-page-panel\"><div class=\"aui-page-panel-inner\">")
                .append("<section class=\"aui-page-panel-content\" style=\"max-width:480px\">\n<h1>Log out</h1>\n");
        if (error != null) {
            body.append("<div class=\"aui-message aui-message-error\" id=\"logout-form-error\" role=\"alert\"><p>")
                    .append(Html.escape(error)).append("</p></div>\n");
        }
        body.append("<form id=\"logout-form\" class=\"aui\" method=\"post\" action=\"logout\">\n")
                .append(FormTokens.hiddenField(request))
                .append("<p>Log out of this site?</p>\n<div class=\"buttons-container\"><div class=\"buttons\">")
                .append("<input class=\"aui-button aui-button-primary\" type=\"submit\" id=\"logout-submit\" value=\"Log out\">")
                .append("</div></div>\n</form>\n</section></div></div>");
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-cache, no-store");
        response.getWriter().write(decorator.hostPage("Log out", body.toString(),
                (org.capacitytracker.host.auth.HostUser) request.getAttribute(CurrentRequest.USER_ATTRIBUTE)));
    }
}
