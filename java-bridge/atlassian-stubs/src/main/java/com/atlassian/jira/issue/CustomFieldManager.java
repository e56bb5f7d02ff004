package com.atlassian.jira.issue;

import com.atlassian.jira.issue.fields.CustomField;
import java.util.Collection;

/** Signature of Jira 10.3 {@code com.atlassian.jira.issue.CustomFieldManager}, members used only (see STUB-SOURCES.md). */
public interface CustomFieldManager {
    Collection<CustomField> getCustomFieldObjectsByName(String customFieldName);

    CustomField getCustomFieldObject(String id);
}
