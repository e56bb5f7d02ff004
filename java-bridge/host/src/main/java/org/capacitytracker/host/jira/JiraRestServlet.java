package org.capacitytracker.host.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.capacitytracker.host.auth.HostUser;
import org.capacitytracker.host.auth.UserStore;
import org.capacitytracker.host.web.CurrentRequest;
import org.capacitytracker.host.web.Html;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The read-only subset of Jira's REST API (platform {@code /rest/api/2} and Jira Software
 * {@code /rest/agile/1.0}) that the capacity panel reads, answered from {@link DemoData} and
 * the host's users in the JSON shapes Jira documents. The security filter has already
 * required a logged-in user.
 */
public final class JiraRestServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    /** Jira's instant format: milliseconds and a numeric offset with a colon. */
    private static final DateTimeFormatter JIRA_INSTANT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
    /** Issue date-time fields use an offset without a colon ({@code +0100}). */
    private static final DateTimeFormatter JIRA_FIELD_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    private static final int MAX_RESULTS_LIMIT = 1000;
    private static final Set<String> SPRINT_STATES = Set.of("future", "active", "closed");
    private static final List<String> ISSUE_FIELDS = List.of("summary", "issuetype", "status", "priority", "assignee",
            "project", "parent", "subtasks", "timeestimate", "timeoriginalestimate", "timetracking",
            DemoData.STORY_POINTS_FIELD, DemoData.EFFORT_FIELD, "sprint", "created", "updated");

    /** The system fields Jira lets a screen edit (the others are computed or structural). */
    private static final Set<String> ORDERABLE_SYSTEM_FIELDS = Set.of("summary", "issuetype", "priority", "assignee", "project",
            "parent", "timetracking");
    private static final Pattern BOARD = Pattern.compile("/board/(\\d+)");
    private static final Pattern BOARD_CONFIGURATION = Pattern.compile("/board/(\\d+)/configuration");
    private static final Pattern BOARD_SPRINTS = Pattern.compile("/board/(\\d+)/sprint");
    private static final Pattern SPRINT = Pattern.compile("/sprint/(\\d+)");
    private static final Pattern SPRINT_ISSUES = Pattern.compile("/sprint/(\\d+)/issue");
    private static final Pattern ISSUE = Pattern.compile("/issue/([A-Za-z0-9-]+)");

    private final transient DemoData data;
    private final transient UserStore users;
    private final transient ObjectMapper json = new ObjectMapper();

    public JiraRestServlet(DemoData data, UserStore users) {
        this.data = data;
        this.users = users;
    }

    /** A client error answered in Jira's error collection shape. */
    private static final class RestError extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;

        RestError(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String servletPath = request.getServletPath();
        String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
        JsonNode body;
        try {
            if (servletPath.startsWith("/rest/agile/")) {
                body = agile(request, path);
            } else {
                body = platform(request, path);
            }
        } catch (RestError e) {
            response.setStatus(e.status);
            body = errors(e.getMessage());
        }
        response.setContentType("application/json;charset=UTF-8");
        response.setHeader("Cache-Control", "no-cache, no-store");
        json.writeValue(response.getOutputStream(), body);
    }

    // --- /rest/api/2 -------------------------------------------------------------------

    private JsonNode platform(HttpServletRequest request, String path) throws RestError {
        String base = baseUrl(request);
        switch (path) {
            case "/myself" -> {
                HostUser user = CurrentRequest.userOf(request);
                return fullUser(base, user);
            }
            case "/user" -> {
                String username = request.getParameter("username");
                String key = request.getParameter("key");
                Optional<HostUser> user;
                if (username != null) {
                    user = users.byUsername(username);
                } else if (key != null) {
                    user = users.byKey(key);
                } else {
                    throw new RestError(400, "Either the 'username' or the 'key' query parameters need to be provided");
                }
                return fullUser(base, user.orElseThrow(() -> new RestError(404, "The user named '"
                        + (username != null ? username : key) + "' does not exist")));
            }
            case "/field" -> {
                ArrayNode out = json.createArrayNode();
                for (DemoData.Field field : DemoData.FIELDS) {
                    out.add(field(field));
                }
                return out;
            }
            case "/user/search" -> {
                String query = request.getParameter("username");
                if (query == null) {
                    throw new RestError(400, "The username query parameter was not provided");
                }
                int startAt = intParam(request, "startAt", 0);
                int maxResults = Math.min(intParam(request, "maxResults", 50), MAX_RESULTS_LIMIT);
                boolean includeActive = boolParam(request, "includeActive", true);
                boolean includeInactive = boolParam(request, "includeInactive", false);
                ArrayNode out = json.createArrayNode();
                List<HostUser> matches = users.search(query).stream()
                        .filter(u -> u.active() ? includeActive : includeInactive).toList();
                for (HostUser u : page(matches, startAt, maxResults)) {
                    out.add(user(base, u));
                }
                return out;
            }
            default -> {
                Matcher issue = ISSUE.matcher(path);
                if (issue.matches()) {
                    DemoData.Issue found = data.issue(issue.group(1)).orElseThrow(() ->
                            new RestError(404, "Issue Does Not Exist"));
                    return issue(base, found, fieldSelection(request), "/rest/api/2/issue/");
                }
                throw new RestError(404, "null for uri: " + request.getRequestURL());
            }
        }
    }

    // --- /rest/agile/1.0 -----------------------------------------------------------------

    private JsonNode agile(HttpServletRequest request, String path) throws RestError {
        String base = baseUrl(request);
        if (path.equals("/board")) {
            String type = request.getParameter("type");
            String name = request.getParameter("name");
            String project = request.getParameter("projectKeyOrId");
            List<DemoData.Board> boards = data.boards().stream()
                    .filter(b -> type == null || Arrays.asList(type.split(",")).contains(b.type()))
                    .filter(b -> name == null || b.name().toLowerCase(Locale.ROOT).contains(name.toLowerCase(Locale.ROOT)))
                    .filter(b -> project == null || project.equalsIgnoreCase(b.project().key())
                            || project.equals(Long.toString(b.project().id())))
                    .toList();
            return paged(request, boards, b -> board(base, b), true);
        }
        Matcher m;
        if ((m = BOARD.matcher(path)).matches()) {
            return board(base, board(m.group(1)));
        }
        if ((m = BOARD_CONFIGURATION.matcher(path)).matches()) {
            return boardConfiguration(base, board(m.group(1)));
        }
        if ((m = BOARD_SPRINTS.matcher(path)).matches()) {
            DemoData.Board board = board(m.group(1));
            if (!"scrum".equals(board.type())) {
                throw new RestError(400, "The board does not support sprints");
            }
            Set<String> states = new LinkedHashSet<>();
            String state = request.getParameter("state");
            if (state != null && !state.isBlank()) {
                for (String s : state.split(",")) {
                    String st = s.trim().toLowerCase(Locale.ROOT);
                    if (!SPRINT_STATES.contains(st)) {
                        throw new RestError(400, "Invalid sprint state '" + s.trim() + "'. Valid states: future, active, closed");
                    }
                    states.add(st);
                }
            }
            List<DemoData.Sprint> sprints = data.sprints(board.id()).stream()
                    .filter(s -> states.isEmpty() || states.contains(s.state())).toList();
            // Jira's sprint list does not report a total.
            return paged(request, sprints, s -> sprint(base, s), false);
        }
        if ((m = SPRINT.matcher(path)).matches()) {
            return sprint(base, sprint(m.group(1)));
        }
        if ((m = SPRINT_ISSUES.matcher(path)).matches()) {
            DemoData.Sprint sprint = sprint(m.group(1));
            if (request.getParameter("jql") != null && !request.getParameter("jql").isBlank()) {
                throw new RestError(400, "This host does not evaluate JQL; omit the jql parameter");
            }
            int startAt = intParam(request, "startAt", 0);
            int maxResults = Math.min(intParam(request, "maxResults", 50), MAX_RESULTS_LIMIT);
            Set<String> fields = fieldSelection(request);
            List<DemoData.Issue> all = data.issuesInSprint(sprint.id());
            ObjectNode out = json.createObjectNode();
            out.put("expand", "schema,names");
            out.put("startAt", startAt);
            out.put("maxResults", maxResults);
            out.put("total", all.size());
            ArrayNode issues = out.putArray("issues");
            for (DemoData.Issue issue : page(all, startAt, maxResults)) {
                issues.add(issue(base, issue, fields, "/rest/agile/1.0/issue/"));
            }
            return out;
        }
        if ((m = ISSUE.matcher(path)).matches()) {
            DemoData.Issue found = data.issue(m.group(1)).orElseThrow(() -> new RestError(404, "Issue does not exist or you do not have permission to see it."));
            return issue(base, found, fieldSelection(request), "/rest/agile/1.0/issue/");
        }
        throw new RestError(404, "null for uri: " + request.getRequestURL());
    }

    private DemoData.Board board(String id) throws RestError {
        return data.board(Long.parseLong(id)).orElseThrow(() ->
                new RestError(404, "Board does not exist or you do not have permission to see it."));
    }

    private DemoData.Sprint sprint(String id) throws RestError {
        return data.sprint(Long.parseLong(id)).orElseThrow(() ->
                new RestError(404, "Sprint does not exist or you do not have permission to see it."));
    }

    private <T> ObjectNode paged(HttpServletRequest request, List<T> all, Function<T, JsonNode> render, boolean withTotal)
            throws RestError {
        int startAt = intParam(request, "startAt", 0);
        int maxResults = Math.min(intParam(request, "maxResults", 50), MAX_RESULTS_LIMIT);
        ObjectNode out = json.createObjectNode();
        out.put("maxResults", maxResults);
        out.put("startAt", startAt);
        if (withTotal) {
            out.put("total", all.size());
        }
        out.put("isLast", (long) startAt + maxResults >= all.size());
        ArrayNode values = out.putArray("values");
        for (T item : page(all, startAt, maxResults)) {
            values.add(render.apply(item));
        }
        return out;
    }

    private static <T> List<T> page(List<T> all, int startAt, int maxResults) {
        if (startAt >= all.size()) {
            return List.of();
        }
        return all.subList(startAt, (int) Math.min(all.size(), (long) startAt + maxResults));
    }

    // --- representations ----------------------------------------------------------------

    private ObjectNode board(String base, DemoData.Board b) {
        ObjectNode node = json.createObjectNode();
        node.put("id", b.id());
        node.put("self", base + "/rest/agile/1.0/board/" + b.id());
        node.put("name", b.name());
        node.put("type", b.type());
        ObjectNode location = node.putObject("location");
        DemoData.Project p = b.project();
        String display = p.name() + " (" + p.key() + ")";
        location.put("projectId", p.id());
        location.put("displayName", display);
        location.put("projectName", p.name());
        location.put("projectKey", p.key());
        location.put("projectTypeKey", "software");
        location.put("avatarURI", base + "/secure/projectavatar?size=xsmall&avatarId=10324");
        location.put("name", display);
        return node;
    }

    private ObjectNode boardConfiguration(String base, DemoData.Board b) {
        ObjectNode node = json.createObjectNode();
        node.put("id", b.id());
        node.put("name", b.name());
        node.put("type", b.type());
        node.put("self", base + "/rest/agile/1.0/board/" + b.id() + "/configuration");
        ObjectNode location = node.putObject("location");
        location.put("type", "project");
        location.put("key", b.project().key());
        location.put("id", Long.toString(b.project().id()));
        location.put("self", base + "/rest/api/2/project/" + b.project().id());
        location.put("name", b.project().name());
        ObjectNode filter = node.putObject("filter");
        filter.put("id", "10000");
        filter.put("self", base + "/rest/api/2/filter/10000");
        ObjectNode columnConfig = node.putObject("columnConfig");
        ArrayNode columns = columnConfig.putArray("columns");
        for (DemoData.Status status : DemoData.Status.values()) {
            ObjectNode column = columns.addObject();
            column.put("name", status.displayName);
            ObjectNode st = column.putArray("statuses").addObject();
            st.put("id", status.id);
            st.put("self", base + "/rest/api/2/status/" + status.id);
        }
        columnConfig.put("constraintType", "issueCount");
        ObjectNode estimation = node.putObject("estimation");
        estimation.put("type", "field");
        ObjectNode field = estimation.putObject("field");
        field.put("fieldId", DemoData.STORY_POINTS_FIELD);
        field.put("displayName", "Story Points");
        node.putObject("ranking").put("rankCustomFieldId", 10105);
        return node;
    }

    private ObjectNode sprint(String base, DemoData.Sprint s) {
        ObjectNode node = json.createObjectNode();
        node.put("id", s.id());
        node.put("self", base + "/rest/agile/1.0/sprint/" + s.id());
        node.put("state", s.state());
        node.put("name", s.name());
        node.put("startDate", instant(s.start()));
        node.put("endDate", instant(s.end()));
        if (!"future".equals(s.state())) {
            node.put("activatedDate", instant(s.start()));
        }
        if (s.complete() != null) {
            node.put("completeDate", instant(s.complete()));
        }
        node.put("originBoardId", s.boardId());
        node.put("goal", s.goal());
        return node;
    }

    private ObjectNode issue(String base, DemoData.Issue i, Set<String> fields, String selfPath) {
        ObjectNode node = json.createObjectNode();
        node.put("expand", "operations,versionedRepresentations,editmeta,changelog,renderedFields");
        node.put("id", Long.toString(i.id()));
        node.put("self", base + selfPath + i.id());
        node.put("key", i.key());
        ObjectNode f = node.putObject("fields");
        for (String name : ISSUE_FIELDS) {
            if (!fields.contains(name)) {
                continue;
            }
            switch (name) {
                case "summary" -> f.put("summary", i.summary());
                case "issuetype" -> f.set("issuetype", issueType(base, i.type()));
                case "status" -> f.set("status", status(base, i.status()));
                case "priority" -> {
                    ObjectNode priority = f.putObject("priority");
                    priority.put("self", base + "/rest/api/2/priority/3");
                    priority.put("iconUrl", base + "/images/icons/priorities/medium.svg");
                    priority.put("name", "Medium");
                    priority.put("id", "3");
                }
                case "assignee" -> {
                    HostUser assignee = i.assignee() == null ? null : users.byKey(i.assignee()).orElse(null);
                    if (assignee == null) {
                        f.putNull("assignee");
                    } else {
                        f.set("assignee", user(base, assignee));
                    }
                }
                case "project" -> {
                    ObjectNode project = f.putObject("project");
                    project.put("self", base + "/rest/api/2/project/" + data.project().id());
                    project.put("id", Long.toString(data.project().id()));
                    project.put("key", data.project().key());
                    project.put("name", data.project().name());
                    project.put("projectTypeKey", "software");
                }
                case "parent" -> {
                    if (i.parentKey() != null) {
                        data.issue(i.parentKey()).ifPresent(p -> f.set("parent", issueLink(base, p)));
                    }
                }
                case "subtasks" -> {
                    ArrayNode subtasks = f.putArray("subtasks");
                    for (DemoData.Issue sub : data.subtasksOf(i.key())) {
                        subtasks.add(issueLink(base, sub));
                    }
                }
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
                case DemoData.STORY_POINTS_FIELD -> {
                    if (i.storyPoints() == null) {
                        f.putNull(DemoData.STORY_POINTS_FIELD);
                    } else {
                        f.put(DemoData.STORY_POINTS_FIELD, i.storyPoints());
                    }
                }
                case DemoData.EFFORT_FIELD -> {
                    Optional<Double> effort = data.effortHours(i.key());
                    if (effort.isPresent()) {
                        f.put(DemoData.EFFORT_FIELD, effort.get());
                    } else {
                        f.putNull(DemoData.EFFORT_FIELD);
                    }
                }
                case "sprint" -> data.sprint(i.sprintId()).ifPresent(s -> f.set("sprint", sprint(base, s)));
                case "created" -> data.sprint(i.sprintId()).ifPresent(s ->
                        f.put("created", JIRA_FIELD_TIME.format(s.start().minusDays(3))));
                case "updated" -> data.sprint(i.sprintId()).ifPresent(s ->
                        f.put("updated", JIRA_FIELD_TIME.format(s.start())));
                default -> {
                }
            }
        }
        return node;
    }

    /** One entry of {@code GET /rest/api/2/field}, in Jira's shape. */
    private ObjectNode field(DemoData.Field field) {
        ObjectNode node = json.createObjectNode();
        node.put("id", field.id());
        node.put("name", field.name());
        node.put("custom", field.custom());
        node.put("orderable", field.custom() || ORDERABLE_SYSTEM_FIELDS.contains(field.id()));
        node.put("navigable", true);
        node.put("searchable", true);
        ArrayNode clauses = node.putArray("clauseNames");
        ObjectNode schema = node.putObject("schema");
        schema.put("type", field.schemaType());
        if (field.schemaType().equals("array")) {
            schema.put("items", field.id().equals("subtasks") ? "issuelinks" : "string");
        }
        if (field.custom()) {
            String number = field.id().substring("customfield_".length());
            clauses.add("cf[" + number + "]");
            clauses.add(field.name());
            schema.put("custom", field.customType());
            schema.put("customId", Long.parseLong(number));
        } else {
            clauses.add(field.id());
            schema.put("system", field.id());
        }
        return node;
    }

    private ObjectNode issueLink(String base, DemoData.Issue i) {
        ObjectNode node = json.createObjectNode();
        node.put("id", Long.toString(i.id()));
        node.put("key", i.key());
        node.put("self", base + "/rest/api/2/issue/" + i.id());
        ObjectNode f = node.putObject("fields");
        f.put("summary", i.summary());
        f.set("status", status(base, i.status()));
        f.set("issuetype", issueType(base, i.type()));
        return node;
    }

    private ObjectNode issueType(String base, DemoData.IssueType t) {
        ObjectNode node = json.createObjectNode();
        node.put("self", base + "/rest/api/2/issuetype/" + t.id);
        node.put("id", t.id);
        node.put("description", "");
        node.put("iconUrl", base + "/images/icons/issuetypes/" + t.icon + ".svg");
        node.put("name", t.displayName);
        node.put("subtask", t.subtask);
        return node;
    }

    private ObjectNode status(String base, DemoData.Status s) {
        ObjectNode node = json.createObjectNode();
        node.put("self", base + "/rest/api/2/status/" + s.id);
        node.put("description", "");
        node.put("iconUrl", base + "/images/icons/statuses/generic.png");
        node.put("name", s.displayName);
        node.put("id", s.id);
        ObjectNode category = node.putObject("statusCategory");
        category.put("self", base + "/rest/api/2/statuscategory/" + s.category.id);
        category.put("id", s.category.id);
        category.put("key", s.category.key);
        category.put("colorName", s.category.colorName);
        category.put("name", s.category.displayName);
        return node;
    }

    /** The user as Jira embeds it in issues and search results. */
    private ObjectNode user(String base, HostUser u) {
        ObjectNode node = json.createObjectNode();
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
    private ObjectNode fullUser(String base, HostUser u) {
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

    private ObjectNode errors(String message) {
        ObjectNode node = json.createObjectNode();
        node.putArray("errorMessages").add(message);
        node.putObject("errors");
        return node;
    }

    // --- helpers ------------------------------------------------------------------------

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

    private static String instant(ZonedDateTime t) {
        return JIRA_INSTANT.format(t);
    }

    /** Jira's {@code fields} parameter: names, {@code *all}, {@code *navigable}, {@code -name}. */
    private static Set<String> fieldSelection(HttpServletRequest request) {
        String[] values = request.getParameterValues("fields");
        Set<String> selected = new LinkedHashSet<>();
        Set<String> excluded = new LinkedHashSet<>();
        boolean any = false;
        if (values != null) {
            for (String value : values) {
                for (String raw : value.split(",")) {
                    String f = raw.trim();
                    if (f.isEmpty()) {
                        continue;
                    }
                    any = true;
                    if (f.equals("*all") || f.equals("*navigable")) {
                        selected.addAll(ISSUE_FIELDS);
                    } else if (f.startsWith("-")) {
                        excluded.add(f.substring(1));
                    } else {
                        selected.add(f);
                    }
                }
            }
        }
        if (!any || (selected.isEmpty() && !excluded.isEmpty())) {
            selected.addAll(ISSUE_FIELDS);
        }
        selected.removeAll(excluded);
        return selected;
    }

    private static int intParam(HttpServletRequest request, String name, int defaultValue) throws RestError {
        String value = request.getParameter(name);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed < 0 || (name.equals("maxResults") && parsed == 0)) {
                throw new RestError(400, "'" + name + "' must be a positive integer, got " + value);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new RestError(400, "'" + name + "' must be an integer, got '" + value + "'");
        }
    }

    private static boolean boolParam(HttpServletRequest request, String name, boolean defaultValue) {
        String value = request.getParameter(name);
        return value == null ? defaultValue : Boolean.parseBoolean(value.trim());
    }

    private static String baseUrl(HttpServletRequest request) {
        StringBuilder url = new StringBuilder();
        url.append(request.getScheme()).append("://").append(request.getServerName());
        int port = request.getServerPort();
        if (!(("http".equals(request.getScheme()) && port == 80) || ("https".equals(request.getScheme()) && port == 443))) {
            url.append(':').append(port);
        }
        return url.append(request.getContextPath()).toString();
    }
}
