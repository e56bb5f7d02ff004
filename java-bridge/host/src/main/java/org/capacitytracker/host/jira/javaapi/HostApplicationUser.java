package org.capacitytracker.host.jira.javaapi;

import com.atlassian.jira.user.ApplicationUser;
import java.util.Objects;
import org.capacitytracker.host.auth.HostUser;

/** A host user as Jira's {@code ApplicationUser}; equal by key, as Jira's users are. */
public final class HostApplicationUser implements ApplicationUser {
    private final HostUser user;

    /** @param user the host's user */
    public HostApplicationUser(HostUser user) {
        this.user = Objects.requireNonNull(user, "user");
    }

    @Override
    public String getKey() {
        return user.key();
    }

    @Override
    public String getUsername() {
        return user.username();
    }

    @Override
    public boolean isActive() {
        return user.active();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HostApplicationUser o && o.user.key().equals(user.key());
    }

    @Override
    public int hashCode() {
        return user.key().hashCode();
    }

    @Override
    public String toString() {
        return user.username() + "(" + user.key() + ")";
    }
}
