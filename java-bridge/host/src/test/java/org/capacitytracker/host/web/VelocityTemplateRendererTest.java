package org.capacitytracker.host.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.atlassian.templaterenderer.RenderingException;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VelocityTemplateRendererTest {
    @TempDir
    Path plugin;

    private VelocityTemplateRenderer renderer(String name, String template) throws Exception {
        Path file = plugin.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, template, StandardCharsets.UTF_8);
        // Only the plugin's class loader has the template, as in Jira.
        return new VelocityTemplateRenderer(new URLClassLoader(new URL[] {plugin.toUri().toURL()}, null));
    }

    private static String render(VelocityTemplateRenderer r, String name, Map<String, Object> context) throws Exception {
        StringWriter out = new StringWriter();
        r.render(name, context, out);
        return out.toString();
    }

    @Test
    void escapesEveryReferenceByDefault() throws Exception {
        VelocityTemplateRenderer r = renderer("templates/page.vm",
                "<p title=\"$who\">$who $user.name ${who}</p>");
        String html = render(r, "templates/page.vm", Map.of("who", "\"<b>'&", "user", Map.of("name", "<i>")));
        assertEquals("<p title=\"&quot;&lt;b&gt;&#39;&amp;\">&quot;&lt;b&gt;&#39;&amp; &lt;i&gt; &quot;&lt;b&gt;&#39;&amp;</p>", html);
    }

    @Test
    void referencesNamedHtmlAreWrittenAsTheyAre() throws Exception {
        VelocityTemplateRenderer r = renderer("t.vm", "$bodyHtml|$item.linkHtml|$text");
        assertEquals("<b>x</b>|<a>y</a>|&lt;b&gt;", render(r, "t.vm",
                Map.of("bodyHtml", "<b>x</b>", "item", Map.of("linkHtml", "<a>y</a>"), "text", "<b>")));
    }

    @Test
    void aTemplateCanOptOutWithTheDirective() throws Exception {
        VelocityTemplateRenderer r = renderer("raw.vm", "#disable_html_escaping()\n$markup");
        assertEquals("<em>raw</em>", render(r, "raw.vm", Map.of("markup", "<em>raw</em>")));
    }

    @Test
    void missingTemplatesAreRenderingExceptionsAndResolveSaysSo() throws Exception {
        VelocityTemplateRenderer r = renderer("there.vm", "x");
        assertTrue(r.resolve("there.vm"));
        assertFalse(r.resolve("missing.vm"));
        assertThrows(RenderingException.class, () -> render(r, "missing.vm", Map.of()));
        assertThrows(RenderingException.class, () -> render(r, "../there.vm", Map.of()));
    }

    @Test
    void fragmentsAreEscapedToo() throws Exception {
        VelocityTemplateRenderer r = renderer("x.vm", "");
        assertEquals("a &lt;b&gt;", r.renderFragment("a $v", Map.of("v", "<b>")));
    }
}
