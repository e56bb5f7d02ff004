package org.capacitytracker.host.jira.jql;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The JQL field names the host understands, their aliases, and the functions it evaluates. */
public final class JqlFields {
    /** Clause name (lower case) to canonical field. */
    private static final Map<String, String> CLAUSE_NAMES = Map.ofEntries(
            Map.entry("project", "project"),
            Map.entry("sprint", "sprint"),
            Map.entry("assignee", "assignee"),
            Map.entry("statuscategory", "statusCategory"),
            Map.entry("status", "status"),
            Map.entry("fixversion", "fixVersion"),
            Map.entry("issuetype", "issuetype"),
            Map.entry("type", "issuetype"),
            Map.entry("parent", "parent"),
            Map.entry("key", "key"),
            Map.entry("issuekey", "key"),
            Map.entry("id", "key"));

    /** Fields Jira has but whose clauses this host does not evaluate (answered as unsupported, not unknown). */
    private static final Set<String> KNOWN_UNSUPPORTED = Set.of("summary", "text", "description", "reporter", "creator",
            "created", "updated", "resolution", "resolved", "priority", "labels", "component", "affectedversion",
            "duedate", "comment", "watcher", "epic link", "rank", "story points", "originalestimate",
            "remainingestimate", "timespent", "filter", "issuefunction", "level", "environment", "votes", "cf");

    /** Sortable fields (lower case) to canonical sort keys. */
    private static final Map<String, String> SORT_NAMES = Map.ofEntries(
            Map.entry("key", "key"), Map.entry("issuekey", "key"), Map.entry("id", "key"),
            Map.entry("rank", "rank"), Map.entry("summary", "summary"), Map.entry("assignee", "assignee"),
            Map.entry("status", "status"), Map.entry("statuscategory", "statusCategory"),
            Map.entry("issuetype", "issuetype"), Map.entry("type", "issuetype"), Map.entry("project", "project"),
            Map.entry("sprint", "sprint"), Map.entry("fixversion", "fixVersion"), Map.entry("created", "created"),
            Map.entry("updated", "updated"), Map.entry("priority", "priority"), Map.entry("story points", "storyPoints"),
            Map.entry("cf[10106]", "storyPoints"));

    /** Functions this host evaluates, by lower-case name, and the fields they apply to. */
    private static final Map<String, Set<String>> FUNCTIONS = Map.of(
            "opensprints", Set.of("sprint"),
            "closedsprints", Set.of("sprint"),
            "futuresprints", Set.of("sprint"),
            "currentuser", Set.of("assignee"),
            "releasedversions", Set.of("fixVersion"),
            "unreleasedversions", Set.of("fixVersion"));

    private JqlFields() {
    }

    /** The canonical field for a clause name; {@code clause} is the whole clause as written, for the message. */
    static String canonical(String clauseName, String clause) throws JqlException {
        String lower = clauseName.toLowerCase(Locale.ROOT);
        String field = CLAUSE_NAMES.get(lower);
        if (field != null) {
            return field;
        }
        if (KNOWN_UNSUPPORTED.contains(lower) || lower.startsWith("cf[") || lower.startsWith("customfield_")) {
            throw new JqlException("The JQL clause '" + clause + "' is not supported by this host: it searches by project, "
                    + "sprint, assignee, statusCategory, status, fixVersion, issuetype, parent and key.");
        }
        throw new JqlException("Field '" + clauseName + "' does not exist or you do not have permission to view it.");
    }

    static String sortKey(String name) throws JqlException {
        String key = SORT_NAMES.get(name.toLowerCase(Locale.ROOT));
        if (key == null) {
            throw new JqlException("Not able to sort using field '" + name + "'.");
        }
        return key;
    }

    /** Checks {@code name()} exists for {@code field}; returns the canonical lower-case name. */
    static String function(String name, String field, String clause) throws JqlException {
        String lower = name.toLowerCase(Locale.ROOT);
        Set<String> fields = FUNCTIONS.get(lower);
        if (fields == null) {
            throw new JqlException("Unable to find JQL function '" + name + "()'.");
        }
        if (!fields.contains(field)) {
            throw new JqlException("The JQL function '" + name + "()' cannot be used with the field in the clause '"
                    + clause + "'.");
        }
        return lower;
    }
}
