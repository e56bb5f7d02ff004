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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
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

    /**
     * Types, not just names: the library reports the JNI descriptor each export was built
     * for (from its one declaration in java-bridge/native/src/operations.rs), and every
     * native method of {@code Native.class} must have exactly that descriptor. A Java
     * declaration edited by hand to another parameter or return type fails here.
     */
    @Test
    void javaNativesHaveTheTypesTheLibraryWasBuiltFor() {
        NativeLoader.ensureLoaded();
        Map<String, String> library = new TreeMap<>();
        for (String line : Native.nativeSignatures().split("\n")) {
            if (!line.isEmpty()) {
                String[] nameAndDescriptor = line.split(" ", 2);
                library.put(nameAndDescriptor[0], nameAndDescriptor[1]);
            }
        }
        Map<String, String> java = new TreeMap<>();
        for (Method m : Native.class.getDeclaredMethods()) {
            if (Modifier.isNative(m.getModifiers())) {
                java.put(m.getName(), descriptor(m));
            }
        }
        List<String> mismatches = new ArrayList<>();
        Set<String> names = new TreeSet<>(library.keySet());
        names.addAll(java.keySet());
        for (String name : names) {
            if (!Objects.equals(library.get(name), java.get(name))) {
                mismatches.add(name + ": the library was built for " + library.get(name)
                        + ", Native.class declares " + java.get(name));
            }
        }
        assertTrue(mismatches.isEmpty(), "Native.java must declare what java-bridge/native/src/operations.rs "
                + "declares (regenerate it: CT_BLESS=1 cargo test -p capacity-jni):\n  " + String.join("\n  ", mismatches));
    }

    /** The JNI method descriptor of {@code m}, such as {@code (JI)V}. */
    static String descriptor(Method m) {
        StringBuilder d = new StringBuilder("(");
        for (Class<?> p : m.getParameterTypes()) {
            d.append(descriptor(p));
        }
        return d.append(')').append(descriptor(m.getReturnType())).toString();
    }

    private static String descriptor(Class<?> c) {
        if (c.isArray()) {
            return "[" + descriptor(c.getComponentType());
        }
        if (c.isPrimitive()) {
            return switch (c.getName()) {
                case "void" -> "V";
                case "boolean" -> "Z";
                case "byte" -> "B";
                case "char" -> "C";
                case "short" -> "S";
                case "int" -> "I";
                case "long" -> "J";
                case "float" -> "F";
                case "double" -> "D";
                default -> throw new AssertionError(c);
            };
        }
        return "L" + c.getName().replace('.', '/') + ";";
    }

    @Test
    void otherClassesDeclareNoNatives() {
        for (Class<?> c : new Class<?>[] {CapacityEngine.class, NativeLoader.class, HostStorage.class,
                AccessSubject.class, IdRules.class, NativeHandle.class}) {
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
