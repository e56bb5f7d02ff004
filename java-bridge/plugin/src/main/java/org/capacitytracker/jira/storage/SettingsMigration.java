package org.capacitytracker.jira.storage;

import org.capacitytracker.api.CapacityEngine;
import org.capacitytracker.api.HostStorage;

/**
 * The one-time move of every document from plugin settings (versions before Active Objects)
 * into Active Objects, on the first use of the engine after an upgrade.
 *
 * <p>How: the engine over the old storage exports everything ({@code exportAll}), the engine
 * over Active Objects imports it in mode {@code merge} ({@code importAll}), then a marker row
 * ({@value #MARKER}) records that it is done. The engine does the copying (its logic stays in
 * Rust: the index, chunking and validation are its own), under the marker's cluster lock so
 * one node migrates while the others wait.
 *
 * <p>Idempotent, crash-safe: until the marker is written nothing counts as migrated, and a
 * re-run after a crash in the middle merges again — documents already copied are equal and
 * left alone, missing ones are written. Once the marker exists the old settings are never read
 * again (they stay in place, untouched, as a way back). A document present in both stores with
 * different content (impossible unless someone wrote to the new store without the marker) is
 * kept as Active Objects has it and named in the marker.
 *
 * <pre>{@code
 * SettingsMigration.run(engine, aoStorage, () -> CapacityEngine.open(pluginSettingsStorage));
 * }</pre>
 */
public final class SettingsMigration {
    /** The marker row's key: present once the migration has completed. */
    public static final String MARKER = PluginSettingsStorage.KEY_PREFIX + "migrated:plugin-settings";

    /** Opens the engine over the old storage, only when a migration is still to be done. */
    @FunctionalInterface
    public interface OldEngine {
        CapacityEngine open();
    }

    private SettingsMigration() {
    }

    /**
     * Migrates unless the marker says it was done.
     *
     * @param engine the engine over Active Objects
     * @param storage that engine's storage (the marker is stored there, under its lock)
     * @param oldEngine opens the engine over plugin settings
     * @return the import's result ({@code {"written","unchanged","conflicts"}}), or null when
     *         the migration had already been done
     */
    public static String run(CapacityEngine engine, HostStorage storage, OldEngine oldEngine) {
        storage.lock(MARKER);
        try {
            if (storage.get(MARKER) != null) {
                return null;
            }
            String result;
            try (CapacityEngine old = oldEngine.open()) {
                result = engine.importAll("{\"mode\":\"merge\",\"export\":" + old.exportAll() + "}");
            }
            storage.put(MARKER, "{\"from\":\"plugin-settings\",\"result\":" + result + "}");
            return result;
        } finally {
            storage.unlock(MARKER);
        }
    }
}
