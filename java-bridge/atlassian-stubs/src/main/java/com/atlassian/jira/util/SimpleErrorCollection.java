package com.atlassian.jira.util;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Signature of Jira 10.3 {@code com.atlassian.jira.util.SimpleErrorCollection} (see STUB-SOURCES.md). */
public class SimpleErrorCollection implements ErrorCollection, Serializable {
    private static final long serialVersionUID = 1L;

    private final Map<String, String> errors = new LinkedHashMap<>();
    private final List<String> errorMessages = new ArrayList<>();

    public SimpleErrorCollection() {
    }

    public SimpleErrorCollection(ErrorCollection errorCollection) {
        errors.putAll(errorCollection.getErrors());
        errorMessages.addAll(errorCollection.getErrorMessages());
    }

    @Override
    public void addError(String field, String message) {
        errors.put(field, message);
    }

    @Override
    public void addErrorMessage(String message) {
        errorMessages.add(message);
    }

    @Override
    public Collection<String> getErrorMessages() {
        return errorMessages;
    }

    @Override
    public Map<String, String> getErrors() {
        return errors;
    }

    @Override
    public boolean hasAnyErrors() {
        return !errors.isEmpty() || !errorMessages.isEmpty();
    }
}
