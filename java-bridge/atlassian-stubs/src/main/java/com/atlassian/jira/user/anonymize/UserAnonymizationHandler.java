package com.atlassian.jira.user.anonymize;

/**
 * Signature of Jira 10.3 {@code com.atlassian.jira.user.anonymize.UserAnonymizationHandler}
 * (see STUB-SOURCES.md): deletes or anonymises the personal data of the user being anonymised.
 */
public interface UserAnonymizationHandler extends AnonymizationHandler<UserAnonymizationParameter> {
}
