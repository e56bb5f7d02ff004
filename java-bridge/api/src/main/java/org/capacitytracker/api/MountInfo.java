package org.capacitytracker.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads Linux's {@code /proc/self/mountinfo} to tell whether a directory is on a {@code noexec}
 * mount, so the loader can say so instead of passing on the linker's "failed to map segment".
 */
final class MountInfo {
    private MountInfo() {
    }

    /** This process's mount table, or empty where there is none (not Linux). */
    static String read() {
        Path file = Path.of("/proc/self/mountinfo");
        try {
            return Files.isReadable(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * The mount point of {@code realDir} when that mount is {@code noexec}.
     *
     * @param realDir an absolute path without symbolic links
     * @param mountInfo the text of {@code /proc/self/mountinfo}
     * @return the mount point, or empty when the directory's mount allows exec (or is unknown)
     */
    static Optional<String> noexecMountOf(Path realDir, String mountInfo) {
        String best = null;
        boolean bestNoexec = false;
        for (String line : mountInfo.split("\n")) {
            // id parent major:minor root mount-point mount-options [optional...] - type source super-options
            String[] fields = line.split(" ");
            if (fields.length < 6) {
                continue;
            }
            String mountPoint = unescape(fields[4]);
            if (!realDir.startsWith(Path.of(mountPoint))) {
                continue;
            }
            // The longest matching mount point wins; a later line of the same point is mounted over it.
            if (best == null || mountPoint.length() >= best.length()) {
                best = mountPoint;
                bestNoexec = false;
                for (String option : fields[5].split(",")) {
                    bestNoexec |= option.equals("noexec");
                }
            }
        }
        return bestNoexec ? Optional.of(best) : Optional.empty();
    }

    // mountinfo writes space, tab, newline and backslash in paths as octal escapes (\040 ...).
    private static String unescape(String field) {
        StringBuilder out = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && isOctal(field, i + 1)) {
                out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isOctal(String s, int from) {
        if (from + 3 > s.length()) {
            return false;
        }
        for (int i = from; i < from + 3; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '7') {
                return false;
            }
        }
        return true;
    }
}
