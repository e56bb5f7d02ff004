package org.capacitytracker.host.jira.javaapi;

import com.atlassian.jira.issue.CustomFieldManager;
import com.atlassian.jira.issue.fields.CustomField;
import java.util.Collection;
import java.util.List;
import org.capacitytracker.host.jira.DemoData;

/**
 * The host's custom fields the Java API serves: Story Points (customfield_10106, as in the
 * REST API's field list) and Jira Software's Sprint field (customfield_10104, as there; its
 * value an issue's sprints, a {@code Collection<Sprint>} as Jira Software's SprintCFType
 * gives). The demo's Effort field (customfield_10300) is served by the REST API
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

    static final CustomField SPRINT = new CustomField() {
        @Override
        public String getId() {
            return "customfield_10104";
        }

        @Override
        public String getName() {
            return "Sprint";
        }
    };

    @Override
    public Collection<CustomField> getCustomFieldObjectsByName(String customFieldName) {
        return List.of(STORY_POINTS, SPRINT).stream().filter(f -> f.getName().equals(customFieldName)).toList();
    }

    /** Story Points or Sprint by id; any other id (the demo's Effort field included) is unknown here: null, as Jira's. */
    @Override
    public CustomField getCustomFieldObject(String id) {
        return List.of(STORY_POINTS, SPRINT).stream().filter(f -> f.getId().equals(id)).findFirst().orElse(null);
    }
}
