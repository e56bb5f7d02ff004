package org.capacitytracker.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

/**
 * Loads the native library carried inside this jar, once per class loader.
 *
 * <p>The JVM lets one native library file belong to one class loader only, and a plugin
 * upgrade loads this jar again in a new class loader while the old one may still be
 * alive. So every class loader copies the library to its own unique temporary file, loads
 * that copy and deletes the file (on Linux the loaded mapping stays valid).
 */
final class NativeLoader {
    /** Platforms this jar carries a library for, as {@code <os>-<arch>}. */
    static final List<String> SUPPORTED = List.of("linux-x86_64");

    static final String LIBRARY = "libcapacity_jni.so";

    private static final Object LOCK = new Object();
    private static boolean loaded;
    // A failed load is remembered so every later call fails the same way, quickly,
    // instead of retrying an extraction that cannot succeed.
    private static String failure;
    private static Throwable failureCause;

    private NativeLoader() {
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
                try {
                    load();
                    loaded = true;
                    return;
                } catch (CapacityNativeException e) {
                    failure = e.getMessage();
                    failureCause = e.getCause();
                }
            }
            throw new CapacityNativeException(failure, failureCause);
        }
    }

    private static void load() {
        String platform = platform();
        checkSupported(platform);
        String resource = "/native/" + platform + "/" + LIBRARY;
        Path file = null;
        try (InputStream in = NativeLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new CapacityNativeException("Capacity Tracker native library " + resource
                        + " is missing from the jar of " + NativeLoader.class.getName(), null);
            }
            file = Files.createTempFile("capacity_jni-", ".so");
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            System.load(file.toAbsolutePath().toString());
        } catch (IOException e) {
            throw new CapacityNativeException("Capacity Tracker native library " + resource
                    + " could not be extracted to a temporary file: " + e, e);
        } catch (UnsatisfiedLinkError | SecurityException e) {
            throw new CapacityNativeException("Capacity Tracker native library " + resource
                    + " could not be loaded: " + e.getMessage(), e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // Leaves one file in the temp directory; the library is loaded (or not)
                    // either way, and the next class loader uses a new unique name.
                }
            }
        }
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
