package org.capacitytracker.host;

import org.capacitytracker.host.plugin.LoadedPlugin;
import org.capacitytracker.host.plugin.PluginLoadException;
import org.capacitytracker.host.testplugin.ProbeComponent;
import org.capacitytracker.host.testplugin.ProbeResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The host's plugin contract, independent of Capacity Tracker: a small test plugin (built
 * here from the test classes) declares a REST module, a servlet, a web resource and a Spring
 * context, and the host must install it as Jira would.
 */
class PluginLoadingTest {
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
                <dependency>com.atlassian.auiplugin:aui-flag</dependency>
                <resource type="download" name="probe.js" location="web/probe.js"/>
              </web-resource>
              <web-item key="ignored" section="x"/>
            </atlassian-plugin>
            """;
    private static final String SPRING = """
            <beans xmlns="http://www.springframework.org/schema/beans"
                   xmlns:osgi="http://www.eclipse.org/gemini/blueprint/schema/blueprint">
              <osgi:reference id="userManager" interface="com.atlassian.sal.api.user.UserManager"/>
              <osgi:reference id="pageBuilderService" interface="com.atlassian.webresource.api.assembler.PageBuilderService"/>
              <osgi:reference id="pluginSettingsFactory" interface="com.atlassian.sal.api.pluginsettings.PluginSettingsFactory"/>
              <bean id="probeComponent" class="org.capacitytracker.host.testplugin.ProbeComponent" destroy-method="shutdown">
                <constructor-arg ref="pluginSettingsFactory"/>
              </bean>
            </beans>
            """;

    @TempDir
    Path dir;

    private Path buildPlugin(String descriptor, String spring) throws IOException, URISyntaxException {
        Path classes = Path.of(ProbeResource.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path packageDir = classes.resolve("org/capacitytracker/host/testplugin");
        Path jar = dir.resolve("plugin-" + System.nanoTime() + ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> files = Files.list(packageDir)) {
            for (Path f : files.toList()) {
                add(out, "org/capacitytracker/host/testplugin/" + f.getFileName(), Files.readAllBytes(f));
            }
            add(out, "atlassian-plugin.xml", descriptor.getBytes(StandardCharsets.UTF_8));
            if (spring != null) {
                add(out, "META-INF/spring/plugin-context.xml", spring.getBytes(StandardCharsets.UTF_8));
            }
            add(out, "web/probe.js", "window.probeLoaded = true;".getBytes(StandardCharsets.UTF_8));
            add(out, "probe.properties", "probe.name=Probe".getBytes(StandardCharsets.UTF_8));
        }
        return jar;
    }

    private static void add(JarOutputStream out, String name, byte[] bytes) throws IOException {
        out.putNextEntry(new JarEntry(name));
        out.write(bytes);
        out.closeEntry();
    }

    private CapacityHost start(Path plugin) throws Exception {
        return CapacityHost.start(HostOptions.parse(List.of("--plugin", plugin.toString(), "--data-dir",
                dir.resolve("data").toString(), "--port", "0", "--bind", "127.0.0.1", "--demo-anchor", "2026-11-30")));
    }

    @Test
    void aPluginGetsItsServicesByConstructorAndSeesOnlyTheSharedApi() throws Exception {
        System.clearProperty(ProbeComponent.DESTROYED_PROPERTY);
        try (CapacityHost host = start(buildPlugin(DESCRIPTOR, SPRING))) {
            TestHttp admin = new TestHttp(host.baseUri().resolve("/")).basic("admin", "admin");
            HttpResponse<String> probe = admin.get("/jira/rest/probe/1/probe");
            assertEquals(200, probe.statusCode(), probe.body());
            assertEquals("user=admin;userNoRequest=Administrator;admin=true;loader=plugin:test.plugin;jetty=false;h2=false;"
                    + "servlet=true;stored=42", probe.body());
            assertEquals(200, admin.get("/jira/rest/probe/latest/probe").statusCode(), "REST modules answer at latest too");
            assertTrue(host.summary().stream().anyMatch(l -> l.contains("does not bundle")), "no engine to seed");

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
            assertEquals("window.probeLoaded = true;",
                    browser.get("/jira/download/resources/test.plugin:probe-resources/probe.js").body());
        }
        assertEquals("true", System.getProperty(ProbeComponent.DESTROYED_PROPERTY),
                "stopping the host runs the beans' destroy-method");
    }

    @Test
    void aServiceThePluginDidNotImportIsNotInjected() throws Exception {
        String spring = SPRING.replace(
                "<osgi:reference id=\"userManager\" interface=\"com.atlassian.sal.api.user.UserManager\"/>", "");
        PluginLoadException e = assertThrows(PluginLoadException.class, () -> start(buildPlugin(DESCRIPTOR, spring)));
        assertTrue(e.getMessage().contains("com.atlassian.sal.api.user.UserManager")
                && e.getMessage().contains("does not import"), e.getMessage());
    }

    @Test
    void importingAServiceTheHostLacksFailsWithItsName() throws Exception {
        String spring = SPRING.replace("</beans>",
                "<osgi:reference id=\"x\" interface=\"com.atlassian.sal.api.user.UserProfile\"/></beans>");
        PluginLoadException e = assertThrows(PluginLoadException.class, () -> start(buildPlugin(DESCRIPTOR, spring)));
        assertTrue(e.getMessage().contains("com.atlassian.sal.api.user.UserProfile"), e.getMessage());
    }

    @Test
    void aJarWithoutADescriptorIsNotAPlugin() throws Exception {
        Path jar = dir.resolve("empty.jar");
        try (OutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.flush();
        }
        PluginLoadException e = assertThrows(PluginLoadException.class, () -> LoadedPlugin.load(jar, List.of()));
        assertTrue(e.getMessage().contains("atlassian-plugin.xml"), e.getMessage());
        assertThrows(PluginLoadException.class, () -> LoadedPlugin.load(dir.resolve("missing.jar"), List.of()));
    }
}
