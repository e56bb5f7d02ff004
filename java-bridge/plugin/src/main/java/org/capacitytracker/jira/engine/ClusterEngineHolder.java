package org.capacitytracker.jira.engine;

import com.atlassian.beehive.ClusterLockService;
import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;
import java.util.Objects;
import org.capacitytracker.jira.storage.PluginSettingsStorage;

/**
 * The plugin's {@link EngineHolder} in Jira: documents in SAL plugin settings, and each
 * document's read-check-write under a Beehive cluster lock, so writers on different nodes
 * of a Data Center cluster (and on different threads of one node) exclude each other. The
 * Spring context creates it with Jira's {@code PluginSettingsFactory} and
 * {@code ClusterLockService}; REST resources receive it as an {@code EngineHolder}.
 *
 * <pre>{@code
 * EngineHolder holder = new ClusterEngineHolder(pluginSettingsFactory, clusterLockService);
 * String stored = holder.engine().putBoardSettings("1", json); // locks "org.capacitytracker:board:1"
 * }</pre>
 */
public final class ClusterEngineHolder extends EngineHolder {
    /**
     * Creates the holder; opens nothing yet.
     *
     * @param pluginSettingsFactory Jira's SAL settings, where every document is stored
     * @param clusterLockService Jira's Beehive lock service
     */
    public ClusterEngineHolder(PluginSettingsFactory pluginSettingsFactory, ClusterLockService clusterLockService) {
        super(new PluginSettingsStorage(Objects.requireNonNull(pluginSettingsFactory, "pluginSettingsFactory"),
                Objects.requireNonNull(clusterLockService, "clusterLockService")));
    }
}
