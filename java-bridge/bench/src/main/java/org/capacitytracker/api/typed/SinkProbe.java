package org.capacitytracker.api.typed;

import org.capacitytracker.api.BulkItems;

/** Benchmark-only access to a filled sink's request text and items (package-private in the api). */
public final class SinkProbe {
    private SinkProbe() {
    }

    /** The sink's request text (boards and iterations), ending the sink. */
    public static String finish(ReportItemSink sink) {
        return sink.finish();
    }

    /** The sink's items in bulk form. */
    public static BulkItems items(ReportItemSink sink) {
        return sink.items();
    }
}
