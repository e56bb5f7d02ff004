package com.atlassian.sal.api;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Signature of SAL 6.0 {@code com.atlassian.sal.api.ApplicationProperties} (see STUB-SOURCES.md):
 * the members the plugin and the host use. Left out: both {@code getBaseUrl} overloads (one
 * deprecated, the other takes SAL's {@code UrlMode}, not stubbed), {@code getVersion},
 * {@code getBuildDate}, {@code getBuildNumber} and the deprecated {@code getPropertyValue}, so
 * the plugin cannot call them against the host.
 */
public interface ApplicationProperties {
    String PLATFORM_BAMBOO = "bamboo";
    String PLATFORM_BITBUCKET = "bitbucket";
    String PLATFORM_CONFLUENCE = "conf";
    String PLATFORM_CROWD = "crowd";
    String PLATFORM_FECRU = "fisheye";
    String PLATFORM_JIRA = "jira";
    String PLATFORM_STASH = "stash";

    String getDisplayName();

    String getPlatformId();

    /** @deprecated in SAL 6: use {@link #getLocalHomeDirectory()} or {@link #getSharedHomeDirectory()} */
    @Deprecated
    File getHomeDirectory();

    Optional<Path> getLocalHomeDirectory();

    Optional<Path> getSharedHomeDirectory();

    String getApplicationFileEncoding();
}
