package org.capacitytracker.api.typed;

import java.util.Objects;

/**
 * One work item (issue) of an iteration, as the caller read it from Jira. Estimates are
 * null when the item has none; the board's settings decide which estimate counts.
 *
 * <pre>{@code
 * WorkItem item = WorkItem.builder("DEMO-12")
 *     .assignee("alice")
 *     .status(StatusCategory.INDETERMINATE)
 *     .remainingSeconds(4 * 3600)
 *     .build();
 * }</pre>
 *
 * @param key the issue key (required; unique in a request — the engine checks)
 * @param assignee the assignee's account key, or null when unassigned
 * @param statusCategory the status category, or null (the engine's rules apply)
 * @param remainingSeconds remaining estimate in seconds, or null
 * @param originalSeconds original estimate in seconds, or null
 * @param storyPoints story points, or null
 * @param customEstimate the board's custom estimate field's value in the board's unit, or null
 * @param parent the parent's key when this is a sub-task, or null
 * @param subtask whether the item is a sub-task, or null (not one)
 */
public record WorkItem(String key, String assignee, StatusCategory statusCategory, Long remainingSeconds,
        Long originalSeconds, Double storyPoints, Double customEstimate, String parent, Boolean subtask) {

    /** Checks the shape only: the key is required; every value rule is the engine's. */
    public WorkItem {
        Objects.requireNonNull(key, "key");
    }

    /**
     * Starts a work item.
     *
     * @param key the issue key
     * @return a builder with nothing else set
     */
    public static Builder builder(String key) {
        return new Builder(key);
    }

    /** Builds a {@link WorkItem}; every setter is optional. */
    public static final class Builder {
        private final String key;
        private String assignee;
        private StatusCategory status;
        private Long remainingSeconds;
        private Long originalSeconds;
        private Double storyPoints;
        private Double customEstimate;
        private String parent;
        private Boolean subtask;

        private Builder(String key) {
            this.key = Objects.requireNonNull(key, "key");
        }

        /** @param accountKey the assignee's account key, null for unassigned @return this */
        public Builder assignee(String accountKey) {
            this.assignee = accountKey;
            return this;
        }

        /** @param status the status category @return this */
        public Builder status(StatusCategory status) {
            this.status = status;
            return this;
        }

        /** @param seconds the remaining estimate in seconds, null for none @return this */
        public Builder remainingSeconds(Long seconds) {
            this.remainingSeconds = seconds;
            return this;
        }

        /** @param seconds the original estimate in seconds, null for none @return this */
        public Builder originalSeconds(Long seconds) {
            this.originalSeconds = seconds;
            return this;
        }

        /** @param points the story points, null for none @return this */
        public Builder storyPoints(Double points) {
            this.storyPoints = points;
            return this;
        }

        /** @param value the custom estimate field's value, null for none @return this */
        public Builder customEstimate(Double value) {
            this.customEstimate = value;
            return this;
        }

        /**
         * Marks the item a sub-task of {@code parentKey}.
         *
         * @param parentKey the parent's key
         * @return this
         */
        public Builder subtaskOf(String parentKey) {
            this.parent = parentKey;
            this.subtask = true;
            return this;
        }

        /** @param parentKey the parent's key, null for none @return this */
        public Builder parent(String parentKey) {
            this.parent = parentKey;
            return this;
        }

        /** @param subtask whether it is a sub-task, null to leave it out @return this */
        public Builder subtask(Boolean subtask) {
            this.subtask = subtask;
            return this;
        }

        /** @return the work item */
        public WorkItem build() {
            return new WorkItem(key, assignee, status, remainingSeconds, originalSeconds, storyPoints,
                    customEstimate, parent, subtask);
        }
    }
}
