package org.capacitytracker.api;

import java.time.LocalDate;

/**
 * One member's figures over one iteration ({@link CapacityEngine#memberCapacity}): that
 * member's row of the iteration report, as numbers.
 *
 * @param unit the board's unit, {@code hours} or {@code storyPoints}
 * @param baseUnit what the numbers count: {@code minute} or {@code hundredth} (of a point)
 * @param capacity capacity in base units
 * @param remainingCapacity capacity from {@code asOf} on; null when the request had no {@code asOf}
 * @param workload the request's items assigned to the member, in base units
 * @param dailyCapacity the member's daily capacity in base units
 * @param allocation the member's allocation in percent
 * @param workingDays the member's working days in the iteration
 * @param daysOff days off on working days
 * @param firstDate the iteration's first date in the board's time zone
 * @param lastDate its last date
 * @param asOf the request's {@code asOf} date, or null
 */
public record MemberFigures(String unit, String baseUnit, long capacity, Long remainingCapacity, long workload,
        long dailyCapacity, double allocation, int workingDays, double daysOff, LocalDate firstDate,
        LocalDate lastDate, LocalDate asOf) {

    /** Reads the numbers in the order {@code Native.engineMemberCapacity} documents. */
    static MemberFigures of(long[] n) {
        if (n == null || n.length != 13) {
            throw new CapacityNativeException("engineMemberCapacity gave " + (n == null ? 0 : n.length) + " numbers, expected 13", null);
        }
        boolean points = n[0] == 1;
        // Fixed-point values from the engine: allocation and days off in ten-thousandths.
        return new MemberFigures(points ? "storyPoints" : "hours", points ? "hundredth" : "minute", n[1],
                n[2] == 1 ? n[3] : null, n[4], n[5], n[6] / 100.0, (int) n[7], n[8] / 10_000.0,
                LocalDate.ofEpochDay(n[9]), LocalDate.ofEpochDay(n[10]), n[11] == 1 ? LocalDate.ofEpochDay(n[12]) : null);
    }
}
