package org.capacitytracker.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where the native library is copied before {@code System.load}, and the copies' life cycle.
 *
 * <p>The directory is, in order: the system property {@value #PROPERTY}; else
 * {@code capacity-tracker/native} under the host application's local home (the plugin names it
 * through {@link CapacityEngine#useLocalHome}, from SAL's {@code ApplicationProperties});
 * else {@code java.io.tmpdir}, which hardened servers often mount {@code noexec}. A
 * {@code noexec} directory fails before copying, naming the directory and the property.
 *
 * <p>Every copy has a unique name and a lock file beside it, locked while its class loader may
 * still use it. Linux lets a loaded library's file go, so there the copy and its lock are
 * deleted right after loading. Windows keeps a loaded DLL's file open and undeletable, so there
 * both stay until the JVM ends, and the next start deletes every copy whose lock is free: old
 * copies are cleaned at start, never while loaded.
 */
final class NativeDirectory {
    /** The system property that overrides the extraction directory. */
    static final String PROPERTY = "capacity.native.dir";

    static final String PREFIX = "capacity_jni-";
    static final String LOCK_SUFFIX = ".lock";

    // The locks of the copies this class loader loaded and keeps (Windows): held until the JVM
    // ends, so no other class loader or JVM start deletes a DLL in use.
    private static final List<FileLock> HELD = new ArrayList<>();

    final Path dir;
    /** How the directory was chosen, for messages: the property, the local home or the temp dir. */
    final String source;

    NativeDirectory(Path dir, String source) {
        this.dir = dir;
        this.source = source;
    }

    /**
     * The directory to extract to: the property, else the local home's, else the temp dir.
     *
     * @param localHome the host application's local home, when the plugin named it
     */
    static NativeDirectory choose(Optional<Path> localHome) {
        String property = System.getProperty(PROPERTY);
        if (property != null && !property.isBlank()) {
            return new NativeDirectory(Path.of(property.trim()), "system property " + PROPERTY);
        }
        if (localHome.isPresent()) {
            return new NativeDirectory(localHome.get().resolve("capacity-tracker").resolve("native"),
                    "the application's local home");
        }
        return new NativeDirectory(Path.of(System.getProperty("java.io.tmpdir")), "java.io.tmpdir");
    }

    /**
     * Creates the directory and refuses one the library could not be mapped executable from.
     *
     * @param platform named in every message
     * @param mountInfo {@code /proc/self/mountinfo}'s text on Linux, else empty
     */
    void prepare(String platform, String mountInfo) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw failure(platform, "cannot be created: " + e, e);
        }
        if (!Files.isWritable(dir)) {
            throw failure(platform, "is not writable by this process", null);
        }
        Path real;
        try {
            real = dir.toRealPath();
        } catch (IOException e) {
            throw failure(platform, "cannot be resolved: " + e, e);
        }
        Optional<String> mount = MountInfo.noexecMountOf(real, mountInfo);
        if (mount.isPresent()) {
            throw failure(platform, "is on the file system mounted noexec at " + mount.get()
                    + ", from which no library can be loaded", null);
        }
    }

    private CapacityNativeException failure(String platform, String what, Throwable cause) {
        return new CapacityNativeException("Capacity Tracker native library for platform " + platform
                + ": the extraction directory " + dir + " (from " + source + ") " + what
                + "; set the system property " + PROPERTY + " to a writable directory on a file system"
                + " mounted with exec", cause);
    }

    /**
     * Deletes the copies earlier class loaders or JVMs left behind whose lock nobody holds.
     * A copy that cannot be deleted (a DLL Windows still maps) is left for the next start.
     */
    void cleanOldCopies() {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, PREFIX + "*")) {
            stream.forEach(entries::add);
        } catch (IOException e) {
            return; // cleaning is best effort; loading does not depend on it
        }
        long youngest = System.currentTimeMillis() - GRACE_MILLIS;
        for (Path entry : entries) {
            String name = entry.getFileName().toString();
            if (modifiedAfter(entry, youngest)) {
                // Another JVM may be between creating its lock file and locking it, or between
                // copying the library and loading it: a fresh pair is never ours to judge.
                continue;
            }
            if (name.endsWith(LOCK_SUFFIX)) {
                Path library = entry.resolveSibling(name.substring(0, name.length() - LOCK_SUFFIX.length()));
                cleanIfUnlocked(entry, library);
            } else if (!Files.exists(entry.resolveSibling(name + LOCK_SUFFIX))) {
                deleteQuietly(entry); // a copy without a lock: left by a crash, or by an older loader
            }
        }
    }

    /**
     * How old a copy or lock must be before a start may clean it. Extracting and loading take
     * milliseconds; a copy left this long with its lock free was left by a JVM that ended.
     */
    static final long GRACE_MILLIS = 10 * 60 * 1000L;

    private static boolean modifiedAfter(Path entry, long millis) {
        try {
            return Files.getLastModifiedTime(entry).toMillis() > millis;
        } catch (IOException e) {
            return true; // gone already, or unreadable: leave it
        }
    }

    private static void cleanIfUnlocked(Path lockFile, Path library) {
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                return; // held by this JVM: a class loader still uses the copy
            }
            if (lock == null) {
                return; // held by another process
            }
            try {
                Files.deleteIfExists(library);
            } catch (IOException e) {
                return; // still mapped (Windows): keep the lock file so the pair is retried
            } finally {
                lock.release();
            }
        } catch (IOException e) {
            return;
        }
        deleteQuietly(lockFile);
    }

    /**
     * Copies the library to a new unique file, locked until {@link #release} or the JVM's end.
     *
     * @return the copy and its lock
     */
    Copy extract(InputStream library, String fileName, String platform) {
        String unique = PREFIX + UUID.randomUUID() + "-" + fileName;
        Path file = dir.resolve(unique);
        Path lockFile = dir.resolve(unique + LOCK_SUFFIX);
        FileChannel channel = null;
        try {
            // The lock first, so a cleaner never sees this copy without one.
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            FileLock lock = channel.lock();
            Files.copy(library, file, StandardCopyOption.REPLACE_EXISTING);
            return new Copy(file, lockFile, lock);
        } catch (IOException e) {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // the copy failed already; that is the error to report
                }
            }
            deleteQuietly(file);
            deleteQuietly(lockFile);
            throw failure(platform, "could not take a copy of the library: " + e, e);
        }
    }

    /** An extracted copy of the library and the lock that keeps cleaners away from it. */
    static final class Copy {
        final Path file;
        final Path lockFile;
        final FileLock lock;

        Copy(Path file, Path lockFile, FileLock lock) {
            this.file = file;
            this.lockFile = lockFile;
            this.lock = lock;
        }

        /**
         * After loading: deletes the copy and its lock where the OS lets a loaded library's file
         * go; else keeps the lock held for the JVM's life, so a later start cleans the copy.
         */
        void afterLoad(boolean loadedFileMayBeDeleted) {
            if (loadedFileMayBeDeleted) {
                release();
            } else {
                synchronized (HELD) {
                    HELD.add(lock);
                }
            }
        }

        /** Deletes the copy and its lock (after a failed load, or on Linux after loading). */
        void release() {
            deleteQuietly(file);
            try {
                lock.channel().close();
            } catch (IOException ignored) {
                // closing a lock file we are about to delete; nothing depends on it
            }
            deleteQuietly(lockFile);
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // best effort: what stays is cleaned at a later start
        }
    }
}
