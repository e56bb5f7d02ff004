package org.capacitytracker.jira.rest;

import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.capacitytracker.api.CapacityEngine;
import org.capacitytracker.jira.text.JsonReader;
import org.capacitytracker.jira.text.JsonText;

/**
 * Who may do what, asked before an engine call. Two kinds of check:
 * <ul>
 * <li>{@link #requireAdmin}: Jira administrators only (the admin endpoints, calendar
 *     writes), whatever the permissions document says;</li>
 * <li>{@link #require}: the permissions document decides, through the engine's
 *     {@code check_access}. While it is disabled everyone logged in may do everything, and
 *     nothing more is asked.</li>
 * </ul>
 * The engine only decides; it cannot know the user's groups. SAL cannot list them either,
 * only test one group at a time, so the groups the relevant grants name are each tested and
 * those the user is in are passed on.
 */
final class Access {
    /** The engine's access actions ({@code docs/json-api.md}, Permissions). */
    enum Action {
        READ_BOARD("readBoard"),
        WRITE_BOARD("writeBoard"),
        MANAGE_TEMPLATES("manageTemplates"),
        MANAGE_REPORTS("manageReports"),
        READ_DAYS_OFF("readDaysOff"),
        WRITE_DAYS_OFF("writeDaysOff");

        final String name;

        Action(String name) {
            this.name = name;
        }
    }

    private Access() {
    }

    /**
     * Refuses anyone but a Jira administrator.
     *
     * @throws RestProblem 403
     */
    static void requireAdmin(UserManager users, UserKey user, String what) {
        if (!users.isAdmin(user)) {
            throw RestProblem.forbidden("only Jira administrators may " + what);
        }
    }

    /**
     * Refuses the call when permissions are enabled and the engine says no.
     *
     * @param boardId the board concerned, for the board actions; {@code null} otherwise
     * @throws RestProblem 403 with the engine's reason
     */
    static void require(UserManager users, CapacityEngine engine, UserKey user, Action action, String boardId) {
        Map<String, Object> permissions = JsonReader.object(engine.getPermissions());
        if (enabled(permissions)) {
            ask(users, engine, user, permissions, action, boardId, null);
        }
    }

    /**
     * For a person's days off: refuses the call when permissions are enabled and the engine
     * says no. People may always read and change their own; others only for a board the
     * person is a member of, as reading or writing that board allows.
     *
     * @param action {@link Action#READ_DAYS_OFF} or {@link Action#WRITE_DAYS_OFF}
     * @param boardId the board the caller acts for (the panel's), or {@code null}
     * @throws RestProblem 403 with the engine's reason
     */
    static void requireDaysOff(UserManager users, CapacityEngine engine, UserKey user, Action action, String accountKey,
                               String boardId) {
        Map<String, Object> permissions = JsonReader.object(engine.getPermissions());
        if (enabled(permissions)) {
            ask(users, engine, user, permissions, action, boardId, accountKey);
        }
    }

    /**
     * For a multi-project report: refuses it when permissions are enabled and any board it
     * covers (posted in {@code boards}, or named by its definition, inline or stored) may
     * not be read by the user. A report shows each board's people and capacity, so it needs
     * what reading each board needs.
     *
     * @param request the report request as posted
     * @throws RestProblem 403 naming the first board refused; 400 when the request is not JSON
     */
    static void requireReportBoards(UserManager users, CapacityEngine engine, UserKey user, String request) {
        Map<String, Object> permissions = JsonReader.object(engine.getPermissions());
        if (!enabled(permissions)) {
            return;
        }
        Map<String, Object> body;
        try {
            body = JsonReader.object(request);
        } catch (IllegalArgumentException e) {
            // Closed by default: what cannot be read cannot be checked.
            throw RestProblem.invalid("body", "must be a JSON object (" + e.getMessage() + ")");
        }
        Set<String> boards = new LinkedHashSet<>();
        if (body.get("boards") instanceof List<?> posted) {
            for (Object b : posted) {
                if (member(b, "boardId") instanceof String id) {
                    boards.add(id);
                }
            }
        }
        Object definition = body.get("definition");
        if (definition == null && body.get("reportId") instanceof String reportId) {
            try {
                definition = JsonReader.object(engine.getReportDefinition(reportId));
            } catch (RuntimeException e) {
                // No such definition: the engine's report call says so, naming reportId.
                definition = null;
            }
        }
        if (member(definition, "boardIds") instanceof List<?> named) {
            for (Object id : named) {
                if (id instanceof String s) {
                    boards.add(s);
                }
            }
        }
        for (String boardId : boards) {
            ask(users, engine, user, permissions, Action.READ_BOARD, boardId, null);
        }
    }

    private static boolean enabled(Map<String, Object> permissions) {
        return Boolean.TRUE.equals(permissions.get("enabled"));
    }

    private static void ask(UserManager users, CapacityEngine engine, UserKey user, Map<String, Object> permissions,
                            Action action, String boardId, String accountKey) {
        Set<String> groups = new LinkedHashSet<>();
        for (String group : groupsNamed(permissions, action, boardId)) {
            if (users.isUserInGroup(user, group)) {
                groups.add(group);
            }
        }
        StringBuilder query = new StringBuilder(160)
                .append("{\"user\":").append(JsonText.quote(user.getStringValue()))
                .append(",\"groups\":[");
        String comma = "";
        for (String group : groups) {
            query.append(comma).append(JsonText.quote(group));
            comma = ",";
        }
        query.append("],\"admin\":").append(users.isAdmin(user))
                .append(",\"action\":").append(JsonText.quote(action.name));
        if (boardId != null) {
            query.append(",\"boardId\":").append(JsonText.quote(boardId));
        }
        if (accountKey != null) {
            query.append(",\"accountKey\":").append(JsonText.quote(accountKey));
        }
        query.append('}');
        Map<String, Object> answer = JsonReader.object(engine.checkAccess(query.toString()));
        if (!Boolean.TRUE.equals(answer.get("allowed"))) {
            Object reason = answer.get("reason");
            String why = reason instanceof String r ? r : "not allowed by Capacity Tracker's permissions";
            throw RestProblem.forbidden(boardId != null && action == Action.READ_BOARD ? "board " + boardId + ": " + why : why);
        }
    }

    /** The groups of the grants that decide {@code action}: only those can change the answer. */
    static Set<String> groupsNamed(Map<String, Object> permissions, Action action, String boardId) {
        Set<String> named = new LinkedHashSet<>();
        switch (action) {
            case READ_BOARD, WRITE_BOARD, READ_DAYS_OFF, WRITE_DAYS_OFF -> {
                Object board = member(member(permissions, "boards"), boardId);
                addGroups(named, member(board, "read"));
                addGroups(named, member(board, "write"));
            }
            case MANAGE_TEMPLATES -> addGroups(named, permissions.get("templates"));
            case MANAGE_REPORTS -> addGroups(named, permissions.get("reports"));
            default -> throw new IllegalArgumentException(action.name());
        }
        return named;
    }

    private static Object member(Object object, String name) {
        return object instanceof Map<?, ?> map && name != null ? map.get(name) : null;
    }

    private static void addGroups(Set<String> into, Object grant) {
        if (member(grant, "groups") instanceof List<?> groups) {
            for (Object g : groups) {
                if (g instanceof String s) {
                    into.add(s);
                }
            }
        }
    }
}
