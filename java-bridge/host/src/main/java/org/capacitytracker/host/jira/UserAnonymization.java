package org.capacitytracker.host.jira;

import com.atlassian.jira.bc.ServiceResult;
import com.atlassian.jira.user.anonymize.AffectedEntity;
import com.atlassian.jira.user.anonymize.UserAnonymizationHandler;
import com.atlassian.jira.user.anonymize.UserAnonymizationParameter;
import org.capacitytracker.host.auth.HostUser;
import org.capacitytracker.host.auth.UserStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Jira's user anonymisation as far as apps take part in it: for one user, every registered
 * {@link UserAnonymizationHandler} is first asked what it would touch (the list Jira shows
 * the admin before the run), then its {@code update} is called; the errors of the returned
 * {@link ServiceResult}s are what Jira reports at the end. A handler that throws is reported
 * the same way, as Jira does not let one app stop the others.
 *
 * <p>Not emulated: Jira's own steps (ownership transfer, renaming the user to
 * {@code JIRAUSER<id>}, clearing the profile) and the background task; the run is synchronous.
 *
 * <pre>{@code
 * UserAnonymization a = new UserAnonymization(handlers, i18n::getText, users);
 * a.affected("dave");  // [Line(REMOVE, "Capacity Tracker: days off", 1), ...]
 * a.run("dave");       // Result(lines, tasks, errors)
 * }</pre>
 */
public final class UserAnonymization {
    /** One line of the list: what happens, to what (the description key resolved), how many. */
    public record Line(String type, String description, Long occurrences) {
    }

    /** The outcome of a run: what had been listed, the tasks the handlers announced, their errors. */
    public record Result(List<Line> affected, int tasks, List<String> errors) {
        public boolean succeeded() {
            return errors.isEmpty();
        }
    }

    private final List<UserAnonymizationHandler> handlers;
    private final Function<String, String> text;
    private final UserStore users;

    /**
     * @param handlers the enabled plugins' handlers, in the order they are called
     * @param text resolves an affected entity's description key in the plugin's i18n resources
     * @param users the users that can be anonymised
     */
    public UserAnonymization(List<UserAnonymizationHandler> handlers, Function<String, String> text, UserStore users) {
        this.handlers = List.copyOf(handlers);
        this.text = Objects.requireNonNull(text, "text");
        this.users = Objects.requireNonNull(users, "users");
    }

    /** The user with this key, or else this user name, as Jira's user picker resolves it. */
    public Optional<HostUser> user(String keyOrName) {
        if (keyOrName == null || keyOrName.isBlank()) {
            return Optional.empty();
        }
        String trimmed = keyOrName.trim();
        return users.byKey(trimmed).or(() -> users.byUsername(trimmed));
    }

    /** What every handler reports it would remove or anonymise for the user with {@code userKey}. */
    public List<Line> affected(String userKey) {
        UserAnonymizationParameter parameter = new UserAnonymizationParameter(userKey);
        List<Line> lines = new ArrayList<>();
        for (UserAnonymizationHandler handler : handlers) {
            try {
                for (AffectedEntity e : handler.getAffectedEntities(parameter)) {
                    String key = e.getDescriptionKey();
                    lines.add(new Line(e.getType().name(), key == null ? "" : text.apply(key), e.getNumberOfOccurrences()));
                }
            } catch (RuntimeException e) {
                lines.add(new Line("MANUAL", handler.getClass().getName() + " failed to list its data: " + e, null));
            }
        }
        return lines;
    }

    /** Lists, then calls every handler's {@code update} for the user with {@code userKey}. */
    public Result run(String userKey) {
        List<Line> affected = affected(userKey);
        UserAnonymizationParameter parameter = new UserAnonymizationParameter(userKey);
        int tasks = 0;
        List<String> errors = new ArrayList<>();
        for (UserAnonymizationHandler handler : handlers) {
            try {
                tasks += handler.getNumberOfTasks(parameter);
                ServiceResult result = handler.update(parameter);
                if (result == null) {
                    errors.add(handler.getClass().getName() + " returned no result");
                } else if (!result.isValid()) {
                    errors.addAll(result.getErrorCollection().getErrorMessages());
                    result.getErrorCollection().getErrors().forEach((field, message) -> errors.add(field + ": " + message));
                }
            } catch (RuntimeException e) {
                errors.add(handler.getClass().getName() + " failed: " + e);
            }
        }
        return new Result(affected, tasks, List.copyOf(errors));
    }

    /** How many handlers the enabled plugins registered. */
    public int handlerCount() {
        return handlers.size();
    }
}
