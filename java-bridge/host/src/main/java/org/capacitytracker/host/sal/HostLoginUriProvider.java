package org.capacitytracker.host.sal;

import com.atlassian.sal.api.auth.LoginUriProvider;
import org.capacitytracker.host.web.Html;

import java.net.URI;

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
}
