package com.atlassian.sal.api.pluginsettings;

public interface PluginSettingsFactory {
    /** Settings scoped to a key (in Jira: a project key); null/blank key means global. */
    PluginSettings createSettingsForKey(String key);

    PluginSettings createGlobalSettings();
}
