package org.capacitytracker.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The shared conformance vectors ({@code tests/vectors/<name>/}, format in
 * {@code tests/vectors/README.md}), run through the Java API: fresh storage, the board
 * settings, days off and {@code setup.json} steps, then the iteration report
 * ({@code request.json}) or the multi-project report ({@code multi-request.json}), compared
 * with {@code expected.json} as JSON. An expected {@code {"error":{"code","field"}}} pins
 * down the error the computation must fail with.
 *
 * <p>Every folder is a case: one that this runner cannot run (no request, no expected
 * report, an unknown setup step) fails instead of being skipped, so the Java suite never
 * silently covers less than the Rust and C suites.
 */
class ConformanceVectorsTest {
    static Path root() {
        Path root = Path.of(System.getProperty("capacity.vectors.dir"));
        assertTrue(Files.isDirectory(root), "no vectors directory " + root);
        return root;
    }

    static List<Path> vectorFolders() throws IOException {
        try (Stream<Path> entries = Files.list(root())) {
            return entries.filter(Files::isDirectory).sorted().collect(Collectors.toList());
        }
    }

    @TestFactory
    Stream<DynamicTest> everyVector() throws IOException {
        List<Path> vectors = vectorFolders();
        assertFalse(vectors.isEmpty(), "no vectors in " + root());
        return vectors.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> run(dir)));
    }

    /**
     * The runner knows every JSON file a vector may hold; one it would ignore is a case it
     * would half run. (Other files, such as a vector's {@code notes.md}, are for people.)
     */
    @Test
    void everyJsonFileOfEveryVectorIsOneTheRunnerReads() throws IOException {
        List<String> known = List.of("board.json", "days-off.json", "setup.json", "request.json",
                "multi-request.json", "member.json", "expected.json");
        for (Path dir : vectorFolders()) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).collect(Collectors.toList())) {
                    assertTrue(known.contains(file.getFileName().toString()),
                            file + " is not part of the vector format (tests/vectors/README.md)");
                }
            }
        }
    }

    static void run(Path dir) throws IOException {
        Path single = dir.resolve("request.json");
        Path multi = dir.resolve("multi-request.json");
        boolean isMulti = Files.isRegularFile(multi);
        if (isMulti == Files.isRegularFile(single)) {
            fail(dir + ": needs exactly one of request.json and multi-request.json");
        }
        Path expectedFile = dir.resolve("expected.json");
        if (!Files.isRegularFile(expectedFile)) {
            fail(dir + ": no expected.json (run `cargo test -p capacity-core --test vectors` to see what the engine computes)");
        }
        String request = read(isMulti ? multi : single);
        try (CapacityEngine engine = CapacityEngine.open(new MemoryHostStorage())) {
            Path board = dir.resolve("board.json");
            if (Files.isRegularFile(board)) {
                JsonNode boardId = Json.parse(request).get("boardId");
                assertTrue(boardId != null && boardId.isTextual(), dir + ": board.json needs the request's boardId");
                engine.putBoardSettings(boardId.asText(), read(board));
            }
            Path daysOff = dir.resolve("days-off.json");
            if (Files.isRegularFile(daysOff)) {
                Iterator<Map.Entry<String, JsonNode>> people = Json.parse(read(daysOff)).fields();
                while (people.hasNext()) {
                    Map.Entry<String, JsonNode> person = people.next();
                    engine.putDaysOff(person.getKey(), person.getValue().toString());
                }
            }
            Path setup = dir.resolve("setup.json");
            if (Files.isRegularFile(setup)) {
                JsonNode steps = Json.parse(read(setup));
                assertTrue(steps.isArray(), setup + " must be an array of steps");
                for (int i = 0; i < steps.size(); i++) {
                    try {
                        setupStep(engine, steps.get(i));
                    } catch (CapacityException e) {
                        throw new AssertionError(dir + ": setup step " + i + " failed: " + e.getMessage(), e);
                    }
                }
            }
            Path member = dir.resolve("member.json");
            JsonNode actual = Files.isRegularFile(member)
                    ? member(engine, request, Json.parse(read(member)).get("accountKey").asText())
                    : compute(engine, request, isMulti);
            JsonNode expected = Json.parse(read(expectedFile));
            if (!Json.sameJson(expected, actual)) {
                fail("report differs from " + expectedFile + "\nexpected: " + expected + "\nactual:   " + actual);
            }
        }
    }

    /** One step of {@code setup.json}, through the Java method of the same name. */
    static void setupStep(CapacityEngine engine, JsonNode step) {
        String op = text(step, "op");
        switch (op) {
            case "putBoardSettings" -> engine.putBoardSettings(text(step, "boardId"), document(step));
            case "putDaysOff" -> engine.putDaysOff(text(step, "accountKey"), document(step));
            case "putIterationTeam" -> engine.putIterationTeam(text(step, "boardId"), text(step, "iterationId"), document(step));
            case "copyIterationTeam" -> engine.copyIterationTeam(request(step));
            case "putTemplate" -> engine.putTemplate(text(step, "id"), document(step));
            case "applyTemplate" -> engine.applyTemplate(request(step));
            case "putCalendar" -> engine.putCalendar(text(step, "id"), document(step));
            case "putReportDefinition" -> engine.putReportDefinition(text(step, "id"), document(step));
            default -> fail("unknown setup op " + op + " in " + step);
        }
    }

    /**
     * The report, or the error as the Rust runner renders it: {@code field} is the field
     * path for validation and size errors ({@code ""} for the input as a whole), null otherwise.
     */
    /**
     * The small member query as expected.json holds it: {@code {"member": {...}}} with
     * allocation and days off back in the engine's ten-thousandths, dates as ISO dates.
     */
    static JsonNode member(CapacityEngine engine, String request, String accountKey) {
        MemberFigures f;
        try {
            f = engine.memberCapacity(request, accountKey);
        } catch (CapacityException e) {
            return errorDocument(e);
        }
        ObjectNode m = JsonNodeFactory.instance.objectNode();
        m.put("unit", f.unit());
        m.put("capacity", f.capacity());
        if (f.remainingCapacity() == null) {
            m.putNull("remainingCapacity");
        } else {
            m.put("remainingCapacity", f.remainingCapacity().longValue());
        }
        m.put("workload", f.workload());
        m.put("dailyCapacity", f.dailyCapacity());
        m.put("allocation", Math.round(f.allocation() * 100));
        m.put("workingDays", f.workingDays());
        m.put("daysOff", Math.round(f.daysOff() * 10_000));
        m.put("firstDate", f.firstDate().toString());
        m.put("lastDate", f.lastDate().toString());
        if (f.asOf() == null) {
            m.putNull("asOf");
        } else {
            m.put("asOf", f.asOf().toString());
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.set("member", m);
        return out;
    }

    static JsonNode compute(CapacityEngine engine, String request, boolean multi) {
        try {
            return Json.parse(multi ? engine.multiProjectReport(request) : engine.iterationReport(request));
        } catch (CapacityException e) {
            return errorDocument(e);
        }
    }

    /** An error as a vector pins it down: {@code {"error": {"code", "field"}}}. */
    static JsonNode errorDocument(CapacityException e) {
        ObjectNode error = JsonNodeFactory.instance.objectNode();
        error.put("code", e.code());
        String field = null;
        if (e instanceof CapacityValidationException v) {
            field = v.field() == null ? "" : v.field();
        } else if (e instanceof CapacityTooLargeException t) {
            field = t.field() == null ? "" : t.field();
        }
        error.put("field", field);
        ObjectNode wrapper = JsonNodeFactory.instance.objectNode();
        wrapper.set("error", error);
        return wrapper;
    }

    private static String text(JsonNode step, String name) {
        JsonNode value = step.get(name);
        if (value == null || !value.isTextual()) {
            fail("setup step needs a string " + name + ": " + step);
        }
        return value.asText();
    }

    private static String document(JsonNode step) {
        return member(step, "document");
    }

    private static String request(JsonNode step) {
        return member(step, "request");
    }

    private static String member(JsonNode step, String name) {
        JsonNode value = step.get(name);
        if (value == null) {
            fail("setup step needs " + name + ": " + step);
        }
        return value.toString();
    }

    static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    /** The error rendering matches the Rust runner's, which the vectors' expectations were written against. */
    @Test
    void errorsRenderAsTheRustRunnerRendersThem() {
        try (CapacityEngine engine = CapacityEngine.open(new MemoryHostStorage())) {
            JsonNode badItem = compute(engine, "{\"boardId\":\"1\",\"iteration\":{\"start\":\"2026-01-05\",\"end\":\"2026-01-09\"},"
                    + "\"items\":[{\"key\":\"A-1\",\"statusCategory\":\"later\"}]}", false);
            assertEquals(1, badItem.get("error").get("code").asInt(), badItem.toString());
            assertTrue(badItem.get("error").get("field").asText().startsWith("items[0]"), badItem.toString());
            JsonNode notJson = compute(engine, "{not json", true);
            assertEquals(1, notJson.get("error").get("code").asInt(), notJson.toString());
            // Issue 10, defect 8: the whole input is named "body" (it was an empty path).
            assertEquals("body", notJson.get("error").get("field").asText(), "the whole input is the body");
            assertTrue(notJson.get("error").get("field").isTextual(), notJson.toString());
        }
    }
}
