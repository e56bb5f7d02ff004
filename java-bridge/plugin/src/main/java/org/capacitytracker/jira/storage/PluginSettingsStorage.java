package org.capacitytracker.jira.storage;

import com.atlassian.sal.api.pluginsettings.PluginSettings;
import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;
import java.util.Objects;
import org.capacitytracker.api.HostStorage;

/**
 * The engine's storage in Jira: SAL's global {@link PluginSettings}, that is, Jira's own
 * database, shared by every node of a Data Center cluster.
 *
 * <p>Jira's limits are enforced here, before Jira sees the call, with an exception naming
 * the key: keys of at most {@value #MAX_KEY_LENGTH} characters, String values of at most
 * {@value #MAX_VALUE_LENGTH} characters (both counted as {@link String#length()}, as Jira
 * counts them). What Jira does past its limits is its own business and varies by version;
 * checking here gives one clear message everywhere and never lets a value be shortened.
 * The engine already splits its documents to fit, so hitting a limit here means a bug, and
 * the engine reports it as a storage error without having written anything.
 *
 * <p>Global settings are shared with every other plugin, so only keys in the engine's own
 * namespace ({@value #KEY_PREFIX}) are accepted.
 *
 * <pre>{@code
 * HostStorage storage = new PluginSettingsStorage(pluginSettingsFactory);
 * CapacityEngine engine = CapacityEngine.open(storage);
 * }</pre>
 */
public final class PluginSettingsStorage implements HostStorage {
    /** Longest key SAL accepts. */
    public static final int MAX_KEY_LENGTH = 100;
    /** Longest String value SAL accepts. */
    public static final int MAX_VALUE_LENGTH = 99_000;
    /** Every key the engine uses starts with this. */
    public static final String KEY_PREFIX = "org.capacitytracker:";

    private final PluginSettingsFactory factory;

    /**
     * Creates the adapter; the global settings are looked up on each call, so a settings
     * service restarted by Jira is picked up.
     *
     * @param factory Jira's SAL settings factory
     */
    public PluginSettingsStorage(PluginSettingsFactory factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    @Override
    public String get(String key) {
        checkKey(key);
        Object value = settings().get(key);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        // Someone stored a List, Map or Properties under our key; handing the engine its
        // toString() would corrupt the document on the next write.
        throw new IllegalStateException("the stored value under \"" + key + "\" is a "
                + value.getClass().getName() + ", not a String");
    }

    @Override
    public void put(String key, String value) {
        checkKey(key);
        if (value == null) {
            throw new IllegalArgumentException("refusing to store null under \"" + key + "\"; remove the key instead");
        }
        if (value.length() > MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException("the value for \"" + key + "\" is " + value.length()
                    + " characters long; Jira's plugin settings hold at most " + MAX_VALUE_LENGTH);
        }
        settings().put(key, value);
    }

    @Override
    public void remove(String key) {
        checkKey(key);
        settings().remove(key);
    }

    private PluginSettings settings() {
        PluginSettings settings = factory.createGlobalSettings();
        if (settings == null) {
            throw new IllegalStateException("Jira returned no global plugin settings");
        }
        return settings;
    }

    private static void checkKey(String key) {
        if (key == null) {
            throw new IllegalArgumentException("storage key is null");
        }
        if (!key.startsWith(KEY_PREFIX)) {
            throw new IllegalArgumentException("storage key \"" + key + "\" is outside the "
                    + KEY_PREFIX + " namespace");
        }
        if (key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("storage key \"" + key + "\" is " + key.length()
                    + " characters long; Jira's plugin settings accept at most " + MAX_KEY_LENGTH);
        }
    }
}
