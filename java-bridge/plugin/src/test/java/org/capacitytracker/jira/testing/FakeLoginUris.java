package org.capacitytracker.jira.testing;

import com.atlassian.sal.api.auth.LoginUriProvider;
import com.atlassian.sal.api.page.PageCapability;
import com.atlassian.sal.api.user.UserRole;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;

/** Jira's login page as SAL's LoginUriProvider gives it: {@code <context>/login.jsp?os_destination=<return URI>}. */
public final class FakeLoginUris implements LoginUriProvider {
    private final String contextPath;

    public FakeLoginUris(String contextPath) {
        this.contextPath = contextPath;
    }

    @Override
    public URI getLoginUri(URI returnUri) {
        return URI.create(contextPath + "/login.jsp?os_destination="
                + URLEncoder.encode(returnUri.toString(), StandardCharsets.UTF_8));
    }

    @Override
    public URI getLoginUri(URI returnUri, EnumSet<PageCapability> pageCaps) {
        return getLoginUri(returnUri);
    }

    @Override
    public URI getLoginUriForRole(URI returnUri, UserRole role) {
        throw new UnsupportedOperationException("getLoginUriForRole: the plugin asks for no role's login page");
    }

    @Override
    public URI getLoginUriForRole(URI returnUri, UserRole role, EnumSet<PageCapability> pageCaps) {
        throw new UnsupportedOperationException("getLoginUriForRole: the plugin asks for no role's login page");
    }
}
