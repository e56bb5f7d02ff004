package org.capacitytracker.api.typed;

import java.util.List;

/**
 * A person's days off, shared by every board ({@code docs/json-api.md}, "Days off").
 *
 * <pre>{@code
 * DaysOff current = typed.getDaysOff("alice");
 * DaysOff stored = typed.putDaysOff(new DaysOff(null, current.revision(), "alice",
 *     List.of(new DaysOff.Range("2026-12-07", "2026-12-08", null, "Vacation"))));
 * }</pre>
 *
 * @param schema the document's schema (null: the current one)
 * @param revision the revision it was read at (0 when never stored)
 * @param accountKey the person
 * @param ranges the ranges off
 */
public record DaysOff(Integer schema, Long revision, String accountKey, List<Range> ranges) {

    /** Copies the list; null stays null (none). */
    public DaysOff {
        ranges = ranges == null ? null : List.copyOf(ranges);
    }

    /**
     * Dates off, both included.
     *
     * @param start {@code YYYY-MM-DD}
     * @param end {@code YYYY-MM-DD}, not before {@code start}
     * @param fraction of each day off (null: whole days)
     * @param reason why, or null
     */
    public record Range(String start, String end, Double fraction, String reason) {
    }
}
