package org.capacitytracker.jira.web;

import com.atlassian.sal.api.auth.LoginUriProvider;
import com.atlassian.sal.api.user.UserManager;
import com.atlassian.sal.api.user.UserProfile;
import com.atlassian.webresource.api.assembler.PageBuilderService;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.regex.Pattern;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.capacitytracker.jira.text.Html;

/**
 * The page the capacity panel lives in: {@code /plugins/servlet/capacity-tracker}.
 *
 * <p>The page itself is an empty, Jira-decorated shell: it requires the panel's web resource
 * (so the decorator puts its script and style tags in the head) and writes the root element
 * the script renders into, with what the script cannot know by itself:
 * <pre>{@code
 * <div id="ct-panel" data-board-id="1" data-context-path="/jira" data-current-user="alice"
 *      data-current-user-key="alice" data-project-key="" data-view="board"></div>
 * }</pre>
 * Every value is HTML-escaped. Query parameters: {@code boardId} (optional, the board shown
 * first), {@code projectKey} (optional, from the project sidebar link: the panel offers that
 * project's boards), {@code view} ({@code board}, the default; {@code reports}, the
 * multi-project reports; or {@code admin}, for Jira administrators only). Each of the web
 * resource's scripts renders only the view it is for. Anonymous visitors are sent to Jira's login page and back.
 */
public class CapacityPanelServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    /** The web resource holding the panel's script and style. */
    public static final String PANEL_RESOURCES = "org.capacitytracker.jira:capacity-panel-resources";

    private static final Pattern BOARD_ID = Pattern.compile("[A-Za-z0-9_-]{1,40}");
    // Jira project keys: a letter, then letters, digits or underscores (Jira's default
    // pattern is stricter: upper case only; any stricter key still passes).
    private static final Pattern PROJECT_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,254}");
    private static final String BUNDLE = "capacity-tracker";
    // Jira pages carry inline scripts and styles of their own, so scripts cannot be locked
    // down from here; what can be: no framing by other sites, no plugins, no <base> games.
    private static final String CONTENT_SECURITY_POLICY = "frame-ancestors 'self'; object-src 'none'; base-uri 'self'";

    private final transient UserManager userManager;
    private final transient LoginUriProvider loginUriProvider;
    private final transient PageBuilderService pageBuilderService;

    /**
     * Created by the plugin framework with Jira's services.
     *
     * @param userManager SAL's user manager
     * @param loginUriProvider where Jira's login page is
     * @param pageBuilderService the page's web-resource assembler
     */
    public CapacityPanelServlet(UserManager userManager, LoginUriProvider loginUriProvider,
                                PageBuilderService pageBuilderService) {
        this.userManager = Objects.requireNonNull(userManager, "userManager");
        this.loginUriProvider = Objects.requireNonNull(loginUriProvider, "loginUriProvider");
        this.pageBuilderService = Objects.requireNonNull(pageBuilderService, "pageBuilderService");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        UserProfile user = userManager.getRemoteUser(request);
        if (user == null) {
            response.sendRedirect(loginUriProvider.getLoginUri(returnUri(request)).toASCIIString());
            return;
        }
        ResourceBundle text = text(request.getLocale());

        String view = request.getParameter("view");
        if (view == null || view.isEmpty()) {
            view = "board";
        } else if (!view.equals("board") && !view.equals("admin") && !view.equals("reports")) {
            writeError(response, text, 400, MessageFormat.format(text.getString("capacity-tracker.page.error.view"), view));
            return;
        }
        String boardId = request.getParameter("boardId");
        if (boardId == null) {
            boardId = "";
        } else if (!BOARD_ID.matcher(boardId).matches()) {
            writeError(response, text, 400, MessageFormat.format(text.getString("capacity-tracker.page.error.boardId"), boardId));
            return;
        }
        String projectKey = request.getParameter("projectKey");
        if (projectKey == null) {
            projectKey = "";
        } else if (!PROJECT_KEY.matcher(projectKey).matches()) {
            writeError(response, text, 400, MessageFormat.format(text.getString("capacity-tracker.page.error.projectKey"), projectKey));
            return;
        }
        boolean admin = view.equals("admin");
        if (admin && !userManager.isAdmin(user.getUserKey())) {
            writeError(response, text, 403, text.getString("capacity-tracker.page.error.admin"));
            return;
        }

        pageBuilderService.assembler().resources().requireWebResource(PANEL_RESOURCES);

        secureHeaders(response);
        response.setStatus(200);
        PrintWriter out = response.getWriter();
        String title = admin ? "capacity-tracker.admin.title"
                : view.equals("reports") ? "capacity-tracker.reports.title" : "capacity-tracker.page.title";
        out.print(head(text.getString(title), admin));
        out.print("<div id=\"ct-panel\""
                + attribute("data-board-id", boardId)
                + attribute("data-context-path", request.getContextPath())
                + attribute("data-current-user", user.getUsername())
                + attribute("data-current-user-key", user.getUserKey() == null ? "" : user.getUserKey().getStringValue())
                + attribute("data-project-key", projectKey)
                + attribute("data-view", view)
                + "></div>\n");
        out.print("</body>\n</html>\n");
    }

    /** The page's own URL, for the login page to send the user back to. */
    static URI returnUri(HttpServletRequest request) {
        StringBuffer url = request.getRequestURL();
        String query = request.getQueryString();
        if (query != null) {
            try {
                return URI.create(url + "?" + query);
            } catch (IllegalArgumentException e) {
                // A query the client did not encode properly: come back without it.
            }
        }
        return URI.create(url.toString());
    }

    private void writeError(HttpServletResponse response, ResourceBundle text, int status, String message)
            throws IOException {
        secureHeaders(response);
        response.setStatus(status);
        PrintWriter out = response.getWriter();
        out.print(head(text.getString("capacity-tracker.page.title"), false));
        out.print("<div class=\"aui-message aui-message-error\">\n<p class=\"title\"><strong>"
                + Html.escape(text.getString("capacity-tracker.page.error.title")) + "</strong></p>\n<p>"
                + Html.escape(message) + "</p>\n</div>\n");
        out.print("</body>\n</html>\n");
    }

    private static void secureHeaders(HttpServletResponse response) {
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("Cache-Control", "no-store");
    }

    private static String head(String title, boolean admin) {
        StringBuilder head = new StringBuilder(512)
                .append("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(Html.escape(title)).append("</title>\n");
        if (admin) {
            // Jira's administration chrome, with our entry selected in the Apps menu.
            head.append("<meta name=\"decorator\" content=\"atlassian.admin\">\n")
                    .append("<meta name=\"admin.active.section\" content=\"admin_plugins_menu/capacity-admin-section\">\n")
                    .append("<meta name=\"admin.active.tab\" content=\"capacity-admin-link\">\n");
        } else {
            head.append("<meta name=\"decorator\" content=\"atlassian.general\">\n");
        }
        return head.append("</head>\n<body>\n").toString();
    }

    private static String attribute(String name, String value) {
        return " " + name + "=\"" + Html.escape(value) + "\"";
    }

    private static ResourceBundle text(Locale locale) {
        try {
            return ResourceBundle.getBundle(BUNDLE, locale == null ? Locale.ROOT : locale,
                    CapacityPanelServlet.class.getClassLoader());
        } catch (MissingResourceException e) {
            throw new IllegalStateException(BUNDLE + ".properties is missing from the plugin jar", e);
        }
    }
}
