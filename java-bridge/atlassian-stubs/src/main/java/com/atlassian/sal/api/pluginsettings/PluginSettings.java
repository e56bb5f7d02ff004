package com.atlassian.sal.api.pluginsettings;

/** Signature of SAL 6.0 {@code com.atlassian.sal.api.pluginsettings.PluginSettings} (see STUB-SOURCES.md). */
public interface PluginSettings {
    Object get(String key);

    Object put(String key, Object value);

    Object remove(String key);
}
