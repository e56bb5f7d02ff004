package org.capacitytracker.host;

import org.capacitytracker.host.plugin.JiraPlatform;
import org.capacitytracker.host.plugin.PluginLoadException;
import org.capacitytracker.host.testplugin.ProbeComponent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The host's plugin contract, independent of Capacity Tracker, and its strictness: small test
 * plugins (OSGi bundles built here by bnd from the test classes) are installed as Jira installs
 * them, and deliberately broken ones are refused or fail exactly where Jira refuses or fails
 * them, with a message that says why.
 */
class PluginLoadingTest {
    private static final String PROBE_PACKAGE = "org.capacitytracker.host.testplugin";
    private static final String DESCRIPTOR = """
            <atlassian-plugin key="test.plugin" name="Probe plugin" plugins-version="2">
              <plugin-info><version>9.9.9</version><description>probe</description></plugin-info>
              <resource type="i18n" name="i18n" location="probe"/>
              <rest key="probe-rest" path="/probe" version="1">
                <package>org.capacitytracker.host.testplugin</package>
              </rest>
              <servlet key="probe-servlet" name="Probe page" class="org.capacitytracker.host.testplugin.ProbeServlet">
                <url-pattern>/probe</url-pattern>
              </servlet>
              <web-resource key="probe-resources">
                <transformation extension="js"><transformer key="jsI18n"/></transformation>
                <dependency>com.atlassian.auiplugin:aui-flag</dependency>
                <resource type="download" name="probe.js" location="web/probe.js"/>
              </web-resource>
              <web-item key="ignored" section="x"/>
            </atlassian-plugin>
            """;
    private static final String SPRING = """
            <beans xmlns="http://www.springframework.org/schema/beans"
                   xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                   xmlns:osgi="http://www.eclipse.org/gemini/blueprint/schema/blueprint"
                   xsi:schemaLocation="http://www.springframework.org/schema/beans
                     http://www.springframework.org/schema/beans/spring-beans.xsd
                     http://www.eclipse.org/gemini/blueprint/schema/blueprint
                     http://www.eclipse.org/gemini/blueprint/schema/blueprint/gemini-blueprint.xsd">
              <osgi:reference id="userManager" interface="com.atlassian.sal.api.user.UserManager"/>
              <osgi:reference id="pageBuilderService" interface="com.atlassian.webresource.api.assembler.PageBuilderService"/>
              <osgi:reference id="pluginSettingsFactory" interface="com.atlassian.sal.api.pluginsettings.PluginSettingsFactory"/>
              <bean id="probeComponent" class="org.capacitytracker.host.testplugin.ProbeComponent" destroy-method="shutdown">
                <constructor-arg ref="pluginSettingsFactory"/>
              </bean>
            </beans>
            """;
    private static final String PROBE_JS = "window.probeLoaded = true; window.probeText = AJS.I18n.getText('probe.name');"
            + " window.probeMissing = AJS.I18n.getText('probe.missing');";

    @TempDir
    Path dir;

    private TestBundles probe(String descriptor, String spring) throws Exception {
        TestBundles bundle = new TestBundles("test.plugin").classesOf(PROBE_PACKAGE)
                .file("atlassian-plugin.xml", descriptor)
                .file("web/probe.js", PROBE_JS)
                .file("probe.properties", "probe.name=Probe name\n");
        return spring == null ? bundle : bundle.file("META-INF/spring/plugin-context.xml", spring);
    }

    private CapacityHost start(Path plugin, String... extra) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("--plugin", plugin.toString(), "--data-dir",
                dir.resolve("data").toString(), "--port", "0", "--bind", "127.0.0.1", "--demo-anchor", "2026-11-30"));
        args.addAll(extra.length > 0 ? List.of(extra) : List.of("--basic-auth", "on"));
        return CapacityHost.start(HostOptions.parse(args));
    }

    @Test
    void pluginRepeatedInstallsMorePluginsAfterTheFirstInOrder() {
        HostOptions one = HostOptions.parse(List.of("--plugin", "a.jar"));
        assertEquals(Path.of("a.jar"), one.pluginJar());
        assertTrue(one.otherPlugins().isEmpty());
        HostOptions three = HostOptions.parse(List.of("--plugin", "a.jar", "--port", "0", "--plugin", "b.jar", "--plugin=c.jar"));
        assertEquals(Path.of("a.jar"), three.pluginJar());
        assertEquals(List.of(Path.of("b.jar"), Path.of("c.jar")), three.otherPlugins());
    }

    @Test
    void basicAuthenticationIsOffByDefaultInJira11AndOnInJira10() throws Exception {
        boolean jira11 = JiraPlatform.current() == JiraPlatform.JIRA_11;
        assertEquals(!jira11, HostOptions.parse(List.of("--plugin", "x.jar")).basicAuth());
        try (CapacityHost host = start(probe(DESCRIPTOR, SPRING).write(dir), "--basic-auth", "off")) {
            HttpResponse<String> basic = new TestHttp(host.baseUri().resolve("/")).basic("admin", "admin")
                    .get("/jira/rest/probe/1/probe");
            assertEquals(401, basic.statusCode());
            assertTrue(basic.body().contains("Basic authentication is disabled"), basic.body());
            TestHttp session = new TestHttp(host.baseUri().resolve("/"));
            session.login("admin", "admin", null);
            assertEquals(200, session.get("/jira/rest/probe/1/probe").statusCode(), "a session still works");
        }
    }

    @Test
    void aPluginGetsItsServicesByConstructorAndSeesOnlyWhatItImports() throws Exception {
        System.clearProperty(ProbeComponent.DESTROYED_PROPERTY);
        Path jar = probe(DESCRIPTOR, SPRING).write(dir);
        try (CapacityHost host = start(jar)) {
            TestHttp admin = new TestHttp(host.baseUri().resolve("/")).basic("admin", "admin");
            HttpResponse<String> probe = admin.get("/jira/rest/probe/1/probe");
            assertEquals(200, probe.statusCode(), probe.body());
            assertEquals("user=admin;userNoRequest=Administrator;admin=true;loader=" + probeLoaderName(host)
                    + ";tomcat=false;spring=false;h2=false;servlet=true;stored=42", probe.body());
            assertEquals(200, admin.get("/jira/rest/probe/latest/probe").statusCode(), "REST modules answer at latest too");
            assertTrue(host.summary().stream().anyMatch(l -> l.contains("does not bundle")), "no engine to seed");
            assertTrue(host.summary().stream().anyMatch(l -> l.contains(JiraPlatform.current().displayName())));

            TestHttp browser = new TestHttp(host.baseUri().resolve("/"));
            browser.login("erin", "erin", null);
            HttpResponse<String> page = browser.get("/jira/plugins/servlet/probe");
            assertEquals(200, page.statusCode());
            String html = page.body();
            assertTrue(html.contains("<title>Probe &amp; co - Capacity Tracker host</title>"), html);
            assertTrue(html.contains("<div id=\"probe\">é</div>"), "body kept, non-ASCII intact");
            assertTrue(html.contains("page-type-plugin probe-body"), "body class kept");
            assertTrue(html.contains("Erin Evans"));
            int aui = html.indexOf("com.atlassian.auiplugin:ajs/aui-prototyping.js");
            int probeJs = html.indexOf("/jira/download/resources/test.plugin:probe-resources/probe.js");
            assertTrue(aui > 0 && probeJs > aui, "AUI modules resolve to the AUI bundle, before the plugin's script");
            String js = browser.get("/jira/download/resources/test.plugin:probe-resources/probe.js").body();
            assertTrue(js.startsWith("window.probeLoaded = true;"), js);
            assertTrue(js.contains("AJS.format(\"Probe name\")"), "jsI18n puts the text in place of the call: " + js);
            assertTrue(js.contains("AJS.format(\"probe.missing\")"),
                    "a key without text stays the key, as Jira shows it: " + js);
        }
        assertEquals("true", System.getProperty(ProbeComponent.DESTROYED_PROPERTY),
                "stopping the host runs the beans' destroy-method");
    }

    private static String probeLoaderName(CapacityHost host) {
        return host.plugin().classLoader().getName();
    }

    @Test
    void restResourcesAnswerByTheirAccessAnnotationsAndLicensedOnlyByDefault() throws Exception {
        try (CapacityHost host = start(probe(DESCRIPTOR, SPRING).write(dir))) {
            TestHttp anonymous = new TestHttp(host.baseUri().resolve("/"));
            TestHttp erin = new TestHttp(host.baseUri().resolve("/")).basic("erin", "erin");
            TestHttp admin = new TestHttp(host.baseUri().resolve("/")).basic("admin", "admin");
            assertEquals(200, anonymous.get("/jira/rest/probe/1/access/open").statusCode(), "@UnrestrictedAccess");
            assertEquals(401, anonymous.get("/jira/rest/probe/1/access/default").statusCode(), "no annotation: login needed");
            assertEquals(200, erin.get("/jira/rest/probe/1/access/default").statusCode(), "no annotation: licensed users");
            assertEquals(401, anonymous.get("/jira/rest/probe/1/access/admin").statusCode());
            HttpResponse<String> forbidden = erin.get("/jira/rest/probe/1/access/admin");
            assertEquals(403, forbidden.statusCode(), "@AdminOnly refuses a user");
            assertTrue(forbidden.body().contains("\"status-code\":403"), forbidden.body());
            assertEquals(200, admin.get("/jira/rest/probe/1/access/admin").statusCode());
        }
    }

    @Test
    void aRestResourceWithoutAnInjectConstructorFailsEveryCallAsInJira() throws Exception {
        Path jar = probe(DESCRIPTOR, SPRING).classesOf(PROBE_PACKAGE + ".noinject").write(dir);
        try (CapacityHost host = start(jar)) {
            assertTrue(host.summary().stream().anyMatch(l -> l.contains("NoInjectResource has neither an @Inject constructor")),
                    String.join("\n", host.summary()));
            TestHttp admin = new TestHttp(host.baseUri().resolve("/")).basic("admin", "admin");
            assertEquals(500, admin.get("/jira/rest/probe/1/no-inject").statusCode(),
                    "Jersey 2 + HK2 cannot create it, so the call fails");
            assertEquals(200, admin.get("/jira/rest/probe/1/probe").statusCode(), "the plugin's other resources work");
        }
    }

    @Test
    void aPageAskingForADecoratorJiraDoesNotHaveIsServedUndecorated() throws Exception {
        String descriptor = DESCRIPTOR.replace("<url-pattern>/probe</url-pattern>",
                "<url-pattern>/probe</url-pattern><init-param><param-name>decorator</param-name>"
                        + "<param-value>main.general</param-value></init-param>");
        PrintStream previous = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (CapacityHost host = start(probe(descriptor, SPRING).write(dir))) {
            System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
            TestHttp browser = new TestHttp(host.baseUri().resolve("/"));
            browser.login("erin", "erin", null);
            String html = browser.get("/jira/plugins/servlet/probe").body();
            assertTrue(html.contains("content=\"main.general\""), "the page comes back as the plugin wrote it: " + html);
            assertFalse(html.contains("aui-prototyping"), "no AUI: the page would render blank in Jira");
            assertFalse(html.contains("probe.js"), "none of its required web resources either");
            assertFalse(html.contains("Erin Evans"), "no Jira header");
        } finally {
            System.setErr(previous);
        }
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("\"main.general\", which Jira does not have"), log.toString());
    }

    @Test
    void aPluginImportingAPackageJiraDoesNotExportIsNotResolved() throws Exception {
        Path jar = probe(DESCRIPTOR, SPRING).classesOf(PROBE_PACKAGE + ".leaky").write(dir);
        assertTrue(TestBundles.imports(jar).contains("org.h2"), "bnd found the H2 import");
        PluginLoadException e = assertThrows(PluginLoadException.class, () -> start(jar));
        assertTrue(e.getMessage().contains("cannot be resolved") && e.getMessage().contains("osgi.wiring.package=org.h2"),
                e.getMessage());
    }

    @Test
    void aPluginBuiltForTheOtherJiraGenerationIsNotResolved() throws Exception {
        // Built at run time: the Jira 11 host is this code transformed to Jakarta, and the
        // transformation rewrites "javax.servlet" wherever it is a constant.
        String otherServlet = JiraPlatform.current() == JiraPlatform.JIRA_10 ? "jakarta.servlet"
                : String.join(".", "javax", "servlet");
        Path jar = probe(DESCRIPTOR, SPRING)
                .header("Import-Package", otherServlet + "," + otherServlet + ".http,*").write(dir);
        PluginLoadException e = assertThrows(PluginLoadException.class, () -> start(jar));
        assertTrue(e.getMessage().contains("osgi.wiring.package=" + otherServlet), e.getMessage());
    }

    @Test
    void anonymizationHandlersAreListedAndRunAndAFailingOneIsReportedNotFatal() throws Exception {
        String descriptor = DESCRIPTOR.replace("</atlassian-plugin>", "<user-anonymization-handler key=\"probe-anon\" "
                + "class=\"org.capacitytracker.host.testplugin.ProbeAnonymizationHandler\"/></atlassian-plugin>");
        try (CapacityHost host = start(probe(descriptor, SPRING).write(dir))) {
            TestHttp admin = new TestHttp(host.baseUri().resolve("/")).basic("admin", "admin");
            String page = admin.get("/jira/secure/admin/AnonymizeUser.jspa?user=bob").body();
            assertTrue(page.contains("<td>Probe name</td><td>ANONYMIZE</td><td>3</td>"), page);
            java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"atl_token\" value=\"([^\"]+)\"").matcher(page);
            assertTrue(token.find(), page);
            HttpResponse<String> run = admin.postForm("/jira/secure/admin/AnonymizeUser.jspa", "userKey", "bob",
                    "atl_token", token.group(1));
            assertEquals(200, run.statusCode());
            assertTrue(run.body().contains("data-status=\"COMPLETED_WITH_ERRORS\""), run.body());
            assertTrue(run.body().contains("probe failure for bob"), run.body());
        }
    }

    @Test
    void anAnonymizationHandlerThatIsNotOneRefusesThePlugin() throws Exception {
        String descriptor = DESCRIPTOR.replace("</atlassian-plugin>", "<user-anonymization-handler key=\"probe-anon\" "
                + "class=\"org.capacitytracker.host.testplugin.ProbeComponent\"/></atlassian-plugin>");
        PluginLoadException e = assertThrows(PluginLoadException.class, () -> start(probe(descriptor, SPRING).write(dir)));
        assertTrue(e.getMessage().contains("probe-anon")
                && e.getMessage().contains("com.atlassian.jira.user.anonymize.UserAnonymizationHandler"), e.getMessage());
    }

    @Test
    void aServiceThePluginDidNotImportIsNotInjected() throws Exception {
        String spring = SPRING.replace(
                "<osgi:reference id=\"userManager\" interface=\"com.atlassian.sal.api.user.UserManager\"/>", "");
        Path jar = probe(DESCRIPTOR, spring).write(dir);
        try (CapacityHost host = start(jar)) {
            TestHttp admin = new TestHttp(host.baseUri().resolve("/")).basic("admin", "admin");
            assertEquals(500, admin.get("/jira/rest/probe/1/probe").statusCode(),
                    "the resource needs UserManager, which the plugin's context does not import");
        }
    }

    @Test
    void aServiceIsPublishedByAnInterfaceItsBeanImplements() throws Exception {
        // Jira hands importers a proxy of the interface: a class cannot be published.
        String byClass = SPRING.replace("</beans>", "<osgi:service ref=\"probeComponent\""
                + " interface=\"org.capacitytracker.host.testplugin.ProbeComponent\"/></beans>");
        PluginLoadException e = assertThrows(PluginLoadException.class, () -> start(probe(DESCRIPTOR, byClass).write(dir)));
        assertTrue(e.getMessage().contains("not an interface"), e.getMessage());

        String notImplemented = SPRING.replace("</beans>", "<osgi:service ref=\"probeComponent\""
                + " interface=\"com.atlassian.sal.api.user.UserManager\"/></beans>");
        e = assertThrows(PluginLoadException.class, () -> start(probe(DESCRIPTOR, notImplemented).write(dir)));
        assertTrue(e.getMessage().contains("does not implement it"), e.getMessage());
    }

    @Test
    void importingAServiceTheHostLacksFailsWithItsName() throws Exception {
        String spring = SPRING.replace("</beans>",
                "<osgi:reference id=\"x\" interface=\"com.atlassian.sal.api.user.UserProfile\"/></beans>");
        PluginLoadException e = assertThrows(PluginLoadException.class, () -> start(probe(DESCRIPTOR, spring).write(dir)));
        assertTrue(e.getMessage().contains("com.atlassian.sal.api.user.UserProfile")
                && e.getMessage().contains("no such service"), e.getMessage());
    }

    @Test
    void aSpringFileThatBreaksTheSchemaIsRefused() throws Exception {
        String spring = SPRING.replace("<osgi:reference id=\"userManager\"", "<osgi:reference id=\"userManager\" cardinality=\"1..1\"");
        PluginLoadException e = assertThrows(PluginLoadException.class, () -> start(probe(DESCRIPTOR, spring).write(dir)));
        assertTrue(e.getMessage().contains("cardinality"), e.getMessage());
    }

    @Test
    void aJarWithoutAnOsgiManifestOrDescriptorIsNotAPlugin() throws Exception {
        Path empty = dir.resolve("empty.jar");
        try (OutputStream out = new JarOutputStream(Files.newOutputStream(empty))) {
            out.flush();
        }
        PluginLoadException e = assertThrows(PluginLoadException.class, () -> start(empty));
        assertTrue(e.getMessage().contains("atlassian-plugin.xml"), e.getMessage());
        PluginLoadException missing = assertThrows(PluginLoadException.class, () -> start(dir.resolve("missing.jar")));
        assertTrue(missing.getMessage().contains("not found"), missing.getMessage());

        Path plain = probe(DESCRIPTOR, SPRING).header("Atlassian-Plugin-Key", "").write(dir);
        PluginLoadException notTransformerless = assertThrows(PluginLoadException.class, () -> start(plain));
        assertTrue(notTransformerless.getMessage().contains("transformerless"), notTransformerless.getMessage());
    }
}
