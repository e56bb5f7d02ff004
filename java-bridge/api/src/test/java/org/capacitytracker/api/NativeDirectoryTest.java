package org.capacitytracker.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeDirectoryTest {
    @TempDir
    Path tmp;

    @Test
    void theSystemPropertyWinsOverTheLocalHomeWhichWinsOverTheTempDir() {
        String before = System.getProperty(NativeDirectory.PROPERTY);
        try {
            System.clearProperty(NativeDirectory.PROPERTY);
            NativeDirectory home = NativeDirectory.choose(Optional.of(Path.of("/var/jira-home")));
            assertEquals(Path.of("/var/jira-home/capacity-tracker/native"), home.dir);
            assertEquals("the application's local home", home.source);
            NativeDirectory temp = NativeDirectory.choose(Optional.empty());
            assertEquals(Path.of(System.getProperty("java.io.tmpdir")), temp.dir);

            System.setProperty(NativeDirectory.PROPERTY, "/opt/capacity-native");
            NativeDirectory property = NativeDirectory.choose(Optional.of(Path.of("/var/jira-home")));
            assertEquals(Path.of("/opt/capacity-native"), property.dir);
            assertEquals("system property capacity.native.dir", property.source);
        } finally {
            if (before == null) {
                System.clearProperty(NativeDirectory.PROPERTY);
            } else {
                System.setProperty(NativeDirectory.PROPERTY, before);
            }
        }
    }

    @Test
    void aNoexecDirectoryFailsNamingThePlatformTheDirectoryAndTheProperty() throws IOException {
        Path dir = tmp.resolve("native");
        String table = "1 0 8:1 / / rw - ext4 /dev/sda1 rw\n"
                + "2 1 0:9 / " + tmp.toRealPath() + " rw,nosuid,noexec - tmpfs tmpfs rw\n";
        CapacityNativeException e = assertThrows(CapacityNativeException.class,
                () -> new NativeDirectory(dir, "java.io.tmpdir").prepare("linux-aarch64", table));
        String m = e.getMessage();
        assertTrue(m.contains("linux-aarch64"), m);
        assertTrue(m.contains(dir.toString()), m);
        assertTrue(m.contains("noexec"), m);
        assertTrue(m.contains("capacity.native.dir"), m);
        assertTrue(m.contains("from java.io.tmpdir"), m);
    }

    @Test
    void aDirectoryThatCannotBeCreatedFailsNamingItAndTheProperty() throws IOException {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        Path dir = file.resolve("native");
        CapacityNativeException e = assertThrows(CapacityNativeException.class,
                () -> new NativeDirectory(dir, "the application's local home").prepare("windows-x86_64", ""));
        assertTrue(e.getMessage().contains(dir.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("windows-x86_64"), e.getMessage());
        assertTrue(e.getMessage().contains("capacity.native.dir"), e.getMessage());
    }

    @Test
    void anExecMountIsPreparedAndCreated() {
        Path dir = tmp.resolve("a/b");
        new NativeDirectory(dir, "x").prepare("linux-x86_64", "1 0 8:1 / / rw - ext4 /dev/sda1 rw\n");
        assertTrue(Files.isDirectory(dir));
    }

    @Test
    void startCleansUnlockedCopiesAndKeepsTheOnesInUse() throws IOException {
        NativeDirectory dir = new NativeDirectory(tmp, "test");
        // In use: extracted by a class loader of this JVM, its lock held (as on Windows after loading).
        NativeDirectory.Copy inUse = dir.extract(bytes(), "capacity_jni.dll", "windows-x86_64");
        inUse.afterLoad(false);
        // Left by a JVM that ended: a copy and its lock file, nobody holding the lock.
        Path oldCopy = Files.writeString(tmp.resolve("capacity_jni-old-capacity_jni.dll"), "old");
        Path oldLock = Files.writeString(tmp.resolve("capacity_jni-old-capacity_jni.dll.lock"), "");
        // Left by a crash between copy and lock, or by the loader before lock files.
        Path orphan = Files.writeString(tmp.resolve("capacity_jni-1234.so"), "orphan");
        // Not ours.
        Path other = Files.writeString(tmp.resolve("other.so"), "other");
        for (Path left : new Path[] {oldCopy, oldLock, orphan}) {
            Files.setLastModifiedTime(left, FileTime.fromMillis(System.currentTimeMillis() - 2 * 3600_000L));
        }

        dir.cleanOldCopies();

        assertTrue(Files.exists(inUse.file), "a copy in use is never deleted");
        assertTrue(Files.exists(inUse.lockFile));
        assertFalse(Files.exists(oldCopy));
        assertFalse(Files.exists(oldLock));
        assertFalse(Files.exists(orphan));
        assertTrue(Files.exists(other));
    }

    @Test
    void aFreshCopyOfAnotherJvmIsLeftAlone() throws IOException {
        NativeDirectory dir = new NativeDirectory(tmp, "test");
        // Another JVM that has just created its lock file and not yet locked it, and one that
        // copied its library a moment ago: cleaning them made its System.load fail at random.
        Path lockNotYetHeld = Files.writeString(tmp.resolve("capacity_jni-new-libcapacity_jni.so.lock"), "");
        Path copyNotYetLoaded = Files.writeString(tmp.resolve("capacity_jni-new-libcapacity_jni.so"), "new");
        Path orphanJustWritten = Files.writeString(tmp.resolve("capacity_jni-5678.so"), "new");

        dir.cleanOldCopies();

        assertTrue(Files.exists(lockNotYetHeld));
        assertTrue(Files.exists(copyNotYetLoaded));
        assertTrue(Files.exists(orphanJustWritten));
    }

    @Test
    void aCopyReleasedAfterLoadingLeavesNothing() throws IOException {
        NativeDirectory dir = new NativeDirectory(tmp, "test");
        NativeDirectory.Copy copy = dir.extract(bytes(), "libcapacity_jni.so", "linux-x86_64");
        assertEquals("library", Files.readString(copy.file));
        assertTrue(Files.exists(copy.lockFile));
        copy.afterLoad(true);
        try (var left = Files.list(tmp)) {
            assertEquals(0, left.count());
        }
    }

    private static ByteArrayInputStream bytes() {
        return new ByteArrayInputStream("library".getBytes(StandardCharsets.UTF_8));
    }
}
