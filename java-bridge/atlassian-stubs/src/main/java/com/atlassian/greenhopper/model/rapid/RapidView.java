package com.atlassian.greenhopper.model.rapid;

/** Signature of Jira Software 10 {@code com.atlassian.greenhopper.model.rapid.RapidView}, members used only (see STUB-SOURCES.md). */
public class RapidView {
    private final Long id;
    private final String name;
    private final boolean sprintSupportEnabled;

    private RapidView(Long id, String name, boolean sprintSupportEnabled) {
        this.id = id;
        this.name = name;
        this.sprintSupportEnabled = sprintSupportEnabled;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public boolean isSprintSupportEnabled() {
        return sprintSupportEnabled;
    }

    public static RapidViewBuilder builder() {
        return new RapidViewBuilder();
    }

    /** Signature of {@code RapidView.RapidViewBuilder}. */
    public static class RapidViewBuilder {
        private Long id;
        private String name;
        private boolean sprintSupportEnabled;

        public RapidViewBuilder id(Long id) {
            this.id = id;
            return this;
        }

        public RapidViewBuilder name(String name) {
            this.name = name;
            return this;
        }

        public RapidViewBuilder sprintSupportEnabled(boolean sprintSupportEnabled) {
            this.sprintSupportEnabled = sprintSupportEnabled;
            return this;
        }

        public RapidView build() {
            return new RapidView(id, name, sprintSupportEnabled);
        }
    }
}
