package org.capacitytracker.host.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The web-resource {@code jsI18n} transformation, as Jira applies it to a module that declares
 * {@code <transformation extension="js"><transformer key="jsI18n"/></transformation>}: every call
 * {@code AJS.I18n.getText("key")} or {@code AJS.I18n.getText('key', a, b)} whose first argument is a
 * string literal becomes {@code AJS.format("<text>")} or {@code AJS.format("<text>", a, b)}, the text
 * taken from the plugin's i18n properties. The text is passed on as the raw
 * {@link java.text.MessageFormat} pattern ({@code {0}}, {@code ''}); AJS.format applies it in the
 * browser, with or without arguments, so a text reads the same either way. A key the plugin does
 * not define stays as the key itself, which is what Jira shows.
 *
 * <p>Example: with {@code greeting = Hello {0}}, {@code AJS.I18n.getText('greeting', name)} becomes
 * {@code AJS.format("Hello {0}", name)}.
 */
public final class JsI18nTransformer {
    // The same shape Jira rewrites: a literal key of word characters, dots and dashes, followed by
    // ')' or ','. A computed key (a variable, a concatenation) is left alone.
    private static final Pattern CALL = Pattern.compile(
            "AJS\\.I18n\\.getText\\s*\\(\\s*(?:'([\\w.-]+)'|\"([\\w.-]+)\")\\s*([),])");

    private JsI18nTransformer() {
    }

    /**
     * The script with every literal-key {@code AJS.I18n.getText} call replaced.
     *
     * @param js         the script
     * @param lookup     key to text, or {@code null} when the plugin does not define the key
     * @param missingKey told each key that {@code lookup} did not know, once per occurrence
     */
    public static String transform(String js, Function<String, String> lookup, Consumer<String> missingKey) {
        Matcher m = CALL.matcher(js);
        StringBuilder out = new StringBuilder(js.length() + js.length() / 4);
        int last = 0;
        while (m.find()) {
            String key = m.group(1) != null ? m.group(1) : m.group(2);
            String text = lookup.apply(key);
            if (text == null) {
                missingKey.accept(key);
                text = key;
            }
            out.append(js, last, m.start()).append("AJS.format(").append(jsString(text)).append(m.group(3));
            last = m.end();
        }
        return out.append(js, last, js.length()).toString();
    }

    /** {@code text} as a double-quoted JavaScript string literal that is also safe inside an HTML script element. */
    static String jsString(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                // Line terminators in JavaScript (before ES2019) and in JSON-ish tooling.
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                // "</script" (any case) and "<!--" must not appear in an inlined script.
                case '<' -> out.append("\\u003c");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /**
     * The English (locale ROOT, then {@code _en} over it) texts of a plugin's i18n resources, each
     * location as {@code <resource type="i18n" location>} names it, read through {@code finder}
     * (the plugin's class loader). An earlier location wins over a later one for the same key.
     */
    public static Properties load(List<String> locations, Function<String, URL> finder) {
        Properties merged = new Properties();
        for (String location : locations) {
            String base = location.replace('.', '/');
            if (base.startsWith("/")) {
                base = base.substring(1);
            }
            Properties one = new Properties();
            read(finder.apply(base + ".properties"), one);
            read(finder.apply(base + "_en.properties"), one);
            one.forEach(merged::putIfAbsent);
        }
        return merged;
    }

    private static void read(URL url, Properties into) {
        if (url == null) {
            return;
        }
        try (InputStream in = url.openStream()) {
            // Properties.load(InputStream) reads ISO-8859-1 with \\uXXXX escapes, as Java i18n files are.
            into.load(in);
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("[capacity-host] WARN i18n resource " + url + " could not be read: " + e.getMessage());
        }
    }
}
