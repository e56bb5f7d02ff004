package org.capacitytracker.host.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.capacitytracker.host.auth.HostUser;
import org.capacitytracker.host.auth.UserStore;
import org.capacitytracker.host.plugin.JiraPlatform;
import org.capacitytracker.host.web.Html;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Jira's platform REST ({@code /rest/api/2}): read-only resources over the demo data and the host's users. */
final class PlatformResources {
    private static final DateTimeFormatter SERVER_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    private static final Pattern ONE = Pattern.compile("/(project|status|statuscategory|priority|issuetype|issue|version)/([^/]+)");
    private static final Pattern PROJECT_VERSIONS = Pattern.compile("/project/([^/]+)/versions");

    private final DemoData data;
    private final UserStore users;
    private final IssueJson issues;
    private final IssueSearch search;

    PlatformResources(DemoData data, UserStore users, IssueJson issues, IssueSearch search) {
        this.data = data;
        this.users = users;
        this.issues = issues;
        this.search = search;
    }

    JsonNode get(RestCall call, String path) throws RestError {
        String base = call.base;
        switch (path) {
            case "/serverInfo" -> {
                return serverInfo(base);
            }
            case "/myself" -> {
                return PlatformJson.fullUser(base, call.user());
            }
            case "/user" -> {
                return user(call);
            }
            case "/user/search" -> {
                return userSearch(call);
            }
            case "/groups/picker" -> {
                return groupsPicker(call);
            }
            case "/project" -> {
                ArrayNode out = PlatformJson.NODES.arrayNode();
                data.projects().forEach(p -> out.add(PlatformJson.project(base, p)));
                return out;
            }
            case "/field" -> {
                ArrayNode out = PlatformJson.NODES.arrayNode();
                IssueFields.listed().forEach(f -> out.add(f.describe()));
                return out;
            }
            case "/status" -> {
                ArrayNode out = PlatformJson.NODES.arrayNode();
                Arrays.stream(DemoData.Status.values()).forEach(s -> out.add(PlatformJson.status(base, s)));
                return out;
            }
            case "/statuscategory" -> {
                ArrayNode out = PlatformJson.NODES.arrayNode();
                out.add(PlatformJson.undefinedStatusCategory(base));
                for (DemoData.StatusCategory c : List.of(DemoData.StatusCategory.NEW, DemoData.StatusCategory.DONE,
                        DemoData.StatusCategory.INDETERMINATE)) {
                    out.add(PlatformJson.statusCategory(base, c));
                }
                return out;
            }
            case "/priority" -> {
                ArrayNode out = PlatformJson.NODES.arrayNode();
                Arrays.stream(PlatformJson.Priority.values()).forEach(p -> out.add(PlatformJson.priority(base, p)));
                return out;
            }
            case "/issuetype" -> {
                ArrayNode out = PlatformJson.NODES.arrayNode();
                Arrays.stream(DemoData.IssueType.values()).forEach(t -> out.add(PlatformJson.issueType(base, t)));
                return out;
            }
            case "/search" -> {
                return search.page(call, data.allIssues(), false);
            }
            default -> {
                return one(call, path);
            }
        }
    }

    /** POST /search: the same search with its parameters in a JSON body. */
    JsonNode post(RestCall call, String path) throws RestError {
        if (path.equals("/search")) {
            return search.page(call, data.allIssues(), false);
        }
        throw RestError.notFound("null for uri: " + call.requestUrl());
    }

    private JsonNode one(RestCall call, String path) throws RestError {
        String base = call.base;
        Matcher versions = PROJECT_VERSIONS.matcher(path);
        if (versions.matches()) {
            DemoData.Project p = project(versions.group(1));
            ArrayNode out = PlatformJson.NODES.arrayNode();
            data.versions(p.id()).forEach(v -> out.add(PlatformJson.version(base, v)));
            return out;
        }
        Matcher m = ONE.matcher(path);
        if (!m.matches()) {
            throw RestError.notFound("null for uri: " + call.requestUrl());
        }
        String id = m.group(2);
        switch (m.group(1)) {
            case "project" -> {
                DemoData.Project p = project(id);
                HostUser lead = users.byUsername(data.projectLead(p).orElse("admin")).orElse(null);
                return PlatformJson.fullProject(base, p, lead, data.versions(p.id()));
            }
            case "status" -> {
                return Arrays.stream(DemoData.Status.values()).filter(s -> s.id.equals(id) || s.displayName.equalsIgnoreCase(id))
                        .findFirst().map(s -> PlatformJson.status(base, s))
                        .orElseThrow(() -> RestError.notFound("The status with id '" + id + "' does not exist"));
            }
            case "statuscategory" -> {
                if (id.equals("1") || id.equalsIgnoreCase("undefined")) {
                    return PlatformJson.undefinedStatusCategory(base);
                }
                return Arrays.stream(DemoData.StatusCategory.values())
                        .filter(c -> Integer.toString(c.id).equals(id) || c.key.equalsIgnoreCase(id)).findFirst()
                        .map(c -> PlatformJson.statusCategory(base, c))
                        .orElseThrow(() -> RestError.notFound("The status category with id '" + id + "' does not exist"));
            }
            case "priority" -> {
                return Arrays.stream(PlatformJson.Priority.values()).filter(p -> p.id.equals(id)).findFirst()
                        .map(p -> PlatformJson.priority(base, p))
                        .orElseThrow(() -> RestError.notFound("The priority with id '" + id + "' does not exist"));
            }
            case "issuetype" -> {
                return Arrays.stream(DemoData.IssueType.values()).filter(t -> t.id.equals(id)).findFirst()
                        .map(t -> PlatformJson.issueType(base, t))
                        .orElseThrow(() -> RestError.notFound("The issue type with id '" + id + "' does not exist"));
            }
            case "version" -> {
                return data.projects().stream().flatMap(p -> data.versions(p.id()).stream())
                        .filter(v -> Long.toString(v.id()).equals(id)).findFirst().map(v -> PlatformJson.version(base, v))
                        .orElseThrow(() -> RestError.notFound("Could not find version for id '" + id + "'"));
            }
            default -> {
                DemoData.Issue found = data.issue(id).orElseThrow(() -> RestError.notFound("Issue Does Not Exist"));
                Set<String> fields = IssueFields.select(call.param("fields"), false);
                return issues.issue(base, found, fields, IssueJson.expansions(call.param("expand")), false);
            }
        }
    }

    private DemoData.Project project(String idOrKey) throws RestError {
        return data.project(idOrKey).orElseThrow(() -> RestError.notFound("No project could be found with key '" + idOrKey + "'."));
    }

    private ObjectNode serverInfo(String base) {
        boolean jira11 = JiraPlatform.current().mode().equals("11");
        ObjectNode node = PlatformJson.NODES.objectNode();
        node.put("baseUrl", base);
        node.put("version", jira11 ? "11.0.0" : "10.3.0");
        ArrayNode numbers = node.putArray("versionNumbers");
        numbers.add(jira11 ? 11 : 10).add(jira11 ? 0 : 3).add(0);
        node.put("deploymentType", "Server");
        node.put("buildNumber", jira11 ? 11000000 : 10030000);
        node.put("buildDate", jira11 ? "2025-06-01T00:00:00.000+0000" : "2024-12-10T00:00:00.000+0000");
        node.put("serverTime", SERVER_TIME.format(ZonedDateTime.now(DemoData.TEAM_ZONE)));
        node.put("scmInfo", "capacity-tracker-host");
        node.put("serverTitle", "Capacity Tracker host");
        return node;
    }

    private JsonNode user(RestCall call) throws RestError {
        String username = call.param("username");
        String key = call.param("key");
        Optional<HostUser> user;
        if (username != null) {
            user = users.byUsername(username);
        } else if (key != null) {
            user = users.byKey(key);
        } else {
            throw RestError.badRequest("Either the 'username' or the 'key' query parameters need to be provided");
        }
        return PlatformJson.fullUser(call.base, user.orElseThrow(() -> RestError.notFound("The user named '"
                + (username != null ? username : key) + "' does not exist")));
    }

    /** Jira 10 takes {@code username}; {@code query} (Jira 11 and Cloud's name) is accepted too. */
    private JsonNode userSearch(RestCall call) throws RestError {
        String query = call.param("username") != null ? call.param("username") : call.param("query");
        if (query == null) {
            throw RestError.badRequest("The username query parameter was not provided");
        }
        boolean includeActive = call.boolParam("includeActive", true);
        boolean includeInactive = call.boolParam("includeInactive", false);
        List<HostUser> matches = (query.equals(".") || query.equals("*") ? users.all() : users.search(query)).stream()
                .filter(u -> u.active() ? includeActive : includeInactive).toList();
        ArrayNode out = PlatformJson.NODES.arrayNode();
        for (HostUser u : AgileJson.slice(matches, call.startAt(), call.maxResults())) {
            out.add(PlatformJson.user(call.base, u));
        }
        return out;
    }

    private JsonNode groupsPicker(RestCall call) throws RestError {
        String query = call.param("query") == null ? "" : call.param("query");
        Set<String> excluded = call.param("exclude") == null ? Set.of() : Set.of(call.param("exclude").split(","));
        int max = call.intParam("maxResults", 20);
        TreeSet<String> all = new TreeSet<>(List.of(HostUser.ADMINISTRATORS, HostUser.SOFTWARE_USERS));
        users.all().forEach(u -> all.addAll(u.groups()));
        String q = query.toLowerCase(Locale.ROOT);
        List<String> matching = all.stream().filter(g -> g.toLowerCase(Locale.ROOT).contains(q) && !excluded.contains(g)).toList();
        ObjectNode out = PlatformJson.NODES.objectNode();
        List<String> shown = AgileJson.slice(matching, 0, max);
        out.put("header", "Showing " + shown.size() + " of " + matching.size() + " matching groups");
        out.put("total", matching.size());
        ArrayNode groups = out.putArray("groups");
        for (String g : shown) {
            ObjectNode group = groups.addObject();
            group.put("name", g);
            int at = q.isEmpty() ? -1 : g.toLowerCase(Locale.ROOT).indexOf(q);
            group.put("html", at < 0 ? Html.escape(g) : Html.escape(g.substring(0, at)) + "<b>"
                    + Html.escape(g.substring(at, at + q.length())) + "</b>" + Html.escape(g.substring(at + q.length())));
            group.putArray("labels");
        }
        return out;
    }
}
