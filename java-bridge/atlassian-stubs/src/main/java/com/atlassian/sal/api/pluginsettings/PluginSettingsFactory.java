package com.atlassian.sal.api.pluginsettings;

/** Signature of SAL 6.0 {@code com.atlassian.sal.api.pluginsettings.PluginSettingsFactory} (see STUB-SOURCES.md). */
public interface PluginSettingsFactory {
    PluginSettings createSettingsForKey(String key);

    PluginSettings createGlobalSettings();
}
