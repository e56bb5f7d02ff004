package org.capacitytracker.bench.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.capacitytracker.api.CapacityEngine;
import org.capacitytracker.api.typed.MultiProjectReport;
import org.capacitytracker.api.typed.MultiProjectRequest;
import org.capacitytracker.api.typed.TypedCapacityEngine;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Both Java baselines give the engine's multi-project report, record for record (every row,
 * cell, total, over-allocation and warning equal, not approximately), on every multi-project
 * conformance vector of {@code tests/vectors} that computes a report. The vectors that pin
 * down a validation error are skipped, each with its reason printed: the baselines are timed
 * on valid input only and do not re-implement the engine's validation.
 */
class BaselineConformanceTest {
    /** The multi-project vectors compared (all that compute a report). */
    static final List<String> COMPARED = List.of(
            "45-multi-person-weeks-partial-over-allocation",
            "46-multi-role-months-active-from-mid-bucket",
            "47-multi-board-quarters-saved-definition",
            "48-multi-week-53-even-spread",
            "63-multi-missing-calendar-not-warned",
            "66-kanban-multi-version-and-range");
    /** The multi-project vectors skipped: each expects a validation error. */
    static final List<String> SKIPPED = List.of(
            "57-error-multi-reversed-period",
            "58-error-multi-mixed-units",
            "59-error-multi-iteration-reversed",
            "60-error-multi-report-id-and-definition");

    static Path root() {
        return Path.of(System.getProperty("capacity.vectors.dir"));
    }

    static List<Path> multiVectors() throws IOException {
        try (Stream<Path> entries = Files.list(root())) {
            return entries.filter(d -> Files.isRegularFile(d.resolve("multi-request.json"))).sorted().collect(Collectors.toList());
        }
    }

    /** Every multi-project vector is either compared or skipped for a stated reason: a new one must be placed. */
    @Test
    void everyMultiVectorIsComparedOrSkippedWithAReason() throws IOException {
        List<String> names = multiVectors().stream().map(d -> d.getFileName().toString()).collect(Collectors.toList());
        assertTrue(names.size() >= 10, "the multi-project vectors are found in " + root());
        for (String name : names) {
            assertTrue(COMPARED.contains(name) != SKIPPED.contains(name), name + " must be in exactly one of COMPARED and SKIPPED");
        }
        for (String name : SKIPPED) {
            JsonNode expected = Documents.tree(Files.readString(root().resolve(name).resolve("expected.json")));
            assertTrue(expected.has("error"), name + " is skipped as an error vector, so it must expect an error");
        }
    }

    @TestFactory
    Stream<DynamicTest> bothBaselinesGiveTheEnginesReport() throws IOException {
        return multiVectors().stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
            String name = dir.getFileName().toString();
            if (SKIPPED.contains(name)) {
                System.out.println("skipped " + name + ": it expects a validation error; the baselines compute valid reports only");
                return;
            }
            String requestJson = Files.readString(dir.resolve("multi-request.json"), StandardCharsets.UTF_8);
            try (CapacityEngine engine = CapacityEngine.open(new MapStorage())) {
                setUp(engine, dir);
                MultiProjectRequest request = Documents.JSON.readValue(requestJson, MultiProjectRequest.class);
                MultiProjectReport expected = new TypedCapacityEngine(engine).multiProjectReport(request);
                // The engine's answer is the vector's expected report (so the comparison is with the pinned numbers too).
                assertEquals(Documents.tree(Files.readString(dir.resolve("expected.json"))), Documents.tree(engine.multiProjectReport(requestJson)));
                StoredDocuments stored = StoredDocuments.fetch(engine, request);
                assertEquals(expected, StraightforwardReport.compute(stored, request), "straightforward, " + name);
                assertEquals(expected, CompetentReport.compute(stored, request), "competent, " + name);
            }
        }));
    }

    /** A vector's stored documents: board.json, days-off.json and setup.json's steps. */
    static void setUp(CapacityEngine engine, Path dir) throws IOException {
        Path daysOff = dir.resolve("days-off.json");
        if (Files.isRegularFile(daysOff)) {
            Iterator<Map.Entry<String, JsonNode>> people = Documents.tree(Files.readString(daysOff)).fields();
            while (people.hasNext()) {
                Map.Entry<String, JsonNode> person = people.next();
                engine.putDaysOff(person.getKey(), person.getValue().toString());
            }
        }
        Path setup = dir.resolve("setup.json");
        if (Files.isRegularFile(setup)) {
            for (JsonNode step : Documents.tree(Files.readString(setup))) {
                String doc = step.has("document") ? step.get("document").toString() : null;
                switch (step.get("op").asText()) {
                    case "putBoardSettings" -> engine.putBoardSettings(step.get("boardId").asText(), doc);
                    case "putDaysOff" -> engine.putDaysOff(step.get("accountKey").asText(), doc);
                    case "putIterationTeam" -> engine.putIterationTeam(step.get("boardId").asText(), step.get("iterationId").asText(), doc);
                    case "copyIterationTeam" -> engine.copyIterationTeam(step.get("request").toString());
                    case "putTemplate" -> engine.putTemplate(step.get("id").asText(), doc);
                    case "applyTemplate" -> engine.applyTemplate(step.get("request").toString());
                    case "putCalendar" -> engine.putCalendar(step.get("id").asText(), doc);
                    case "putReportDefinition" -> engine.putReportDefinition(step.get("id").asText(), doc);
                    default -> throw new AssertionError("unknown setup op in " + setup + ": " + step);
                }
            }
        }
        assertTrue(!Files.isRegularFile(dir.resolve("board.json")), dir + ": board.json is for iteration vectors only");
    }
}
