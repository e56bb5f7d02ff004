package com.atlassian.greenhopper.model.rapid;

/** Signature of Jira Software 10 {@code com.atlassian.greenhopper.model.rapid.RapidView}, members used only (see STUB-SOURCES.md). */
public class RapidView {
    private final Long id;
    private final String name;

    private RapidView(Long id, String name) {
        this.id = id;
        this.name = name;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public static RapidViewBuilder builder() {
        return new RapidViewBuilder();
    }

    /** Signature of {@code RapidView.RapidViewBuilder}. */
    public static class RapidViewBuilder {
        private Long id;
        private String name;

        public RapidViewBuilder id(Long id) {
            this.id = id;
            return this;
        }

        public RapidViewBuilder name(String name) {
            this.name = name;
            return this;
        }

        public RapidView build() {
            return new RapidView(id, name);
        }
    }
}
