package com.atlassian.jira.user.anonymize;

import java.util.Objects;

/**
 * Signature of Jira 10.3 {@code com.atlassian.jira.user.anonymize.AffectedEntity} as far as
 * verified (see STUB-SOURCES.md): one line of the list Jira shows before and while it
 * anonymises a user ("N occurrences of X will be removed").
 */
public final class AffectedEntity {
    private final AffectedEntityType type;
    private final String descriptionKey;
    private final Long numberOfOccurrences;

    private AffectedEntity(Builder builder) {
        this.type = builder.type;
        this.descriptionKey = builder.descriptionKey;
        this.numberOfOccurrences = builder.numberOfOccurrences;
    }

    public static Builder newBuilder(AffectedEntityType type) {
        return new Builder(type);
    }

    public AffectedEntityType getType() {
        return type;
    }

    public String getDescriptionKey() {
        return descriptionKey;
    }

    public Long getNumberOfOccurrences() {
        return numberOfOccurrences;
    }

    /** Builds an {@link AffectedEntity}. */
    public static final class Builder {
        private final AffectedEntityType type;
        private String descriptionKey;
        private Long numberOfOccurrences;

        private Builder(AffectedEntityType type) {
            this.type = Objects.requireNonNull(type, "type");
        }

        public Builder descriptionKey(String descriptionKey) {
            this.descriptionKey = descriptionKey;
            return this;
        }

        public Builder numberOfOccurrences(Long numberOfOccurrences) {
            this.numberOfOccurrences = numberOfOccurrences;
            return this;
        }

        public AffectedEntity build() {
            return new AffectedEntity(this);
        }
    }
}
