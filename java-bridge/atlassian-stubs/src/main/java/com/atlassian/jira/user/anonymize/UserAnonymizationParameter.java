package com.atlassian.jira.user.anonymize;

import java.util.Objects;

/**
 * Signature of Jira 10.3 {@code com.atlassian.jira.user.anonymize.UserAnonymizationParameter}
 * as far as verified (see STUB-SOURCES.md): the key of the user being anonymised.
 */
public class UserAnonymizationParameter {
    private final String userKey;

    public UserAnonymizationParameter(String userKey) {
        this.userKey = Objects.requireNonNull(userKey, "userKey");
    }

    public String getUserKey() {
        return userKey;
    }
}
