package org.capacitytracker.api.typed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReportItemSinkTest {
    private static final MultiProjectRequest.Definition DEFINITION = new MultiProjectRequest.Definition("M", List.of("A", "B"),
            null, new MultiProjectRequest.Period("2026-03-02", "2026-03-22"), MultiProjectRequest.Bucket.WEEK, null);

    @Test
    void writesTheRequestTheRecordsWouldWrite() {
        WorkItem custom = WorkItem.builder("A-3").customEstimate(1.5).subtask(false).build();
        MultiProjectRequest records = MultiProjectRequest.builder().definition(DEFINITION)
                .board("A", List.of(
                        new MultiProjectRequest.BoardIteration("A1", null, "2026-03-02", "2026-03-13", List.of(
                                WorkItem.builder("A-1").assignee("al\"ice").status(StatusCategory.DONE)
                                        .remainingSeconds(60L).originalSeconds(0L).storyPoints(0.5).build(),
                                WorkItem.builder("A-2").subtaskOf("A-1").build(), custom)),
                        new MultiProjectRequest.BoardIteration("range-q1", IterationKind.RANGE, "2026-03-02", "2026-03-06", List.of())))
                .board("B", List.of())
                .board("C", List.of(new MultiProjectRequest.BoardIteration(null, null, "2026-03-09", "2026-03-13",
                        List.of(WorkItem.builder("C-1").build()))))
                .build();
        ReportItemSink sink = ReportItemSink.forDefinition(DEFINITION)
                .board("A").iteration("A1", null, "2026-03-02", "2026-03-13")
                .item("A-1", "al\"ice", StatusCategory.DONE, 60, 0, 0.5, null, false)
                .item("A-2", null, null, ReportItemSink.NONE, ReportItemSink.NONE, Double.NaN, "A-1", true)
                .item(custom)
                .iteration("range-q1", IterationKind.RANGE, "2026-03-02", "2026-03-06")
                .board("B")
                .board("C").iteration(null, null, "2026-03-09", "2026-03-13")
                .item("C-1", null, null, ReportItemSink.NONE, ReportItemSink.NONE, Double.NaN, null, false);
        // The request is the records' without items; the items go in the bulk form (the
        // report over them is compared with the JSON API's in TypedConformanceTest, BulkReportTest).
        assertEquals(RecordJson.write(records).replaceAll(",\"items\":\\[[^\\]]*]", ""), sink.finish());
        assertEquals(4, sink.items().size());
    }

    @Test
    void anEmptySinkIsARequestWithoutBoards() {
        assertEquals("{\"reportId\":\"q1\",\"boards\":[]}", ReportItemSink.forReportId("q1").finish());
    }

    @Test
    void refusesItemsOutOfOrderAndAfterTheReport() {
        ReportItemSink sink = ReportItemSink.forReportId("q1");
        assertThrows(IllegalStateException.class, () -> sink.iteration("1", null, "2026-01-01", "2026-01-02"));
        sink.board("A");
        assertThrows(IllegalStateException.class, () -> sink.item(WorkItem.builder("A-1").build()));
        assertThrows(IllegalStateException.class,
                () -> sink.item("A-1", null, null, ReportItemSink.NONE, ReportItemSink.NONE, Double.NaN, null, false));
        sink.finish();
        assertThrows(IllegalStateException.class, () -> sink.board("B"));
        // One report per sink: its buffers are given back after it, whatever the call did.
        assertEquals("done", sink.report((request, items) -> "done"));
        assertThrows(IllegalStateException.class, () -> sink.report((request, items) -> "again"));
        assertThrows(IllegalStateException.class, () -> sink.items().person("x"));
        assertThrows(NullPointerException.class, () -> ReportItemSink.forReportId(null));
    }
}
