package org.capacitytracker.api.typed;

import java.util.List;

/**
 * A Kanban board's saved date ranges ({@code docs/json-api.md}, "Kanban date ranges"): the
 * periods a board without sprints plans by, besides its fix versions.
 *
 * <pre>{@code
 * for (BoardRanges.Range r : typed.getBoardRanges("4").ranges()) {
 *     System.out.println(r.id() + " " + r.start() + ".." + r.end());
 * }
 * }</pre>
 *
 * @param schema the document's schema (null: the current one)
 * @param revision the revision it was read at (0 when never stored)
 * @param boardId the board
 * @param ranges the ranges, in the order saved
 */
public record BoardRanges(Integer schema, Long revision, String boardId, List<Range> ranges) {

    /** Copies the list; null stays null (none). */
    public BoardRanges {
        ranges = ranges == null ? null : List.copyOf(ranges);
    }

    /**
     * One saved range, both dates included.
     *
     * @param id its id (the iteration id is {@code range-<id>})
     * @param name its name
     * @param start {@code YYYY-MM-DD}
     * @param end {@code YYYY-MM-DD}
     */
    public record Range(String id, String name, String start, String end) {
    }
}
