package org.capacitytracker.host.sal;

import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserProfile;
import org.capacitytracker.host.auth.HostUser;
import org.capacitytracker.host.web.Html;

import java.net.URI;

final class HostUserProfile implements UserProfile {
    private final HostUser user;
    private final String contextPath;

    HostUserProfile(HostUser user, String contextPath) {
        this.user = user;
        this.contextPath = contextPath;
    }

    @Override
    public UserKey getUserKey() {
        return new UserKey(user.key());
    }

    @Override
    public String getUsername() {
        return user.username();
    }

    @Override
    public String getFullName() {
        return user.displayName();
    }

    @Override
    public String getEmail() {
        return user.email();
    }

    @Override
    public URI getProfilePictureUri(int width, int height) {
        return URI.create(contextPath + "/secure/useravatar?size=" + Math.max(width, height) + "&ownerId="
                + Html.url(user.key()));
    }

    @Override
    public URI getProfilePictureUri() {
        return getProfilePictureUri(48, 48);
    }

    @Override
    public URI getProfilePageUri() {
        return URI.create(contextPath + "/secure/ViewProfile.jspa?name=" + Html.url(user.username()));
    }

    @Override
    public String toString() {
        return user.username();
    }
}
