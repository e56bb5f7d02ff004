package com.atlassian.jira.user.anonymize;

/**
 * Signature of Jira 10.3 {@code com.atlassian.jira.user.anonymize.AffectedEntityType}
 * (see STUB-SOURCES.md): what anonymisation does to an affected entity.
 */
public enum AffectedEntityType {
    REMOVE,
    ANONYMIZE,
    TRANSFER_OWNERSHIP,
    MANUAL
}
