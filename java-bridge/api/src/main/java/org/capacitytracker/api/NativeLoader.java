package org.capacitytracker.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Loads the native library carried inside this jar for the running platform, once per class
 * loader.
 *
 * <p>The JVM lets one native library file belong to one class loader only, and a plugin
 * upgrade loads this jar again in a new class loader while the old one may still be
 * alive. So every class loader copies the library to its own unique file (where:
 * {@link NativeDirectory}) and loads that copy. Every message names the platform.
 */
final class NativeLoader {
    /** Platforms this jar carries a library for, as {@code <os>-<arch>}. */
    static final List<String> SUPPORTED = List.of("linux-x86_64", "linux-aarch64", "windows-x86_64");

    private static final Object LOCK = new Object();
    private static boolean loaded;
    // A failed load is remembered so every later call fails the same way, quickly,
    // instead of retrying an extraction that cannot succeed.
    private static String failure;
    private static Throwable failureCause;
    // The host application's local home, when the plugin named it before the first load.
    private static Path localHome;
    private static LibraryInfo info;

    private NativeLoader() {
    }

    /** The library file's name on a platform: a DLL on Windows, a shared object elsewhere. */
    static String libraryName(String platform) {
        return platform.startsWith("windows-") ? "capacity_jni.dll" : "libcapacity_jni.so";
    }

    /** See {@link CapacityEngine#useLocalHome}; no effect once the library is loaded. */
    static void useLocalHome(Path home) {
        synchronized (LOCK) {
            localHome = home;
        }
    }

    /** What the jar says about the running platform's library (glibc floor); loads nothing. */
    static LibraryInfo info() {
        synchronized (LOCK) {
            if (info == null) {
                info = LibraryInfo.read(platform());
            }
            return info;
        }
    }

    /**
     * Makes the native methods of {@link Native} callable.
     *
     * @throws CapacityNativeException when the platform is unsupported or loading fails
     */
    static void ensureLoaded() {
        synchronized (LOCK) {
            if (loaded) {
                return;
            }
            if (failure == null) {
                // The copy is written and locked through interruptible channels: a thread
                // interrupted before it got here (a cancelled report job, say) would close
                // them and fail the load for good. Its interrupt is put back afterwards.
                boolean interrupted = Thread.interrupted();
                try {
                    load();
                    loaded = true;
                    return;
                } catch (CapacityNativeException e) {
                    if (byInterrupt(e)) {
                        throw e; // interrupted while loading: the next caller tries again
                    }
                    failure = e.getMessage();
                    failureCause = e.getCause();
                } finally {
                    if (interrupted) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
            throw new CapacityNativeException(failure, failureCause);
        }
    }

    /** Whether a load failed because its thread was interrupted, not because of the library or the disk. */
    static boolean byInterrupt(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.nio.channels.ClosedByInterruptException
                    || t instanceof java.nio.channels.FileLockInterruptionException
                    || t instanceof java.io.InterruptedIOException) {
                return true;
            }
        }
        return false;
    }

    private static void load() {
        String platform = platform();
        checkSupported(platform);
        String name = libraryName(platform);
        String resource = "/native/" + platform + "/" + name;
        NativeDirectory dir = NativeDirectory.choose(Optional.ofNullable(localHome));
        dir.prepare(platform, MountInfo.read());
        dir.cleanOldCopies();
        NativeDirectory.Copy copy;
        try (InputStream in = NativeLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new CapacityNativeException("Capacity Tracker native library for platform " + platform
                        + ": " + resource + " is missing from the jar of " + NativeLoader.class.getName(), null);
            }
            copy = dir.extract(in, name, platform);
        } catch (IOException e) {
            throw new CapacityNativeException("Capacity Tracker native library for platform " + platform
                    + ": " + resource + " could not be read from the jar: " + e, e);
        }
        try {
            System.load(copy.file.toAbsolutePath().toString());
        } catch (UnsatisfiedLinkError | SecurityException e) {
            copy.release();
            throw new CapacityNativeException("Capacity Tracker native library for platform " + platform
                    + " could not be loaded from " + copy.file + " (extraction directory from " + dir.source
                    + ", system property " + NativeDirectory.PROPERTY + " overrides it): " + e.getMessage(), e);
        }
        // Windows keeps a loaded DLL's file open: it stays, locked, until a later start cleans it.
        copy.afterLoad(!platform.startsWith("windows-"));
    }

    /**
     * Refuses a platform the jar carries no library for, naming it and the supported ones.
     *
     * @throws CapacityNativeException when {@code platform} is not in {@link #SUPPORTED}
     */
    static void checkSupported(String platform) {
        if (!SUPPORTED.contains(platform)) {
            throw new CapacityNativeException("Capacity Tracker has no native library for platform "
                    + platform + " (os.name=" + System.getProperty("os.name") + ", os.arch="
                    + System.getProperty("os.arch") + "); supported platforms: "
                    + String.join(", ", SUPPORTED), null);
        }
    }

    /** The running platform as {@code <os>-<arch>}, normalised the way the jar names them. */
    static String platform() {
        return os(System.getProperty("os.name", "")) + "-" + arch(System.getProperty("os.arch", ""));
    }

    static String os(String osName) {
        String name = osName.toLowerCase(Locale.ROOT);
        if (name.startsWith("linux")) {
            return "linux";
        }
        if (name.startsWith("mac") || name.startsWith("darwin")) {
            return "macos";
        }
        if (name.startsWith("windows")) {
            return "windows";
        }
        return name.replaceAll("[^a-z0-9]+", "");
    }

    static String arch(String osArch) {
        String arch = osArch.toLowerCase(Locale.ROOT);
        switch (arch) {
            case "amd64":
            case "x86_64":
            case "x64":
                return "x86_64";
            case "aarch64":
            case "arm64":
                return "aarch64";
            case "x86":
            case "i386":
            case "i486":
            case "i586":
            case "i686":
                return "x86";
            default:
                return arch.replaceAll("[^a-z0-9_]+", "");
        }
    }
}
