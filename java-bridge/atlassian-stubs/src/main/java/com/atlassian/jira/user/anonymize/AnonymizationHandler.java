package com.atlassian.jira.user.anonymize;

import com.atlassian.jira.bc.ServiceResult;

import java.util.Collection;

/**
 * Signature of Jira 10.3 {@code com.atlassian.jira.user.anonymize.AnonymizationHandler}
 * (see STUB-SOURCES.md): the common shape of the four anonymisation extension points.
 *
 * @param <T> what Jira passes to the handler
 */
public interface AnonymizationHandler<T> {
    /** The value is not published; Atlassian's own handlers override {@link #getNumberOfTasks}. */
    int DEFAULT_NUMBER_OF_TASKS = 1;

    Collection<AffectedEntity> getAffectedEntities(T parameter);

    ServiceResult update(T parameter);

    int getNumberOfTasks(T parameter);
}
