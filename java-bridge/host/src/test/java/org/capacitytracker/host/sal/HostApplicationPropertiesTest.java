package org.capacitytracker.host.sal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.atlassian.sal.api.ApplicationProperties;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HostApplicationPropertiesTest {
    private final Path dataDir = Path.of("/var/capacity-host").toAbsolutePath();

    @Test
    void aNodeAloneHasItsDataDirectoryAsLocalAndSharedHome() {
        ApplicationProperties properties = new HostApplicationProperties(dataDir, false);
        assertEquals(Optional.of(dataDir), properties.getLocalHomeDirectory());
        assertEquals(Optional.of(dataDir), properties.getSharedHomeDirectory());
        assertEquals(dataDir.toFile(), properties.getHomeDirectory());
        assertEquals("jira", properties.getPlatformId());
        assertEquals("UTF-8", properties.getApplicationFileEncoding());
    }

    @Test
    void aClusterNodeHasALocalHomeButNoSharedOne() {
        ApplicationProperties properties = new HostApplicationProperties(dataDir, true);
        assertEquals(Optional.of(dataDir), properties.getLocalHomeDirectory());
        assertEquals(Optional.empty(), properties.getSharedHomeDirectory());
        assertNull(properties.getHomeDirectory());
    }

    @Test
    void aRelativeHomeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new HostApplicationProperties(Path.of("data"), false));
        assertThrows(NullPointerException.class, () -> new HostApplicationProperties(null, false));
    }
}
