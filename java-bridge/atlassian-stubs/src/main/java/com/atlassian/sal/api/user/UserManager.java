package com.atlassian.sal.api.user;

import javax.servlet.http.HttpServletRequest;

public interface UserManager {
    /** The user of the current request, or null when anonymous. */
    UserProfile getRemoteUser();

    UserProfile getRemoteUser(HttpServletRequest request);

    UserKey getRemoteUserKey();

    UserKey getRemoteUserKey(HttpServletRequest request);

    UserProfile getUserProfile(String username);

    UserProfile getUserProfile(UserKey userKey);

    boolean isUserInGroup(UserKey userKey, String group);

    boolean isAdmin(UserKey userKey);

    boolean isSystemAdmin(UserKey userKey);

    boolean authenticate(String username, String password);
}
