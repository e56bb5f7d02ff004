package org.capacitytracker.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MountInfoTest {
    // Lines as the kernel writes them (proc(5)); /tmp noexec as on a hardened RHEL node.
    private static final String TABLE = String.join("\n",
            "22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw",
            "30 22 0:27 / /tmp rw,nosuid,nodev,noexec,relatime shared:5 - tmpfs tmpfs rw",
            "31 22 8:2 / /var/atlassian/application-data rw,relatime shared:6 - xfs /dev/sda2 rw",
            "32 30 0:28 / /tmp/exec\\040ok rw,relatime - tmpfs tmpfs rw",
            "");

    @Test
    void aDirectoryOnANoexecMountNamesTheMountPoint() {
        assertEquals(Optional.of("/tmp"), MountInfo.noexecMountOf(Path.of("/tmp"), TABLE));
        assertEquals(Optional.of("/tmp"), MountInfo.noexecMountOf(Path.of("/tmp/capacity"), TABLE));
    }

    @Test
    void theLongestMountPointDecidesAndEscapedSpacesAreRead() {
        assertEquals(Optional.empty(), MountInfo.noexecMountOf(Path.of("/tmp/exec ok/x"), TABLE));
        assertEquals(Optional.empty(),
                MountInfo.noexecMountOf(Path.of("/var/atlassian/application-data/jira/capacity-tracker"), TABLE));
        assertEquals(Optional.empty(), MountInfo.noexecMountOf(Path.of("/opt"), TABLE));
    }

    @Test
    void aMountPointIsMatchedByPathNotByPrefixText() {
        // /tmpx is not under /tmp
        assertEquals(Optional.empty(), MountInfo.noexecMountOf(Path.of("/tmpx/a"), TABLE));
    }

    @Test
    void noTableMeansNoVerdict() {
        assertEquals(Optional.empty(), MountInfo.noexecMountOf(Path.of("/tmp"), ""));
    }
}
