package org.capacitytracker.api.typed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordJsonTest {
    @Test
    void aBuiltRequestIsTheDocumentOfTheJsonApiWithNullsLeftOut() {
        IterationRequest request = IterationRequest.builder("42")
                .iteration("3", "Sprint 3", LocalDate.of(2026, 11, 30), LocalDate.of(2026, 12, 11))
                .item(WorkItem.builder("DEMO-12").assignee("alice").status(StatusCategory.INDETERMINATE)
                        .remainingSeconds(14_400L).storyPoints(2.5).build())
                .item(WorkItem.builder("DEMO-13").subtaskOf("DEMO-12").build())
                .build();
        assertEquals("{\"boardId\":\"42\",\"iteration\":{\"id\":\"3\",\"name\":\"Sprint 3\",\"start\":\"2026-11-30\","
                + "\"end\":\"2026-12-11\"},\"items\":[{\"key\":\"DEMO-12\",\"assignee\":\"alice\","
                + "\"statusCategory\":\"indeterminate\",\"remainingSeconds\":14400,\"storyPoints\":2.5},"
                + "{\"key\":\"DEMO-13\",\"parent\":\"DEMO-12\",\"subtask\":true}]}", RecordJson.write(request));
    }

    @Test
    void aMultiProjectRequestWritesItsEnumsAsTheEngineSpellsThem() {
        MultiProjectRequest request = MultiProjectRequest.builder()
                .definition(new MultiProjectRequest.Definition("Q", List.of("A"), null,
                        new MultiProjectRequest.Period("2026-01-01", "2026-03-31"),
                        MultiProjectRequest.Bucket.QUARTER, MultiProjectRequest.Grouping.ROLE))
                .board("A", List.of(new MultiProjectRequest.BoardIteration("v", IterationKind.VERSION,
                        "2026-01-05", "2026-01-09", List.of())))
                .build();
        assertEquals("{\"definition\":{\"name\":\"Q\",\"boardIds\":[\"A\"],\"period\":{\"start\":\"2026-01-01\","
                + "\"end\":\"2026-03-31\"},\"bucket\":\"quarter\",\"grouping\":\"role\"},\"boards\":[{\"boardId\":\"A\","
                + "\"iterations\":[{\"id\":\"v\",\"kind\":\"version\",\"start\":\"2026-01-05\",\"end\":\"2026-01-09\","
                + "\"items\":[]}]}]}", RecordJson.write(request));
    }

    @Test
    void readingIgnoresFieldsANewerEngineAddsAndTurnsAbsentListsEmpty() {
        MultiProjectReport.Row row = RecordJson.read("{\"key\":\"alice\",\"future\":{\"x\":1},"
                + "\"total\":{\"capacity\":1,\"workload\":2,\"free\":-1,\"utilisation\":null,\"status\":\"over\"}}",
                MultiProjectReport.Row.class);
        assertEquals("alice", row.key());
        assertEquals(List.of(), row.cells());
        assertEquals(-1, row.total().free());
        assertNull(row.total().utilisation());
    }

    @Test
    void anAnswerOfTheWrongShapeNamesThePath() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> RecordJson.read(
                "{\"assignee\":\"carol\",\"items\":[]}", IterationReport.NonMember.class));
        assertTrue(missing.getMessage().startsWith("NonMember.workload: expected a value"), missing.getMessage());
        IllegalArgumentException wrongType = assertThrows(IllegalArgumentException.class, () -> RecordJson.read(
                "{\"code\":1,\"message\":\"m\"}", IterationReport.Warning.class));
        assertTrue(wrongType.getMessage().startsWith("Warning.code: expected a string"), wrongType.getMessage());
        IllegalArgumentException noPrimitive = assertThrows(IllegalArgumentException.class, () -> RecordJson.read(
                "{\"date\":\"2026-01-01\",\"holiday\":null,\"capacity\":1}", IterationReport.Day.class));
        assertTrue(noPrimitive.getMessage().startsWith("Day.working"), noPrimitive.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RecordJson.read("[1]", IterationReport.Warning.class));
    }

    @Test
    void recordsRefuseWhatTheyRequireAndCannotBeChangedAfterwards() {
        assertThrows(NullPointerException.class, () -> WorkItem.builder(null));
        assertThrows(NullPointerException.class, () -> IterationRequest.builder("1").build());
        assertThrows(NullPointerException.class, () -> new IterationRequest.Iteration("1", null, null, null, "2026-01-02", null));
        java.util.ArrayList<WorkItem> items = new java.util.ArrayList<>();
        IterationRequest request = new IterationRequest("1",
                new IterationRequest.Iteration("1", null, null, "2026-01-01", "2026-01-02", null), items);
        items.add(WorkItem.builder("A-1").build());
        assertEquals(0, request.items().size(), "the record copied the list");
        assertThrows(UnsupportedOperationException.class, () -> request.items().add(WorkItem.builder("A-2").build()));
    }
}
