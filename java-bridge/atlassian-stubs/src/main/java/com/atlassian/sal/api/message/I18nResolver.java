package com.atlassian.sal.api.message;

import java.io.Serializable;
import java.util.Locale;
import java.util.Map;

/** Signature of SAL 6.0 {@code com.atlassian.sal.api.message.I18nResolver} (see STUB-SOURCES.md). */
public interface I18nResolver {
    String getText(String key, Serializable... arguments);

    String getText(Locale locale, String key, Serializable... arguments);

    String getText(String key);

    String getText(Locale locale, String key);

    String getText(Message message);

    String getText(Locale locale, Message message);

    String getRawText(String key);

    String getRawText(Locale locale, String key);

    Message createMessage(String key, Serializable... arguments);

    MessageCollection createMessageCollection();

    Map<String, String> getAllTranslationsForPrefix(String prefix);

    Map<String, String> getAllTranslationsForPrefix(String prefix, Locale locale);
}
