package com.atlassian.greenhopper.model.rapid;

import com.atlassian.jira.issue.fields.Field;

/** Signature of Jira Software 10 {@code com.atlassian.greenhopper.model.rapid.EstimationConfig} (see STUB-SOURCES.md). */
public class EstimationConfig {
    private final Type type;
    private final Field field;

    public EstimationConfig(Type type, Field field) {
        this.type = type;
        this.field = field;
    }

    public Type getType() {
        return type;
    }

    public Field getField() {
        return field;
    }

    /** Signature of {@code EstimationConfig.Type}. */
    public enum Type {
        NONE, ISSUE_COUNT, ISSUE_COUNT_EXCL_SUBS, JIRA_FIELD
    }
}
