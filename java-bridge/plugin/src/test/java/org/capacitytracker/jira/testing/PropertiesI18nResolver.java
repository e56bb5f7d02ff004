package org.capacitytracker.jira.testing;

import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.sal.api.message.Message;
import com.atlassian.sal.api.message.MessageCollection;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/** SAL's I18nResolver over the plugin's capacity-tracker.properties: MessageFormat, a missing key comes back as itself. */
public final class PropertiesI18nResolver implements I18nResolver {
    private final Properties text = new Properties();

    public PropertiesI18nResolver() {
        try (InputStream in = PropertiesI18nResolver.class.getResourceAsStream("/capacity-tracker.properties")) {
            text.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String getText(String key, Serializable... arguments) {
        return new MessageFormat(getRawText(key), Locale.ROOT).format(arguments);
    }

    @Override
    public String getText(Locale locale, String key, Serializable... arguments) {
        return getText(key, arguments);
    }

    @Override
    public String getText(String key) {
        return getText(key, new Serializable[0]);
    }

    @Override
    public String getText(Locale locale, String key) {
        return getText(key);
    }

    @Override
    public String getText(Message message) {
        return getText(message.getKey(), message.getArguments());
    }

    @Override
    public String getText(Locale locale, Message message) {
        return getText(message);
    }

    @Override
    public String getRawText(String key) {
        return text.getProperty(key, key);
    }

    @Override
    public String getRawText(Locale locale, String key) {
        return getRawText(key);
    }

    @Override
    public Message createMessage(String key, Serializable... arguments) {
        throw new UnsupportedOperationException();
    }

    @Override
    public MessageCollection createMessageCollection() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Map<String, String> getAllTranslationsForPrefix(String prefix) {
        Map<String, String> all = new TreeMap<>();
        text.stringPropertyNames().stream().filter(k -> k.startsWith(prefix)).forEach(k -> all.put(k, text.getProperty(k)));
        return all;
    }

    @Override
    public Map<String, String> getAllTranslationsForPrefix(String prefix, Locale locale) {
        return getAllTranslationsForPrefix(prefix);
    }
}
