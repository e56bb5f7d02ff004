package org.capacitytracker.api.typed;

import java.time.LocalDate;
import java.util.List;
import org.capacitytracker.api.MultiReportArrays;

/**
 * A multi-project report as the engine computed it: rows (people, roles or boards) by
 * buckets (weeks, months or quarters) of capacity and workload in base units.
 *
 * <pre>{@code
 * MultiProjectReport report = typed.multiProjectReport(request);
 * for (MultiProjectReport.Row row : report.rows()) {
 *     System.out.println(row.key() + " " + row.total().utilisation() + " %");
 * }
 * }</pre>
 *
 * @param schema the report format's version
 * @param name the report's name
 * @param unit {@code hours} or {@code storyPoints}
 * @param baseUnit {@code minute} or {@code hundredthPoint}
 * @param period the dates covered
 * @param bucket {@code week}, {@code month} or {@code quarter}
 * @param grouping {@code person}, {@code role} or {@code board}
 * @param boards the boards covered
 * @param buckets the columns
 * @param rows the rows, each with one cell per bucket
 * @param totals one total cell per bucket
 * @param overAllocations people allocated above 100 % across boards
 * @param warnings what the reader should know
 */
public record MultiProjectReport(int schema, String name, String unit, String baseUnit, Period period,
        String bucket, String grouping, List<String> boards, List<Bucket> buckets, List<Row> rows,
        List<Cell> totals, List<OverAllocation> overAllocations, List<Warning> warnings) {

    /**
     * The report from the engine's compact form: the head read as JSON, the rows and their
     * cells built from the arrays (no JSON per row or cell).
     *
     * @param arrays the compact report
     * @return the report
     */
    static MultiProjectReport of(MultiReportArrays arrays) {
        return MultiProjectTable.of(arrays).toReport();
    }

    /**
     * The report as the engine's JSON document (the shape {@code CapacityEngine#multiProjectReport}
     * answers), for callers that hand it on to a browser.
     *
     * @return the JSON text; a null component is written as {@code null}, as the engine does
     */
    public String toJson() {
        return RecordJson.writeWithNulls(this);
    }


    /**
     * Dates, both included.
     *
     * @param start the first date
     * @param end the last date
     */
    public record Period(LocalDate start, LocalDate end) {
    }

    /**
     * A column.
     *
     * @param label such as {@code 2026-W10}
     * @param start its first date
     * @param end its last date
     */
    public record Bucket(String label, LocalDate start, LocalDate end) {
    }

    /**
     * A row.
     *
     * @param key the person's account key, the role or the board
     * @param cells one cell per bucket
     * @param total over the period
     */
    public record Row(String key, List<Cell> cells, Cell total) {
    }

    /**
     * Capacity and workload in one bucket.
     *
     * @param capacity in base units
     * @param workload in base units
     * @param free capacity − workload
     * @param utilisation percent, or null when capacity is 0
     * @param status {@code noCapacity}, {@code under}, {@code ok} or {@code over}
     */
    public record Cell(long capacity, long workload, long free, Double utilisation, String status) {
    }

    /**
     * A person allocated above 100 % across boards in a bucket.
     *
     * @param accountKey the person
     * @param bucket the bucket's label
     * @param allocation the highest daily sum of their allocations, percent
     * @param boards the boards involved
     */
    public record OverAllocation(String accountKey, String bucket, double allocation, List<String> boards) {
    }

    /**
     * Something the reader should know.
     *
     * @param code a stable code, such as {@code overAllocated}
     * @param message the same in words
     */
    public record Warning(String code, String message) {
    }
}
