package org.capacitytracker.host.web;

import org.capacitytracker.host.plugin.PluginDescriptor;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsI18nTransformerTest {
    private static final Map<String, String> TEXTS = Map.of(
            "ct.hello", "Hello",
            "ct.greet", "Hello {0}, you have {1} items",
            "ct.quote", "The board''s \"team\" \\ path",
            "ct.lines", "one\ntwo\u2028three\u2029four</script><!--",
            "ct.unicode", "Caf\u00e9 \u2026");

    private static String run(String js, List<String> missing) {
        return JsI18nTransformer.transform(js, TEXTS::get, missing::add);
    }

    @Test
    void replacesLiteralKeysWithAndWithoutArguments() {
        List<String> missing = new ArrayList<>();
        assertEquals("x = AJS.format(\"Hello\");", run("x = AJS.I18n.getText('ct.hello');", missing));
        assertEquals("x = AJS.format(\"Hello {0}, you have {1} items\", name, n);",
                run("x = AJS.I18n.getText(\"ct.greet\", name, n);", missing));
        assertEquals("f(AJS.format(\"Hello\"),AJS.format(\"Hello\"))",
                run("f(AJS.I18n.getText( 'ct.hello' ),AJS.I18n.getText(\n'ct.hello'\n))", missing));
        assertTrue(missing.isEmpty());
    }

    @Test
    void leavesComputedKeysAndOtherCallsAlone() {
        List<String> missing = new ArrayList<>();
        String js = "AJS.I18n.getText(key); AJS.I18n.getText('ct.' + x); I18n.getText('ct.hello'); AJS.format('a')";
        assertEquals(js, run(js, missing));
        assertTrue(missing.isEmpty());
    }

    @Test
    void aMissingKeyBecomesTheKeyAndIsReported() {
        List<String> missing = new ArrayList<>();
        assertEquals("AJS.format(\"ct.nope\", 1)", run("AJS.I18n.getText('ct.nope', 1)", missing));
        assertEquals(List.of("ct.nope"), missing);
    }

    @Test
    void keepsTheMessageFormatPatternForAjsFormatAndEscapesTheLiteral() {
        List<String> missing = new ArrayList<>();
        // '' stays: AJS.format turns it into one apostrophe, with or without arguments, as MessageFormat does.
        assertEquals("AJS.format(\"The board''s \\\"team\\\" \\\\ path\")", run("AJS.I18n.getText('ct.quote')", missing));
        assertEquals("AJS.format(\"one\\ntwo\\u2028three\\u2029four\\u003c/script>\\u003c!--\")",
                run("AJS.I18n.getText('ct.lines')", missing));
        assertEquals("AJS.format(\"Caf\u00e9 \u2026\")", run("AJS.I18n.getText('ct.unicode')", missing));
        assertEquals("\"\\u0001\\t\\r\"", JsI18nTransformer.jsString("\u0001\t\r"));
    }

    @Test
    void loadsEveryI18nLocationThroughTheFinderWithEnglishOverRoot(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("i18n"));
        Files.writeString(dir.resolve("main.properties"), "a = from main\nshared = main wins\n", StandardCharsets.ISO_8859_1);
        Files.writeString(dir.resolve("i18n/js.properties"), "b = caf\\u00e9\nshared = js\nc = root\n", StandardCharsets.ISO_8859_1);
        Files.writeString(dir.resolve("i18n/js_en.properties"), "c = english\n", StandardCharsets.ISO_8859_1);
        Properties texts = JsI18nTransformer.load(List.of("main", "i18n/js", "missing"), name -> {
            Path p = dir.resolve(name);
            try {
                return Files.exists(p) ? p.toUri().toURL() : (URL) null;
            } catch (java.net.MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        });
        assertEquals("from main", texts.getProperty("a"));
        assertEquals("caf\u00e9", texts.getProperty("b"));
        assertEquals("english", texts.getProperty("c"));
        assertEquals("main wins", texts.getProperty("shared"));
    }

    @Test
    void theDescriptorNamesTheTransformersOfAWebResource() throws Exception {
        String xml = """
                <atlassian-plugin key="p" name="P" plugins-version="2">
                  <resource type="i18n" name="i18n" location="main"/>
                  <resource type="i18n" name="i18n-js" location="i18n/js"/>
                  <web-resource key="with">
                    <transformation extension="js"><transformer key="jsI18n"/></transformation>
                    <resource type="download" name="a.js" location="a.js"/>
                  </web-resource>
                  <web-resource key="without">
                    <resource type="download" name="b.js" location="b.js"/>
                  </web-resource>
                </atlassian-plugin>
                """;
        PluginDescriptor d = PluginDescriptor.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of("main", "i18n/js"), d.i18nLocations());
        assertTrue(d.webResources().get(0).transforms("js", "jsI18n"));
        assertFalse(d.webResources().get(0).transforms("css", "jsI18n"));
        assertFalse(d.webResources().get(1).transforms("js", "jsI18n"));
    }
}
