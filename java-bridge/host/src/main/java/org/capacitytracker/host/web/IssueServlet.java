package org.capacitytracker.host.web;

import org.capacitytracker.host.auth.HostUser;
import org.capacitytracker.host.jira.DemoData;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * {@code /jira/browse/KEY}: a read-only view of a demo issue, so the panel's issue links lead
 * somewhere on the host as they do in Jira.
 */
public final class IssueServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient DemoData data;
    private final transient PageDecorator decorator;

    public IssueServlet(DemoData data, PageDecorator decorator) {
        this.data = data;
        this.decorator = decorator;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String context = request.getContextPath();
        HostUser user = CurrentRequest.userOf(request);
        String path = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
        if (user == null) {
            response.sendRedirect(context + "/login.jsp?os_destination=" + Html.url("/browse/" + path));
            return;
        }
        Optional<DemoData.Issue> found = data.issue(path);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-cache, no-store");
        if (found.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            response.getWriter().write(decorator.hostPage("Issue not found",
                    "<div class=\"aui-page-panel\"><div class=\"aui-page-panel-inner\"><section class=\"aui-page-panel-content\">"
                            + "<div class=\"aui-message aui-message-warning\"><p>There is no issue " + Html.escape(path)
                            + " on this host.</p></div></section></div></div>", user));
            return;
        }
        DemoData.Issue issue = found.get();
        StringBuilder body = new StringBuilder();
        body.append("<div class=\"aui-page-panel\"><div class=\"aui-page-panel-inner\"><section class=\"aui-page-panel-content\">")
                .append("<header class=\"aui-page-header\"><div class=\"aui-page-header-inner\"><div class=\"aui-page-header-main\">")
                .append("<ol class=\"aui-nav aui-nav-breadcrumbs\"><li>").append(Html.escape(data.projectOf(issue).name()))
                .append("</li><li>").append(Html.escape(issue.key())).append("</li></ol>")
                .append("<h1 id=\"issue-summary\">").append(Html.escape(issue.summary())).append("</h1>")
                .append("</div></div></header>\n<table class=\"aui\" id=\"issue-fields\"><tbody>\n");
        row(body, "Type", issue.type().displayName);
        row(body, "Status", issue.status().displayName);
        row(body, "Assignee", issue.assignee() == null ? "Unassigned" : issue.assignee());
        row(body, "Parent", issue.parentKey() == null ? "—" : issue.parentKey());
        row(body, "Original estimate", hours(issue.originalSeconds()));
        row(body, "Remaining estimate", hours(issue.remainingSeconds()));
        row(body, "Story points", issue.storyPoints() == null ? "—" : String.valueOf(issue.storyPoints()));
        body.append("</tbody></table>\n<p class=\"description\">A demo issue of the Capacity Tracker host; in Jira this is the issue view.</p>")
                .append("</section></div></div>");
        response.getWriter().write(decorator.hostPage(issue.key(), body.toString(), user));
    }

    private static void row(StringBuilder body, String name, String value) {
        body.append("<tr><th>").append(Html.escape(name)).append("</th><td>").append(Html.escape(value)).append("</td></tr>\n");
    }

    private static String hours(Long seconds) {
        if (seconds == null) {
            return "—";
        }
        long minutes = seconds / 60;
        return minutes % 60 == 0 ? (minutes / 60) + "h" : (minutes / 60) + "h " + (minutes % 60) + "m";
    }
}
