package org.capacitytracker.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import org.capacitytracker.api.typed.BoardRanges;
import org.capacitytracker.api.typed.BoardSettings;
import org.capacitytracker.api.typed.DaysOff;
import org.capacitytracker.api.typed.IterationReport;
import org.capacitytracker.api.typed.IterationRequest;
import org.capacitytracker.api.typed.MultiProjectRequest;
import org.capacitytracker.api.typed.StatusCategory;
import org.capacitytracker.api.typed.TypedCapacityEngine;
import org.capacitytracker.api.typed.WorkItem;
import org.junit.jupiter.api.Test;

/** The typed calls store, compute and fail exactly as the JSON calls do (the engine decides). */
class TypedEngineTest {
    @Test
    void theReadmeExampleComputesAReport() {
        try (CapacityEngine engine = CapacityEngine.open(new MemoryHostStorage())) {
            TypedCapacityEngine typed = new TypedCapacityEngine(engine);
            BoardSettings board = typed.getBoardSettings("42");
            assertEquals(0L, board.revision());
            BoardSettings stored = typed.putBoardSettings("42", board.withMembers(List.of(
                    new BoardSettings.Member("alice", null, "Developer", 6.0, null, null, null, null))));
            assertEquals(1L, stored.revision());
            assertEquals("Developer", stored.roles().get(0).name(), "the engine added the role by name");
            typed.putDaysOff(new DaysOff(null, 0L, "alice", List.of(new DaysOff.Range("2026-12-01", "2026-12-01", null, null))));

            IterationReport report = typed.iterationReport(IterationRequest.builder("42")
                    .iteration("3", "Sprint 3", LocalDate.of(2026, 11, 30), LocalDate.of(2026, 12, 4))
                    .item(WorkItem.builder("DEMO-12").assignee("alice").status(StatusCategory.NEW)
                            .remainingSeconds(4 * 3600L).build())
                    .build());
            IterationReport.Member alice = report.members().get(0);
            assertEquals(4 * 360, alice.capacity(), "five days, one off, 6 h each, in minutes");
            assertEquals(240, alice.workload());
            assertEquals(List.of(360L, 0L, 360L, 360L, 360L), alice.days());
            assertEquals(LocalDate.of(2026, 11, 30), report.iteration().firstDate());
        }
    }

    @Test
    void aKanbanBoardsRangesReadAsStored() {
        try (CapacityEngine engine = CapacityEngine.open(new MemoryHostStorage())) {
            TypedCapacityEngine typed = new TypedCapacityEngine(engine);
            BoardRanges none = typed.getBoardRanges("4");
            assertEquals(0L, none.revision());
            assertEquals(List.of(), none.ranges());
            engine.putBoardRanges("4", "{\"revision\":0,\"ranges\":[{\"id\":\"q1\",\"name\":\"Q1 2027\","
                    + "\"start\":\"2027-01-04\",\"end\":\"2027-03-31\"}]}");
            BoardRanges stored = typed.getBoardRanges("4");
            assertEquals(1L, stored.revision());
            assertEquals(List.of(new BoardRanges.Range("q1", "Q1 2027", "2027-01-04", "2027-03-31")), stored.ranges());
            assertEquals("boardId", assertThrows(CapacityValidationException.class, () -> typed.getBoardRanges("")).field());
        }
    }

    @Test
    void aValidationErrorIsTheJsonApisWithTheSameField() {
        try (CapacityEngine engine = CapacityEngine.open(new MemoryHostStorage())) {
            TypedCapacityEngine typed = new TypedCapacityEngine(engine);
            CapacityValidationException e = assertThrows(CapacityValidationException.class, () -> typed.putBoardSettings("42",
                    typed.getBoardSettings("42").withMembers(List.of(
                            new BoardSettings.Member("alice", null, "Developer", 25.0, null, null, null, null)))));
            assertEquals("members[0].dailyCapacity", e.field());
            CapacityValidationException negative = assertThrows(CapacityValidationException.class, () -> typed.iterationReport(
                    IterationRequest.builder("42").iteration("3", null, LocalDate.of(2026, 1, 9), LocalDate.of(2026, 1, 5)).build()));
            assertEquals(1, negative.code());
            CapacityValidationException badId = assertThrows(CapacityValidationException.class, () -> typed.getDaysOff(""));
            assertEquals("accountKey", badId.field());
        }
    }

    @Test
    void aStaleRevisionIsAConflictAndAnUnknownReportIsNotFound() {
        try (CapacityEngine engine = CapacityEngine.open(new MemoryHostStorage())) {
            TypedCapacityEngine typed = new TypedCapacityEngine(engine);
            DaysOff first = typed.putDaysOff(new DaysOff(null, 0L, "bob", List.of()));
            assertEquals(1L, first.revision());
            assertThrows(CapacityConflictException.class, () -> typed.putDaysOff(new DaysOff(null, 0L, "bob", List.of())));
            CapacityNotFoundException missing = assertThrows(CapacityNotFoundException.class,
                    () -> typed.multiProjectReport(MultiProjectRequest.builder().reportId("nope").build()));
            assertEquals("reportId", missing.field());
        }
    }

    @Test
    void nullsAreRefusedBeforeTheEngineIsCalled() {
        try (CapacityEngine engine = CapacityEngine.open(new MemoryHostStorage())) {
            TypedCapacityEngine typed = new TypedCapacityEngine(engine);
            assertThrows(NullPointerException.class, () -> typed.iterationReport(null));
            assertThrows(NullPointerException.class, () -> typed.putDaysOff(new DaysOff(null, 0L, null, List.of())));
            assertThrows(NullPointerException.class, () -> new TypedCapacityEngine(null));
        }
    }

    @Test
    void aStoredDefinitionReadsBackAsTheRecordAnInlineOneIsReadFromJsonAndAReportWritesBackAsJson() {
        try (CapacityEngine engine = CapacityEngine.open(new MemoryHostStorage())) {
            TypedCapacityEngine typed = new TypedCapacityEngine(engine);
            String definition = "{\"name\":\"Dec\",\"boardIds\":[\"1\"],\"projectKeys\":[\"PAY\"],"
                    + "\"period\":{\"start\":\"2026-11-30\",\"end\":\"2026-12-13\"},\"bucket\":\"week\",\"grouping\":\"board\"}";
            engine.putReportDefinition("dec", "{\"revision\":0," + definition.substring(1));
            MultiProjectRequest.Definition stored = typed.getReportDefinition("dec");
            MultiProjectRequest.Definition inline = MultiProjectRequest.Definition.fromJson(definition);
            assertEquals(new MultiProjectRequest.Definition("Dec", List.of("1"), List.of("PAY"),
                    new MultiProjectRequest.Period("2026-11-30", "2026-12-13"), MultiProjectRequest.Bucket.WEEK,
                    MultiProjectRequest.Grouping.BOARD), inline);
            assertEquals(inline, stored, "revision and schema are not part of the record");
            assertThrows(CapacityNotFoundException.class, () -> typed.getReportDefinition("none"));
            assertThrows(IllegalArgumentException.class,
                    () -> MultiProjectRequest.Definition.fromJson("{\"boardIds\":\"1\"}"), "a string is not a list");
            assertThrows(IllegalArgumentException.class, () -> MultiProjectRequest.Definition.fromJson("{"));
            // A report request's definition: inline first, else the stored one.
            assertEquals(stored, typed.reportDefinitionOf("{\"reportId\":\"dec\"}"));
            assertEquals(inline, typed.reportDefinitionOf("{\"reportId\":\"none\",\"definition\":" + definition + "}"));
            assertThrows(CapacityNotFoundException.class, () -> typed.reportDefinitionOf("{\"reportId\":\"none\"}"));
            assertThrows(IllegalArgumentException.class, () -> typed.reportDefinitionOf("{}"));
            assertThrows(IllegalArgumentException.class, () -> typed.reportDefinitionOf("{\"reportId\":1}"));

            String json = "{\"reportId\":\"dec\",\"boards\":[{\"boardId\":\"1\",\"iterations\":[]}]}";
            String report = engine.multiProjectReport(json);
            org.capacitytracker.api.typed.MultiProjectReport typedReport = typed.multiProjectReport(
                    MultiProjectRequest.builder().reportId("dec").board("1", List.of()).build());
            assertEquals(Json.parse(report).get("name"), Json.parse(typedReport.toJson()).get("name"));
            org.junit.jupiter.api.Assertions.assertTrue(Json.sameJson(Json.parse(report).get("rows"),
                    Json.parse(typedReport.toJson()).get("rows")), "rows as the JSON API gives them");
            assertEquals(Json.parse(report).get("buckets"), Json.parse(typedReport.toJson()).get("buckets"));
        }
    }
}
