package org.capacitytracker.host.jira;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The demo Jira the host serves. The basic demo ({@link Demo#BASIC}) is one project, one Scrum
 * board, four sprints around an anchor Monday, and the issues the capacity panel plans with;
 * it is fixed by helpers' DEMO.md (most browser and host tests assert on its numbers); only the
 * dates move with the anchor. The full demo ({@link Demo#FULL}, what {@code make run} serves)
 * keeps all of it unchanged and adds {@link RichDemo}'s projects, boards, people and issues.
 */
public final class DemoData {
    public static final ZoneId TEAM_ZONE = ZoneId.of("Europe/Berlin");
    public static final String STORY_POINTS_FIELD = "customfield_10106";
    /** A custom number field some teams estimate in instead of Jira's time tracking, in hours. */
    public static final String EFFORT_FIELD = "customfield_10300";
    /** The Effort (hours) values of the demo issues that have one (sprint 3's and 4's). */
    private static final java.util.Map<String, Double> EFFORT = java.util.Map.of(
            "DEMO-5", 2.5, "DEMO-6", 4.0, "DEMO-11", 3.0, "DEMO-20", 7.5);

    public record DemoUser(String username, String displayName, String email, boolean admin, boolean boardMember) {
        /** Demo users log in with their user name as password; the admin's is set at start. */
        public String defaultPassword() {
            return username;
        }
    }

    public record Project(long id, String key, String name) {
    }

    public record Board(long id, String name, String type, Project project) {
    }

    /** A project version (fix version); {@code startDate} and {@code releaseDate} may be null. */
    public record Version(long id, String name, String description, boolean released, boolean archived,
                          LocalDate startDate, LocalDate releaseDate, long projectId) {
    }

    /** Which demo to serve: DEMO.md's one board, or that plus {@link RichDemo}. */
    public enum Demo {
        BASIC, FULL;

        /** {@code basic} or {@code full}; anything else is an error naming the option. */
        public static Demo parse(String value) {
            return switch (value) {
                case "basic" -> BASIC;
                case "full" -> FULL;
                default -> throw new IllegalArgumentException("--demo must be basic or full, got " + value);
            };
        }
    }

    public record Sprint(long id, String name, String state, ZonedDateTime start, ZonedDateTime end,
                         ZonedDateTime complete, long boardId, String goal) {
    }

    public enum StatusCategory {
        NEW(2, "new", "blue-gray", "To Do"),
        INDETERMINATE(4, "indeterminate", "yellow", "In Progress"),
        DONE(3, "done", "green", "Done");

        public final int id;
        public final String key;
        public final String colorName;
        public final String displayName;

        StatusCategory(int id, String key, String colorName, String displayName) {
            this.id = id;
            this.key = key;
            this.colorName = colorName;
            this.displayName = displayName;
        }
    }

    public enum Status {
        TO_DO("10000", "To Do", StatusCategory.NEW),
        IN_PROGRESS("3", "In Progress", StatusCategory.INDETERMINATE),
        DONE("10001", "Done", StatusCategory.DONE);

        public final String id;
        public final String displayName;
        public final StatusCategory category;

        Status(String id, String displayName, StatusCategory category) {
            this.id = id;
            this.displayName = displayName;
            this.category = category;
        }
    }

    public enum IssueType {
        STORY("10001", "Story", false, "story"),
        BUG("1", "Bug", false, "bug"),
        TASK("3", "Task", false, "task"),
        SUBTASK("5", "Sub-task", true, "subtask");

        public final String id;
        public final String displayName;
        public final boolean subtask;
        public final String icon;

        IssueType(String id, String displayName, boolean subtask, String icon) {
            this.id = id;
            this.displayName = displayName;
            this.subtask = subtask;
            this.icon = icon;
        }
    }

    /** Estimates in seconds; null means no estimate. */
    public record Issue(long id, String key, String summary, String assignee, IssueType type, Status status,
                        Long remainingSeconds, Long originalSeconds, Double storyPoints, String parentKey, long sprintId) {
    }

    public static final List<DemoUser> USERS = List.of(
            new DemoUser("admin", "Administrator", "admin@example.com", true, false),
            new DemoUser("alice", "Alice Andersen", "alice@example.com", false, true),
            new DemoUser("bob", "Bob Brown", "bob@example.com", false, true),
            new DemoUser("carol", "Carol Chen", "carol@example.com", false, true),
            new DemoUser("dave", "Dave Diaz", "dave@example.com", false, true),
            new DemoUser("erin", "Erin Evans", "erin@example.com", false, false));

    private static final long HOUR = 3600;

    /** A user of an imported dataset (the demo's users are {@link #USERS}). */
    public record ImportedUser(String key, String username, String displayName, String email, boolean active) {
    }

    private final LocalDate anchor;
    private final Demo demo;
    private final Project project;
    private final List<Project> projects;
    private final List<Board> boards;
    private final List<Sprint> sprints;
    private final List<Issue> issues;
    private final List<Version> versions;
    /** Imported data only: fix version ids by issue key (the demo derives them from the sprint). */
    private final java.util.Map<String, List<Long>> fixVersionIds;
    private final List<ImportedUser> importedUsers;
    /** Lookups by id, key, sprint, parent and project: a generated dataset has a million issues. */
    private final Index index;
    /** Where the issues are when they are not held here (a generated dataset's tables), else null. */
    private final IssueStore store;
    /** {@link #allIssues()} of a store-backed dataset: no list, only this marker of "every issue". */
    private final List<Issue> everyIssue = java.util.Collections.unmodifiableList(new ArrayList<>());

    /**
     * The issues of a dataset too large to hold in memory, read where they lie by indexed
     * queries; each answer in id order, as the in-memory lists are.
     */
    public interface IssueStore {
        List<Issue> inSprint(long sprintId);

        List<Issue> inProject(long projectId);

        List<Issue> byAssignee(String userKey);

        List<Issue> byFixVersion(long versionId);

        List<Issue> subtasksOf(String parentKey);

        /** @param key an issue key in upper case */
        Optional<Issue> byKey(String key);

        Optional<Issue> byId(long id);

        /** The fix version ids of an issue this store returned. */
        List<Long> fixVersionIds(Issue issue);
    }

    private DemoData(LocalDate anchor, Demo demo) {
        this.anchor = anchor;
        this.demo = demo;
        this.project = new Project(10000, "DEMO", "Demo Project");
        this.importedUsers = null;
        List<Project> projects = new ArrayList<>(List.of(project));
        List<Board> boards = new ArrayList<>(List.of(new Board(1, "DEMO board", "scrum", project)));
        List<Sprint> sprints = new ArrayList<>(List.of(
                sprint(1, "DEMO Sprint 1", "closed", -28, -17, "Ship the first capacity view"),
                sprint(2, "DEMO Sprint 2", "closed", -14, -3, "Days off and holidays"),
                sprint(3, "DEMO Sprint 3", "active", 0, 11, "Plan the release with real capacity"),
                sprint(4, "DEMO Sprint 4", "future", 14, 25, "")));
        List<Issue> issues = new ArrayList<>(buildIssues());
        // Versions only add fixVersion data; no sprint, estimate or person changes with them.
        List<Version> versions = new ArrayList<>(List.of(
                new Version(10000, "1.0", "First capacity view", true, false, null, anchor.minusDays(3), project.id()),
                new Version(10001, "1.1", "Days off and reports", false, false, null, anchor.plusDays(11), project.id()),
                new Version(10002, "2.0", "Templates and Data Center", false, false, null, null, project.id())));
        java.util.Map<String, List<Long>> fixVersions = null;
        if (demo == Demo.FULL) {
            projects.addAll(RichDemo.projects());
            boards.addAll(RichDemo.boards());
            sprints.addAll(RichDemo.sprints(anchor));
            versions.addAll(RichDemo.versions(anchor));
            fixVersions = RichDemo.newFixVersionMap();
            issues.addAll(RichDemo.issues(fixVersions));
        }
        this.projects = List.copyOf(projects);
        this.boards = List.copyOf(boards);
        this.sprints = List.copyOf(sprints);
        this.issues = List.copyOf(issues);
        this.versions = List.copyOf(versions);
        this.fixVersionIds = fixVersions == null ? null : java.util.Map.copyOf(fixVersions);
        this.index = new Index(this);
        this.store = null;
    }

    private DemoData(List<Project> projects, List<Board> boards, List<Sprint> sprints, List<Issue> issues,
                     List<Version> versions, java.util.Map<String, List<Long>> fixVersionIds, List<ImportedUser> users) {
        this(projects, boards, sprints, issues, versions, fixVersionIds, users, null);
    }

    private DemoData(List<Project> projects, List<Board> boards, List<Sprint> sprints, List<Issue> issues,
                     List<Version> versions, java.util.Map<String, List<Long>> fixVersionIds, List<ImportedUser> users,
                     IssueStore store) {
        this.anchor = null;
        this.demo = null;
        this.projects = List.copyOf(projects);
        this.project = projects.get(0);
        this.boards = List.copyOf(boards);
        this.sprints = List.copyOf(sprints);
        this.issues = List.copyOf(issues);
        this.versions = List.copyOf(versions);
        this.fixVersionIds = java.util.Map.copyOf(fixVersionIds);
        this.importedUsers = List.copyOf(users);
        this.index = new Index(this);
        this.store = store;
    }

    /**
     * A dataset whose projects, boards, sprints and versions are here and whose issues stay in
     * {@code store} (a generated dataset's tables); needs at least one project.
     */
    public static DemoData backed(List<Project> projects, List<Board> boards, List<Sprint> sprints,
                                  List<Version> versions, IssueStore store) {
        if (projects.isEmpty()) {
            throw new IllegalArgumentException("a dataset needs at least one project");
        }
        return new DemoData(projects, boards, sprints, List.of(), versions, java.util.Map.of(), List.of(),
                java.util.Objects.requireNonNull(store, "store"));
    }

    /** Whether the issues are in a store (read by query) rather than in {@link #allIssues()}. */
    public boolean isBacked() {
        return store != null;
    }

    /** The store of a {@link #isBacked() backed} dataset. */
    IssueStore store() {
        return store;
    }

    /** A dataset read from a real Jira's REST answers ({@link JiraImport}); needs at least one project. */
    public static DemoData imported(List<Project> projects, List<Board> boards, List<Sprint> sprints, List<Issue> issues,
                                    List<Version> versions, java.util.Map<String, List<Long>> fixVersionIds,
                                    List<ImportedUser> users) {
        if (projects.isEmpty()) {
            throw new IllegalArgumentException("an imported dataset needs at least one project");
        }
        return new DemoData(projects, boards, sprints, issues, versions, fixVersionIds, users);
    }

    /** Whether this is an imported dataset rather than the generated demo. */
    public boolean isImported() {
        return importedUsers != null;
    }

    /** The imported dataset's users; empty for the demo, whose users are {@link #USERS}. */
    public List<ImportedUser> importedUsers() {
        return importedUsers == null ? List.of() : importedUsers;
    }

    /** The basic dataset around {@code anchor}, which must be a Monday. */
    public static DemoData generate(LocalDate anchor) {
        return generate(anchor, Demo.BASIC);
    }

    /** The {@code demo} dataset around {@code anchor}, which must be a Monday. */
    public static DemoData generate(LocalDate anchor, Demo demo) {
        if (anchor.getDayOfWeek() != DayOfWeek.MONDAY) {
            throw new IllegalArgumentException("--demo-anchor must be a Monday, got " + anchor + " (" + anchor.getDayOfWeek() + ")");
        }
        return new DemoData(anchor, demo);
    }

    /** Which demo this is; null for imported data. */
    public Demo demo() {
        return demo;
    }

    /** The people of this demo (admin first); empty for imported data, whose people are {@link #importedUsers()}. */
    public List<DemoUser> demoUsers() {
        if (demo == null) {
            return List.of();
        }
        if (demo == Demo.BASIC) {
            return USERS;
        }
        List<DemoUser> all = new ArrayList<>(USERS);
        all.addAll(RichDemo.MORE_USERS);
        return List.copyOf(all);
    }

    /** The Jira groups a demo user is in besides jira-software-users (the full demo's planners, payments team). */
    public java.util.Set<String> extraGroups(String username) {
        return demo == Demo.FULL ? RichDemo.extraGroups(username) : java.util.Set.of();
    }

    /** The user name of a project's lead, where the demo names one. */
    public Optional<String> projectLead(Project p) {
        return demo == Demo.FULL ? Optional.ofNullable(RichDemo.LEADS.get(p.key())) : Optional.empty();
    }

    /** Monday of the current week in UTC, the default anchor. */
    public static LocalDate defaultAnchor() {
        return LocalDate.now(ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private Sprint sprint(long id, String name, String state, int startOffset, int endOffset, String goal) {
        ZonedDateTime start = ZonedDateTime.of(anchor.plusDays(startOffset), LocalTime.of(9, 0), TEAM_ZONE);
        ZonedDateTime end = ZonedDateTime.of(anchor.plusDays(endOffset), LocalTime.of(17, 0), TEAM_ZONE);
        ZonedDateTime complete = "closed".equals(state) ? end.plusMinutes(30) : null;
        return new Sprint(id, name, state, start, end, complete, 1, goal);
    }

    private List<Issue> buildIssues() {
        List<Issue> out = new ArrayList<>();
        // Closed sprints: finished work.
        out.add(issue(1, "Board settings storage", "alice", IssueType.STORY, Status.DONE, 8, 8, 3.0, null, 1));
        out.add(issue(2, "Capacity formula review", "bob", IssueType.TASK, Status.DONE, 6, 6, 2.0, null, 1));
        out.add(issue(3, "Time zone shifts sprint end by a day", "carol", IssueType.BUG, Status.DONE, 5, 5, 2.0, null, 2));
        out.add(issue(4, "Days-off calendar design", "dave", IssueType.STORY, Status.DONE, 10, 10, 5.0, null, 2));
        // The active sprint (DEMO.md's numbers).
        out.add(issue(5, "Team capacity table", "alice", IssueType.STORY, Status.IN_PROGRESS, 8, 8, 5.0, null, 3));
        out.add(issue(6, "Edit members and roles", "alice", IssueType.STORY, Status.TO_DO, 12, 16, 8.0, null, 3));
        out.add(issue(7, "Utilisation rounds the wrong way", "alice", IssueType.BUG, Status.DONE, 4, 4, 2.0, null, 3));
        out.add(issue(8, "Days off per person", "alice", IssueType.STORY, Status.IN_PROGRESS, 6, 6, 5.0, null, 3));
        out.add(issue(9, "Days-off REST endpoint", "alice", IssueType.SUBTASK, Status.TO_DO, 3, 3, null, "DEMO-8", 3));
        out.add(issue(10, "Days-off dialog", "alice", IssueType.SUBTASK, Status.IN_PROGRESS, 5, 5, null, "DEMO-8", 3));
        out.add(issue(11, "Holiday calendar import", "bob", IssueType.STORY, Status.TO_DO, 10, 10, 5.0, null, 3));
        out.add(issue(12, "Sprint report per role", "bob", IssueType.STORY, Status.IN_PROGRESS, 14, 14, 8.0, null, 3));
        out.add(issue(13, "Regression suite for reports", "carol", IssueType.STORY, Status.TO_DO, 20, 20, null, null, 3));
        out.add(issue(14, "Report shows negative free time", "carol", IssueType.BUG, Status.IN_PROGRESS, 16, 16, null, null, 3));
        out.add(issue(15, "Test plan for Data Center", "carol", IssueType.TASK, Status.TO_DO, 15, 15, null, null, 3));
        out.add(issue(16, "Panel visual design", "dave", IssueType.TASK, Status.TO_DO, 6, 6, 3.0, null, 3));
        out.add(issue(17, "Security review notes", "erin", IssueType.STORY, Status.TO_DO, 5, 5, null, null, 3));
        out.add(issue(18, "Upgrade build tooling", null, IssueType.TASK, Status.TO_DO, 4, 4, null, null, 3));
        out.add(issue(19, "Explore Kanban versions", null, IssueType.STORY, Status.TO_DO, null, null, null, null, 3));
        // The next sprint.
        out.add(issue(20, "Copy team from previous sprint", "alice", IssueType.STORY, Status.TO_DO, 10, 10, 5.0, null, 4));
        out.add(issue(21, "Member templates", "bob", IssueType.STORY, Status.TO_DO, 8, 8, 3.0, null, 4));
        out.add(issue(22, "Load test 1,500 boards", "carol", IssueType.TASK, Status.TO_DO, 12, 12, null, null, 4));
        out.add(issue(23, "Empty-state illustrations", "dave", IssueType.STORY, Status.TO_DO, 6, 6, 2.0, null, 4));
        out.add(issue(24, "Flaky date picker test", null, IssueType.BUG, Status.TO_DO, 3, 3, null, null, 4));
        return List.copyOf(out);
    }

    private static Issue issue(int n, String summary, String assignee, IssueType type, Status status, Integer remainingHours,
                               Integer originalHours, Double points, String parent, long sprint) {
        return new Issue(10000 + n, "DEMO-" + n, summary, assignee, type, status,
                remainingHours == null ? null : remainingHours * HOUR, originalHours == null ? null : originalHours * HOUR,
                points, parent, sprint);
    }

    public LocalDate anchor() {
        return anchor;
    }

    public Project project() {
        return project;
    }

    public List<Board> boards() {
        return boards;
    }

    public Optional<Board> board(long id) {
        return Optional.ofNullable(index.boards.get(id));
    }

    public List<Sprint> sprints(long boardId) {
        return index.sprintsByBoard.getOrDefault(boardId, List.of());
    }

    public Optional<Sprint> sprint(long id) {
        return Optional.ofNullable(index.sprints.get(id));
    }

    public List<Issue> issuesInSprint(long sprintId) {
        if (store != null) {
            return store.inSprint(sprintId);
        }
        return index.issuesBySprint.getOrDefault(sprintId, List.of());
    }

    public List<Issue> subtasksOf(String parentKey) {
        if (store != null) {
            return store.subtasksOf(parentKey);
        }
        return index.subtasks.getOrDefault(parentKey, List.of());
    }

    public List<Project> projects() {
        return projects;
    }

    /** The project by key (any case) or numeric id. */
    public Optional<Project> project(String idOrKey) {
        return projects().stream().filter(p -> p.key().equalsIgnoreCase(idOrKey) || Long.toString(p.id()).equals(idOrKey))
                .findFirst();
    }

    public List<Sprint> allSprints() {
        return sprints;
    }

    /**
     * Every issue, in id order; for a {@link #isBacked() backed} dataset an empty marker list
     * instead (a search over it must be narrowed through the store first).
     */
    public List<Issue> allIssues() {
        return store != null ? everyIssue : issues;
    }

    /** The issues a board's filter selects: every issue of its project. */
    public List<Issue> issuesOnBoard(long boardId) {
        return board(boardId).map(b -> issuesInProject(b.project().id())).orElse(List.of());
    }

    /** The issues of a project (those whose key it prefixes), in list order. */
    public List<Issue> issuesInProject(long projectId) {
        if (store != null) {
            return store.inProject(projectId);
        }
        return index.issuesByProject.getOrDefault(projectId, List.of());
    }

    /** The project whose key prefixes the issue key (issue keys are PROJECT-n). */
    public Project projectOf(Issue issue) {
        String prefix = issue.key().substring(0, Math.max(0, issue.key().lastIndexOf('-')));
        return index.projectsByKey.getOrDefault(prefix.toUpperCase(java.util.Locale.ROOT), project);
    }

    public List<Version> versions(long projectId) {
        return index.versionsByProject.getOrDefault(projectId, List.of());
    }

    /** The fix versions of an issue: the release its sprint works towards (none for two backlog-ish items). */
    public List<Version> fixVersionsOf(Issue issue) {
        if (store != null) {
            return store.fixVersionIds(issue).stream().map(index.versions::get).filter(java.util.Objects::nonNull).toList();
        }
        if (fixVersionIds != null && (isImported() || fixVersionIds.containsKey(issue.key()))) {
            List<Long> ids = fixVersionIds.getOrDefault(issue.key(), List.of());
            if (ids.size() <= 1) {
                return ids.stream().map(index.versions::get).filter(java.util.Objects::nonNull).toList();
            }
            return versions.stream().filter(v -> ids.contains(v.id())).toList();
        }
        if (issue.key().equals("DEMO-19") || issue.key().equals("DEMO-24")) {
            return List.of();
        }
        long sprint = issue.sprintId();
        // DEMO's versions come first in the list.
        Version v = versions.get(sprint <= 2 ? 0 : sprint == 3 ? 1 : 2);
        return List.of(v);
    }

    /** The issue's Effort (hours) value, if it has one (demo issues only; imported data has none). */
    public Optional<Double> effortHours(String key) {
        return Optional.ofNullable(EFFORT.get(key));
    }

    public Optional<Issue> issue(String idOrKey) {
        if (store != null) {
            Optional<Issue> byKey = store.byKey(idOrKey.toUpperCase(java.util.Locale.ROOT));
            if (byKey.isPresent() || !idOrKey.matches("[0-9]{1,18}")) {
                return byKey;
            }
            return store.byId(Long.parseLong(idOrKey));
        }
        Issue byKey = index.issuesByKey.get(idOrKey.toUpperCase(java.util.Locale.ROOT));
        if (byKey != null) {
            return Optional.of(byKey);
        }
        try {
            return Optional.ofNullable(index.issuesById.get(Long.parseLong(idOrKey)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The lists above, grouped once; each group keeps the order of the whole list, first match wins. */
    private static final class Index {
        final java.util.Map<Long, Board> boards = new java.util.HashMap<>();
        final java.util.Map<Long, Sprint> sprints = new java.util.HashMap<>();
        final java.util.Map<Long, List<Sprint>> sprintsByBoard = new java.util.HashMap<>();
        final java.util.Map<Long, List<Issue>> issuesBySprint = new java.util.HashMap<>();
        final java.util.Map<String, List<Issue>> subtasks = new java.util.HashMap<>();
        final java.util.Map<Long, List<Issue>> issuesByProject = new java.util.HashMap<>();
        final java.util.Map<String, Issue> issuesByKey = new java.util.HashMap<>();
        final java.util.Map<Long, Issue> issuesById = new java.util.HashMap<>();
        final java.util.Map<String, Project> projectsByKey = new java.util.HashMap<>();
        final java.util.Map<Long, Version> versions = new java.util.HashMap<>();
        final java.util.Map<Long, List<Version>> versionsByProject = new java.util.HashMap<>();

        Index(DemoData data) {
            data.boards.forEach(b -> boards.putIfAbsent(b.id(), b));
            for (Sprint s : data.sprints) {
                sprints.putIfAbsent(s.id(), s);
                sprintsByBoard.computeIfAbsent(s.boardId(), k -> new ArrayList<>()).add(s);
            }
            data.projects.forEach(p -> projectsByKey.putIfAbsent(p.key().toUpperCase(java.util.Locale.ROOT), p));
            for (Version v : data.versions) {
                versions.putIfAbsent(v.id(), v);
                versionsByProject.computeIfAbsent(v.projectId(), k -> new ArrayList<>()).add(v);
            }
            for (Issue i : data.issues) {
                issuesBySprint.computeIfAbsent(i.sprintId(), k -> new ArrayList<>()).add(i);
                if (i.parentKey() != null) {
                    subtasks.computeIfAbsent(i.parentKey(), k -> new ArrayList<>()).add(i);
                }
                issuesByKey.putIfAbsent(i.key().toUpperCase(java.util.Locale.ROOT), i);
                issuesById.putIfAbsent(i.id(), i);
                String prefix = i.key().substring(0, Math.max(0, i.key().lastIndexOf('-')));
                Project p = projectsByKey.getOrDefault(prefix.toUpperCase(java.util.Locale.ROOT), data.project);
                issuesByProject.computeIfAbsent(p.id(), k -> new ArrayList<>()).add(i);
            }
            // Callers get unmodifiable lists, as the stream lookups gave them.
            sprintsByBoard.replaceAll((k, v) -> List.copyOf(v));
            issuesBySprint.replaceAll((k, v) -> List.copyOf(v));
            subtasks.replaceAll((k, v) -> List.copyOf(v));
            issuesByProject.replaceAll((k, v) -> List.copyOf(v));
            versionsByProject.replaceAll((k, v) -> List.copyOf(v));
        }
    }

    /** Board 1's settings as DEMO.md fixes them; written once, through the engine. */
    public static String boardSettingsJson() {
        return """
                {
                  "schema": 1,
                  "revision": 0,
                  "unit": "hours",
                  "estimateSource": "remaining",
                  "subtaskPolicy": "subtasks",
                  "timeZone": "Europe/Berlin",
                  "workingWeekdays": ["MON", "TUE", "WED", "THU", "FRI"],
                  "holidays": [],
                  "focusFactor": 100,
                  "thresholds": { "under": 80, "over": 100 },
                  "members": [
                    { "accountKey": "alice", "role": "Developer", "dailyCapacity": 6, "allocation": 100 },
                    { "accountKey": "bob", "role": "Developer", "dailyCapacity": 6, "allocation": 50 },
                    { "accountKey": "carol", "role": "QA", "dailyCapacity": 5, "allocation": 100 },
                    { "accountKey": "dave", "role": "Designer", "dailyCapacity": 4, "allocation": 100 }
                  ]
                }
                """;
    }
}
