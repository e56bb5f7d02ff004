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
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import javax.servlet.http.HttpServlet;
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
                "ReportDefinitionResource", "TemplateResource"), names);
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
    void thePanelResourcesDependOnAuiAndExist() {
        Element resources = module("web-resource", "capacity-panel-resources");
        assertEquals(List.of("com.atlassian.auiplugin:ajs"),
                children(resources, "dependency").stream().map(Element::getTextContent).toList());
        assertFalse(children(resources, "context").isEmpty());
        List<String> locations = new ArrayList<>();
        for (Element r : children(resources, "resource")) {
            assertEquals("download", r.getAttribute("type"));
            String location = r.getAttribute("location");
            locations.add(location);
            assertNotNull(DescriptorTest.class.getResource("/" + location), location + " is missing from the jar");
        }
        // One resource for every page: each script renders only the view #ct-panel names.
        assertEquals(List.of("panel/capacity-panel.js", "panel/capacity-admin.js", "panel/capacity-report.js",
                "panel/capacity-panel.css", "panel/capacity-admin.css"), locations);
        assertEquals("org.capacitytracker.jira:capacity-panel-resources",
                plugin.getAttribute("key") + ":" + resources.getAttribute("key"));
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
