package org.capacitytracker.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
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
}
