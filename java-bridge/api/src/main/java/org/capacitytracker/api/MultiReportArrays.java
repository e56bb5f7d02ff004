package org.capacitytracker.api;

import java.util.Objects;

/**
 * A multi-project report in compact form, from {@link CapacityEngine#multiProjectReportBulk}:
 * everything but the rows and over-allocations as JSON ({@link #headJson()}, the report with
 * {@code "rows":[]} and {@code "overAllocations":[]}), the over-allocations as runs of
 * buckets ({@link #overAllocationRunsJson()}), and the rows as primitive arrays. An
 * instance-wide report has a million cells and hundreds of thousands of over-allocation
 * entries; as records or JSON they would take hundreds of megabytes.
 *
 * <p>Cell {@code i} (row {@code r}, bucket {@code b} at {@code i = r × buckets + b}; then each
 * row's total at {@code rows × buckets + r}) has capacity {@code cells[2i]}, workload
 * {@code cells[2i+1]}, status {@code statuses[i]} ({@link #STATUS_NAMES}) and utilisation
 * {@code utilisations[i]} (NaN when it has none).
 *
 * @param headJson the report without its rows and over-allocations, as JSON
 * @param overAllocationRunsJson {@code [{"accountKey","firstBucket","lastBucket","allocation","boards"}]}:
 *        each run is the report's over-allocation entry for every bucket from {@code firstBucket}
 *        to {@code lastBucket} (indices into the head's {@code buckets})
 * @param rowKeysJson the row keys in report order, as a JSON array of strings
 * @param rows the number of rows
 * @param buckets the number of buckets
 * @param cells capacity and workload of each cell, in pairs
 * @param statuses each cell's status
 * @param utilisations each cell's utilisation in percent, or NaN
 */
public record MultiReportArrays(String headJson, String overAllocationRunsJson, String rowKeysJson, int rows, int buckets, long[] cells, byte[] statuses,
        double[] utilisations) {
    /** A status code's name in the JSON report. */
    public static final String[] STATUS_NAMES = {"noCapacity", "under", "ok", "over"};

    /** Checks the arrays agree in length. */
    public MultiReportArrays {
        Objects.requireNonNull(headJson, "headJson");
        Objects.requireNonNull(rowKeysJson, "rowKeysJson");
        Objects.requireNonNull(overAllocationRunsJson, "overAllocationRunsJson");
        if (statuses.length != (long) rows * buckets + rows || cells.length != 2 * statuses.length
                || statuses.length != utilisations.length) {
            throw new IllegalArgumentException("cells, statuses and utilisations differ in length");
        }
    }

}
