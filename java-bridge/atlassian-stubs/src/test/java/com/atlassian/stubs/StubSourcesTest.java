package com.atlassian.stubs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every stubbed type is listed in STUB-SOURCES.md with its source and is no longer marked
 * partial there, and the stubs' public signatures equal the reviewed list in
 * {@code src/test/resources/stub-signatures.txt}. After a reviewed stub change, regenerate
 * the list with {@code -Dstubs.writeSignatures=true} and review its diff against the javadoc.
 */
class StubSourcesTest {
    private static final Path SOURCES = Path.of("src/main/java");
    private static final Path TABLE = Path.of("STUB-SOURCES.md");
    private static final Path SIGNATURES = Path.of("src/test/resources/stub-signatures.txt");
    private static final Path ACTUAL = Path.of("target/stub-signatures.actual.txt");
    private static final Pattern ROW = Pattern.compile("^\\| `([a-zA-Z0-9_.]+)` \\|");

    @Test
    void everyStubIsListedAndEveryListedTypeExists() throws IOException {
        Set<String> listed = new TreeSet<>();
        for (String line : Files.readAllLines(TABLE)) {
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
        assertEquals(stubbedTypes(), listed, "STUB-SOURCES.md must list exactly the stubbed types");
    }

    @Test
    void noListedTypeIsStillPartial() throws IOException {
        List<String> partial = new ArrayList<>();
        for (String line : Files.readAllLines(TABLE)) {
            Matcher m = ROW.matcher(line);
            if (m.find() && line.toLowerCase(Locale.ROOT).contains("partial")) {
                partial.add(m.group(1));
            }
        }
        assertEquals(List.of(), partial, "STUB-SOURCES.md still marks these stubs partial");
    }

    @Test
    void signaturesMatchTheReviewedList() throws Exception {
        String actual = signatures();
        if (Boolean.getBoolean("stubs.writeSignatures")) {
            Files.writeString(SIGNATURES, actual, StandardCharsets.UTF_8);
            return;
        }
        String expected = Files.exists(SIGNATURES) ? Files.readString(SIGNATURES, StandardCharsets.UTF_8) : "";
        if (!expected.equals(actual)) {
            Files.createDirectories(ACTUAL.getParent());
            Files.writeString(ACTUAL, actual, StandardCharsets.UTF_8);
            fail("the stubs' public signatures differ from " + SIGNATURES + " (now: " + ACTUAL
                    + "); review the change against the library's javadoc, update STUB-SOURCES.md, then regenerate with"
                    + " -Dstubs.writeSignatures=true");
        }
    }

    private static Set<String> stubbedTypes() throws IOException {
        Set<String> stubbed = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                String name = SOURCES.relativize(f).toString();
                stubbed.add(name.substring(0, name.length() - ".java".length()).replace('/', '.').replace('\\', '.'));
            });
        }
        return stubbed;
    }

    /** One block per stubbed type: its declaration, then its public members, each sorted. */
    static String signatures() throws Exception {
        StringBuilder out = new StringBuilder();
        for (String name : stubbedTypes()) {
            Class<?> type = Class.forName(name, false, StubSourcesTest.class.getClassLoader());
            out.append(declaration(type)).append('\n');
            List<String> members = new ArrayList<>();
            for (Annotation a : annotationsOf(type)) {
                members.add("annotation " + a);
            }
            for (Field f : type.getDeclaredFields()) {
                if (Modifier.isPublic(f.getModifiers()) && !f.isSynthetic()) {
                    members.add("field " + f.toGenericString());
                }
            }
            for (Constructor<?> c : type.getDeclaredConstructors()) {
                if (Modifier.isPublic(c.getModifiers()) && !c.isSynthetic()) {
                    members.add("constructor " + c.toGenericString());
                }
            }
            for (Method m : type.getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers()) && !m.isSynthetic() && !m.isBridge()) {
                    String annotations = Arrays.stream(m.getAnnotations()).map(a -> "@" + a.annotationType().getSimpleName() + " ")
                            .sorted().collect(Collectors.joining());
                    String dflt = m.getDefaultValue() == null ? "" : " default " + m.getDefaultValue();
                    members.add("method " + annotations + m.toGenericString() + dflt);
                }
            }
            members.stream().sorted().forEach(m -> out.append("  ").append(m).append('\n'));
        }
        return out.toString();
    }

    private record Annotation(String text) {
        @Override
        public String toString() {
            return text;
        }
    }

    private static List<Annotation> annotationsOf(Class<?> type) {
        List<Annotation> result = new ArrayList<>();
        Target target = type.getAnnotation(Target.class);
        if (target != null) {
            result.add(new Annotation("@Target" + Arrays.stream(target.value()).map(Enum::name).sorted().toList()));
        }
        Retention retention = type.getAnnotation(Retention.class);
        if (retention != null) {
            result.add(new Annotation("@Retention(" + retention.value() + ")"));
        }
        if (type.isAnnotationPresent(Deprecated.class)) {
            result.add(new Annotation("@Deprecated"));
        }
        return result;
    }

    private static String declaration(Class<?> type) {
        String kind = type.isAnnotation() ? "@interface" : type.isInterface() ? "interface" : type.isEnum() ? "enum" : "class";
        String modifiers = Modifier.toString(type.getModifiers() & ~(Modifier.INTERFACE | Modifier.ABSTRACT) | (type.isInterface() ? 0 : type.getModifiers() & Modifier.ABSTRACT));
        StringBuilder s = new StringBuilder(modifiers).append(' ').append(kind).append(' ').append(type.getName());
        if (!type.isInterface() && !type.isEnum() && type.getGenericSuperclass() != null
                && type.getGenericSuperclass() != Object.class) {
            s.append(" extends ").append(type.getGenericSuperclass().getTypeName());
        }
        if (!type.isAnnotation() && type.getGenericInterfaces().length > 0) {
            s.append(type.isInterface() ? " extends " : " implements ").append(Arrays.stream(type.getGenericInterfaces())
                    .map(java.lang.reflect.Type::getTypeName).collect(Collectors.joining(", ")));
        }
        return s.toString();
    }
}
