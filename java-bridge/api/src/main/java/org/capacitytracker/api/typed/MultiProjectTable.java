package org.capacitytracker.api.typed;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.capacitytracker.api.MultiReportArrays;

/**
 * A multi-project report that keeps its cells in the engine's primitive arrays: reading a
 * cell allocates nothing. An instance-wide report (21,000 rows by 53 weeks) as
 * {@link MultiProjectReport} records is about 1.1 million {@code Cell} objects, which cost
 * several times the engine's whole computation to build and collect; this view reads the same
 * figures from the {@link MultiReportArrays} the engine answered, and builds records only
 * when asked ({@link #cellRecord}, {@link #row}, {@link #toReport}).
 *
 * <p>A cell is named by an index: {@link #cell(int, int)} for a row's bucket,
 * {@link #rowTotal(int)} for a row's total over the period. The small parts of the report
 * (buckets, boards, the totals row, warnings) are records, as in {@link MultiProjectReport}.
 *
 * <pre>{@code
 * ReportItemSink sink = ReportItemSink.forReportId("year");
 * // ... sink.board(...).iteration(...).item(...) for every item
 * MultiProjectTable table = typed.multiProjectTable(sink);
 * for (int r = 0; r < table.rowCount(); r++) {
 *     for (int b = 0; b < table.bucketCount(); b++) {
 *         int cell = table.cell(r, b);
 *         if ("over".equals(table.status(cell))) {
 *             System.out.println(table.rowKey(r) + " " + table.buckets().get(b).label()
 *                 + " " + table.utilisation(cell) + " %");
 *         }
 *     }
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe; it shares the arrays with the {@link MultiReportArrays} it
 * was made from, which must not be changed afterwards.
 */
public final class MultiProjectTable {
    private final MultiReportArrays arrays;
    private final MultiProjectReport head;
    private final String[] rowKeys;
    /** Read from the arrays' JSON on first use: W2 has 1.3 MB of runs that many callers never read. */
    private volatile List<OverAllocationRun> runs;

    private MultiProjectTable(MultiReportArrays arrays, MultiProjectReport head, String[] rowKeys) {
        this.arrays = arrays;
        this.head = head;
        this.rowKeys = rowKeys;
    }

    /**
     * The view over the engine's compact report, such as
     * {@link org.capacitytracker.api.CapacityEngine#multiProjectReportBulk} answers.
     *
     * <pre>{@code
     * MultiProjectTable table = MultiProjectTable.of(engine.multiProjectReportBulk(requestJson, items));
     * }</pre>
     *
     * @param arrays the compact report
     * @return the view (the arrays are shared, not copied)
     * @throws IllegalArgumentException when the row keys do not match the rows
     */
    public static MultiProjectTable of(MultiReportArrays arrays) {
        Objects.requireNonNull(arrays, "arrays");
        MultiProjectReport head = RecordJson.read(arrays.headJson(), MultiProjectReport.class);
        List<?> keys = (List<?>) JsonText.parse(arrays.rowKeysJson());
        if (keys.size() != arrays.rows()) {
            throw new IllegalArgumentException(keys.size() + " row keys for " + arrays.rows() + " rows");
        }
        String[] rowKeys = keys.toArray(new String[0]);
        return new MultiProjectTable(arrays, head, rowKeys);
    }

    private static List<OverAllocationRun> runs(String json) {
        List<OverAllocationRun> runs = new ArrayList<>();
        for (Object run : (List<?>) JsonText.parse(json)) {
            Map<?, ?> r = (Map<?, ?>) run;
            runs.add(new OverAllocationRun((String) r.get("accountKey"), ((Number) r.get("firstBucket")).intValue(),
                    ((Number) r.get("lastBucket")).intValue(), ((Number) r.get("allocation")).doubleValue(),
                    ((List<?>) r.get("boards")).stream().map(String.class::cast).toList()));
        }
        return List.copyOf(runs);
    }

    /** @return the arrays underneath (shared: do not change them) */
    public MultiReportArrays arrays() {
        return arrays;
    }

    /** @return the report format's version */
    public int schema() {
        return head.schema();
    }

    /** @return the report's name */
    public String name() {
        return head.name();
    }

    /** @return {@code hours} or {@code storyPoints} */
    public String unit() {
        return head.unit();
    }

    /** @return {@code minute} or {@code hundredthPoint}: the unit of every capacity and workload */
    public String baseUnit() {
        return head.baseUnit();
    }

    /** @return the dates covered */
    public MultiProjectReport.Period period() {
        return head.period();
    }

    /** @return {@code week}, {@code month} or {@code quarter} */
    public String bucket() {
        return head.bucket();
    }

    /** @return {@code person}, {@code role} or {@code board} */
    public String grouping() {
        return head.grouping();
    }

    /** @return the boards covered */
    public List<String> boards() {
        return head.boards();
    }

    /** @return the columns */
    public List<MultiProjectReport.Bucket> buckets() {
        return head.buckets();
    }

    /** @return one total cell per bucket (over all rows) */
    public List<MultiProjectReport.Cell> totals() {
        return head.totals();
    }

    /** @return what the reader should know */
    public List<MultiProjectReport.Warning> warnings() {
        return head.warnings();
    }

    /**
     * The over-allocations as runs: each stands for one {@link MultiProjectReport.OverAllocation}
     * per bucket from {@code firstBucket} to {@code lastBucket} ({@link #toReport} lists them so).
     *
     * <p>Read on the first call (an instance-wide report has thousands of runs); later calls
     * answer the same list.
     *
     * @return the runs, in the report's order
     */
    public List<OverAllocationRun> overAllocationRuns() {
        List<OverAllocationRun> read = runs;
        if (read == null) {
            // Two threads may both read it; each gets an equal list, and one is kept.
            read = runs(arrays.overAllocationRunsJson());
            runs = read;
        }
        return read;
    }

    /** @return the number of rows */
    public int rowCount() {
        return arrays.rows();
    }

    /** @return the number of buckets (columns) */
    public int bucketCount() {
        return arrays.buckets();
    }

    /**
     * A row's key.
     *
     * @param row the row, from 0
     * @return the person's account key, the role or the board
     * @throws IndexOutOfBoundsException when there is no such row
     */
    public String rowKey(int row) {
        return rowKeys[row];
    }

    /**
     * The index of a row's cell in one bucket, for the cell readers below.
     *
     * @param row the row, from 0
     * @param bucket the bucket, from 0
     * @return the cell's index
     * @throws IndexOutOfBoundsException when there is no such row or bucket
     */
    public int cell(int row, int bucket) {
        Objects.checkIndex(row, arrays.rows());
        Objects.checkIndex(bucket, arrays.buckets());
        return row * arrays.buckets() + bucket;
    }

    /**
     * The index of a row's total over the period, for the cell readers below.
     *
     * @param row the row, from 0
     * @return the cell's index
     * @throws IndexOutOfBoundsException when there is no such row
     */
    public int rowTotal(int row) {
        Objects.checkIndex(row, arrays.rows());
        return arrays.rows() * arrays.buckets() + row;
    }

    /**
     * @param cell an index from {@link #cell} or {@link #rowTotal}
     * @return the capacity in base units
     */
    public long capacity(int cell) {
        return arrays.cells()[2 * cell];
    }

    /**
     * @param cell an index from {@link #cell} or {@link #rowTotal}
     * @return the workload in base units
     */
    public long workload(int cell) {
        return arrays.cells()[2 * cell + 1];
    }

    /**
     * @param cell an index from {@link #cell} or {@link #rowTotal}
     * @return capacity − workload
     */
    public long free(int cell) {
        return capacity(cell) - workload(cell);
    }

    /**
     * @param cell an index from {@link #cell} or {@link #rowTotal}
     * @return the utilisation in percent, NaN when there is none (capacity 0)
     */
    public double utilisation(int cell) {
        return arrays.utilisations()[cell];
    }

    /**
     * @param cell an index from {@link #cell} or {@link #rowTotal}
     * @return {@code noCapacity}, {@code under}, {@code ok} or {@code over} (the same string instances each time)
     */
    public String status(int cell) {
        return MultiReportArrays.STATUS_NAMES[arrays.statuses()[cell]];
    }

    /**
     * One cell as a record (allocated per call).
     *
     * @param cell an index from {@link #cell} or {@link #rowTotal}
     * @return the cell
     */
    public MultiProjectReport.Cell cellRecord(int cell) {
        double u = utilisation(cell);
        return new MultiProjectReport.Cell(capacity(cell), workload(cell), free(cell), Double.isNaN(u) ? null : u,
                status(cell));
    }

    /**
     * One row as a record, its cells included (allocated per call).
     *
     * @param row the row, from 0
     * @return the row
     */
    public MultiProjectReport.Row row(int row) {
        MultiProjectReport.Cell[] cells = new MultiProjectReport.Cell[arrays.buckets()];
        for (int b = 0; b < cells.length; b++) {
            cells[b] = cellRecord(cell(row, b));
        }
        return new MultiProjectReport.Row(rowKey(row), List.of(cells), cellRecord(rowTotal(row)));
    }

    /**
     * The whole report as records: the same as {@link TypedCapacityEngine#multiProjectReport}
     * answers, and as large (a record per cell and per over-allocated bucket).
     *
     * @return the report
     */
    public MultiProjectReport toReport() {
        List<MultiProjectReport.Row> rows = new ArrayList<>(arrays.rows());
        for (int r = 0; r < arrays.rows(); r++) {
            rows.add(row(r));
        }
        List<MultiProjectReport.OverAllocation> over = new ArrayList<>();
        for (OverAllocationRun run : overAllocationRuns()) {
            for (int b = run.firstBucket(); b <= run.lastBucket(); b++) {
                over.add(new MultiProjectReport.OverAllocation(run.accountKey(), head.buckets().get(b).label(),
                        run.allocation(), run.boards()));
            }
        }
        return new MultiProjectReport(head.schema(), head.name(), head.unit(), head.baseUnit(), head.period(),
                head.bucket(), head.grouping(), head.boards(), head.buckets(), List.copyOf(rows), head.totals(),
                List.copyOf(over), head.warnings());
    }

    /**
     * A person allocated above 100 % across boards in every bucket of a run.
     *
     * @param accountKey the person
     * @param firstBucket the run's first bucket (an index into {@link #buckets()})
     * @param lastBucket its last bucket, included
     * @param allocation the highest daily sum of their allocations, percent
     * @param boards the boards involved
     */
    public record OverAllocationRun(String accountKey, int firstBucket, int lastBucket, double allocation,
            List<String> boards) {
    }
}
