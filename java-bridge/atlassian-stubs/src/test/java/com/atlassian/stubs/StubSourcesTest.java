package com.atlassian.stubs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every stubbed type is listed in STUB-SOURCES.md with its source, and every listed type exists. */
class StubSourcesTest {
    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern ROW = Pattern.compile("^\\| `([a-zA-Z0-9_.]+)` \\|");

    @Test
    void everyStubIsListedAndEveryListedTypeExists() throws IOException {
        Set<String> stubbed = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                String name = SOURCES.relativize(f).toString();
                stubbed.add(name.substring(0, name.length() - ".java".length()).replace('/', '.').replace('\\', '.'));
            });
        }
        Set<String> listed = new TreeSet<>();
        for (String line : Files.readAllLines(Path.of("STUB-SOURCES.md"))) {
            Matcher m = ROW.matcher(line);
            if (m.find()) {
                assertTrue(listed.add(m.group(1)), m.group(1) + " is listed twice");
                assertTrue(line.split("\\|").length >= 4 && !line.split("\\|")[2].isBlank(), m.group(1) + " has no source");
            }
        }
        for (String type : listed) {
            try {
                Class.forName(type, false, StubSourcesTest.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new AssertionError(type + " is listed in STUB-SOURCES.md but not stubbed", e);
            }
        }
        assertEquals(stubbed, listed, "STUB-SOURCES.md must list exactly the stubbed types");
    }
}
