package com.atlassian.sal.api.auth;

import java.net.URI;

public interface LoginUriProvider {
    /** The product's login page, which sends the user back to returnUri after login. */
    URI getLoginUri(URI returnUri);
}
