package org.capacitytracker.host.web;

import org.capacitytracker.host.auth.HostUser;
import org.capacitytracker.host.jira.DemoData;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;

/** {@code /jira/}: the boards, each with links to the plugin's pages for it. */
public final class HomeServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    /** A plugin page that takes a board: a servlet module's name and its path in the context. */
    public record BoardPage(String name, String path) {
    }

    private final transient DemoData data;
    private final transient PageDecorator decorator;
    private final transient List<BoardPage> pages;
    private final String pluginSummary;

    public HomeServlet(DemoData data, PageDecorator decorator, List<BoardPage> pages, String pluginSummary) {
        this.data = data;
        this.decorator = decorator;
        this.pages = List.copyOf(pages);
        this.pluginSummary = pluginSummary;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String context = request.getContextPath();
        HostUser user = CurrentRequest.userOf(request);
        if (user == null) {
            response.sendRedirect(context + "/login.jsp?os_destination=" + Html.url("/"));
            return;
        }
        StringBuilder body = new StringBuilder();
        body.append("<div class=\"aui-page-panel\"><div class=\"aui-page-panel-inner\">")
                .append("<section class=\"aui-page-panel-content\">\n")
                .append("<header class=\"aui-page-header\"><div class=\"aui-page-header-inner\">")
                .append("<div class=\"aui-page-header-main\"><h1>Boards</h1></div></div></header>\n")
                .append("<table class=\"aui\" id=\"boards-table\">\n<thead><tr><th>Name</th><th>Type</th>")
                .append("<th>Location</th><th>Apps</th></tr></thead>\n<tbody>\n");
        for (DemoData.Board board : data.boards()) {
            body.append("<tr data-board-id=\"").append(board.id()).append("\"><td>").append(Html.escape(board.name()))
                    .append("</td><td>").append(Html.escape(board.type())).append("</td><td>")
                    .append(Html.escape(board.project().name() + " (" + board.project().key() + ")")).append("</td><td>");
            if (pages.isEmpty()) {
                body.append("<span class=\"aui-lozenge\">no board pages in the plugin</span>");
            }
            for (BoardPage page : pages) {
                String href = context + page.path() + "?boardId=" + board.id();
                body.append("<a class=\"aui-button aui-button-link board-page-link\" href=\"").append(Html.escape(href))
                        .append("\">").append(Html.escape(page.name())).append("</a> ");
            }
            body.append("</td></tr>\n");
        }
        body.append("</tbody>\n</table>\n");
        body.append("<p class=\"description\" id=\"host-plugin-summary\">").append(Html.escape(pluginSummary))
                .append("</p>\n");
        body.append("</section></div></div>");
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-cache, no-store");
        response.getWriter().write(decorator.hostPage("Boards", body.toString(), user));
    }
}
