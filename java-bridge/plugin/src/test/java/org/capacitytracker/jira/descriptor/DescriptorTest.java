package org.capacitytracker.jira.descriptor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import javax.servlet.http.HttpServlet;
import com.atlassian.annotations.security.AdminOnly;
import com.atlassian.annotations.security.AnonymousSiteAccess;
import com.atlassian.annotations.security.LicensedOnly;
import com.atlassian.annotations.security.SystemAdminOnly;
import com.atlassian.annotations.security.UnlicensedSiteAccess;
import com.atlassian.annotations.security.UnrestrictedAccess;
import org.capacitytracker.jira.rest.AdminResource;
import org.capacitytracker.jira.rest.BoardResource;
import org.capacitytracker.jira.rest.CalendarResource;
import org.capacitytracker.jira.rest.HealthResource;
import org.capacitytracker.jira.rest.PersonResource;
import org.capacitytracker.jira.rest.ReportDefinitionResource;
import org.capacitytracker.jira.rest.TemplateResource;
import org.capacitytracker.jira.web.CapacityPanelServlet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * atlassian-plugin.xml and the Spring context, as built (filtered) into the jar: every
 * class they name exists and can be created from what the context offers, every module
 * has a key, a name and an i18n name that the properties file holds, every link and
 * resource leads somewhere.
 */
class DescriptorTest {
    private static final String BLUEPRINT = "http://www.eclipse.org/gemini/blueprint/schema/blueprint";
    private static final String BEANS = "http://www.springframework.org/schema/beans";

    private final Element plugin = parse("/atlassian-plugin.xml").getDocumentElement();
    private final Properties i18n = i18n();

    private static Document parse(String resource) {
        try (InputStream in = DescriptorTest.class.getResourceAsStream(resource)) {
            assertNotNull(in, resource + " is not on the class path");
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(in);
        } catch (Exception e) {
            throw new AssertionError("cannot parse " + resource, e);
        }
    }

    /** The texts of every {@code <resource type="i18n">} (the descriptor's and the scripts'), merged. */
    private Properties i18n() {
        Properties properties = new Properties();
        int resources = 0;
        for (Element resource : children(plugin, "resource")) {
            if (!resource.getAttribute("type").equals("i18n")) {
                continue;
            }
            resources++;
            String location = resource.getAttribute("location");
            try (InputStream in = DescriptorTest.class.getResourceAsStream("/" + location.replace('.', '/') + ".properties")) {
                assertNotNull(in, "i18n resource " + location + " has no properties file");
                properties.load(in);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
        assertTrue(resources > 0, "no i18n resource");
        return properties;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && (name == null || e.getLocalName().equals(name))) {
                found.add(e);
            }
        }
        return found;
    }

    private static List<Element> descendants(Element parent) {
        List<Element> found = new ArrayList<>();
        NodeList all = parent.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            found.add((Element) all.item(i));
        }
        return found;
    }

    private List<Element> modules() {
        return children(plugin, null).stream()
                .filter(e -> !e.getLocalName().equals("plugin-info") && !e.getLocalName().equals("resource"))
                .toList();
    }

    private Element module(String type, String key) {
        return modules().stream()
                .filter(m -> m.getLocalName().equals(type) && m.getAttribute("key").equals(key))
                .findFirst().orElseThrow(() -> new AssertionError("no <" + type + " key=\"" + key + "\">"));
    }

    @Test
    void identifiesThePluginAndDeclaresDataCenterCompatibility() {
        assertEquals("org.capacitytracker.jira", plugin.getAttribute("key"));
        assertEquals("2", plugin.getAttribute("plugins-version"));
        assertFalse(plugin.getAttribute("name").isBlank());
        Element info = children(plugin, "plugin-info").get(0);
        assertFalse(children(info, "description").get(0).getTextContent().isBlank());
        assertEquals(System.getProperty("capacity.plugin.version"), children(info, "version").get(0).getTextContent());
        assertFalse(children(info, "vendor").get(0).getAttribute("name").isBlank());
        List<String> params = children(info, "param").stream()
                .map(p -> p.getAttribute("name") + "=" + p.getTextContent()).toList();
        assertTrue(params.contains("atlassian-data-center-status=compatible"), params.toString());
        assertTrue(params.contains("atlassian-data-center-compatible=true"), params.toString());
    }

    @Test
    void mavenFilteredEveryPlaceholder() {
        for (Element e : descendants(plugin)) {
            assertFalse(e.getTextContent().contains("${"), e.getLocalName() + ": " + e.getTextContent());
        }
    }

    @Test
    void everyModuleHasAUniqueKeyANameAndAnI18nName() {
        Set<String> keys = new HashSet<>();
        assertFalse(modules().isEmpty());
        for (Element m : modules()) {
            String key = m.getAttribute("key");
            assertTrue(key.matches("[a-z0-9-]+"), "<" + m.getLocalName() + "> key " + key);
            assertTrue(keys.add(key), "duplicate key " + key);
            assertFalse(m.getAttribute("name").isBlank(), key + " has no name");
            String nameKey = m.getAttribute("i18n-name-key");
            assertFalse(nameKey.isBlank(), key + " has no i18n-name-key");
            assertTrue(i18n.containsKey(nameKey), nameKey + " is not in the properties file");
        }
    }

    @Test
    void everyI18nKeyUsedIsDefined() {
        for (Element e : descendants(plugin)) {
            if (Set.of("label", "tooltip", "description").contains(e.getLocalName()) && e.hasAttribute("key")) {
                assertTrue(i18n.containsKey(e.getAttribute("key")), e.getAttribute("key") + " is not in the properties file");
            }
        }
    }

    @Test
    void everyClassNamedExists() {
        for (Element e : descendants(plugin)) {
            if (e.hasAttribute("class")) {
                load(e.getAttribute("class"));
            }
        }
        assertTrue(HttpServlet.class.isAssignableFrom(load(module("servlet", "capacity-panel-servlet").getAttribute("class"))));
    }

    @Test
    void theRestModuleServesTheResourcesAtCapacity10() {
        Element rest = module("rest", "capacity-rest");
        assertEquals("/capacity", rest.getAttribute("path"));
        assertEquals("1.0", rest.getAttribute("version"));
        String pkg = children(rest, "package").get(0).getTextContent().trim();
        List<Class<?>> resources = resourceClasses(pkg);
        List<String> names = resources.stream().map(Class::getSimpleName).sorted().toList();
        assertEquals(List.of("AdminResource", "BoardResource", "CalendarResource", "HealthResource", "PersonResource",
                "ReportDefinitionResource", "ReportJobResource", "TemplateResource"), names);
    }

    @Test
    void theServletAnswersThePanelUrlAndTheLinksLeadToIt() {
        Element servlet = module("servlet", "capacity-panel-servlet");
        assertEquals("/capacity-tracker", children(servlet, "url-pattern").get(0).getTextContent());
        for (Element m : modules()) {
            for (Element link : children(m, "link")) {
                String target = link.getTextContent().trim();
                assertTrue(target.startsWith("/plugins/servlet/capacity-tracker?"), target);
            }
        }
        assertEquals("jira.project.sidebar.plugins.navigation", module("web-item", "capacity-board-sidebar-link").getAttribute("section"));
        assertEquals("admin_plugins_menu/capacity-admin-section", module("web-item", "capacity-admin-link").getAttribute("section"));
        assertEquals("admin_plugins_menu", module("web-section", "capacity-admin-section").getAttribute("location"));
    }

    @Test
    void onePageResourceModulePerPageEachOnTheSharedOneWithAuiAndAContext() throws Exception {
        String pluginKey = plugin.getAttribute("key");
        String shared = pluginKey + ":capacity-panel-resources";
        assertEquals(List.of("capacity-panel-resources", "capacity-board-resources", "capacity-reports-resources",
                "capacity-admin-resources"), children(plugin, "web-resource").stream().map(e -> e.getAttribute("key")).toList());
        assertEquals(CapacityPanelServlet.BOARD_RESOURCES, pluginKey + ":capacity-board-resources");
        assertEquals(CapacityPanelServlet.REPORTS_RESOURCES, pluginKey + ":capacity-reports-resources");
        assertEquals(CapacityPanelServlet.ADMIN_RESOURCES, pluginKey + ":capacity-admin-resources");
        List<String> files = new ArrayList<>();
        for (Element module : children(plugin, "web-resource")) {
            String key = module.getAttribute("key");
            List<String> dependencies = children(module, "dependency").stream().map(e -> e.getTextContent().trim()).toList();
            assertTrue(dependencies.contains("com.atlassian.auiplugin:ajs"), key + " does not depend on AUI");
            for (String d : dependencies) {
                assertTrue(d.startsWith("com.atlassian.auiplugin:") || d.equals(shared), key + " depends on unknown " + d);
            }
            if (!key.equals("capacity-panel-resources")) {
                assertTrue(dependencies.contains(shared), key + " does not depend on the shared module");
            }
            assertEquals(1, children(module, "context").size(), key + " has no context");
            boolean hasScript = false;
            for (Element r : children(module, "resource")) {
                assertEquals("download", r.getAttribute("type"));
                String location = r.getAttribute("location");
                files.add(location);
                hasScript |= location.endsWith(".js");
                assertNotNull(DescriptorTest.class.getResource("/" + location), location + " is missing from the jar");
            }
            // Scripts get their AJS.I18n.getText calls filled in from the i18n-js resource.
            List<Element> transformations = children(module, "transformation");
            assertEquals(hasScript ? 1 : 0, transformations.size(), key + ": the jsI18n transformation, only with scripts");
            if (hasScript) {
                assertEquals("js", transformations.get(0).getAttribute("extension"));
                assertEquals("jsI18n", children(transformations.get(0), "transformer").get(0).getAttribute("key"));
            }
        }
        // Every file of the panel directory in exactly one module, each page's scripts in their own
        // folder; the kit (panel/kit) and the base style are shared.
        List<String> expected = new ArrayList<>();
        // The sources, not target/classes, which may still hold files a previous build copied.
        Path resources = Path.of("src", "main", "resources");
        try (Stream<Path> walk = Files.walk(resources.resolve("panel"))) {
            Path root = resources;
            walk.filter(Files::isRegularFile).forEach(p -> expected.add(root.relativize(p).toString().replace('\\', '/')));
        }
        assertEquals(expected.stream().sorted().toList(), files.stream().sorted().toList(), "declared files = the files of panel/");
        assertEquals(files.size(), new HashSet<>(files).size(), "a file in two modules");
        Map<String, String> folders = Map.of("capacity-panel-resources", "panel/kit/", "capacity-board-resources", "panel/board/",
                "capacity-reports-resources", "panel/reports/", "capacity-admin-resources", "panel/admin/");
        for (Element module : children(plugin, "web-resource")) {
            String folder = folders.get(module.getAttribute("key"));
            for (Element r : children(module, "resource")) {
                String location = r.getAttribute("location");
                assertEquals(location, "panel/" + r.getAttribute("name"), "the name is the path under panel/");
                if (location.endsWith(".js")) {
                    assertTrue(location.startsWith(folder), location + " belongs in " + folder);
                }
            }
        }
        assertTrue(files.contains("panel/capacity-panel.css") && files.contains("panel/capacity-admin.css"));
        List<String> admin = children(module("web-resource", "capacity-admin-resources"), "dependency").stream()
                .map(e -> e.getTextContent().trim()).toList();
        assertTrue(admin.contains("com.atlassian.auiplugin:dialog2"), "the admin page opens AUI dialogs");
    }

    @Test
    void theScriptsTextHasItsOwnI18nResource() {
        List<String> locations = new ArrayList<>();
        for (Element resource : children(plugin, "resource")) {
            if (resource.getAttribute("type").equals("i18n")) {
                locations.add(resource.getAttribute("name") + "=" + resource.getAttribute("location"));
                assertNotNull(DescriptorTest.class.getResource("/" + resource.getAttribute("location") + ".properties"),
                        resource.getAttribute("location") + ".properties is missing");
            }
        }
        assertEquals(List.of("i18n=capacity-tracker", "i18n-js=i18n/capacity-tracker-js"), locations);
    }

    @Test
    void theRestModuleIsMigratedToRestV2() {
        Element migration = children(module("rest", "capacity-rest"), "rest-migration").get(0);
        assertEquals(1, children(migration, "rest-v2").size());
    }

    @Test
    void everyRestResourceIsCreatedThroughAnInjectConstructorAndDeclaresWhoMayCallIt() {
        String pkg = children(module("rest", "capacity-rest"), "package").get(0).getTextContent().trim();
        for (Class<?> resource : resourceClasses(pkg)) {
            for (Constructor<?> c : resource.getConstructors()) {
                assertTrue(c.isAnnotationPresent(javax.inject.Inject.class), c + " lacks @javax.inject.Inject (REST v2)");
            }
            boolean classLevel = access(resource.getAnnotations()) != null;
            for (Method m : resource.getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers()) && isResourceMethod(m)) {
                    assertTrue(classLevel || access(m.getAnnotations()) != null,
                            resource.getSimpleName() + "." + m.getName() + " has no access annotation");
                }
            }
            assertTrue(classLevel, resource.getSimpleName() + " declares no class-level access annotation");
        }
        for (Class<?> provider : providerClasses(pkg)) {
            for (Constructor<?> c : provider.getConstructors()) {
                assertTrue(c.getParameterCount() == 0 || c.isAnnotationPresent(javax.inject.Inject.class),
                        c + " lacks @javax.inject.Inject (REST v2)");
            }
        }
    }

    @Test
    void accessFollowsThePermissionLogic() {
        assertTrue(AdminResource.class.isAnnotationPresent(AdminOnly.class));
        assertTrue(HealthResource.class.isAnnotationPresent(UnlicensedSiteAccess.class));
        for (Class<?> c : List.of(BoardResource.class, PersonResource.class, TemplateResource.class,
                ReportDefinitionResource.class, CalendarResource.class)) {
            assertTrue(c.isAnnotationPresent(LicensedOnly.class), c.getSimpleName());
        }
        for (Method m : CalendarResource.class.getDeclaredMethods()) {
            boolean writes = m.isAnnotationPresent(javax.ws.rs.PUT.class) || m.isAnnotationPresent(javax.ws.rs.DELETE.class);
            assertEquals(writes, m.isAnnotationPresent(AdminOnly.class), "CalendarResource." + m.getName());
        }
    }

    private static final List<Class<? extends java.lang.annotation.Annotation>> ACCESS = List.of(
            AdminOnly.class, AnonymousSiteAccess.class, LicensedOnly.class, SystemAdminOnly.class,
            UnlicensedSiteAccess.class, UnrestrictedAccess.class);

    private static java.lang.annotation.Annotation access(java.lang.annotation.Annotation[] annotations) {
        java.lang.annotation.Annotation found = null;
        for (java.lang.annotation.Annotation a : annotations) {
            if (ACCESS.contains(a.annotationType())) {
                assertTrue(found == null, "two access annotations: " + found + " and " + a);
                found = a;
            }
        }
        return found;
    }

    private static boolean isResourceMethod(Method m) {
        for (java.lang.annotation.Annotation a : m.getAnnotations()) {
            if (a.annotationType().isAnnotationPresent(javax.ws.rs.HttpMethod.class) || a instanceof javax.ws.rs.Path) {
                return true;
            }
        }
        return false;
    }

    @Test
    void pagesUseOnlyJiraDecoratorsAndTheAdminPageSelectsOurMenuEntry() throws Exception {
        Set<String> decorators = Set.of("atl.general", "atl.admin", "atl.popup", "atl.userprofile");
        for (String template : List.of(CapacityPanelServlet.PAGE_TEMPLATE, CapacityPanelServlet.ERROR_TEMPLATE)) {
            URL url = DescriptorTest.class.getResource("/" + template);
            assertNotNull(url, template + " is missing from the jar");
            String text = new String(url.openStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertFalse(text.contains("atlassian" + ".general") || text.contains("atlassian" + ".admin"), template);
            assertFalse(text.contains("#disable_html_escaping"), template + " must keep the renderer's HTML escaping");
            java.util.regex.Matcher m = java.util.regex.Pattern
                    .compile("name=\"decorator\" content=\"([^\"]*)\"").matcher(text);
            int found = 0;
            while (m.find()) {
                found++;
                assertTrue(decorators.contains(m.group(1)), template + " uses the unknown decorator " + m.group(1));
            }
            assertTrue(found > 0, template + " asks for no decorator");
        }
        Element section = module("web-section", CapacityPanelServlet.ADMIN_SECTION.substring("admin_plugins_menu/".length()));
        assertEquals("admin_plugins_menu", section.getAttribute("location"));
        Element tab = module("web-item", CapacityPanelServlet.ADMIN_TAB);
        assertEquals(CapacityPanelServlet.ADMIN_SECTION, tab.getAttribute("section"));
    }

    @Test
    void theSpringContextCanCreateEveryComponentTheFrameworkAutowires() {
        Element beans = parse("/META-INF/spring/capacity-tracker-context.xml").getDocumentElement();
        Set<Class<?>> offered = new HashSet<>();
        for (Element reference : descendants(beans)) {
            if (BLUEPRINT.equals(reference.getNamespaceURI()) && reference.getLocalName().equals("reference")) {
                Class<?> service = load(reference.getAttribute("interface"));
                assertTrue(service.isInterface(), service + " is not an interface");
                offered.add(service);
            }
        }
        for (Element bean : descendants(beans)) {
            if (BEANS.equals(bean.getNamespaceURI()) && bean.getLocalName().equals("bean")) {
                Class<?> type = load(bean.getAttribute("class"));
                assertSatisfied(type, offered);
                if (bean.hasAttribute("destroy-method")) {
                    Method destroy = method(type, bean.getAttribute("destroy-method"));
                    assertEquals(0, destroy.getParameterCount());
                }
                offered.add(type);
            }
        }
        // What the plugin framework creates per module, autowiring from the context.
        for (Class<?> resource : resourceClasses(children(module("rest", "capacity-rest"), "package").get(0).getTextContent().trim())) {
            assertSatisfied(resource, offered);
        }
        assertSatisfied(load(module("servlet", "capacity-panel-servlet").getAttribute("class")), offered);
    }

    /**
     * What other plugins get: each {@code <osgi:service>} publishes a bean under an interface
     * (Jira hands importers a proxy of that interface, so a class would not do) that the bean
     * implements, from a package the bundle exports.
     */
    @Test
    void everyPublishedServiceIsAnInterfaceOfAnExportedPackageTheBeanImplements() {
        Element beans = parse("/META-INF/spring/capacity-tracker-context.xml").getDocumentElement();
        java.util.Map<String, Class<?>> byId = new java.util.HashMap<>();
        for (Element bean : descendants(beans)) {
            if (BEANS.equals(bean.getNamespaceURI()) && bean.getLocalName().equals("bean")) {
                byId.put(bean.getAttribute("id"), load(bean.getAttribute("class")));
            }
        }
        int published = 0;
        for (Element service : descendants(beans)) {
            if (BLUEPRINT.equals(service.getNamespaceURI()) && service.getLocalName().equals("service")) {
                Class<?> api = load(service.getAttribute("interface"));
                assertTrue(api.isInterface(), api + " is not an interface: Jira proxies services by interface");
                Class<?> bean = byId.get(service.getAttribute("ref"));
                assertTrue(bean != null && api.isAssignableFrom(bean), service.getAttribute("ref") + " does not implement " + api);
                assertTrue(api.getPackageName().startsWith("org.capacitytracker.api"), api + " is not in an exported API package");
                published++;
            }
        }
        assertEquals(1, published, "the plugin publishes CapacityService");
    }

    private static void assertSatisfied(Class<?> type, Set<Class<?>> offered) {
        Constructor<?>[] constructors = type.getConstructors();
        assertEquals(1, constructors.length, type + " must have exactly one public constructor to autowire");
        for (Class<?> parameter : constructors[0].getParameterTypes()) {
            assertTrue(offered.stream().anyMatch(parameter::isAssignableFrom),
                    type.getSimpleName() + " needs a " + parameter.getName() + " that the Spring context does not offer");
        }
    }

    private static Method method(Class<?> type, String name) {
        try {
            return type.getMethod(name);
        } catch (NoSuchMethodException e) {
            throw new AssertionError(type + " has no public " + name + "()", e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, DescriptorTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new AssertionError("class " + name + " does not exist", e);
        }
    }

    /** The JAX-RS root resources of a package, found the way Jira's REST module scans it. */
    private static List<Class<?>> providerClasses(String pkg) {
        List<Class<?>> found = new ArrayList<>();
        for (Class<?> type : allClasses(pkg)) {
            if (type.isAnnotationPresent(javax.ws.rs.ext.Provider.class)) {
                found.add(type);
            }
        }
        return found;
    }

    private static List<Class<?>> allClasses(String pkg) {
        List<Class<?>> found = new ArrayList<>();
        try {
            for (URL dir : Collections.list(DescriptorTest.class.getClassLoader().getResources(pkg.replace('.', '/')))) {
                try (Stream<Path> files = Files.list(Paths.get(dir.toURI()))) {
                    for (Path file : files.toList()) {
                        String name = file.getFileName().toString();
                        if (name.endsWith(".class") && !name.contains("$")) {
                            found.add(load(pkg + "." + name.substring(0, name.length() - ".class".length())));
                        }
                    }
                }
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return found;
    }

    private static List<Class<?>> resourceClasses(String pkg) {
        List<Class<?>> found = new ArrayList<>();
        try {
            // The package's classes may sit in several class path roots (main and test).
            List<URL> dirs = Collections.list(DescriptorTest.class.getClassLoader().getResources(pkg.replace('.', '/')));
            assertFalse(dirs.isEmpty(), "package " + pkg + " does not exist");
            for (URL dir : dirs) {
                try (Stream<Path> files = Files.list(Paths.get(dir.toURI()))) {
                    for (Path file : files.toList()) {
                        String name = file.getFileName().toString();
                        if (name.endsWith(".class") && !name.contains("$")) {
                            Class<?> type = load(pkg + "." + name.substring(0, name.length() - ".class".length()));
                            if (type.isAnnotationPresent(javax.ws.rs.Path.class)) {
                                assertTrue(Modifier.isPublic(type.getModifiers()), type + " must be public");
                                found.add(type);
                            }
                        }
                    }
                }
            }
        } catch (Exception e) {
            fail("cannot list package " + pkg, e);
        }
        return found;
    }
}
