package org.capacitytracker.examples.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class QuantitiesTest {
    @Test
    void minutesReadAsHours() {
        assertEquals("30 h", Quantities.format(1800, "hours"));
        assertEquals("27.5 h", Quantities.format(1650, "hours"));
        assertEquals("0.33 h", Quantities.format(20, "hours"));
        assertEquals("0 h", Quantities.format(0, "hours"));
        assertEquals("-1.5 h", Quantities.format(-90, "hours"));
    }

    @Test
    void hundredthsReadAsPoints() {
        assertEquals("13 points", Quantities.format(1300, "storyPoints"));
        assertEquals("2.5 points", Quantities.format(250, "storyPoints"));
    }
}
