package org.capacitytracker.host.web;


import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Web-resource modules by complete key ({@code pluginKey:moduleKey}), their dependencies,
 * and the files they serve at {@code /download/resources/<completeKey>/<name>}.
 */
public final class WebResourceRegistry {
    /** AUI as Jira's AUI plugin provides it; every other AUI module key is part of this bundle. */
    public static final String AUI_KEY = "com.atlassian.auiplugin:ajs";
    private static final List<String> AUI_ALIAS_PREFIXES = List.of("com.atlassian.auiplugin:", "com.atlassian.plugins.jquery:");

    /** One file or directory of a module; a name ending in '/' is a directory. */
    public record Resource(String name, String location, boolean tagged) {
    }

    /**
     * A module; {@code jsI18n} is the key-to-text lookup of its plugin when the module declares the
     * {@code jsI18n} transformation for {@code js} files, otherwise {@code null}.
     */
    public record Module(String completeKey, List<Resource> resources, List<String> dependencies, Set<String> contexts,
                         Function<String, URL> finder, Function<String, String> jsI18n) {
    }

    private final Map<String, Module> modules = new LinkedHashMap<>();
    private final Set<String> warnedUnknown = ConcurrentHashMap.newKeySet();
    private final Set<String> warnedMissingKeys = ConcurrentHashMap.newKeySet();

    public synchronized void register(Module module) {
        modules.put(module.completeKey(), module);
    }

    /** The content to serve for this file of this module: a script of a jsI18n module goes through the transformation. */
    public byte[] transform(String completeKey, String name, byte[] content) {
        Module module;
        synchronized (this) {
            module = modules.get(completeKey);
        }
        if (module == null || module.jsI18n() == null || !name.toLowerCase(Locale.ROOT).endsWith(".js")) {
            return content;
        }
        String js = new String(content, StandardCharsets.UTF_8);
        return JsI18nTransformer.transform(js, module.jsI18n(), key -> {
            if (warnedMissingKeys.add(completeKey + " " + key)) {
                System.err.println("[capacity-host] WARN " + completeKey + "/" + name + ": no i18n text for the key " + key
                        + " (the page shows the key)");
            }
        }).getBytes(StandardCharsets.UTF_8);
    }

    private String canonical(String key) {
        for (String prefix : AUI_ALIAS_PREFIXES) {
            if (key.startsWith(prefix)) {
                return AUI_KEY;
            }
        }
        return key;
    }

    /** The modules needed for these keys and contexts, each after its dependencies. */
    public synchronized List<Module> resolve(Collection<String> keys, Collection<String> contexts) {
        LinkedHashSet<String> wanted = new LinkedHashSet<>(keys);
        for (Module m : modules.values()) {
            for (String context : contexts) {
                if (m.contexts().contains(context)) {
                    wanted.add(m.completeKey());
                }
            }
        }
        List<Module> ordered = new ArrayList<>();
        Set<String> visited = new LinkedHashSet<>();
        for (String key : wanted) {
            visit(canonical(key), ordered, visited, new LinkedHashSet<>());
        }
        return ordered;
    }

    private void visit(String key, List<Module> ordered, Set<String> visited, Set<String> path) {
        if (visited.contains(key) || !path.add(key)) {
            return;
        }
        Module module = modules.get(key);
        if (module == null) {
            if (warnedUnknown.add(key)) {
                System.err.println("[capacity-host] WARN unknown web resource " + key + " (not provided by this host)");
            }
            return;
        }
        for (String dependency : module.dependencies()) {
            visit(canonical(dependency), ordered, visited, path);
        }
        visited.add(key);
        ordered.add(module);
    }

    /** The file behind {@code /download/resources/<completeKey>/<name>}, if the module declares it. */
    public synchronized Optional<URL> locate(String completeKey, String name) {
        Module module = modules.get(completeKey);
        if (module == null || !safe(name)) {
            return Optional.empty();
        }
        Resource best = null;
        for (Resource r : module.resources()) {
            if (r.name().equals(name)) {
                best = r;
                break;
            }
            if (r.name().endsWith("/") && name.startsWith(r.name())
                    && (best == null || r.name().length() > best.name().length())) {
                best = r;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        String location = best.name().equals(name) ? best.location() : best.location() + name.substring(best.name().length());
        if (location.startsWith("/")) {
            location = location.substring(1);
        }
        return Optional.ofNullable(module.finder().apply(location));
    }

    private static boolean safe(String name) {
        if (name.isEmpty() || name.contains("\\") || name.contains("\0") || name.startsWith("/")) {
            return false;
        }
        for (String segment : name.split("/", -1)) {
            if (segment.equals("..") || segment.equals(".")) {
                return false;
            }
        }
        return true;
    }

    /** The head tags for these modules: all style sheets, then all scripts, in dependency order. */
    public static String tags(String contextPath, List<Module> resolved) {
        StringBuilder css = new StringBuilder();
        StringBuilder js = new StringBuilder();
        for (Module module : resolved) {
            for (Resource r : module.resources()) {
                if (!r.tagged()) {
                    continue;
                }
                String href = contextPath + "/download/resources/" + module.completeKey() + "/" + r.name();
                String lower = r.name().toLowerCase(Locale.ROOT);
                if (lower.endsWith(".css")) {
                    css.append("<link rel=\"stylesheet\" type=\"text/css\" media=\"all\" href=\"").append(Html.escape(href))
                            .append("\" data-wrm-key=\"").append(Html.escape(module.completeKey())).append("\">\n");
                } else if (lower.endsWith(".js")) {
                    js.append("<script type=\"text/javascript\" src=\"").append(Html.escape(href))
                            .append("\" data-wrm-key=\"").append(Html.escape(module.completeKey())).append("\"></script>\n");
                }
            }
        }
        return css.append(js).toString();
    }
}
