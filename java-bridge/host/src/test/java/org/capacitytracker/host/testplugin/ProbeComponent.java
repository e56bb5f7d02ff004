package org.capacitytracker.host.testplugin;

import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;

/** A plugin bean of the test plugin; records its destruction where the test can see it. */
public final class ProbeComponent {
    public static final String DESTROYED_PROPERTY = "capacity.testplugin.destroyed";

    private final PluginSettingsFactory settings;

    public ProbeComponent(PluginSettingsFactory settings) {
        this.settings = settings;
    }

    public String remember(String value) {
        settings.createGlobalSettings().put("test.plugin:probe", value);
        return (String) settings.createGlobalSettings().get("test.plugin:probe");
    }

    public void shutdown() {
        System.setProperty(DESTROYED_PROPERTY, "true");
    }
}
