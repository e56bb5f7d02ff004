package org.capacitytracker.examples.consumer;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Capacity Tracker's base units in words: minutes as hours, hundredths as points. */
final class Quantities {
    private Quantities() {
    }

    /**
     * @param value a quantity in {@code baseUnit}s
     * @param unit {@code hours} or {@code storyPoints} (the board's unit)
     * @return e.g. {@code 27.5 h} or {@code 13 points}
     */
    static String format(long value, String unit) {
        if ("storyPoints".equals(unit)) {
            return plain(BigDecimal.valueOf(value).movePointLeft(2)) + " points";
        }
        return plain(BigDecimal.valueOf(value).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP)) + " h";
    }

    private static String plain(BigDecimal d) {
        BigDecimal stripped = d.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
