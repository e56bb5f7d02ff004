package org.capacitytracker.host.jira;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.capacitytracker.host.auth.HostUser;
import org.capacitytracker.host.web.Html;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The JSON shapes of Jira's platform REST ({@code /rest/api/2}) for the host's entities:
 * users, projects, versions, statuses, status categories, priorities, issue types and
 * fields, with the field names and nesting Jira 10.3 documents. {@code base} is the
 * context's absolute URL, which every {@code self} link starts with.
 */
final class PlatformJson {
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final DateTimeFormatter USER_DATE = DateTimeFormatter.ofPattern("d/MMM/yy", Locale.ENGLISH);

    /** Jira's default priorities: id, name, colour, icon. */
    enum Priority {
        HIGHEST("1", "Highest", "#d04437", "highest"), HIGH("2", "High", "#f15C75", "high"),
        MEDIUM("3", "Medium", "#f79232", "medium"), LOW("4", "Low", "#707070", "low"),
        LOWEST("5", "Lowest", "#999999", "lowest");

        final String id;
        final String displayName;
        final String color;
        final String icon;

        Priority(String id, String displayName, String color, String icon) {
            this.id = id;
            this.displayName = displayName;
            this.color = color;
            this.icon = icon;
        }
    }

    private PlatformJson() {
    }

    static ObjectNode errors(String message) {
        ObjectNode node = NODES.objectNode();
        node.putArray("errorMessages").add(message);
        node.putObject("errors");
        return node;
    }

    /** The user as Jira embeds it in issues and search results. */
    static ObjectNode user(String base, HostUser u) {
        ObjectNode node = NODES.objectNode();
        node.put("self", base + "/rest/api/2/user?username=" + Html.url(u.username()));
        node.put("key", u.key());
        node.put("name", u.username());
        node.put("emailAddress", u.email());
        ObjectNode avatars = node.putObject("avatarUrls");
        String avatar = base + "/secure/useravatar?ownerId=" + Html.url(u.key()) + "&size=";
        for (String size : List.of("48", "24", "16", "32")) {
            avatars.put(size + "x" + size, avatar + size);
        }
        node.put("displayName", u.displayName());
        node.put("active", u.active());
        node.put("deleted", false);
        node.put("timeZone", DemoData.TEAM_ZONE.getId());
        node.put("locale", "en_UK");
        return node;
    }

    /** The user as /myself and /user return it, with groups and application roles. */
    static ObjectNode fullUser(String base, HostUser u) {
        ObjectNode node = user(base, u);
        ObjectNode groups = node.putObject("groups");
        groups.put("size", u.groups().size());
        ArrayNode items = groups.putArray("items");
        for (String g : u.groups()) {
            ObjectNode group = items.addObject();
            group.put("name", g);
            group.put("self", base + "/rest/api/2/group?groupname=" + Html.url(g));
        }
        ObjectNode roles = node.putObject("applicationRoles");
        roles.put("size", 1);
        roles.putArray("items");
        node.put("expand", "groups,applicationRoles");
        return node;
    }

    static ObjectNode projectAvatars(String base, DemoData.Project p) {
        ObjectNode avatars = NODES.objectNode();
        String url = base + "/secure/projectavatar?pid=" + p.id() + "&avatarId=10324";
        avatars.put("48x48", url);
        avatars.put("24x24", url + "&size=small");
        avatars.put("16x16", url + "&size=xsmall");
        avatars.put("32x32", url + "&size=medium");
        return avatars;
    }

    /** A project as GET /project lists it and as issues embed it. */
    static ObjectNode project(String base, DemoData.Project p) {
        ObjectNode node = NODES.objectNode();
        node.put("expand", "description,lead,url,projectKeys");
        node.put("self", base + "/rest/api/2/project/" + p.id());
        node.put("id", Long.toString(p.id()));
        node.put("key", p.key());
        node.put("name", p.name());
        node.set("avatarUrls", projectAvatars(base, p));
        node.put("projectTypeKey", "software");
        node.put("archived", false);
        return node;
    }

    /** GET /project/{idOrKey}: the project with lead, issue types, versions and roles. */
    static ObjectNode fullProject(String base, DemoData.Project p, HostUser lead, List<DemoData.Version> versions) {
        ObjectNode node = NODES.objectNode();
        node.put("expand", "description,lead,url,projectKeys");
        node.put("self", base + "/rest/api/2/project/" + p.id());
        node.put("id", Long.toString(p.id()));
        node.put("key", p.key());
        node.put("description", "");
        if (lead != null) {
            node.set("lead", user(base, lead));
        }
        node.putArray("components");
        ArrayNode types = node.putArray("issueTypes");
        for (DemoData.IssueType t : DemoData.IssueType.values()) {
            types.add(issueType(base, t));
        }
        node.put("assigneeType", "UNASSIGNED");
        ArrayNode vs = node.putArray("versions");
        for (DemoData.Version v : versions) {
            vs.add(version(base, v));
        }
        node.put("name", p.name());
        ObjectNode roles = node.putObject("roles");
        roles.put("Administrators", base + "/rest/api/2/project/" + p.id() + "/role/10002");
        roles.put("Developers", base + "/rest/api/2/project/" + p.id() + "/role/10001");
        node.set("avatarUrls", projectAvatars(base, p));
        node.putArray("projectKeys").add(p.key());
        node.put("projectTypeKey", "software");
        node.put("archived", false);
        return node;
    }

    static ObjectNode version(String base, DemoData.Version v) {
        ObjectNode node = NODES.objectNode();
        node.put("self", base + "/rest/api/2/version/" + v.id());
        node.put("id", Long.toString(v.id()));
        node.put("description", v.description());
        node.put("name", v.name());
        node.put("archived", v.archived());
        node.put("released", v.released());
        if (v.startDate() != null) {
            node.put("startDate", v.startDate().toString());
            node.put("userStartDate", USER_DATE.format(v.startDate()));
        }
        if (v.releaseDate() != null) {
            node.put("releaseDate", v.releaseDate().toString());
            node.put("userReleaseDate", USER_DATE.format(v.releaseDate()));
        }
        node.put("projectId", v.projectId());
        return node;
    }

    static ObjectNode issueType(String base, DemoData.IssueType t) {
        ObjectNode node = NODES.objectNode();
        node.put("self", base + "/rest/api/2/issuetype/" + t.id);
        node.put("id", t.id);
        node.put("description", "");
        node.put("iconUrl", base + "/images/icons/issuetypes/" + t.icon + ".svg");
        node.put("name", t.displayName);
        node.put("subtask", t.subtask);
        return node;
    }

    static ObjectNode statusCategory(String base, int id, String key, String colorName, String name) {
        ObjectNode category = NODES.objectNode();
        category.put("self", base + "/rest/api/2/statuscategory/" + id);
        category.put("id", id);
        category.put("key", key);
        category.put("colorName", colorName);
        category.put("name", name);
        return category;
    }

    static ObjectNode statusCategory(String base, DemoData.StatusCategory c) {
        return statusCategory(base, c.id, c.key, c.colorName, c.displayName);
    }

    /** Jira's "No Category" status category, which every instance has beside the three of the demo. */
    static ObjectNode undefinedStatusCategory(String base) {
        return statusCategory(base, 1, "undefined", "medium-gray", "No Category");
    }

    static ObjectNode status(String base, DemoData.Status s) {
        ObjectNode node = NODES.objectNode();
        node.put("self", base + "/rest/api/2/status/" + s.id);
        node.put("description", "");
        node.put("iconUrl", base + "/images/icons/statuses/generic.png");
        node.put("name", s.displayName);
        node.put("id", s.id);
        node.set("statusCategory", statusCategory(base, s.category));
        return node;
    }

    static ObjectNode priority(String base, Priority p) {
        ObjectNode node = NODES.objectNode();
        node.put("self", base + "/rest/api/2/priority/" + p.id);
        node.put("statusColor", p.color);
        node.put("description", "");
        node.put("iconUrl", base + "/images/icons/priorities/" + p.icon + ".svg");
        node.put("name", p.displayName);
        node.put("id", p.id);
        return node;
    }

    /** An issue as a parent or sub-task reference: id, key, self and three fields. */
    static ObjectNode issueLink(String base, DemoData.Issue i) {
        ObjectNode node = NODES.objectNode();
        node.put("id", Long.toString(i.id()));
        node.put("key", i.key());
        node.put("self", base + "/rest/api/2/issue/" + i.id());
        ObjectNode f = node.putObject("fields");
        f.put("summary", i.summary());
        f.set("status", status(base, i.status()));
        f.set("priority", priority(base, Priority.MEDIUM));
        f.set("issuetype", issueType(base, i.type()));
        return node;
    }
}
