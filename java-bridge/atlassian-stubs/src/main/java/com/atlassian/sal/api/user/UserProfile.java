package com.atlassian.sal.api.user;

import java.net.URI;

/** Signature of SAL 6.0 {@code com.atlassian.sal.api.user.UserProfile} (see STUB-SOURCES.md). */
public interface UserProfile {
    UserKey getUserKey();

    String getUsername();

    String getFullName();

    String getEmail();

    URI getProfilePictureUri(int width, int height);

    URI getProfilePictureUri();

    URI getProfilePageUri();
}
