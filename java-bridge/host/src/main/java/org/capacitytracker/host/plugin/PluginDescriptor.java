package org.capacitytracker.host.plugin;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What {@code atlassian-plugin.xml} declares, as far as this host implements it. */
public record PluginDescriptor(String key, String name, String version, String description,
                               List<RestModule> restModules, List<ServletModule> servlets,
                               List<WebResourceModule> webResources, List<Download> downloads,
                               List<ComponentModule> components, List<ComponentImport> componentImports,
                               List<String> i18nLocations, List<String> ignoredModules,
                               List<AnonymizationHandlerModule> anonymizationHandlers, List<AoModule> aoModules) {

    /**
     * {@code <user-anonymization-handler key class>}: a class implementing Jira's
     * {@code UserAnonymizationHandler}, called when an admin anonymises a user.
     */
    public record AnonymizationHandlerModule(String key, String className) {
    }

    /** {@code <rest key path version>}: JAX-RS resources under {@code /rest/<path>/<version>}. */
    public record RestModule(String key, String path, String version, List<String> packages) {
    }

    /** {@code <servlet key class>}: mounted under {@code /plugins/servlet}. */
    public record ServletModule(String key, String name, String className, List<String> urlPatterns,
                                Map<String, String> initParams) {
    }

    /** {@code <resource type="download" name location>}; a name ending in '/' is a directory. */
    public record Download(String name, String location) {
    }

    /**
     * {@code <web-resource key>}; {@code transformers} maps a file extension to the transformer keys
     * its {@code <transformation extension>} elements name, e.g. {@code js -> [jsI18n]}.
     */
    public record WebResourceModule(String key, List<Download> resources, List<String> dependencies, Set<String> contexts,
                                    Map<String, List<String>> transformers) {
        /** Whether files ending in {@code .<extension>} go through the transformer {@code transformerKey}. */
        public boolean transforms(String extension, String transformerKey) {
            return transformers.getOrDefault(extension, List.of()).contains(transformerKey);
        }
    }

    /** {@code <component key class>}: a plugin bean (plugins that still use the transformer). */
    public record ComponentModule(String key, String className) {
    }

    /** {@code <component-import key interface>}: a host service the plugin asks for. */
    public record ComponentImport(String key, String interfaceName) {
    }

    /**
     * {@code <ao key namespace><entity>class</entity>…</ao>}: the plugin's Active Objects tables.
     * The namespace (the plugin key without the attribute) names the tables' {@code AO_<hash>_}
     * prefix; only the listed entity interfaces may be used.
     */
    public record AoModule(String key, String namespace, List<String> entities) {
    }

    /** Reads an {@code atlassian-plugin.xml}. */
    public static PluginDescriptor parse(InputStream in) throws PluginLoadException {
        Document doc = Xml.parse(in, "atlassian-plugin.xml");
        Element root = doc.getDocumentElement();
        if (!"atlassian-plugin".equals(Xml.localName(root))) {
            throw new PluginLoadException("atlassian-plugin.xml: the root element must be <atlassian-plugin>");
        }
        String key = Xml.required(root, "key", "atlassian-plugin.xml");
        String name = Xml.attr(root, "name") == null ? key : root.getAttribute("name");
        String version = "unknown";
        String description = "";
        List<RestModule> rest = new ArrayList<>();
        List<ServletModule> servlets = new ArrayList<>();
        List<WebResourceModule> webResources = new ArrayList<>();
        List<Download> downloads = new ArrayList<>();
        List<ComponentModule> components = new ArrayList<>();
        List<ComponentImport> imports = new ArrayList<>();
        List<String> i18n = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        List<AnonymizationHandlerModule> anonymization = new ArrayList<>();
        List<AoModule> ao = new ArrayList<>();
        Set<String> moduleKeys = new LinkedHashSet<>();

        for (Element e : Xml.children(root)) {
            String where = "atlassian-plugin.xml <" + Xml.localName(e) + ">";
            switch (Xml.localName(e)) {
                case "plugin-info" -> {
                    String v = Xml.text(e, "version");
                    if (v != null && !v.isEmpty()) {
                        version = v;
                    }
                    String d = Xml.text(e, "description");
                    if (d != null) {
                        description = d;
                    }
                }
                case "resource" -> {
                    String type = Xml.attr(e, "type");
                    if ("i18n".equals(type)) {
                        i18n.add(Xml.required(e, "location", where));
                    } else if ("download".equals(type)) {
                        downloads.add(new Download(Xml.required(e, "name", where), Xml.required(e, "location", where)));
                    }
                }
                case "rest" -> {
                    String moduleKey = moduleKey(e, where, moduleKeys);
                    String path = Xml.required(e, "path", where);
                    if (!path.startsWith("/")) {
                        path = "/" + path;
                    }
                    List<String> packages = new ArrayList<>();
                    for (Element p : Xml.children(e, "package")) {
                        packages.add(p.getTextContent().trim());
                    }
                    rest.add(new RestModule(moduleKey, path, Xml.required(e, "version", where), List.copyOf(packages)));
                }
                case "servlet" -> {
                    String moduleKey = moduleKey(e, where, moduleKeys);
                    List<String> patterns = new ArrayList<>();
                    for (Element p : Xml.children(e, "url-pattern")) {
                        String pattern = p.getTextContent().trim();
                        if (!pattern.startsWith("/")) {
                            throw new PluginLoadException(where + " " + moduleKey + ": url-pattern must start with '/', got "
                                    + pattern);
                        }
                        patterns.add(pattern);
                    }
                    if (patterns.isEmpty()) {
                        throw new PluginLoadException(where + " " + moduleKey + " has no <url-pattern>");
                    }
                    Map<String, String> params = new LinkedHashMap<>();
                    for (Element p : Xml.children(e, "init-param")) {
                        params.put(Xml.text(p, "param-name"), Xml.text(p, "param-value"));
                    }
                    String servletName = Xml.attr(e, "name") == null ? moduleKey : e.getAttribute("name");
                    servlets.add(new ServletModule(moduleKey, servletName, Xml.required(e, "class", where),
                            List.copyOf(patterns), Map.copyOf(params)));
                }
                case "web-resource" -> {
                    String moduleKey = moduleKey(e, where, moduleKeys);
                    List<Download> resources = new ArrayList<>();
                    for (Element r : Xml.children(e, "resource")) {
                        if ("download".equals(Xml.attr(r, "type"))) {
                            resources.add(new Download(Xml.required(r, "name", where), Xml.required(r, "location", where)));
                        }
                    }
                    List<String> dependencies = new ArrayList<>();
                    for (Element d : Xml.children(e, "dependency")) {
                        dependencies.add(d.getTextContent().trim());
                    }
                    Set<String> contexts = new LinkedHashSet<>();
                    for (Element c : Xml.children(e, "context")) {
                        contexts.add(c.getTextContent().trim());
                    }
                    Map<String, List<String>> transformers = new LinkedHashMap<>();
                    for (Element t : Xml.children(e, "transformation")) {
                        List<String> keys = transformers.computeIfAbsent(Xml.required(t, "extension", where),
                                x -> new ArrayList<>());
                        for (Element transformer : Xml.children(t, "transformer")) {
                            keys.add(Xml.required(transformer, "key", where));
                        }
                    }
                    transformers.replaceAll((extension, keys) -> List.copyOf(keys));
                    webResources.add(new WebResourceModule(moduleKey, List.copyOf(resources), List.copyOf(dependencies),
                            Set.copyOf(contexts), Map.copyOf(transformers)));
                }
                case "user-anonymization-handler" -> anonymization.add(new AnonymizationHandlerModule(
                        moduleKey(e, where, moduleKeys), Xml.required(e, "class", where)));
                case "component" -> components.add(new ComponentModule(moduleKey(e, where, moduleKeys),
                        Xml.required(e, "class", where)));
                case "component-import" -> imports.add(new ComponentImport(moduleKey(e, where, moduleKeys),
                        Xml.required(e, "interface", where)));
                case "ao" -> {
                    String moduleKey = moduleKey(e, where, moduleKeys);
                    List<String> entities = new ArrayList<>();
                    for (Element entity : Xml.children(e)) {
                        if ("entity".equals(Xml.localName(entity)) && !entity.getTextContent().isBlank()) {
                            entities.add(entity.getTextContent().trim());
                        }
                    }
                    if (entities.isEmpty()) {
                        throw new PluginLoadException(where + " '" + moduleKey + "' declares no <entity>");
                    }
                    String namespace = Xml.attr(e, "namespace") == null ? key : e.getAttribute("namespace");
                    ao.add(new AoModule(moduleKey, namespace, List.copyOf(entities)));
                }
                default -> ignored.add(Xml.localName(e) + (Xml.attr(e, "key") == null ? "" : " " + e.getAttribute("key")));
            }
        }
        if (ao.size() > 1) {
            // Active Objects gives a plugin one set of tables; a second module would be a second namespace.
            throw new PluginLoadException("atlassian-plugin.xml: more than one <ao> module (" + ao.size()
                    + "); a plugin declares all its entities in one");
        }
        return new PluginDescriptor(key, name, version, description, List.copyOf(rest), List.copyOf(servlets),
                List.copyOf(webResources), List.copyOf(downloads), List.copyOf(components), List.copyOf(imports),
                List.copyOf(i18n), List.copyOf(ignored), List.copyOf(anonymization), List.copyOf(ao));
    }

    private static String moduleKey(Element e, String where, Set<String> seen) throws PluginLoadException {
        String key = Xml.required(e, "key", where);
        if (!seen.add(key)) {
            throw new PluginLoadException(where + ": module key '" + key + "' is used twice");
        }
        return key;
    }
}
