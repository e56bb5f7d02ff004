package org.capacitytracker.host.sal;

import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import com.atlassian.sal.api.user.UserProfile;
import org.capacitytracker.host.auth.HostUser;
import org.capacitytracker.host.auth.UserStore;
import org.capacitytracker.host.web.CurrentRequest;

import javax.servlet.http.HttpServletRequest;

/** SAL {@link UserManager} over the host's users and the request's authenticated user. */
public final class HostUserManager implements UserManager {
    private final UserStore users;
    private final CurrentRequest current;
    private final String contextPath;

    public HostUserManager(UserStore users, CurrentRequest current, String contextPath) {
        this.users = users;
        this.current = current;
        this.contextPath = contextPath;
    }

    @Override
    public UserProfile getRemoteUser() {
        return profile(current.user());
    }

    @Override
    public UserProfile getRemoteUser(HttpServletRequest request) {
        return request == null ? null : profile(CurrentRequest.userOf(request));
    }

    @Override
    public UserKey getRemoteUserKey() {
        HostUser user = current.user();
        return user == null ? null : new UserKey(user.key());
    }

    @Override
    public UserKey getRemoteUserKey(HttpServletRequest request) {
        HostUser user = request == null ? null : CurrentRequest.userOf(request);
        return user == null ? null : new UserKey(user.key());
    }

    @Override
    public UserProfile getUserProfile(String username) {
        return profile(users.byUsername(username).orElse(null));
    }

    @Override
    public UserProfile getUserProfile(UserKey userKey) {
        return userKey == null ? null : profile(users.byKey(userKey.getStringValue()).orElse(null));
    }

    @Override
    public boolean isUserInGroup(UserKey userKey, String group) {
        return user(userKey) != null && user(userKey).groups().contains(group);
    }

    @Override
    public boolean isAdmin(UserKey userKey) {
        HostUser user = user(userKey);
        return user != null && user.active() && user.isAdmin();
    }

    @Override
    public boolean isSystemAdmin(UserKey userKey) {
        // The host has one administrators group, which is also Jira's system administrators.
        return isAdmin(userKey);
    }

    @Override
    public boolean authenticate(String username, String password) {
        return users.authenticate(username, password).isPresent();
    }

    private HostUser user(UserKey key) {
        return key == null ? null : users.byKey(key.getStringValue()).orElse(null);
    }

    private UserProfile profile(HostUser user) {
        return user == null ? null : new HostUserProfile(user, contextPath);
    }
}
