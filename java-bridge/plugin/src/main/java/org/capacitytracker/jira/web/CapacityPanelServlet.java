package org.capacitytracker.jira.web;

import com.atlassian.sal.api.auth.LoginUriProvider;
import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.sal.api.user.UserManager;
import com.atlassian.sal.api.user.UserProfile;
import com.atlassian.templaterenderer.TemplateRenderer;
import com.atlassian.webresource.api.assembler.PageBuilderService;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.capacitytracker.api.CapacityValidationException;
import org.capacitytracker.api.IdRules;

/**
 * The page the capacity panel lives in: {@code /plugins/servlet/capacity-tracker}.
 *
 * <p>The page itself is an empty, Jira-decorated shell rendered from
 * {@code templates/capacity-page.vm}: it requires the web resource of its view (so the
 * decorator puts its script and style tags in the head) and writes the root element the
 * script renders into, with what the script cannot know by itself:
 * <pre>{@code
 * <div id="ct-panel" data-board-id="1" data-context-path="/jira" data-current-user="alice"
 *      data-current-user-key="alice" data-project-key="" data-view="board"></div>
 * }</pre>
 * The template renderer HTML-escapes every value. Query parameters: {@code boardId}
 * (optional, the board shown first), {@code projectKey} (optional, from the project sidebar
 * link: the panel offers that project's boards), {@code view} ({@code board}, the default;
 * {@code reports}, the multi-project reports; or {@code admin}, for Jira administrators
 * only, in the administration chrome with the Apps menu entry selected). Anonymous visitors
 * are sent to Jira's login page and back; bad parameters get a 400 page, non-administrators
 * asking for the administration a 403 page ({@code templates/capacity-error.vm}). All text
 * comes from the plugin's i18n resource through SAL's {@link I18nResolver}.
 */
public class CapacityPanelServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    /** The web resource of the board page (the panel). */
    public static final String BOARD_RESOURCES = "org.capacitytracker.jira:capacity-board-resources";
    /** The web resource of the multi-project reports page. */
    public static final String REPORTS_RESOURCES = "org.capacitytracker.jira:capacity-reports-resources";
    /** The web resource of the administration page. */
    public static final String ADMIN_RESOURCES = "org.capacitytracker.jira:capacity-admin-resources";
    /** The page template; every reference in it is HTML-escaped by the renderer. */
    public static final String PAGE_TEMPLATE = "templates/capacity-page.vm";
    /** The 400 / 403 page template. */
    public static final String ERROR_TEMPLATE = "templates/capacity-error.vm";
    /** The admin menu entry the administration page selects: the descriptor's web-section ... */
    public static final String ADMIN_SECTION = "admin_plugins_menu/capacity-admin-section";
    /** ... and web-item keys. */
    public static final String ADMIN_TAB = "capacity-admin-link";

    // Jira pages carry inline scripts and styles of their own, so scripts cannot be locked
    // down from here; what can be: no framing by other sites, no plugins, no <base> games.
    private static final String CONTENT_SECURITY_POLICY = "frame-ancestors 'self'; object-src 'none'; base-uri 'self'";

    private final transient UserManager userManager;
    private final transient LoginUriProvider loginUriProvider;
    private final transient PageBuilderService pageBuilderService;
    private final transient TemplateRenderer templateRenderer;
    private final transient I18nResolver i18n;

    /**
     * Created by the plugin framework with Jira's services.
     *
     * @param userManager SAL's user manager
     * @param loginUriProvider where Jira's login page is
     * @param pageBuilderService the page's web-resource assembler
     * @param templateRenderer the plugin's template renderer (it loads templates/*.vm from this jar)
     * @param i18n the plugin's i18n resolver (capacity-tracker.properties, in the user's locale)
     */
    public CapacityPanelServlet(UserManager userManager, LoginUriProvider loginUriProvider,
                                PageBuilderService pageBuilderService, TemplateRenderer templateRenderer,
                                I18nResolver i18n) {
        this.userManager = Objects.requireNonNull(userManager, "userManager");
        this.loginUriProvider = Objects.requireNonNull(loginUriProvider, "loginUriProvider");
        this.pageBuilderService = Objects.requireNonNull(pageBuilderService, "pageBuilderService");
        this.templateRenderer = Objects.requireNonNull(templateRenderer, "templateRenderer");
        this.i18n = Objects.requireNonNull(i18n, "i18n");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        UserProfile user = userManager.getRemoteUser(request);
        if (user == null) {
            response.sendRedirect(loginUriProvider.getLoginUri(returnUri(request)).toASCIIString());
            return;
        }
        String view = request.getParameter("view");
        if (view == null || view.isEmpty()) {
            view = "board";
        } else if (!view.equals("board") && !view.equals("admin") && !view.equals("reports")) {
            writeError(response, 400, i18n.getText("capacity-tracker.page.error.view", view));
            return;
        }
        String boardId = request.getParameter("boardId");
        if (boardId == null) {
            boardId = "";
        } else if (!matchesRule("boardId", boardId)) {
            writeError(response, 400, i18n.getText("capacity-tracker.page.error.boardId", boardId));
            return;
        }
        String projectKey = request.getParameter("projectKey");
        if (projectKey == null) {
            projectKey = "";
        } else if (!matchesRule("projectKey", projectKey)) {
            writeError(response, 400, i18n.getText("capacity-tracker.page.error.projectKey", projectKey));
            return;
        }
        boolean admin = view.equals("admin");
        if (admin && !userManager.isAdmin(user.getUserKey())) {
            writeError(response, 403, i18n.getText("capacity-tracker.page.error.admin"));
            return;
        }

        pageBuilderService.assembler().resources().requireWebResource(
                admin ? ADMIN_RESOURCES : view.equals("reports") ? REPORTS_RESOURCES : BOARD_RESOURCES);

        Map<String, Object> context = new LinkedHashMap<>();
        context.put("title", i18n.getText(admin ? "capacity-tracker.admin.title"
                : view.equals("reports") ? "capacity-tracker.reports.title" : "capacity-tracker.page.title"));
        context.put("admin", admin);
        context.put("adminSection", ADMIN_SECTION);
        context.put("adminTab", ADMIN_TAB);
        context.put("boardId", boardId);
        context.put("contextPath", request.getContextPath());
        context.put("currentUser", user.getUsername());
        context.put("currentUserKey", user.getUserKey() == null ? "" : user.getUserKey().getStringValue());
        // The engine's id rules, for the page's scripts to check ids by (never written there).
        context.put("idRules", IdRules.json());
        context.put("projectKey", projectKey);
        context.put("view", view);
        write(response, 200, PAGE_TEMPLATE, context);
    }

    /** Whether a value passes the engine's rule for this kind of id ({@code boardId}, {@code projectKey}). */
    private static boolean matchesRule(String field, String value) {
        try {
            IdRules.check(field, value);
            return true;
        } catch (CapacityValidationException e) {
            return false;
        }
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

    private void writeError(HttpServletResponse response, int status, String message) throws IOException {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("title", i18n.getText("capacity-tracker.page.title"));
        context.put("errorTitle", i18n.getText("capacity-tracker.page.error.title"));
        context.put("message", message);
        write(response, status, ERROR_TEMPLATE, context);
    }

    /** Renders the whole page first, so a template failure never leaves half a page behind. */
    private void write(HttpServletResponse response, int status, String template, Map<String, Object> context)
            throws IOException {
        StringWriter page = new StringWriter(1024);
        templateRenderer.render(template, context, page);
        secureHeaders(response);
        response.setStatus(status);
        response.getWriter().print(page);
    }

    private static void secureHeaders(HttpServletResponse response) {
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("Cache-Control", "no-store");
    }
}
