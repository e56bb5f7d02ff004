package org.capacitytracker.host.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads a folder of JSON files saved from a real Jira's REST API into a dataset the host
 * serves instead of the demo (see the host README for the {@code curl} commands). Each file
 * is recognised by its shape, not its name: a project list ({@code GET /rest/api/2/project}),
 * user lists ({@code user/search}), agile pages of boards, sprints or versions, and search
 * pages ({@code search?...&fields=*all&expand=names}).
 *
 * <p>The host's issue model is the capacity panel's: statuses map to To Do / In Progress / Done
 * by their status category, issue types to Story, Bug, Task or Sub-task; an issue keeps one
 * sprint (its open one, else its latest closed one).
 */
public final class JiraImport {
    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
    private static final Pattern SPRINT_TEXT = Pattern.compile("\\[id=(\\d+),.*?state=(\\w+)");
    private static final List<String> STORY_POINT_NAMES = List.of("story points", "story point estimate");

    private final ObjectMapper json = new ObjectMapper();
    private final Map<Long, DemoData.Project> projects = new LinkedHashMap<>();
    private final Map<Long, DemoData.Board> boards = new LinkedHashMap<>();
    private final List<JsonNode> boardNodes = new ArrayList<>();
    private final Map<Long, JsonNode> sprintNodes = new LinkedHashMap<>();
    private final Map<Long, DemoData.Version> versions = new LinkedHashMap<>();
    private final Map<String, DemoData.ImportedUser> users = new LinkedHashMap<>();
    private final Map<String, DemoData.Issue> issues = new LinkedHashMap<>();
    private final Map<String, List<Long>> fixVersions = new LinkedHashMap<>();
    private final List<String> ignored = new ArrayList<>();

    private JiraImport() {
    }

    /** The files of {@code dir} that an import reads: its {@code *.json}, in name order. */
    public static List<Path> files(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + " is not a directory");
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        }
    }

    /** Reads every JSON file of {@code dir}; a file that is not valid Jira JSON is an error naming it. */
    public static DemoData read(Path dir) throws IOException {
        JiraImport reader = new JiraImport();
        List<Path> files = files(dir);
        List<JsonNode> searchPages = new ArrayList<>();
        for (Path file : files) {
            JsonNode node;
            try {
                node = reader.json.readTree(file.toFile());
            } catch (IOException e) {
                throw new IllegalArgumentException(file.getFileName() + " is not JSON: " + e.getMessage(), e);
            }
            try {
                if (node != null && node.has("issues")) {
                    searchPages.add(node);
                } else if (!reader.take(node)) {
                    reader.ignored.add(file.getFileName().toString());
                }
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(file.getFileName() + ": " + e.getMessage(), e);
            }
        }
        if (reader.projects.isEmpty()) {
            throw new IllegalArgumentException(dir + " has no project list (save GET /rest/api/2/project as project.json)");
        }
        reader.boardNodes.forEach(reader::board);
        for (JsonNode page : searchPages) {
            String points = storyPointsField(page);
            page.path("issues").forEach(i -> reader.issue(i, points));
        }
        List<DemoData.Sprint> sprints = reader.sprintNodes.values().stream().map(JiraImport::sprint)
                .sorted(Comparator.comparingLong(DemoData.Sprint::id)).toList();
        List<DemoData.Issue> issueList = reader.issues.values().stream()
                .sorted(Comparator.comparingLong(DemoData.Issue::id)).toList();
        return DemoData.imported(List.copyOf(reader.projects.values()), List.copyOf(reader.boards.values()), sprints,
                issueList, List.copyOf(reader.versions.values()), reader.fixVersions, List.copyOf(reader.users.values()));
    }

    /** Takes a non-search file; false when its shape is not one the import reads. */
    private boolean take(JsonNode node) {
        if (node == null) {
            return false;
        }
        if (node.isArray()) {
            boolean any = false;
            for (JsonNode e : node) {
                if (e.has("projectTypeKey") || (e.has("key") && e.has("avatarUrls") && !e.has("displayName"))) {
                    project(e);
                    any = true;
                } else if (e.has("displayName") && (e.has("name") || e.has("accountId"))) {
                    user(e);
                    any = true;
                }
            }
            return any;
        }
        if (node.has("values")) {
            boolean any = false;
            for (JsonNode v : node.path("values")) {
                if (v.has("released") && v.has("projectId")) {
                    version(v, v.path("projectId").asLong());
                } else if (v.has("state") && v.has("id")) {
                    sprintNodes.put(v.path("id").asLong(), v);
                } else if (v.has("type") && v.has("id") && v.has("name")) {
                    boardNodes.add(v);
                } else {
                    continue;
                }
                any = true;
            }
            return any;
        }
        if (node.has("projectTypeKey") && node.has("key")) {
            project(node);
            node.path("versions").forEach(v -> version(v, node.path("id").asLong()));
            return true;
        }
        return false;
    }

    private void project(JsonNode p) {
        long id = p.path("id").asLong();
        projects.put(id, new DemoData.Project(id, required(p, "key"), required(p, "name")));
    }

    private void user(JsonNode u) {
        String key = u.hasNonNull("key") && !u.path("key").asText().isEmpty() ? u.path("key").asText()
                : u.hasNonNull("accountId") ? u.path("accountId").asText() : required(u, "name");
        String username = u.hasNonNull("name") && !u.path("name").asText().isEmpty() ? u.path("name").asText() : key;
        users.putIfAbsent(key, new DemoData.ImportedUser(key, username, u.path("displayName").asText(username),
                u.path("emailAddress").asText(""), u.path("active").asBoolean(true)));
    }

    private void version(JsonNode v, long projectId) {
        long id = v.path("id").asLong();
        String date = v.path("releaseDate").asText("");
        String start = v.path("startDate").asText("");
        versions.put(id, new DemoData.Version(id, required(v, "name"), v.path("description").asText(""),
                v.path("released").asBoolean(), v.path("archived").asBoolean(),
                start.length() >= 10 ? LocalDate.parse(start.substring(0, 10)) : null,
                date.length() >= 10 ? LocalDate.parse(date.substring(0, 10)) : null, projectId));
    }

    private void board(JsonNode b) {
        JsonNode location = b.path("location");
        DemoData.Project project = projects.get(location.path("projectId").asLong(-1));
        if (project == null) {
            project = projects.values().stream().filter(p -> p.key().equals(location.path("projectKey").asText()))
                    .findFirst().orElse(projects.values().iterator().next());
        }
        long id = b.path("id").asLong();
        boards.put(id, new DemoData.Board(id, required(b, "name"), b.path("type").asText("scrum"), project));
    }

    private static DemoData.Sprint sprint(JsonNode s) {
        return new DemoData.Sprint(s.path("id").asLong(), required(s, "name"), s.path("state").asText().toLowerCase(Locale.ROOT),
                time(s, "startDate"), time(s, "endDate"), time(s, "completeDate"), s.path("originBoardId").asLong(),
                s.path("goal").asText(""));
    }

    private static ZonedDateTime time(JsonNode node, String field) {
        String text = node.path(field).asText("");
        return text.isEmpty() ? null : ZonedDateTime.parse(text, INSTANT);
    }

    /** The story point field's id: from the page's {@code names} (expand=names), else the usual ids. */
    private static String storyPointsField(JsonNode page) {
        var names = page.path("names").fields();
        while (names.hasNext()) {
            var e = names.next();
            if (STORY_POINT_NAMES.contains(e.getValue().asText().toLowerCase(Locale.ROOT))) {
                return e.getKey();
            }
        }
        return DemoData.STORY_POINTS_FIELD;
    }

    private void issue(JsonNode i, String pointsField) {
        JsonNode f = i.path("fields");
        String key = required(i, "key");
        JsonNode assignee = f.path("assignee");
        String assigneeKey = null;
        if (assignee.isObject()) {
            user(assignee);
            assigneeKey = assignee.hasNonNull("key") && !assignee.path("key").asText().isEmpty() ? assignee.path("key").asText()
                    : assignee.hasNonNull("accountId") ? assignee.path("accountId").asText() : assignee.path("name").asText();
        }
        JsonNode type = f.path("issuetype");
        DemoData.IssueType issueType = type.path("subtask").asBoolean() ? DemoData.IssueType.SUBTASK
                : switch (type.path("name").asText().toLowerCase(Locale.ROOT)) {
                    case "story" -> DemoData.IssueType.STORY;
                    case "bug" -> DemoData.IssueType.BUG;
                    default -> DemoData.IssueType.TASK;
                };
        DemoData.Status status = switch (f.path("status").path("statusCategory").path("key").asText()) {
            case "done" -> DemoData.Status.DONE;
            case "indeterminate" -> DemoData.Status.IN_PROGRESS;
            default -> DemoData.Status.TO_DO;
        };
        JsonNode points = f.path(pointsField);
        List<Long> versionIds = new ArrayList<>();
        f.path("fixVersions").forEach(v -> versionIds.add(v.path("id").asLong()));
        fixVersions.put(key, versionIds);
        issues.put(key, new DemoData.Issue(i.path("id").asLong(), key, f.path("summary").asText(""), assigneeKey,
                issueType, status, seconds(f.path("timeestimate")), seconds(f.path("timeoriginalestimate")),
                points.isNumber() ? points.asDouble() : null,
                f.path("parent").hasNonNull("key") ? f.path("parent").path("key").asText() : null, sprintOf(f)));
    }

    private static Long seconds(JsonNode n) {
        return n.isNumber() ? n.asLong() : null;
    }

    /** The issue's sprint: its open one, else the latest closed one; 0 for none. */
    private long sprintOf(JsonNode fields) {
        Map<Long, String> found = new LinkedHashMap<>();
        if (fields.path("sprint").isObject()) {
            found.put(fields.path("sprint").path("id").asLong(), fields.path("sprint").path("state").asText());
        }
        fields.path("closedSprints").forEach(s -> found.put(s.path("id").asLong(), "closed"));
        var all = fields.fields();
        while (all.hasNext()) {
            JsonNode value = all.next().getValue();
            if (!value.isArray()) {
                continue;
            }
            for (JsonNode s : value) {
                Matcher m = SPRINT_TEXT.matcher(s.asText(""));
                if (s.isTextual() && s.asText().contains("greenhopper.service.sprint.Sprint") && m.find()) {
                    found.putIfAbsent(Long.parseLong(m.group(1)), m.group(2).toLowerCase(Locale.ROOT));
                } else if (s.isObject() && s.has("boardId") && s.has("state") && s.has("id")) {
                    found.putIfAbsent(s.path("id").asLong(), s.path("state").asText().toLowerCase(Locale.ROOT));
                }
            }
        }
        found.keySet().removeIf(id -> !sprintNodes.containsKey(id));
        return found.entrySet().stream()
                .max(Comparator.<Map.Entry<Long, String>>comparingInt(e -> "closed".equals(e.getValue()) ? 0 : 1)
                        .thenComparingLong(Map.Entry::getKey))
                .map(Map.Entry::getKey).orElse(0L);
    }

    private static String required(JsonNode node, String field) {
        if (!node.hasNonNull(field) || node.path(field).asText().isEmpty()) {
            throw new IllegalArgumentException("a " + (node.has("key") ? "record " + node.path("key").asText() : "record")
                    + " has no '" + field + "'");
        }
        return node.path(field).asText();
    }
}
