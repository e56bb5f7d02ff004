package org.capacitytracker.jira.engine;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.beehive.ClusterLockService;
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
 * {@code ActiveObjects}, {@code PluginSettingsFactory} and {@code ClusterLockService}.
 *
 * <pre>{@code
 * EngineHolder holder = new ClusterEngineHolder(activeObjects, pluginSettingsFactory, clusterLockService);
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
     */
    public ClusterEngineHolder(ActiveObjects activeObjects, PluginSettingsFactory pluginSettingsFactory,
            ClusterLockService clusterLockService) {
        super(new ActiveObjectsStorage(Objects.requireNonNull(activeObjects, "activeObjects"),
                Objects.requireNonNull(clusterLockService, "clusterLockService")));
        this.pluginSettingsFactory = Objects.requireNonNull(pluginSettingsFactory, "pluginSettingsFactory");
        this.clusterLockService = clusterLockService;
    }

    @Override
    protected void opened(CapacityEngine opened, HostStorage storage) {
        SettingsMigration.run(opened, storage,
                () -> CapacityEngine.open(new PluginSettingsStorage(pluginSettingsFactory, clusterLockService)));
    }
}
