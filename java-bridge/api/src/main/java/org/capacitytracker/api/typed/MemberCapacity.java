package org.capacitytracker.api.typed;

import java.time.LocalDate;

/**
 * One member's capacity in one iteration of a board, as the engine computed it: the
 * {@link IterationReport.Member} figures that do not depend on work items. Quantities are
 * whole {@code baseUnit}s: minutes when {@code unit} is {@code hours}, hundredths of a point
 * for {@code storyPoints}.
 *
 * <pre>{@code
 * MemberCapacity m = capacity.memberCapacity("42", "alice", sprint);
 * if (m.remainingCapacity() != null) {
 *     System.out.printf("%s has %d minutes left in %s%n", m.accountKey(), m.remainingCapacity(), m.iterationName());
 * }
 * }</pre>
 *
 * @param boardId the board
 * @param accountKey the member
 * @param iterationId the iteration's id
 * @param iterationName its name, or null
 * @param firstDate its first date as the engine read it (the board's time zone)
 * @param lastDate its last date
 * @param asOf the date remaining capacity counts from, or null
 * @param unit {@code hours} or {@code storyPoints}
 * @param baseUnit {@code minute} or {@code hundredthPoint}
 * @param capacity the member's capacity over the whole iteration
 * @param remainingCapacity capacity from {@code asOf} on; null without {@code asOf}
 * @param dailyCapacity daily capacity
 * @param allocation percent of the person given to the board
 * @param workingDays working days in the iteration
 * @param daysOff days off in the iteration
 */
public record MemberCapacity(String boardId, String accountKey, String iterationId, String iterationName,
        LocalDate firstDate, LocalDate lastDate, LocalDate asOf, String unit, String baseUnit, long capacity,
        Long remainingCapacity, long dailyCapacity, double allocation, int workingDays, double daysOff) {
}
