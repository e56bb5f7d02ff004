package org.capacitytracker.host.sal;

import com.atlassian.sal.api.ApplicationProperties;

import java.io.File;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * SAL's application properties of this node, as Jira publishes them to plugins. The host's data
 * directory is the node's local home (Jira's {@code jira.home}). Jira Data Center's shared home
 * is a file system all nodes mount; the host's nodes share only their database, so in cluster
 * mode there is no shared home, and alone the local home is also the shared one, as in a Jira
 * without a {@code jira.shared.home}.
 *
 * <pre>{@code
 * osgi.register(new HostApplicationProperties(dataDir, cluster.clusterMode()));
 * }</pre>
 */
public final class HostApplicationProperties implements ApplicationProperties {
    private final Path localHome;
    private final boolean clusterMode;

    /**
     * @param localHome the host's data directory, absolute
     * @param clusterMode whether this node runs in a cluster (then it has no shared home)
     */
    public HostApplicationProperties(Path localHome, boolean clusterMode) {
        this.localHome = Objects.requireNonNull(localHome, "localHome");
        if (!localHome.isAbsolute()) {
            throw new IllegalArgumentException("the local home must be absolute, got " + localHome);
        }
        this.clusterMode = clusterMode;
    }

    @Override
    public String getDisplayName() {
        return "Jira";
    }

    @Override
    public String getPlatformId() {
        return PLATFORM_JIRA;
    }

    /** As Jira's {@code JiraHome.getHome()}: the shared home; none in cluster mode (see the class). */
    @Override
    @Deprecated
    public File getHomeDirectory() {
        return getSharedHomeDirectory().map(Path::toFile).orElse(null);
    }

    @Override
    public Optional<Path> getLocalHomeDirectory() {
        return Optional.of(localHome);
    }

    @Override
    public Optional<Path> getSharedHomeDirectory() {
        return clusterMode ? Optional.empty() : Optional.of(localHome);
    }

    /** Jira reads and writes its files as UTF-8 unless an admin changed it; the host never does. */
    @Override
    public String getApplicationFileEncoding() {
        return "UTF-8";
    }
}
