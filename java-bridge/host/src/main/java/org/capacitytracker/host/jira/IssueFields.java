package org.capacitytracker.host.jira;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The issue fields the host knows: what GET /field lists, what {@code fields=} selects and
 * what {@code expand=names,schema} describes. The custom field ids match a Jira Software
 * instance's usual ones (Sprint 10104, Rank 10105, Story Points 10106).
 */
final class IssueFields {
    static final String SPRINT_FIELD = "customfield_10104";
    static final String RANK_FIELD = "customfield_10105";

    /** {@code agileOnly} fields are only in the agile API's issue representation. */
    record Field(String id, String name, boolean custom, boolean navigable, List<String> clauseNames, String type,
                 String items, String plugin, boolean agileOnly) {
        ObjectNode schema() {
            ObjectNode schema = PlatformJson.NODES.objectNode();
            schema.put("type", type);
            if (items != null) {
                schema.put("items", items);
            }
            if (custom) {
                schema.put("custom", plugin);
                schema.put("customId", Long.parseLong(id.substring("customfield_".length())));
            } else {
                schema.put("system", id);
            }
            return schema;
        }

        ObjectNode describe() {
            ObjectNode node = PlatformJson.NODES.objectNode();
            node.put("id", id);
            node.put("name", name);
            node.put("custom", custom);
            node.put("orderable", !id.equals("subtasks") && !id.startsWith("time") && !id.equals("created")
                    && !id.equals("updated") && !id.equals("status") && !id.equals(RANK_FIELD));
            node.put("navigable", navigable);
            node.put("searchable", !id.equals("subtasks") && !id.equals("timetracking"));
            ArrayNode clauses = node.putArray("clauseNames");
            clauseNames.forEach(clauses::add);
            node.set("schema", schema());
            return node;
        }
    }

    private static Field system(String id, String name, String type, String items, String... clauseNames) {
        return new Field(id, name, false, true, List.of(clauseNames), type, items, null, false);
    }

    static final List<Field> ALL = List.of(
            system("summary", "Summary", "string", null, "summary"),
            system("issuetype", "Issue Type", "issuetype", null, "issuetype", "type"),
            system("status", "Status", "status", null, "status"),
            system("priority", "Priority", "priority", null, "priority"),
            system("assignee", "Assignee", "user", null, "assignee"),
            system("project", "Project", "project", null, "project"),
            system("parent", "Parent", "issuelink", null, "parent"),
            system("subtasks", "Sub-Tasks", "array", "issuelinks", "subtasks"),
            system("fixVersions", "Fix Version/s", "array", "version", "fixVersion"),
            system("labels", "Labels", "array", "string", "labels"),
            system("timeestimate", "Remaining Estimate", "number", null, "remainingEstimate"),
            system("timeoriginalestimate", "Original Estimate", "number", null, "originalEstimate"),
            system("timetracking", "Time tracking", "timetracking", null),
            system("created", "Created", "datetime", null, "created", "createdDate"),
            system("updated", "Updated", "datetime", null, "updated", "updatedDate"),
            new Field(SPRINT_FIELD, "Sprint", true, true, List.of("cf[10104]", "Sprint"), "array", "string",
                    "com.pyxis.greenhopper.jira:gh-sprint", false),
            new Field(RANK_FIELD, "Rank", true, true, List.of("cf[10105]", "Rank"), "any", null,
                    "com.pyxis.greenhopper.jira:gh-lexo-rank", false),
            new Field(DemoData.STORY_POINTS_FIELD, "Story Points", true, true, List.of("cf[10106]", "Story Points"),
                    "number", null, "com.atlassian.jira.plugin.system.customfieldtypes:float", false),
            new Field("customfield_10200", "Team", true, true, List.of("cf[10200]", "Team"),
                    "string", null, "com.atlassian.jira.plugin.system.customfieldtypes:textfield", false),
            new Field(DemoData.EFFORT_FIELD, "Effort (hours)", true, true, List.of("cf[10300]", "Effort (hours)"),
                    "number", null, "com.atlassian.jira.plugin.system.customfieldtypes:float", false),
            new Field("sprint", "Sprint", false, true, List.of(), "json", null, null, true),
            new Field("closedSprints", "Closed Sprints", false, true, List.of(), "array", "json", null, true),
            // The agile issue resources document "flagged" among the fields they add (the demo flags nothing).
            new Field("flagged", "Flagged", false, true, List.of(), "boolean", null, null, true));

    private IssueFields() {
    }

    static Optional<Field> byId(String id) {
        return ALL.stream().filter(f -> f.id().equals(id)).findFirst();
    }

    /** The fields GET /field lists (the agile API's pseudo-fields are not Jira fields). */
    static List<Field> listed() {
        return ALL.stream().filter(f -> !f.agileOnly()).toList();
    }

    /**
     * Jira's {@code fields} parameter: names, {@code *all}, {@code *navigable}, {@code -name};
     * {@code defaultAll} is what no parameter means.
     */
    static Set<String> select(String fieldsParam, boolean agile) {
        Set<String> selected = new LinkedHashSet<>();
        Set<String> excluded = new LinkedHashSet<>();
        boolean any = false;
        if (fieldsParam != null) {
            for (String raw : fieldsParam.split(",")) {
                String f = raw.trim();
                if (f.isEmpty()) {
                    continue;
                }
                any = true;
                if (f.equals("*all") || f.equals("*navigable")) {
                    selected.addAll(ids(agile));
                } else if (f.startsWith("-")) {
                    excluded.add(f.substring(1));
                } else {
                    selected.add(f);
                }
            }
        }
        if (!any || (selected.isEmpty() && !excluded.isEmpty())) {
            selected.addAll(ids(agile));
        }
        selected.removeAll(excluded);
        return selected;
    }

    private static List<String> ids(boolean agile) {
        return ALL.stream().filter(f -> agile || !f.agileOnly()).map(Field::id).toList();
    }
}
