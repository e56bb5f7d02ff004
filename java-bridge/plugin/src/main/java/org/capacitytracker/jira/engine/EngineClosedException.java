package org.capacitytracker.jira.engine;

/**
 * The plugin is stopping (disabled, upgraded or uninstalled) and its engine is closed; a
 * request that arrives in that moment is answered 503, and a retry reaches the new instance.
 */
public final class EngineClosedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    EngineClosedException() {
        super("Capacity Tracker is stopping; try again in a moment");
    }
}
