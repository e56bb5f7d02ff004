package org.capacitytracker.host.jira.javaapi;

import com.atlassian.jira.issue.CustomFieldManager;
import com.atlassian.jira.issue.fields.CustomField;
import java.util.Collection;
import java.util.List;
import org.capacitytracker.host.jira.DemoData;

/**
 * The host's one custom field a capacity report reads: Story Points (customfield_10106, as in
 * the REST API's field list). Names match case-sensitively, as Jira's lookup by name does.
 */
public final class HostCustomFieldManager implements CustomFieldManager {
    private static final CustomField STORY_POINTS = new CustomField() {
        @Override
        public String getId() {
            return DemoData.STORY_POINTS_FIELD;
        }

        @Override
        public String getName() {
            return "Story Points";
        }
    };

    @Override
    public Collection<CustomField> getCustomFieldObjectsByName(String customFieldName) {
        return STORY_POINTS.getName().equals(customFieldName) ? List.of(STORY_POINTS) : List.of();
    }
}
