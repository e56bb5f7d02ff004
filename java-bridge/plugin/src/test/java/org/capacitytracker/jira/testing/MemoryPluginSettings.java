package org.capacitytracker.jira.testing;

import com.atlassian.sal.api.pluginsettings.PluginSettings;
import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** SAL plugin settings in a map, standing in for Jira's database; also its own factory. */
public class MemoryPluginSettings implements PluginSettings, PluginSettingsFactory {
    public final Map<String, Object> values = new ConcurrentHashMap<>();
    public int globalSettingsCreated;

    @Override
    public Object get(String key) {
        return values.get(key);
    }

    @Override
    public Object put(String key, Object value) {
        return values.put(key, value);
    }

    @Override
    public Object remove(String key) {
        return values.remove(key);
    }

    @Override
    public PluginSettings createSettingsForKey(String key) {
        throw new UnsupportedOperationException("the plugin uses global settings only");
    }

    @Override
    public synchronized PluginSettings createGlobalSettings() {
        globalSettingsCreated++;
        return this;
    }
}
