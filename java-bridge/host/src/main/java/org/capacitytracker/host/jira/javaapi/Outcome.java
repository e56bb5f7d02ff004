package org.capacitytracker.host.jira.javaapi;

import com.atlassian.greenhopper.service.ServiceOutcome;

/**
 * Jira Software's service answer: a value, or invalid. Jira Software does not tell "does not
 * exist" from "may not see" either, so an invalid outcome carries no value and no reason
 * the caller could use to probe for hidden boards.
 */
record Outcome<T>(T value) implements ServiceOutcome<T> {
    static <T> Outcome<T> invalid() {
        return new Outcome<>(null);
    }

    @Override
    public boolean isValid() {
        return value != null;
    }

    @Override
    public T getValue() {
        return value;
    }
}
