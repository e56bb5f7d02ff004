package org.capacitytracker.api.typed;

/**
 * What an iteration is on the board: a sprint, a fix version of a Kanban board (id
 * {@code version-<Jira version id>}) or a saved date range (id {@code range-<range id>}).
 * The engine checks that the id fits the kind.
 */
public enum IterationKind {
    /** A Scrum sprint (the engine's default when no kind is given). */
    SPRINT,
    /** A fix version of a Kanban board. */
    VERSION,
    /** A saved date range of a Kanban board. */
    RANGE
}
