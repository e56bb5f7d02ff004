package org.capacitytracker.host.sal;

import com.atlassian.sal.api.auth.LoginUriProvider;
import org.capacitytracker.host.web.Html;

import com.atlassian.sal.api.page.PageCapability;
import com.atlassian.sal.api.user.UserRole;

import java.net.URI;
import java.util.EnumSet;

/** Sends users to {@code /login.jsp?os_destination=...}, the destination relative to the context, as Seraph does. */
public final class HostLoginUriProvider implements LoginUriProvider {
    private final String contextPath;

    public HostLoginUriProvider(String contextPath) {
        this.contextPath = contextPath;
    }

    @Override
    public URI getLoginUri(URI returnUri) {
        String destination = "/";
        if (returnUri != null) {
            String path = returnUri.getRawPath() == null || returnUri.getRawPath().isEmpty() ? "/" : returnUri.getRawPath();
            if (path.equals(contextPath)) {
                path = "/";
            } else if (path.startsWith(contextPath + "/")) {
                path = path.substring(contextPath.length());
            }
            destination = path + (returnUri.getRawQuery() == null ? "" : "?" + returnUri.getRawQuery());
        }
        return URI.create(contextPath + "/login.jsp?os_destination=" + Html.url(destination));
    }

    /** The host's login page has one look, so page capabilities do not change the URI. */
    @Override
    public URI getLoginUri(URI returnUri, EnumSet<PageCapability> pageCaps) {
        return getLoginUri(returnUri);
    }

    /**
     * The login page for {@code role}: the host has no separate administrator re-authentication
     * (websudo), so every role gets the same login page, as Seraph's does when websudo is off.
     */
    @Override
    public URI getLoginUriForRole(URI returnUri, UserRole role) {
        return getLoginUri(returnUri);
    }

    @Override
    public URI getLoginUriForRole(URI returnUri, UserRole role, EnumSet<PageCapability> pageCaps) {
        return getLoginUri(returnUri);
    }
}
