package org.capacitytracker.api.typed;

/** A work item's Jira status category, which decides whether its estimate counts as workload. */
public enum StatusCategory {
    /** To do ({@code "new"}). */
    NEW,
    /** In progress ({@code "indeterminate"}). */
    INDETERMINATE,
    /** Done: its estimate is no longer workload. */
    DONE
}
