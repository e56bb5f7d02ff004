package org.capacitytracker.jira.testing;

import com.atlassian.sal.api.ApplicationProperties;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;

/**
 * SAL's application properties with a given local home, counting how often it was asked for.
 * Tests pass no home: a home given here would move where the test JVM extracts the library.
 */
public final class FakeApplicationProperties implements ApplicationProperties {
    private final Optional<Path> localHome;
    public int localHomeAsked;

    public FakeApplicationProperties(Optional<Path> localHome) {
        this.localHome = localHome;
    }

    /** A node without a local home (the loader then keeps its default). */
    public static FakeApplicationProperties withoutHome() {
        return new FakeApplicationProperties(Optional.empty());
    }

    @Override
    public String getDisplayName() {
        return "Jira";
    }

    @Override
    public String getPlatformId() {
        return PLATFORM_JIRA;
    }

    @Override
    @Deprecated
    public File getHomeDirectory() {
        return localHome.map(Path::toFile).orElse(null);
    }

    @Override
    public Optional<Path> getLocalHomeDirectory() {
        localHomeAsked++;
        return localHome;
    }

    @Override
    public Optional<Path> getSharedHomeDirectory() {
        return localHome;
    }

    @Override
    public String getApplicationFileEncoding() {
        return "UTF-8";
    }
}
