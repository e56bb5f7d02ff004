package com.atlassian.sal.api.user;

import java.security.Principal;
import javax.servlet.http.HttpServletRequest;

/** Signature of SAL 6.0 {@code com.atlassian.sal.api.user.UserManager} (see STUB-SOURCES.md). */
public interface UserManager {
    @Deprecated
    String getRemoteUsername();

    UserProfile getRemoteUser();

    UserKey getRemoteUserKey();

    @Deprecated
    String getRemoteUsername(HttpServletRequest request);

    UserProfile getRemoteUser(HttpServletRequest request);

    UserKey getRemoteUserKey(HttpServletRequest request);

    UserProfile getUserProfile(String username);

    UserProfile getUserProfile(UserKey userKey);

    @Deprecated
    boolean isUserInGroup(String username, String group);

    boolean isUserInGroup(UserKey userKey, String group);

    @Deprecated
    boolean isSystemAdmin(String username);

    boolean isSystemAdmin(UserKey userKey);

    @Deprecated
    boolean isAdmin(String username);

    boolean isAdmin(UserKey userKey);

    boolean isLicensed(UserKey userKey);

    default boolean isLimitedUnlicensedUser(UserKey userKey) {
        throw new UnsupportedOperationException("stub: SAL's default body is not copied");
    }

    boolean authenticate(String username, String password);

    Principal resolve(String username) throws UserResolutionException;

    Iterable<String> findGroupNamesByPrefix(String prefix, int startIndex, int maxResults);

    boolean isAnonymousAccessEnabled();

    boolean isLimitedUnlicensedAccessEnabled();
}
