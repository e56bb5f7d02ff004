package org.capacitytracker.host.web;

import org.capacitytracker.host.auth.HostUser;
import org.capacitytracker.host.jira.DemoData;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * {@code /jira/}: a board directory like Jira's (name, type, project, lead; filtered by name and
 * project with {@code ?name=} and {@code ?project=}, a plain GET form so it works without
 * scripts), each board linking to the plugin's pages for it, then the projects, and links to
 * the plugin's reports and (for administrators) admin pages.
 */
public final class HomeServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    /** A plugin page that takes a board: a servlet module's name and its path in the context. */
    public record BoardPage(String name, String path) {
    }

    private final transient DemoData data;
    private final transient PageDecorator decorator;
    private final transient List<BoardPage> pages;
    private final transient Function<String, String> displayName;
    private final String pluginSummary;

    /** {@code displayName} turns a user name into the name shown (the user name itself when unknown). */
    public HomeServlet(DemoData data, PageDecorator decorator, List<BoardPage> pages, String pluginSummary,
                       Function<String, String> displayName) {
        this.data = data;
        this.decorator = decorator;
        this.pages = List.copyOf(pages);
        this.pluginSummary = pluginSummary;
        this.displayName = displayName;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String context = request.getContextPath();
        HostUser user = CurrentRequest.userOf(request);
        if (user == null) {
            response.sendRedirect(context + "/login.jsp?os_destination=" + Html.url("/"));
            return;
        }
        String name = trimmed(request.getParameter("name"));
        String projectKey = trimmed(request.getParameter("project"));
        List<DemoData.Board> boards = data.boards().stream()
                .filter(b -> name.isEmpty() || b.name().toLowerCase(Locale.ROOT).contains(name.toLowerCase(Locale.ROOT)))
                .filter(b -> projectKey.isEmpty() || b.project().key().equalsIgnoreCase(projectKey))
                .toList();
        StringBuilder body = new StringBuilder();
        body.append("<div class=\"aui-page-panel\"><div class=\"aui-page-panel-inner\">")
                .append("<section class=\"aui-page-panel-content\">\n")
                .append("<header class=\"aui-page-header\"><div class=\"aui-page-header-inner\">")
                .append("<div class=\"aui-page-header-main\"><h1>Boards</h1></div>");
        appendAppLinks(body, context, user);
        body.append("</div></header>\n");
        appendFilter(body, context, name, projectKey);
        body.append("<table class=\"aui\" id=\"boards-table\" data-testid=\"boards-table\">\n<thead><tr><th>Name</th>")
                .append("<th>Type</th><th>Project</th><th>Lead</th><th>Apps</th></tr></thead>\n<tbody>\n");
        for (DemoData.Board board : boards) {
            String href = pages.isEmpty() ? null : context + pages.get(0).path() + "?boardId=" + board.id();
            body.append("<tr data-testid=\"board-row\" data-board-id=\"").append(board.id()).append("\" data-board-type=\"")
                    .append(Html.escape(board.type())).append("\"><td>");
            if (href == null) {
                body.append(Html.escape(board.name()));
            } else {
                body.append("<a class=\"board-name\" href=\"").append(Html.escape(href)).append("\">")
                        .append(Html.escape(board.name())).append("</a>");
            }
            body.append("</td><td>").append(board.type().equals("kanban") ? "Kanban" : board.type().equals("scrum") ? "Scrum"
                            : Html.escape(board.type()))
                    .append("</td><td>").append(Html.escape(board.project().name() + " (" + board.project().key() + ")"))
                    .append("</td><td>").append(Html.escape(lead(board.project()))).append("</td><td>");
            if (pages.isEmpty()) {
                body.append("<span class=\"aui-lozenge\">no board pages in the plugin</span>");
            }
            for (BoardPage page : pages) {
                String link = context + page.path() + "?boardId=" + board.id();
                body.append("<a class=\"aui-button aui-button-link board-page-link\" href=\"").append(Html.escape(link))
                        .append("\">").append(Html.escape(page.name())).append("</a> ");
            }
            body.append("</td></tr>\n");
        }
        if (boards.isEmpty()) {
            body.append("<tr data-testid=\"no-boards\"><td colspan=\"5\">No boards match.</td></tr>\n");
        }
        body.append("</tbody>\n</table>\n");
        appendProjects(body, context);
        body.append("<p class=\"description\" id=\"host-plugin-summary\">").append(Html.escape(pluginSummary))
                .append("</p>\n");
        body.append("</section></div></div>");
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-cache, no-store");
        response.getWriter().write(decorator.hostPage("Boards", body.toString(), user));
    }

    private String lead(DemoData.Project project) {
        return data.projectLead(project).map(displayName).orElse("");
    }

    /** The plugin's pages that take no board: its reports, and its admin page for administrators. */
    private void appendAppLinks(StringBuilder body, String context, HostUser user) {
        if (pages.isEmpty()) {
            return;
        }
        String base = context + pages.get(0).path();
        body.append("<div class=\"aui-page-header-actions\">")
                .append("<a class=\"aui-button\" data-testid=\"home-reports-link\" href=\"")
                .append(Html.escape(base + "?view=reports")).append("\">Multi-project reports</a>");
        if (user.isAdmin()) {
            body.append(" <a class=\"aui-button\" data-testid=\"home-admin-link\" href=\"")
                    .append(Html.escape(base + "?view=admin")).append("\">Capacity Tracker settings</a>");
        }
        body.append("</div>");
    }

    private void appendFilter(StringBuilder body, String context, String name, String projectKey) {
        body.append("<form class=\"aui\" method=\"get\" action=\"").append(Html.escape(context + "/"))
                .append("\" data-testid=\"board-filter\"><div class=\"field-group\">")
                .append("<label for=\"board-filter-name\">Name</label>")
                .append("<input class=\"text\" type=\"search\" id=\"board-filter-name\" name=\"name\" value=\"")
                .append(Html.escape(name)).append("\" placeholder=\"Search boards\"></div>")
                .append("<div class=\"field-group\"><label for=\"board-filter-project\">Project</label>")
                .append("<select class=\"select\" id=\"board-filter-project\" name=\"project\"><option value=\"\">All projects</option>");
        for (DemoData.Project p : data.projects()) {
            body.append("<option value=\"").append(Html.escape(p.key())).append("\"")
                    .append(p.key().equalsIgnoreCase(projectKey) ? " selected" : "").append(">")
                    .append(Html.escape(p.name() + " (" + p.key() + ")")).append("</option>");
        }
        body.append("</select></div><div class=\"buttons-container\"><div class=\"buttons\">")
                .append("<button class=\"aui-button\" type=\"submit\">Filter</button></div></div></form>\n");
    }

    private void appendProjects(StringBuilder body, String context) {
        body.append("<h2>Projects</h2>\n<table class=\"aui\" id=\"projects-table\" data-testid=\"projects-table\">\n")
                .append("<thead><tr><th>Name</th><th>Key</th><th>Lead</th><th>Boards</th></tr></thead>\n<tbody>\n");
        for (DemoData.Project p : data.projects()) {
            long count = data.boards().stream().filter(b -> b.project().id() == p.id()).count();
            body.append("<tr data-testid=\"project-row\" data-project-key=\"").append(Html.escape(p.key())).append("\"><td>")
                    .append(Html.escape(p.name())).append("</td><td>").append(Html.escape(p.key())).append("</td><td>")
                    .append(Html.escape(lead(p))).append("</td><td><a href=\"")
                    .append(Html.escape(context + "/?project=" + Html.url(p.key()))).append("\">").append(count)
                    .append(count == 1 ? " board" : " boards").append("</a></td></tr>\n");
        }
        body.append("</tbody>\n</table>\n");
    }

    private static String trimmed(String value) {
        return value == null ? "" : value.trim();
    }
}
