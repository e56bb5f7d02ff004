package com.atlassian.greenhopper.service.sprint;

import org.joda.time.DateTime;

/** Signature of Jira Software 10 {@code com.atlassian.greenhopper.service.sprint.Sprint}, members used only (see STUB-SOURCES.md). */
public class Sprint {
    private final Long id;
    private final Long rapidViewId;
    private final State state;
    private final String name;
    private final DateTime startDate;
    private final DateTime endDate;
    private final DateTime completeDate;

    private Sprint(SprintBuilder b) {
        this.id = b.id;
        this.rapidViewId = b.rapidViewId;
        this.state = b.state;
        this.name = b.name;
        this.startDate = b.startDate;
        this.endDate = b.endDate;
        this.completeDate = b.completeDate;
    }

    public Long getId() {
        return id;
    }

    public Long getRapidViewId() {
        return rapidViewId;
    }

    public State getState() {
        return state;
    }

    public String getName() {
        return name;
    }

    public DateTime getStartDate() {
        return startDate;
    }

    public DateTime getEndDate() {
        return endDate;
    }

    public DateTime getCompleteDate() {
        return completeDate;
    }

    public static SprintBuilder builder() {
        return new SprintBuilder();
    }

    /** Signature of {@code Sprint.State}. */
    public enum State {
        FUTURE, ACTIVE, CLOSED
    }

    /** Signature of {@code Sprint.SprintBuilder}. */
    public static class SprintBuilder {
        private Long id;
        private Long rapidViewId;
        private State state;
        private String name;
        private DateTime startDate;
        private DateTime endDate;
        private DateTime completeDate;

        public SprintBuilder() {
        }

        public SprintBuilder id(Long id) {
            this.id = id;
            return this;
        }

        public SprintBuilder rapidViewId(Long rapidViewId) {
            this.rapidViewId = rapidViewId;
            return this;
        }

        public SprintBuilder state(State state) {
            this.state = state;
            return this;
        }

        public SprintBuilder name(String name) {
            this.name = name;
            return this;
        }

        public SprintBuilder startDate(DateTime startDate) {
            this.startDate = startDate;
            return this;
        }

        public SprintBuilder endDate(DateTime endDate) {
            this.endDate = endDate;
            return this;
        }

        public SprintBuilder completeDate(DateTime completeDate) {
            this.completeDate = completeDate;
            return this;
        }

        public Sprint build() {
            return new Sprint(this);
        }
    }
}
