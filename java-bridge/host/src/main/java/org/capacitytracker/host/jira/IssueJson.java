package org.capacitytracker.host.jira;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.capacitytracker.host.auth.HostUser;
import org.capacitytracker.host.auth.UserStore;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.Set;

/**
 * Issues as Jira's platform and agile REST render them: {@code expand}, {@code id},
 * {@code self}, {@code key} and the selected {@code fields}, plus {@code names} and
 * {@code schema} when expanded. The platform API carries the sprint as Jira Software's
 * custom field (strings); the agile API adds {@code sprint} and {@code closedSprints} objects.
 */
final class IssueJson {
    static final String ISSUE_EXPAND = "renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations";
    /** Issue date-time fields use an offset without a colon ({@code +0100}). */
    private static final DateTimeFormatter FIELD_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    private static final DateTimeFormatter SPRINT_STRING_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

    private final DemoData data;
    private final UserStore users;

    IssueJson(DemoData data, UserStore users) {
        this.data = data;
        this.users = users;
    }

    /** {@code expand} as a set of lower-case names (comma-separated or repeated). */
    static Set<String> expansions(String expand) {
        if (expand == null || expand.isBlank()) {
            return Set.of();
        }
        List<String> out = new ArrayList<>();
        for (String e : expand.split(",")) {
            if (!e.isBlank()) {
                out.add(e.trim().toLowerCase(Locale.ROOT));
            }
        }
        return Set.copyOf(out);
    }

    ObjectNode issue(String base, DemoData.Issue i, Set<String> fields, Set<String> expand, boolean agile) {
        ObjectNode node = PlatformJson.NODES.objectNode();
        node.put("expand", ISSUE_EXPAND);
        node.put("id", Long.toString(i.id()));
        node.put("self", base + (agile ? "/rest/agile/1.0/issue/" : "/rest/api/2/issue/") + i.id());
        node.put("key", i.key());
        ObjectNode f = node.putObject("fields");
        List<IssueFields.Field> rendered = new ArrayList<>();
        for (IssueFields.Field field : IssueFields.ALL) {
            if (fields.contains(field.id()) && (agile || !field.agileOnly()) && put(f, base, i, field.id())) {
                rendered.add(field);
            }
        }
        if (expand.contains("names")) {
            node.set("names", names(rendered));
        }
        if (expand.contains("schema")) {
            node.set("schema", schemas(rendered));
        }
        return node;
    }

    static ObjectNode names(Collection<IssueFields.Field> fields) {
        ObjectNode names = PlatformJson.NODES.objectNode();
        fields.forEach(f -> names.put(f.id(), f.name()));
        return names;
    }

    static ObjectNode schemas(Collection<IssueFields.Field> fields) {
        ObjectNode schema = PlatformJson.NODES.objectNode();
        fields.forEach(f -> schema.set(f.id(), f.schema()));
        return schema;
    }

    /** Writes one field; false when the issue has no such field (Jira leaves it out). */
    private boolean put(ObjectNode f, String base, DemoData.Issue i, String id) {
        DemoData.Sprint sprint = data.sprint(i.sprintId()).orElse(null);
        switch (id) {
            case "summary" -> f.put("summary", i.summary());
            case "issuetype" -> f.set("issuetype", PlatformJson.issueType(base, i.type()));
            case "status" -> f.set("status", PlatformJson.status(base, i.status()));
            case "priority" -> f.set("priority", PlatformJson.priority(base, PlatformJson.Priority.MEDIUM));
            case "assignee" -> {
                HostUser assignee = i.assignee() == null ? null : users.byKey(i.assignee()).orElse(null);
                if (assignee == null) {
                    f.putNull("assignee");
                } else {
                    f.set("assignee", PlatformJson.user(base, assignee));
                }
            }
            case "project" -> {
                ObjectNode project = PlatformJson.project(base, data.projectOf(i));
                project.remove("expand");
                project.remove("archived");
                f.set("project", project);
            }
            case "parent" -> {
                DemoData.Issue parent = i.parentKey() == null ? null : data.issue(i.parentKey()).orElse(null);
                if (parent == null) {
                    return false;
                }
                f.set("parent", PlatformJson.issueLink(base, parent));
            }
            case "subtasks" -> {
                ArrayNode subtasks = f.putArray("subtasks");
                for (DemoData.Issue sub : data.subtasksOf(i.key())) {
                    subtasks.add(PlatformJson.issueLink(base, sub));
                }
            }
            case "fixVersions" -> {
                ArrayNode versions = f.putArray("fixVersions");
                for (DemoData.Version v : data.fixVersionsOf(i)) {
                    ObjectNode version = PlatformJson.version(base, v);
                    version.remove("userReleaseDate");
                    version.remove("projectId");
                    versions.add(version);
                }
            }
            case "labels" -> f.putArray("labels");
            case "timeestimate" -> putSeconds(f, "timeestimate", i.remainingSeconds());
            case "timeoriginalestimate" -> putSeconds(f, "timeoriginalestimate", i.originalSeconds());
            case "timetracking" -> {
                ObjectNode tracking = f.putObject("timetracking");
                if (i.originalSeconds() != null) {
                    tracking.put("originalEstimate", duration(i.originalSeconds()));
                }
                if (i.remainingSeconds() != null) {
                    tracking.put("remainingEstimate", duration(i.remainingSeconds()));
                }
                if (i.originalSeconds() != null) {
                    tracking.put("originalEstimateSeconds", i.originalSeconds());
                }
                if (i.remainingSeconds() != null) {
                    tracking.put("remainingEstimateSeconds", i.remainingSeconds());
                }
            }
            case "created" -> f.put("created", sprint == null || sprint.start() == null ? null : FIELD_TIME.format(sprint.start().minusDays(3)));
            case "updated" -> f.put("updated", sprint == null || sprint.start() == null ? null : FIELD_TIME.format(sprint.start()));
            case IssueFields.SPRINT_FIELD -> {
                if (sprint == null) {
                    f.putNull(id);
                } else {
                    f.putArray(id).add(sprintString(sprint));
                }
            }
            case IssueFields.RANK_FIELD -> f.put(id, String.format("0|i%05d:", i.id() - 10000));
            case DemoData.STORY_POINTS_FIELD -> {
                if (i.storyPoints() == null) {
                    f.putNull(id);
                } else {
                    f.put(id, i.storyPoints());
                }
            }
            case DemoData.EFFORT_FIELD -> {
                Optional<Double> effort = data.effortHours(i.key());
                if (effort.isPresent()) {
                    f.put(id, effort.get());
                } else {
                    f.putNull(id);
                }
            }
            case "customfield_10200" -> f.putNull(id);
            case "sprint" -> {
                if (sprint == null || "closed".equals(sprint.state())) {
                    f.putNull("sprint");
                } else {
                    f.set("sprint", AgileJson.sprint(base, sprint));
                }
            }
            case "flagged" -> f.put("flagged", false);
            case "closedSprints" -> {
                ArrayNode closed = f.putArray("closedSprints");
                if (sprint != null && "closed".equals(sprint.state())) {
                    closed.add(AgileJson.sprint(base, sprint));
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Jira Software's text form of a sprint in the platform API's Sprint custom field. */
    private static String sprintString(DemoData.Sprint s) {
        return "com.atlassian.greenhopper.service.sprint.Sprint@" + Integer.toHexString((int) (s.id() * 0x9E3779B1L))
                + "[id=" + s.id() + ",rapidViewId=" + s.boardId() + ",state=" + s.state().toUpperCase(Locale.ROOT)
                + ",name=" + s.name() + ",startDate=" + time(s.start()) + ",endDate=" + time(s.end())
                + ",completeDate=" + time(s.complete()) + ",activatedDate="
                + ("future".equals(s.state()) ? "<null>" : time(s.start())) + ",sequence=" + s.id() + ",goal=" + s.goal()
                + ",autoStartStop=false,synced=false]";
    }

    private static String time(ZonedDateTime t) {
        return t == null ? "<null>" : SPRINT_STRING_TIME.format(t);
    }

    private static void putSeconds(ObjectNode node, String name, Long seconds) {
        if (seconds == null) {
            node.putNull(name);
        } else {
            node.put(name, seconds);
        }
    }

    /** Jira's duration text with its default time tracking (8-hour days, 5-day weeks). */
    static String duration(long seconds) {
        if (seconds == 0) {
            return "0m";
        }
        long minutes = seconds / 60;
        long weeks = minutes / (5 * 8 * 60);
        minutes -= weeks * 5 * 8 * 60;
        long days = minutes / (8 * 60);
        minutes -= days * 8 * 60;
        long hours = minutes / 60;
        minutes -= hours * 60;
        List<String> parts = new ArrayList<>();
        if (weeks > 0) {
            parts.add(weeks + "w");
        }
        if (days > 0) {
            parts.add(days + "d");
        }
        if (hours > 0) {
            parts.add(hours + "h");
        }
        if (minutes > 0) {
            parts.add(minutes + "m");
        }
        return String.join(" ", parts);
    }
}
