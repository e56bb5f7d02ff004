package org.capacitytracker.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.Properties;

/**
 * What the build recorded beside a platform's library in the jar
 * ({@code /native/<platform>/library.properties}, written by scripts/build-platforms.sh): the
 * oldest glibc the Linux libraries were linked for.
 */
final class LibraryInfo {
    private final String glibcFloor;

    private LibraryInfo(String glibcFloor) {
        this.glibcFloor = glibcFloor;
    }

    /** The running platform's record; an unsupported platform or a missing file reads as empty. */
    static LibraryInfo read(String platform) {
        Properties props = new Properties();
        try (InputStream in = LibraryInfo.class.getResourceAsStream("/native/" + platform + "/library.properties")) {
            if (in != null) {
                props.load(in);
            }
        } catch (IOException e) {
            // an unreadable record only leaves the health line without the floor
        }
        String floor = props.getProperty("glibc.floor");
        return new LibraryInfo(floor == null || floor.isBlank() ? null : floor.trim());
    }

    /** The glibc version the library needs at least; empty off Linux. */
    Optional<String> glibcFloor() {
        return Optional.ofNullable(glibcFloor);
    }
}
