package org.capacitytracker.host.jira;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Jira Software's agile REST ({@code /rest/agile/1.0}): boards, sprints, versions and their issues. */
final class AgileResources {
    private static final Set<String> SPRINT_STATES = Set.of("future", "active", "closed");
    private static final String NO_BOARD = "Board does not exist or you do not have permission to see it.";
    private static final String NO_SPRINT = "Sprint does not exist or you do not have permission to see it.";
    private static final String NO_ISSUE = "Issue does not exist or you do not have permission to see it.";

    /** Ids are matched as any text so that a malformed or huge one is a 404, never a parse error. */
    private static final Pattern BOARD = Pattern.compile("/board/([^/]+)(/configuration|/sprint|/version|/issue)?");
    private static final Pattern BOARD_SPRINT_ISSUES = Pattern.compile("/board/([^/]+)/sprint/([^/]+)/issue");
    private static final Pattern SPRINT = Pattern.compile("/sprint/([^/]+)(/issue)?");
    private static final Pattern ISSUE = Pattern.compile("/issue/([^/]+)");

    private final DemoData data;
    private final IssueJson issues;
    private final IssueSearch search;
    private final VisibleWork visible;

    /**
     * @param visible Jira's browse permission, the same rule the host's Java API services apply,
     *     so that the browser's crawl and the plugin's server-side read see the same boards and issues
     */
    AgileResources(DemoData data, IssueJson issues, IssueSearch search, VisibleWork visible) {
        this.data = data;
        this.issues = issues;
        this.search = search;
        this.visible = visible;
    }

    /** The issues of a list the caller may browse, in the list's order. */
    private List<DemoData.Issue> browsable(RestCall call, List<DemoData.Issue> all) {
        java.util.Map<String, Boolean> byProject = new java.util.HashMap<>();
        return all.stream().filter(i -> byProject.computeIfAbsent(data.projectOf(i).key(),
                k -> visible.canBrowse(call.user(), k))).toList();
    }

    JsonNode get(RestCall call, String path) throws RestError {
        String base = call.base;
        if (path.equals("/board")) {
            return boards(call);
        }
        Matcher m;
        if ((m = BOARD_SPRINT_ISSUES.matcher(path)).matches()) {
            DemoData.Board board = board(call, m.group(1));
            DemoData.Sprint sprint = sprint(call, m.group(2));
            if (sprint.boardId() != board.id()) {
                throw RestError.notFound(NO_SPRINT);
            }
            return search.page(call, browsable(call, data.issuesInSprint(sprint.id())), true);
        }
        if ((m = BOARD.matcher(path)).matches()) {
            DemoData.Board board = board(call, m.group(1));
            String sub = m.group(2) == null ? "" : m.group(2);
            switch (sub) {
                case "/configuration" -> {
                    return AgileJson.boardConfiguration(base, board);
                }
                case "/sprint" -> {
                    return boardSprints(call, board);
                }
                case "/version" -> {
                    String released = call.param("released");
                    List<DemoData.Version> versions = visible.versions(call.user(), board.id()).stream()
                            .filter(v -> released == null || released.isBlank()
                                    || v.released() == Boolean.parseBoolean(released.trim()))
                            .toList();
                    // Like the sprint list, Jira's version list carries no total.
                    return AgileJson.page(versions, call.startAt(), call.maxResults(), false, v -> AgileJson.version(base, v));
                }
                case "/issue" -> {
                    return search.page(call, browsable(call, data.issuesOnBoard(board.id())), true);
                }
                default -> {
                    return AgileJson.board(base, board);
                }
            }
        }
        if ((m = SPRINT.matcher(path)).matches()) {
            DemoData.Sprint sprint = sprint(call, m.group(1));
            if (m.group(2) == null) {
                return AgileJson.sprint(base, sprint);
            }
            return search.page(call, browsable(call, data.issuesInSprint(sprint.id())), true);
        }
        if ((m = ISSUE.matcher(path)).matches()) {
            DemoData.Issue found = data.issue(m.group(1))
                    .filter(i -> visible.canBrowse(call.user(), data.projectOf(i).key()))
                    .orElseThrow(() -> RestError.notFound(NO_ISSUE));
            return issues.issue(base, found, IssueFields.select(call.param("fields"), true),
                    IssueJson.expansions(call.param("expand")), true);
        }
        throw RestError.notFound("null for uri: " + call.requestUrl());
    }

    private JsonNode boards(RestCall call) throws RestError {
        String type = call.param("type");
        String name = call.param("name");
        String project = call.param("projectKeyOrId");
        List<DemoData.Board> boards = visible.boards(call.user()).stream()
                .filter(b -> type == null || Arrays.asList(type.split(",")).contains(b.type()))
                .filter(b -> name == null || b.name().toLowerCase(Locale.ROOT).contains(name.toLowerCase(Locale.ROOT)))
                .filter(b -> project == null || project.equalsIgnoreCase(b.project().key())
                        || project.equals(Long.toString(b.project().id())))
                .toList();
        return AgileJson.page(boards, call.startAt(), call.maxResults(), true, b -> AgileJson.board(call.base, b));
    }

    private JsonNode boardSprints(RestCall call, DemoData.Board board) throws RestError {
        if (!"scrum".equals(board.type())) {
            throw RestError.badRequest("The board does not support sprints");
        }
        Set<String> states = new LinkedHashSet<>();
        String state = call.param("state");
        if (state != null && !state.isBlank()) {
            for (String s : state.split(",")) {
                String st = s.trim().toLowerCase(Locale.ROOT);
                if (!SPRINT_STATES.contains(st)) {
                    throw RestError.badRequest("Invalid sprint state '" + s.trim() + "'. Valid states: future, active, closed");
                }
                states.add(st);
            }
        }
        List<DemoData.Sprint> sprints = visible.sprints(call.user(), board.id()).stream()
                .filter(s -> states.isEmpty() || states.contains(s.state())).toList();
        // Jira's sprint list does not report a total.
        return AgileJson.page(sprints, call.startAt(), call.maxResults(), false, s -> AgileJson.sprint(call.base, s));
    }

    /** A board the caller may browse; Jira answers the same 404 for one that does not exist. */
    private DemoData.Board board(RestCall call, String id) throws RestError {
        return visible.board(call.user(), RestCall.id(id, NO_BOARD)).orElseThrow(() -> RestError.notFound(NO_BOARD));
    }

    /** A sprint of a board the caller may browse. */
    private DemoData.Sprint sprint(RestCall call, String id) throws RestError {
        return data.sprint(RestCall.id(id, NO_SPRINT))
                .filter(s -> visible.board(call.user(), s.boardId()).isPresent())
                .orElseThrow(() -> RestError.notFound(NO_SPRINT));
    }
}
