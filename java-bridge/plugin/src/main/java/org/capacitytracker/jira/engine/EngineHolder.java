package org.capacitytracker.jira.engine;

import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;
import java.util.Objects;
import org.capacitytracker.api.CapacityEngine;
import org.capacitytracker.api.HostStorage;
import org.capacitytracker.jira.storage.PluginSettingsStorage;

/**
 * The one {@link CapacityEngine} of this plugin instance, over Jira's plugin settings.
 *
 * <p>A plugin-private component (declared in {@code META-INF/spring/capacity-tracker-context.xml}
 * as its subclass {@link ClusterEngineHolder}, which locks with Jira's cluster locks): the
 * host creates one per enabled plugin instance and injects it into the REST resources by
 * constructor. Nothing is static, because Data Center disables, upgrades and re-enables a
 * plugin inside a running JVM, each time in a new class loader; an engine held in a static
 * field would outlive its plugin.
 *
 * <p>The engine (and so the native library) is opened on first use, not at plugin start,
 * so a missing or unloadable library shows up as an error on the REST call that needed it
 * (and on {@code /health}) instead of a plugin that fails to enable. The host calls
 * {@link #close()} when the plugin stops; it waits for calls in progress, and later calls
 * fail with {@link EngineClosedException}.
 *
 * <p>Writes need nothing from the caller to be safe: the engine locks each document through
 * {@link HostStorage#lock} around its read-check-write, so of two writers of the same
 * revision exactly one succeeds and the other gets a conflict.
 *
 * <pre>{@code
 * EngineHolder holder = new ClusterEngineHolder(pluginSettingsFactory, clusterLockService);
 * String settings = holder.engine().getBoardSettings("1");
 * holder.close(); // plugin disabled
 * }</pre>
 */
public class EngineHolder implements AutoCloseable {
    private final HostStorage storage;
    private final Object lock = new Object();
    private CapacityEngine engine;
    private boolean closed;

    /**
     * Creates a holder whose writes lock within this JVM only: for a host that runs a single
     * node without a cluster lock service, and for tests. Jira gets a
     * {@link ClusterEngineHolder} from the Spring context. Opens nothing yet.
     *
     * <pre>{@code EngineHolder holder = new EngineHolder(pluginSettingsFactory);}</pre>
     *
     * @param pluginSettingsFactory SAL settings, where every document is stored
     */
    public EngineHolder(PluginSettingsFactory pluginSettingsFactory) {
        // The only public constructor: hosts autowire components by their one constructor.
        this(PluginSettingsStorage.withJvmLocks(Objects.requireNonNull(pluginSettingsFactory, "pluginSettingsFactory"),
                PluginSettingsStorage.DEFAULT_LOCK_TIMEOUT));
    }

    /**
     * Creates a holder over the given storage; opens nothing yet.
     *
     * @param storage where the engine keeps its documents, with its locks
     */
    protected EngineHolder(HostStorage storage) {
        this.storage = Objects.requireNonNull(storage, "storage");
    }

    /**
     * The engine, opened on the first call.
     *
     * @return the plugin's engine; never {@code null}
     * @throws EngineClosedException when the plugin is stopping or stopped
     * @throws org.capacitytracker.api.CapacityNativeException when the native library cannot load
     */
    public CapacityEngine engine() {
        synchronized (lock) {
            if (closed) {
                throw new EngineClosedException();
            }
            if (engine == null) {
                CapacityEngine opened = CapacityEngine.open(storage);
                try {
                    opened(opened, storage);
                } catch (RuntimeException e) {
                    opened.close();
                    throw e;
                }
                engine = opened;
            }
            return engine;
        }
    }

    /**
     * Runs once the engine is open, before anyone uses it (a subclass migrates data here);
     * when it throws, the engine is closed and the next call tries again.
     *
     * @param opened the engine just opened
     * @param storage its storage
     */
    protected void opened(CapacityEngine opened, HostStorage storage) {
    }

    /**
     * Closes the engine, if one was opened; waits for calls in progress. Idempotent.
     */
    @Override
    public void close() {
        CapacityEngine toClose;
        synchronized (lock) {
            closed = true;
            toClose = engine;
            engine = null;
        }
        // Outside the lock: closing waits for calls in progress, and those calls must not
        // block on this lock meanwhile.
        if (toClose != null) {
            toClose.close();
        }
    }

    /**
     * Spring's {@code DisposableBean} name for {@link #close()}, for hosts that call it.
     */
    public void destroy() {
        close();
    }
}
