package org.capacitytracker.jira.testing;

import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import com.atlassian.sal.api.user.UserProfile;
import java.net.URI;
import java.security.Principal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.servlet.http.HttpServletRequest;

/**
 * A user manager whose logged-in user is named by the request header {@value #HEADER}:
 * the tests' stand-in for Jira's session and Basic authentication.
 */
public final class FakeUsers implements UserManager {
    public static final String HEADER = "X-Test-User";

    private final Map<String, UserProfile> users = new HashMap<>();
    private final Set<String> admins = new HashSet<>();
    private final Map<String, Set<String>> groups = new HashMap<>();
    /**
     * The user of "the current request" for the calls that have no request to pass (the
     * service other plugins call, as Jira's authentication context answers it); unset, those
     * calls fail, so REST code that forgets to pass its request still fails loudly.
     */
    private final ThreadLocal<String> acting = new ThreadLocal<>();
    /** Every group asked about, so tests can check that only the document's groups are. */
    public final Set<String> groupsAsked = new HashSet<>();

    public FakeUsers user(String username, String fullName) {
        users.put(username, profile(username, fullName));
        return this;
    }

    public FakeUsers admin(String username, String fullName) {
        admins.add(username);
        return user(username, fullName);
    }

    public FakeUsers inGroup(String username, String group) {
        groups.computeIfAbsent(username, u -> new HashSet<>()).add(group);
        return this;
    }

    @Override
    public UserProfile getRemoteUser() {
        throw new UnsupportedOperationException("the plugin must pass the request");
    }

    @Override
    public UserProfile getRemoteUser(HttpServletRequest request) {
        String name = request.getHeader(HEADER);
        return name == null ? null : users.get(name);
    }

    /** Makes {@code username} (or nobody, for null) the current request's user on this thread. */
    public FakeUsers actingAs(String username) {
        acting.set(username == null ? "" : username);
        return this;
    }

    @Override
    public UserKey getRemoteUserKey() {
        String name = acting.get();
        if (name == null) {
            throw new UnsupportedOperationException("the plugin must pass the request");
        }
        UserProfile user = users.get(name);
        return user == null ? null : user.getUserKey();
    }

    @Override
    public UserKey getRemoteUserKey(HttpServletRequest request) {
        UserProfile user = getRemoteUser(request);
        return user == null ? null : user.getUserKey();
    }

    @Override
    public UserProfile getUserProfile(String username) {
        return users.get(username);
    }

    @Override
    public UserProfile getUserProfile(UserKey userKey) {
        return userKey == null ? null : users.get(userKey.getStringValue());
    }

    @Override
    public boolean isUserInGroup(UserKey userKey, String group) {
        groupsAsked.add(group);
        return userKey != null && groups.getOrDefault(userKey.getStringValue(), Set.of()).contains(group);
    }

    @Override
    public boolean isAdmin(UserKey userKey) {
        return userKey != null && admins.contains(userKey.getStringValue());
    }

    @Override
    public boolean isSystemAdmin(UserKey userKey) {
        return isAdmin(userKey);
    }

    @Override
    public boolean authenticate(String username, String password) {
        return false;
    }

    @Override
    public String getRemoteUsername() {
        throw new UnsupportedOperationException("the plugin must pass the request");
    }

    @Override
    public String getRemoteUsername(HttpServletRequest request) {
        UserProfile user = getRemoteUser(request);
        return user == null ? null : user.getUsername();
    }

    @Override
    public boolean isUserInGroup(String username, String group) {
        return isUserInGroup(username == null ? null : new UserKey(username), group);
    }

    @Override
    public boolean isSystemAdmin(String username) {
        return isAdmin(username);
    }

    @Override
    public boolean isAdmin(String username) {
        return username != null && admins.contains(username);
    }

    /** Every known user holds a licence in the tests. */
    @Override
    public boolean isLicensed(UserKey userKey) {
        return userKey != null && users.containsKey(userKey.getStringValue());
    }

    @Override
    public boolean isLimitedUnlicensedUser(UserKey userKey) {
        return false;
    }

    @Override
    public Principal resolve(String username) {
        UserProfile user = username == null ? null : users.get(username);
        return user == null ? null : user::getUsername;
    }

    @Override
    public Iterable<String> findGroupNamesByPrefix(String prefix, int startIndex, int maxResults) {
        throw new UnsupportedOperationException("findGroupNamesByPrefix: the plugin does not list groups");
    }

    @Override
    public boolean isAnonymousAccessEnabled() {
        return false;
    }

    @Override
    public boolean isLimitedUnlicensedAccessEnabled() {
        return false;
    }

    private static UserProfile profile(String username, String fullName) {
        UserKey key = new UserKey(username);
        return new UserProfile() {
            public UserKey getUserKey() {
                return key;
            }

            public String getUsername() {
                return username;
            }

            public String getFullName() {
                return fullName;
            }

            public String getEmail() {
                return username + "@example.invalid";
            }

            public URI getProfilePictureUri(int width, int height) {
                return null;
            }

            public URI getProfilePictureUri() {
                return null;
            }

            public URI getProfilePageUri() {
                return null;
            }
        };
    }
}
