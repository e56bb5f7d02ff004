package org.capacitytracker.examples.consumer;

import com.atlassian.sal.api.auth.LoginUriProvider;
import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.sal.api.user.UserProfile;
import com.atlassian.sal.api.user.UserManager;
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
import org.capacitytracker.api.CapacityAccessDeniedException;
import org.capacitytracker.api.CapacityException;
import org.capacitytracker.api.CapacityNotFoundException;
import org.capacitytracker.api.CapacityValidationException;
import org.capacitytracker.api.typed.CapacityService;
import org.capacitytracker.api.typed.IterationRequest;
import org.capacitytracker.api.typed.MemberCapacity;

/**
 * {@code /plugins/servlet/member-capacity}: one member's remaining capacity in a sprint,
 * asked of Capacity Tracker through its {@link CapacityService} (imported in
 * META-INF/spring/consumer-context.xml) and rendered in Jira's chrome.
 *
 * <p>Query parameters: {@code boardId}, {@code sprintId}, {@code start} and {@code end} (the
 * sprint's dates or instants, as Jira Software gives them), optional {@code sprintName}, and
 * {@code accountKey} (default: the logged-in user). With a board and no sprint, the page lists
 * the board's current and next sprints to pick from (js/sprint-picker.js reads them from Jira
 * Software's REST API, as any plugin page can). Capacity Tracker decides what the user may
 * see: a board they may not read gets its refusal, with Capacity Tracker's reason.
 */
public class MemberCapacityServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String PAGE = "templates/member-capacity.vm";
    static final String ERROR = "templates/member-capacity-error.vm";
    static final String PICK = "templates/member-capacity-pick.vm";
    static final String PICK_RESOURCES = "org.capacitytracker.examples.consumer:member-capacity-resources";
    private static final String[] SPRINT = {"sprintId", "start", "end"};

    private final transient CapacityService capacity;
    private final transient UserManager userManager;
    private final transient LoginUriProvider loginUriProvider;
    private final transient TemplateRenderer templateRenderer;
    private final transient I18nResolver i18n;
    private final transient PageBuilderService pageBuilderService;

    /**
     * Autowired by the plugin framework from this plugin's Spring context.
     *
     * @param capacity Capacity Tracker's service
     * @param userManager who is logged in
     * @param loginUriProvider where Jira's login page is
     * @param templateRenderer renders templates/*.vm from this plugin
     * @param i18n this plugin's text
     * @param pageBuilderService puts the sprint picker's script on the page
     */
    public MemberCapacityServlet(CapacityService capacity, UserManager userManager, LoginUriProvider loginUriProvider,
                                 TemplateRenderer templateRenderer, I18nResolver i18n,
                                 PageBuilderService pageBuilderService) {
        this.capacity = Objects.requireNonNull(capacity, "capacity");
        this.userManager = Objects.requireNonNull(userManager, "userManager");
        this.loginUriProvider = Objects.requireNonNull(loginUriProvider, "loginUriProvider");
        this.templateRenderer = Objects.requireNonNull(templateRenderer, "templateRenderer");
        this.i18n = Objects.requireNonNull(i18n, "i18n");
        this.pageBuilderService = Objects.requireNonNull(pageBuilderService, "pageBuilderService");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        UserProfile user = userManager.getRemoteUser(request);
        if (user == null) {
            String query = request.getQueryString();
            URI back = URI.create(request.getRequestURL() + (query == null ? "" : "?" + query));
            response.sendRedirect(loginUriProvider.getLoginUri(back).toASCIIString());
            return;
        }
        if (isBlank(request.getParameter("boardId"))) {
            error(response, 400, i18n.getText("consumer.error.parameter", "boardId"));
            return;
        }
        String boardId = request.getParameter("boardId");
        String accountKey = isBlank(request.getParameter("accountKey")) ? user.getUserKey().getStringValue()
                : request.getParameter("accountKey");
        if (java.util.Arrays.stream(SPRINT).allMatch(p -> isBlank(request.getParameter(p)))) {
            pick(request, response, boardId, isBlank(request.getParameter("accountKey")) ? "" : accountKey);
            return;
        }
        for (String required : SPRINT) {
            if (isBlank(request.getParameter(required))) {
                error(response, 400, i18n.getText("consumer.error.parameter", required));
                return;
            }
        }
        // asOf null: Capacity Tracker counts remaining capacity from today in the board's time zone.
        IterationRequest.Iteration sprint = new IterationRequest.Iteration(request.getParameter("sprintId"),
                request.getParameter("sprintName"), null, request.getParameter("start"), request.getParameter("end"), null);
        MemberCapacity figures;
        try {
            figures = capacity.memberCapacity(boardId, accountKey, sprint);
        } catch (CapacityAccessDeniedException e) {
            error(response, 403, e.getMessage());
            return;
        } catch (CapacityNotFoundException e) {
            error(response, 404, e.getMessage());
            return;
        } catch (CapacityValidationException e) {
            error(response, 400, e.getMessage());
            return;
        } catch (CapacityException e) {
            error(response, 500, e.getMessage());
            return;
        }
        write(response, 200, PAGE, pageContext(figures, user));
    }

    /** What the page shows; every value is HTML-escaped by the renderer. */
    Map<String, Object> pageContext(MemberCapacity figures, UserProfile user) {
        String sprintName = figures.iterationName() == null ? figures.iterationId() : figures.iterationName();
        String who = figures.accountKey().equals(user.getUserKey().getStringValue()) ? user.getFullName()
                : figures.accountKey();
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("title", i18n.getText("consumer.title"));
        context.put("heading", i18n.getText("consumer.heading", who, sprintName));
        context.put("boardLabel", i18n.getText("consumer.board"));
        context.put("boardId", figures.boardId());
        context.put("sprintLabel", i18n.getText("consumer.sprint"));
        context.put("sprint", sprintName + " (" + i18n.getText("consumer.dates", figures.firstDate(), figures.lastDate()) + ")");
        context.put("capacityLabel", i18n.getText("consumer.capacity"));
        context.put("capacity", Quantities.format(figures.capacity(), figures.unit()));
        context.put("capacityValue", String.valueOf(figures.capacity()));
        boolean counted = figures.remainingCapacity() != null;
        context.put("remainingLabel", counted ? i18n.getText("consumer.remaining", figures.asOf())
                : i18n.getText("consumer.remaining.none"));
        context.put("remaining", counted ? Quantities.format(figures.remainingCapacity(), figures.unit())
                : i18n.getText("consumer.remaining.none.value"));
        context.put("remainingValue", counted ? String.valueOf(figures.remainingCapacity()) : "");
        context.put("accountKey", figures.accountKey());
        context.put("source", i18n.getText("consumer.source"));
        return context;
    }

    /** The board's sprints to pick from, listed by the page's script. */
    private void pick(HttpServletRequest request, HttpServletResponse response, String boardId, String accountKey)
            throws IOException {
        pageBuilderService.assembler().resources().requireWebResource(PICK_RESOURCES);
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("title", i18n.getText("consumer.title"));
        context.put("heading", i18n.getText("consumer.pick.heading", boardId));
        context.put("boardId", boardId);
        context.put("accountKey", accountKey);
        context.put("contextPath", request.getContextPath());
        // The module's URL (atlassian-plugin.xml): Jira routes plugin servlets through a filter,
        // so the request's servlet path is not this page's.
        context.put("page", request.getContextPath() + "/plugins/servlet/member-capacity");
        context.put("textCurrent", i18n.getText("consumer.pick.current"));
        context.put("textNext", i18n.getText("consumer.pick.next"));
        context.put("textNone", i18n.getText("consumer.pick.none"));
        context.put("textFailed", i18n.getText("consumer.pick.failed"));
        write(response, 200, PICK, context);
    }

    private void error(HttpServletResponse response, int status, String message) throws IOException {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("title", i18n.getText("consumer.title"));
        context.put("errorTitle", i18n.getText("consumer.error.title"));
        context.put("message", message);
        write(response, status, ERROR, context);
    }

    /** Renders the whole page first, so a template failure never leaves half a page behind. */
    private void write(HttpServletResponse response, int status, String template, Map<String, Object> context)
            throws IOException {
        StringWriter page = new StringWriter(1024);
        templateRenderer.render(template, context, page);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-store");
        response.setStatus(status);
        response.getWriter().print(page);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
