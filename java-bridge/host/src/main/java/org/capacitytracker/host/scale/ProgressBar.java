package org.capacitytracker.host.scale;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The generator's console progress: a bar, rows written, rows per second and the time left.
 * On a terminal it redraws one line; otherwise (logs, tests) it prints a line per tenth.
 */
final class ProgressBar {
    private static final int WIDTH = 30;

    private final PrintStream out;
    private final boolean terminal;
    private final String what;
    private final long total;
    private final long startNanos = System.nanoTime();
    private long lastDraw;
    private int lastTenth = -1;

    ProgressBar(PrintStream out, boolean terminal, String what, long total) {
        this.out = out;
        this.terminal = terminal;
        this.what = what;
        this.total = Math.max(1, total);
    }

    /** {@code done} of the total units, {@code rows} database rows written so far. */
    void update(long done, long rows) {
        long now = System.nanoTime();
        int tenth = (int) (done * 10 / total);
        boolean finished = done >= total;
        if (terminal ? (now - lastDraw < 200_000_000L && !finished) : (tenth == lastTenth && !finished)) {
            return;
        }
        lastDraw = now;
        lastTenth = tenth;
        out.print((terminal ? "\r" : "") + line(done, rows, (now - startNanos) / 1e9) + (terminal && !finished ? "" : "\n"));
        out.flush();
    }

    String line(long done, long rows, double seconds) {
        double fraction = Math.min(1.0, done / (double) total);
        int filled = (int) Math.round(fraction * WIDTH);
        double rate = seconds > 0 ? rows / seconds : 0;
        String eta = fraction > 0 && fraction < 1 ? clock(seconds * (1 - fraction) / fraction) : "-";
        return String.format(Locale.ROOT, "  [%s%s] %3d%% %,d/%,d %s  %,.0f rows/s  elapsed %s  ETA %s",
                "#".repeat(filled), ".".repeat(WIDTH - filled), (int) (fraction * 100), done, total, what, rate,
                clock(seconds), eta);
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
}
