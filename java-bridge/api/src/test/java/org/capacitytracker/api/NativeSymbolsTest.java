package org.capacitytracker.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Every Java {@code native} method has a Rust export and every Rust export a Java native:
 * a method missing on either side would otherwise surface only as an UnsatisfiedLinkError
 * at the first call in production.
 */
class NativeSymbolsTest {
    static final String PREFIX = "Java_org_capacitytracker_api_Native_";

    @Test
    void javaNativesAndLibraryExportsMatch() throws Exception {
        Set<String> javaSide = new TreeSet<>();
        for (Method m : Native.class.getDeclaredMethods()) {
            if (Modifier.isNative(m.getModifiers())) {
                assertTrue(Modifier.isStatic(m.getModifiers()), m + " must be static");
                // Short JNI names only: no overloads, and no characters that need escaping.
                assertTrue(m.getName().matches("[A-Za-z][A-Za-z0-9]*"), m.getName());
                assertTrue(javaSide.add(PREFIX + m.getName()), "overloaded native " + m.getName());
            }
        }
        assertFalse(javaSide.isEmpty());

        Set<String> exported = exportedJniSymbols(Path.of(System.getProperty("capacity.native.library")));
        assertEquals(javaSide, exported);
    }

    @Test
    void otherClassesDeclareNoNatives() {
        for (Class<?> c : new Class<?>[] {CapacityEngine.class, NativeLoader.class, HostStorage.class}) {
            for (Method m : c.getDeclaredMethods()) {
                assertFalse(Modifier.isNative(m.getModifiers()), m + " should live in Native");
            }
        }
    }

    /** The dynamic symbols named {@code Java_*} that the library defines, read with nm. */
    static Set<String> exportedJniSymbols(Path library) throws IOException, InterruptedException {
        assertTrue(Files.isRegularFile(library), "no library at " + library);
        Process nm = new ProcessBuilder("nm", "-D", "--defined-only", library.toString())
                .redirectErrorStream(true).start();
        String out = new String(nm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(nm.waitFor(60, TimeUnit.SECONDS), "nm timed out");
        assertEquals(0, nm.exitValue(), "nm failed: " + out);
        Set<String> symbols = new TreeSet<>();
        for (String line : out.split("\n")) {
            String[] parts = line.trim().split("\\s+");
            String name = parts[parts.length - 1];
            if (name.startsWith("Java_")) {
                assertTrue(name.startsWith(PREFIX), "export outside Native: " + name);
                symbols.add(name);
            }
        }
        return symbols;
    }
}
