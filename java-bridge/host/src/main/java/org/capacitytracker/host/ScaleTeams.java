package org.capacitytracker.host;

import org.capacitytracker.host.db.Database;
import org.capacitytracker.host.scale.ScaleDataset;

import java.util.List;

/** A generated dataset's Capacity Tracker documents as {@link DemoSeeder} writes them through the engine. */
final class ScaleTeams {
    /** The host's settings key saying the dataset's documents were written once. */
    static final String MARKER = "capacity-host.scale.seeded";

    private ScaleTeams() {
    }

    static List<DemoPlan.Doc> docs(Database database) {
        return ScaleDataset.documents(database).stream()
                .map(d -> new DemoPlan.Doc(d.report() ? DemoPlan.Kind.REPORT : DemoPlan.Kind.BOARD, d.id(), null, d.json()))
                .toList();
    }
}
