package org.capacitytracker.host.sal;

import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import com.atlassian.sal.api.user.UserProfile;
import org.capacitytracker.host.auth.HostUser;
import org.capacitytracker.host.auth.UserStore;
import org.capacitytracker.host.web.CurrentRequest;

import javax.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.List;
import java.util.TreeSet;

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
    @Deprecated
    public String getRemoteUsername() {
        HostUser user = current.user();
        return user == null ? null : user.username();
    }

    @Override
    @Deprecated
    public String getRemoteUsername(HttpServletRequest request) {
        HostUser user = request == null ? null : CurrentRequest.userOf(request);
        return user == null ? null : user.username();
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
        HostUser user = user(userKey);
        return user != null && user.groups().contains(group);
    }

    @Override
    @Deprecated
    public boolean isUserInGroup(String username, String group) {
        return isUserInGroup(keyOf(username), group);
    }

    @Override
    @Deprecated
    public boolean isAdmin(String username) {
        return isAdmin(keyOf(username));
    }

    @Override
    @Deprecated
    public boolean isSystemAdmin(String username) {
        return isSystemAdmin(keyOf(username));
    }

    /** Licensed as the host's REST access rules count it: active, and a Jira Software user or an administrator. */
    @Override
    public boolean isLicensed(UserKey userKey) {
        HostUser user = user(userKey);
        return user != null && user.active()
                && (user.groups().contains(HostUser.SOFTWARE_USERS) || user.isAdmin());
    }

    /** The host never grants limited unlicensed access (see {@link #isLimitedUnlicensedAccessEnabled()}). */
    @Override
    public boolean isLimitedUnlicensedUser(UserKey userKey) {
        return false;
    }

    /** The host's site does not admit anonymous users, as its REST access rules assume. */
    @Override
    public boolean isAnonymousAccessEnabled() {
        return false;
    }

    @Override
    public boolean isLimitedUnlicensedAccessEnabled() {
        return false;
    }

    /** The user named {@code username} as a {@link Principal} whose name is the username, or null when there is none. */
    @Override
    public Principal resolve(String username) {
        HostUser user = username == null ? null : users.byUsername(username).orElse(null);
        if (user == null) {
            return null;
        }
        String name = user.username();
        return () -> name;
    }

    /** Group names of the host's users starting with {@code prefix}, sorted, paged as asked. */
    @Override
    public Iterable<String> findGroupNamesByPrefix(String prefix, int startIndex, int maxResults) {
        String start = prefix == null ? "" : prefix;
        TreeSet<String> names = new TreeSet<>();
        for (HostUser user : users.all()) {
            for (String group : user.groups()) {
                if (group.startsWith(start)) {
                    names.add(group);
                }
            }
        }
        List<String> sorted = List.copyOf(names);
        int from = Math.min(Math.max(startIndex, 0), sorted.size());
        int to = maxResults < 0 ? sorted.size() : (int) Math.min((long) from + maxResults, sorted.size());
        return sorted.subList(from, to);
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

    private UserKey keyOf(String username) {
        HostUser user = username == null ? null : users.byUsername(username).orElse(null);
        return user == null ? null : new UserKey(user.key());
    }

    private HostUser user(UserKey key) {
        return key == null ? null : users.byKey(key.getStringValue()).orElse(null);
    }

    private UserProfile profile(HostUser user) {
        return user == null ? null : new HostUserProfile(user, contextPath);
    }
}
