package org.capacitytracker.host.jira.javaapi;

import com.atlassian.jira.issue.CustomFieldManager;
import com.atlassian.jira.issue.fields.CustomField;
import java.util.Collection;
import java.util.List;
import org.capacitytracker.host.jira.DemoData;

/**
 * The host's one custom field the Java API serves: Story Points (customfield_10106, as in the
 * REST API's field list). The demo's Effort field (customfield_10300) is served by the REST API
 * only: no demo board's settings estimate in it. Names match case-sensitively, as Jira's lookup by name does.
 */
public final class HostCustomFieldManager implements CustomFieldManager {
    static final CustomField STORY_POINTS = new CustomField() {
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

    /** Story Points by its id; any other id (the demo's Effort field included) is unknown here: null, as Jira's. */
    @Override
    public CustomField getCustomFieldObject(String id) {
        return STORY_POINTS.getId().equals(id) ? STORY_POINTS : null;
    }
}
