package org.capacitytracker.host.sal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.atlassian.sal.api.message.I18nResolver;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostI18nResolverTest {
    @TempDir
    Path plugin;

    private I18nResolver resolver() throws Exception {
        Files.writeString(plugin.resolve("texts.properties"),
                "greeting=Hello {0}\nquote=It''s {0}''s page\nplain=Jira\n", StandardCharsets.UTF_8);
        Files.writeString(plugin.resolve("texts_de.properties"), "greeting=Hallo {0}\n", StandardCharsets.UTF_8);
        Files.createDirectories(plugin.resolve("i18n"));
        Files.writeString(plugin.resolve("i18n/js.properties"), "js.key=From JS\nplain=other\n", StandardCharsets.UTF_8);
        return new HostI18nResolver(new URLClassLoader(new URL[] {plugin.toUri().toURL()}, null),
                List.of("texts", "i18n/js"));
    }

    @Test
    void formatsWithMessageFormatFromEveryLocation() throws Exception {
        I18nResolver i18n = resolver();
        assertEquals("Hello <b>", i18n.getText("greeting", "<b>"));
        assertEquals("It's alice's page", i18n.getText("quote", "alice"));
        assertEquals("From JS", i18n.getText("js.key"));
        assertEquals("Jira", i18n.getText("plain"), "the first location wins");
    }

    @Test
    void aMissingKeyIsTheKeyItself() throws Exception {
        assertEquals("no.such.key", resolver().getText("no.such.key"));
        assertEquals("no.such.key", resolver().getRawText("no.such.key"));
    }

    @Test
    void followsTheLocaleAndFallsBack() throws Exception {
        I18nResolver i18n = resolver();
        assertEquals("Hallo Bob", i18n.getText(Locale.GERMAN, "greeting", "Bob"));
        assertEquals("Jira", i18n.getText(Locale.GERMAN, "plain"));
        assertEquals("Hello {0}", i18n.getRawText("greeting"));
        assertEquals(Map.of("greeting", "Hello {0}"), i18n.getAllTranslationsForPrefix("greet"));
    }

    @Test
    void resolvesMessagesAndMessageArguments() throws Exception {
        I18nResolver i18n = resolver();
        assertEquals("Hello Jira", i18n.getText(i18n.createMessage("greeting", i18n.createMessage("plain"))));
    }
}
