package org.capacitytracker.host.auth;

import java.util.Set;

/** A user of the host, as Jira would describe one: stable key, login name, display name. */
public record HostUser(String key, String username, String displayName, String email, boolean active,
                       Set<String> groups) {
    public static final String ADMINISTRATORS = "jira-administrators";
    public static final String SOFTWARE_USERS = "jira-software-users";

    public boolean isAdmin() {
        return groups.contains(ADMINISTRATORS);
    }
}
