package org.capacitytracker.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one table {@code make bench} prints: each row a measured figure, optionally a ratio to
 * another row of the same run, and the target with "met" or "not met".
 */
public final class BenchTable {
    /** A measured row: {@code value} in {@code unit}; {@code target} empty when there is none. */
    public record Row(String name, double value, String unit, String ratio, String target, Boolean met) {
    }

    private final List<Row> rows = new ArrayList<>();

    /**
     * Adds a row without a target.
     *
     * @param name what was measured
     * @param value the figure
     * @param unit its unit (ms, µs, MB)
     */
    public void add(String name, double value, String unit) {
        rows.add(new Row(name, value, unit, "", "", null));
    }

    /**
     * Adds a row with a ratio text (e.g. "8.1× floor") and a target it does or does not meet.
     *
     * @param name what was measured
     * @param value the figure
     * @param unit its unit
     * @param ratio a ratio to another row of this run, or empty
     * @param target the target as the issue states it (e.g. "≤ 30 ms"), or empty
     * @param met whether the target is met; null when there is no target
     */
    public void add(String name, double value, String unit, String ratio, String target, Boolean met) {
        rows.add(new Row(name, value, unit, ratio, target, met));
    }

    /** The rows so far, in order. */
    public List<Row> rows() {
        return List.copyOf(rows);
    }

    /** Prints the table as aligned text columns. */
    public void print(PrintStream out) {
        int width = rows.stream().mapToInt(r -> r.name().length()).max().orElse(10);
        String format = "%-" + width + "s  %12s %-3s  %-18s  %-14s  %s%n";
        out.printf(Locale.ROOT, format, "measurement", "value", "", "ratio", "target", "");
        for (Row row : rows) {
            out.printf(Locale.ROOT, format, row.name(), figure(row.value()), row.unit(), row.ratio(), row.target(),
                    row.met() == null ? "" : row.met() ? "met" : "NOT MET");
        }
    }

    private static String figure(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%.0f", value)
                : value >= 1 ? String.format(Locale.ROOT, "%.2f", value)
                : String.format(Locale.ROOT, "%.3f", value);
    }
}
