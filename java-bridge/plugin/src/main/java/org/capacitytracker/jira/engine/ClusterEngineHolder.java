package org.capacitytracker.jira.engine;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.beehive.ClusterLockService;
import com.atlassian.sal.api.ApplicationProperties;
import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;
import java.util.Objects;
import org.capacitytracker.api.CapacityEngine;
import org.capacitytracker.api.HostStorage;
import org.capacitytracker.jira.storage.ActiveObjectsStorage;
import org.capacitytracker.jira.storage.PluginSettingsStorage;
import org.capacitytracker.jira.storage.SettingsMigration;

/**
 * The plugin's {@link EngineHolder} in Jira: documents in Active Objects rows (read from the
 * database inside a transaction, no cross-node cache), each document's read-check-write under
 * a Beehive cluster lock, so writers on different nodes of a Data Center cluster (and on
 * different threads of one node) exclude each other and never read a stale revision. On its
 * first use after an upgrade it moves the documents earlier versions kept in SAL plugin
 * settings ({@link SettingsMigration}). The Spring context creates it with Jira's
 * {@code ActiveObjects}, {@code PluginSettingsFactory}, {@code ClusterLockService} and SAL's
 * {@code ApplicationProperties}, whose local home it names to the Java API at once, so the
 * native library is extracted there and not to {@code java.io.tmpdir} (often {@code noexec}).
 *
 * <pre>{@code
 * EngineHolder holder = new ClusterEngineHolder(activeObjects, pluginSettingsFactory, clusterLockService,
 *         applicationProperties);
 * String stored = holder.engine().putBoardSettings("1", json); // locks a stripe of "org.capacitytracker:board:1"
 * }</pre>
 */
public final class ClusterEngineHolder extends EngineHolder {
    private final PluginSettingsFactory pluginSettingsFactory;
    private final ClusterLockService clusterLockService;

    /**
     * Creates the holder; opens nothing yet.
     *
     * @param activeObjects the plugin's Active Objects, where every document is stored
     * @param pluginSettingsFactory Jira's SAL settings, read once to migrate earlier versions' documents
     * @param clusterLockService Jira's Beehive lock service
     * @param applicationProperties SAL's, for Jira's local home
     */
    public ClusterEngineHolder(ActiveObjects activeObjects, PluginSettingsFactory pluginSettingsFactory,
            ClusterLockService clusterLockService, ApplicationProperties applicationProperties) {
        super(new ActiveObjectsStorage(Objects.requireNonNull(activeObjects, "activeObjects"),
                Objects.requireNonNull(clusterLockService, "clusterLockService")));
        this.pluginSettingsFactory = Objects.requireNonNull(pluginSettingsFactory, "pluginSettingsFactory");
        this.clusterLockService = clusterLockService;
        // Here, at plugin start, not on first use: /health loads the library before any engine
        // opens, and the loader only honours a local home named before it loads. Without one
        // (a host without a local home) the loader falls back to java.io.tmpdir; the system
        // property capacity.native.dir overrides both.
        Objects.requireNonNull(applicationProperties, "applicationProperties").getLocalHomeDirectory()
                .ifPresent(CapacityEngine::useLocalHome);
    }

    @Override
    protected void opened(CapacityEngine opened, HostStorage storage) {
        SettingsMigration.run(opened, storage,
                () -> CapacityEngine.open(new PluginSettingsStorage(pluginSettingsFactory, clusterLockService)));
    }
}
