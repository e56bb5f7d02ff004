package org.capacitytracker.jira.rest;

import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import java.util.Optional;
import javax.servlet.http.HttpServletRequest;
import org.capacitytracker.api.AccessSubject;
import org.capacitytracker.api.CapacityEngine;
import org.capacitytracker.jira.engine.EngineHolder;

/**
 * What a REST method requires of the user, checked by {@link RestCalls#open} before the
 * method's engine call:
 * <ul>
 * <li>{@link #anyone()}: any logged-in user — but a script (a call with credentials, see
 *     {@link #withCredentials}) only when the engine grants it {@code useRest};</li>
 * <li>{@link #admin}: Jira administrators only (the admin endpoints, calendar writes),
 *     whatever the permissions document says;</li>
 * <li>{@link #to}, {@link #board}, {@link #daysOff}, {@link #report()}: the engine decides
 *     ({@code CapacityEngine.authorize} / {@code authorizeReport}) from the stored
 *     permissions, asking back through SAL whether the user is an administrator or in a group
 *     the deciding grants name — SAL cannot list a user's groups, only test one — and
 *     whether the call came with credentials: a script then needs the REST grant as well
 *     (issue 10, defect 2; the engine decides, every resource carries it through here).</li>
 * </ul>
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

    private enum Kind { ANYONE, ADMIN, ENGINE, REPORT }

    private static final Access ANYONE = new Access(Kind.ANYONE, null, null, null, null);
    private static final Access REPORT = new Access(Kind.REPORT, null, null, null, null);

    private final Kind kind;
    private final String adminWhat;
    private final Action action;
    private final String boardId;
    private final String accountKey;

    private Access(Kind kind, String adminWhat, Action action, String boardId, String accountKey) {
        this.kind = kind;
        this.adminWhat = adminWhat;
        this.action = action;
        this.boardId = boardId;
        this.accountKey = accountKey;
    }

    /** Any logged-in user. */
    static Access anyone() {
        return ANYONE;
    }

    /** Jira administrators only; a refusal says "only Jira administrators may {@code what}". */
    static Access admin(String what) {
        return new Access(Kind.ADMIN, what, null, null, null);
    }

    /** An action on no board ({@link Action#MANAGE_TEMPLATES}, {@link Action#MANAGE_REPORTS}). */
    static Access to(Action action) {
        return new Access(Kind.ENGINE, null, action, null, null);
    }

    /** A board action on a checked board id. */
    static Access board(Action action, String boardId) {
        return new Access(Kind.ENGINE, null, action, boardId, null);
    }

    /**
     * A person's days off: their own always; others only for a board ({@code boardId}, may
     * be {@code null}) the person is a member of, as reading or writing that board allows.
     */
    static Access daysOff(Action action, String accountKey, String boardId) {
        return new Access(Kind.ENGINE, null, action, boardId, accountKey);
    }

    /** A multi-project report: read access to every board it covers (the request body says which). */
    static Access report() {
        return REPORT;
    }

    /** Whether {@link #check} needs the request body. */
    boolean needsBody() {
        return kind == Kind.REPORT;
    }

    /**
     * Refuses the call unless allowed.
     *
     * @param body the request body, for {@link #report()}; otherwise unused
     * @throws RestProblem 403 with the reason
     */
    void check(UserManager users, CapacityEngine engine, UserKey user, HttpServletRequest request, String body) {
        Optional<String> refusal = switch (kind) {
            case ANYONE -> engine.authorize(user.getStringValue(), "useRest", null, null, subject(users, user, request));
            case ADMIN -> users.isAdmin(user) ? Optional.empty() : Optional.of("only Jira administrators may " + adminWhat);
            case ENGINE -> engine.authorize(user.getStringValue(), action.name, boardId, accountKey, subject(users, user, request));
            case REPORT -> engine.authorizeReport(user.getStringValue(), body, subject(users, user, request));
        };
        if (refusal.isPresent()) {
            throw RestProblem.forbidden(refusal.get());
        }
    }

    /**
     * Whether the request carries the user's credentials itself — HTTP Basic or a personal
     * access token in {@code Authorization}, or Jira's {@code os_username} query parameters —
     * as scripts and integrations send them, rather than relying on a browser session (the
     * plugin's pages never send either). A script that logs in for a session cookie is not
     * told apart: the grant names who may automate, it does not stop a user doing by script
     * what their browser session may do anyway (docs/security.md).
     */
    static boolean withCredentials(HttpServletRequest request) {
        if (request.getHeader("Authorization") != null) {
            return true;
        }
        String query = request.getQueryString();
        return query != null && (query.startsWith("os_username=") || query.contains("&os_username="));
    }

    /**
     * Whether the user may read a board in Capacity Tracker, asked later, off the request's
     * thread (a server-side report's boards of its projects are known only once Jira is read).
     * What the request says of its credentials is taken now: the request object is not kept.
     *
     * @return the board rule for this user, for any board id
     */
    static java.util.function.Predicate<String> boardReader(UserManager users, EngineHolder engines, UserKey user,
            HttpServletRequest request) {
        boolean credentials = withCredentials(request);
        AccessSubject subject = subject(users, user, () -> credentials);
        return boardId -> engines.engine().authorize(user.getStringValue(), Action.READ_BOARD.name, boardId, null, subject)
                .isEmpty();
    }

    private static AccessSubject subject(UserManager users, UserKey user, HttpServletRequest request) {
        return subject(users, user, () -> Access.withCredentials(request));
    }

    private static AccessSubject subject(UserManager users, UserKey user, java.util.function.BooleanSupplier credentials) {
        return new AccessSubject() {
            @Override
            public boolean isAdmin() {
                return users.isAdmin(user);
            }

            @Override
            public boolean isMember(String group) {
                return users.isUserInGroup(user, group);
            }

            @Override
            public boolean withCredentials() {
                return credentials.getAsBoolean();
            }
        };
    }
}
