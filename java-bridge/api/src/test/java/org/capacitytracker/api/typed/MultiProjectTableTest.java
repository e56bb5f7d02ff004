package org.capacitytracker.api.typed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.capacitytracker.api.MultiReportArrays;
import org.junit.jupiter.api.Test;

/**
 * The array-native table's indexing and its records on demand, over a compact report written
 * by hand (two rows by two weeks): the engine's own reports are compared in
 * {@code TypedConformanceTest} and {@code BulkReportTest}.
 */
class MultiProjectTableTest {
    private static final String HEAD = "{\"schema\":1,\"name\":\"Q\",\"unit\":\"hours\",\"baseUnit\":\"minute\","
            + "\"period\":{\"start\":\"2026-03-02\",\"end\":\"2026-03-15\"},\"bucket\":\"week\",\"grouping\":\"person\","
            + "\"boards\":[\"A\",\"B\"],\"buckets\":[{\"label\":\"2026-W10\",\"start\":\"2026-03-02\",\"end\":\"2026-03-08\"},"
            + "{\"label\":\"2026-W11\",\"start\":\"2026-03-09\",\"end\":\"2026-03-15\"}],\"rows\":[],"
            + "\"totals\":[{\"capacity\":10,\"workload\":4,\"free\":6,\"utilisation\":40.0,\"status\":\"under\"},"
            + "{\"capacity\":0,\"workload\":0,\"free\":0,\"utilisation\":null,\"status\":\"noCapacity\"}],"
            + "\"overAllocations\":[],\"warnings\":[]}";

    /** Rows alice and bob, weeks W10 and W11, then each row's total. */
    private static MultiReportArrays arrays(String runs) {
        long[] cells = {
            600, 300, 0, 0, // alice W10, W11
            400, 500, 0, 0, // bob W10, W11
            600, 300, 400, 500, // totals of alice, bob
        };
        byte[] statuses = {2, 0, 3, 0, 2, 3};
        double[] utilisations = {50.0, Double.NaN, 125.0, Double.NaN, 50.0, 125.0};
        return new MultiReportArrays(HEAD, runs, "[\"alice\",\"bob\"]", 2, 2, cells, statuses, utilisations);
    }

    @Test
    void cellsAreReadByIndexFromTheArrays() {
        MultiProjectTable table = MultiProjectTable.of(arrays("[]"));
        assertEquals(2, table.rowCount());
        assertEquals(2, table.bucketCount());
        assertEquals("bob", table.rowKey(1));
        int bobW10 = table.cell(1, 0);
        assertEquals(400, table.capacity(bobW10));
        assertEquals(500, table.workload(bobW10));
        assertEquals(-100, table.free(bobW10));
        assertEquals(125.0, table.utilisation(bobW10));
        assertSame(MultiReportArrays.STATUS_NAMES[3], table.status(bobW10), "no string built per cell");
        assertTrue(Double.isNaN(table.utilisation(table.cell(0, 1))));
        assertEquals("noCapacity", table.status(table.cell(0, 1)));
        int aliceTotal = table.rowTotal(0);
        assertEquals(600, table.capacity(aliceTotal));
        assertEquals(300, table.workload(aliceTotal));
        assertEquals("ok", table.status(aliceTotal));
        assertEquals("2026-W11", table.buckets().get(1).label());
        assertEquals(List.of("A", "B"), table.boards());
        assertEquals("minute", table.baseUnit());
        assertEquals(2, table.totals().size());
    }

    @Test
    void indexesOutsideTheTableAreRefused() {
        MultiProjectTable table = MultiProjectTable.of(arrays("[]"));
        assertThrows(IndexOutOfBoundsException.class, () -> table.cell(2, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> table.cell(0, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> table.cell(-1, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> table.rowTotal(2));
        assertThrows(IndexOutOfBoundsException.class, () -> table.rowKey(2));
    }

    @Test
    void rowKeysMustMatchTheRows() {
        MultiReportArrays a = arrays("[]");
        MultiReportArrays oneKey = new MultiReportArrays(a.headJson(), "[]", "[\"alice\"]", 2, 2, a.cells(),
                a.statuses(), a.utilisations());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MultiProjectTable.of(oneKey));
        assertEquals("1 row keys for 2 rows", e.getMessage());
    }

    @Test
    void recordsOnDemandMatchTheCellsAndRunsExpandPerBucket() {
        MultiProjectTable table = MultiProjectTable.of(arrays(
                "[{\"accountKey\":\"bob\",\"firstBucket\":0,\"lastBucket\":1,\"allocation\":150.0,\"boards\":[\"A\",\"B\"]}]"));
        assertEquals(List.of(new MultiProjectTable.OverAllocationRun("bob", 0, 1, 150.0, List.of("A", "B"))),
                table.overAllocationRuns());
        MultiProjectReport report = table.toReport();
        assertEquals(new MultiProjectReport.Cell(400, 500, -100, 125.0, "over"), report.rows().get(1).cells().get(0));
        assertEquals(new MultiProjectReport.Cell(0, 0, 0, null, "noCapacity"), report.rows().get(0).cells().get(1));
        assertEquals(new MultiProjectReport.Cell(600, 300, 300, 50.0, "ok"), report.rows().get(0).total());
        assertEquals(table.row(1), report.rows().get(1));
        assertEquals(List.of(
                new MultiProjectReport.OverAllocation("bob", "2026-W10", 150.0, List.of("A", "B")),
                new MultiProjectReport.OverAllocation("bob", "2026-W11", 150.0, List.of("A", "B"))),
                report.overAllocations());
        assertEquals("Q", report.name());
    }
}
