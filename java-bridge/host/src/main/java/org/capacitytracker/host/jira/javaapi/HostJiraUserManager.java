package org.capacitytracker.host.jira.javaapi;

import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.jira.user.util.UserManager;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.capacitytracker.host.auth.HostUser;

/** Jira's own {@code UserManager} (not SAL's): users by key, null for an unknown key, as Jira answers. */
public final class HostJiraUserManager implements UserManager {
    private final Function<String, Optional<HostUser>> byKey;

    /** @param byKey the host's user lookup by key */
    public HostJiraUserManager(Function<String, Optional<HostUser>> byKey) {
        this.byKey = Objects.requireNonNull(byKey, "byKey");
    }

    @Override
    public ApplicationUser getUserByKey(String userKey) {
        return userKey == null ? null : byKey.apply(userKey).map(HostApplicationUser::new).orElse(null);
    }
}
