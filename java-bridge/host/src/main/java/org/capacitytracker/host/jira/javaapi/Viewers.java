package org.capacitytracker.host.jira.javaapi;

import com.atlassian.jira.user.ApplicationUser;
import java.util.Optional;
import java.util.function.Function;
import org.capacitytracker.host.auth.HostUser;

/** The caller of a Java API service as the host's user, looked up again on every call. */
final class Viewers {
    private Viewers() {
    }

    /**
     * @return the host user; null for an anonymous caller (null) and, so that a user deleted
     *     since holds no rights, for a key the host no longer knows
     */
    static HostUser of(ApplicationUser user, Function<String, Optional<HostUser>> byKey) {
        return user == null ? null : byKey.apply(user.getKey()).orElse(null);
    }
}
