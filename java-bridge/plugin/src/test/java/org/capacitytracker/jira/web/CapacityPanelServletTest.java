package org.capacitytracker.jira.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.capacitytracker.api.IdRules;
import org.capacitytracker.jira.testing.FakeHttp;
import org.capacitytracker.jira.testing.FakeLoginUris;
import org.capacitytracker.jira.testing.FakeUsers;
import org.capacitytracker.jira.testing.Html;
import org.capacitytracker.jira.testing.PropertiesI18nResolver;
import org.capacitytracker.jira.testing.RecordingPageBuilder;
import org.capacitytracker.jira.testing.VelocityTestRenderer;
import org.junit.jupiter.api.Test;

class CapacityPanelServletTest {
    private static final String EVIL = "\"><script>alert('x')</script>&";

    private final FakeUsers users = new FakeUsers()
            .user("alice", "Alice Andersen")
            .user(EVIL, "Mallory")
            .admin("admin", "Administrator");
    private final RecordingPageBuilder pages = new RecordingPageBuilder();
    // Jira's login page, as SAL's LoginUriProvider gives it.
    private final CapacityPanelServlet servlet = new CapacityPanelServlet(users, new FakeLoginUris("/jira"),
            pages, new VelocityTestRenderer(), new PropertiesI18nResolver());

    private FakeHttp.Response get(FakeHttp.Request request) throws Exception {
        FakeHttp.Response response = new FakeHttp.Response();
        servlet.doGet(request.build(), response.build());
        return response;
    }

    @Test
    void writesTheDecoratedShellWithTheRootElementAndRequiresThePanelResources() throws Exception {
        FakeHttp.Response r = get(new FakeHttp.Request().user("alice").parameter("boardId", "1"));
        assertEquals(200, r.status);
        assertEquals("text/html;charset=UTF-8", r.contentType);
        String html = r.body();
        assertTrue(html.contains("<meta name=\"decorator\" content=\"atl.general\">"), html);
        // The engine's id rules, for the scripts: JSON in an attribute, escaped.
        String rules = Html.escape(IdRules.json());
        assertTrue(rules.contains("^[A-Za-z0-9_-]{1,40}$"), rules);
        assertTrue(html.contains("<div id=\"ct-panel\" data-board-id=\"1\" data-context-path=\"/jira\" "
                + "data-current-user=\"alice\" data-current-user-key=\"alice\" data-id-rules=\"" + rules + "\" "
                + "data-project-key=\"\" data-view=\"board\"></div>"), html);
        assertTrue(html.contains("<title>Capacity Tracker</title>"), html);
        assertEquals(List.of("org.capacitytracker.jira:capacity-board-resources"), pages.required);
    }

    @Test
    void sendsSecurityHeaders() throws Exception {
        FakeHttp.Response r = get(new FakeHttp.Request().user("alice"));
        assertEquals("nosniff", r.headers.get("X-Content-Type-Options"));
        String csp = r.headers.get("Content-Security-Policy");
        assertTrue(csp.contains("frame-ancestors 'self'"), csp);
        assertTrue(csp.contains("object-src 'none'"), csp);
        assertFalse(csp.contains("script-src"), "Jira's own inline scripts must keep working: " + csp);
        assertEquals("no-store", r.headers.get("Cache-Control"));
    }

    @Test
    void escapesEveryAttributeValue() throws Exception {
        FakeHttp.Response r = get(new FakeHttp.Request().user(EVIL).contextPath("/j\"<script>ira"));
        String html = r.body();
        assertEquals(200, r.status);
        assertFalse(html.contains("<script>"), html);
        assertTrue(html.contains("data-current-user=\"&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;\""), html);
        assertTrue(html.contains("data-context-path=\"/j&quot;&lt;script&gt;ira\""), html);
    }

    @Test
    void aBoardIdWithMarkupIsRefusedAndEchoedEscaped() throws Exception {
        FakeHttp.Response r = get(new FakeHttp.Request().user("alice").parameter("boardId", "\"<script>alert(1)</script>"));
        assertEquals(400, r.status);
        String html = r.body();
        assertFalse(html.contains("<script>"), html);
        assertTrue(html.contains("&quot;&lt;script&gt;alert(1)&lt;/script&gt;"), html);
        assertTrue(html.contains("aui-message-error"), html);
        assertTrue(pages.required.isEmpty(), "no panel on an error page");
        assertEquals("nosniff", r.headers.get("X-Content-Type-Options"));
    }

    @Test
    void passesTheProjectFromTheSidebarLink() throws Exception {
        String html = get(new FakeHttp.Request().user("alice").parameter("projectKey", "DEMO")).body();
        assertTrue(html.contains("data-board-id=\"\""), html);
        assertTrue(html.contains("data-project-key=\"DEMO\""), html);
        assertEquals(400, get(new FakeHttp.Request().user("alice").parameter("projectKey", "DE MO")).status);
    }

    @Test
    void sendsAnonymousVisitorsToTheLoginPageAndBack() throws Exception {
        FakeHttp.Response r = get(new FakeHttp.Request()
                .url("http://localhost:2990/jira/plugins/servlet/capacity-tracker", "boardId=1"));
        assertEquals(302, r.status);
        assertEquals("/jira/login.jsp?os_destination="
                + URLEncoder.encode("http://localhost:2990/jira/plugins/servlet/capacity-tracker?boardId=1",
                        StandardCharsets.UTF_8), r.redirect);
        assertNull(r.contentType);
        assertTrue(pages.required.isEmpty());
    }

    @Test
    void aQueryThatIsNotAValidUriStillReturnsToThePage() throws Exception {
        FakeHttp.Response r = get(new FakeHttp.Request()
                .url("http://localhost:2990/jira/plugins/servlet/capacity-tracker", "boardId=\"<x> y"));
        assertEquals(302, r.status);
        assertTrue(r.redirect.endsWith(URLEncoder.encode(
                "http://localhost:2990/jira/plugins/servlet/capacity-tracker", StandardCharsets.UTF_8)), r.redirect);
    }

    @Test
    void theAdministrationViewIsForAdministratorsOnly() throws Exception {
        FakeHttp.Response denied = get(new FakeHttp.Request().user("alice").parameter("view", "admin"));
        assertEquals(403, denied.status);
        assertTrue(pages.required.isEmpty());

        FakeHttp.Response admin = get(new FakeHttp.Request().user("admin").parameter("view", "admin"));
        assertEquals(200, admin.status);
        String html = admin.body();
        assertTrue(html.contains("data-view=\"admin\""), html);
        assertTrue(html.contains("<meta name=\"decorator\" content=\"atl.admin\">"), html);
        assertTrue(html.contains("<meta name=\"admin.active.section\" content=\"admin_plugins_menu/capacity-admin-section\">"), html);
        assertTrue(html.contains("<meta name=\"admin.active.tab\" content=\"capacity-admin-link\">"), html);
        assertEquals(List.of("org.capacitytracker.jira:capacity-admin-resources"), pages.required);
        assertTrue(html.contains("<title>Capacity Tracker administration</title>"), html);
    }

    @Test
    void theReportsViewIsForEveryoneLoggedIn() throws Exception {
        FakeHttp.Response r = get(new FakeHttp.Request().user("alice").parameter("view", "reports"));
        assertEquals(200, r.status);
        String html = r.body();
        assertTrue(html.contains("data-view=\"reports\""), html);
        assertTrue(html.contains("<title>Capacity Tracker reports</title>"), html);
        assertTrue(html.contains("<meta name=\"decorator\" content=\"atl.general\">"), html);
        assertEquals(List.of("org.capacitytracker.jira:capacity-reports-resources"), pages.required);
    }

    @Test
    void theAdministratorOnlyMessageKeepsItsApostrophe() throws Exception {
        String html = get(new FakeHttp.Request().user("alice").parameter("view", "admin")).body();
        assertTrue(html.contains("Capacity Tracker&#39;s administration"), html);
    }

    @Test
    void anUnknownViewIs400() throws Exception {
        FakeHttp.Response r = get(new FakeHttp.Request().user("alice").parameter("view", "<b>"));
        assertEquals(400, r.status);
        assertTrue(r.body().contains("&lt;b&gt;"));
    }
}
