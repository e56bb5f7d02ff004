package org.capacitytracker.api.typed;

import java.time.LocalDate;
import java.util.List;

/**
 * An iteration's capacity report as the engine computed it (the JSON report of
 * {@code docs/json-api.md}, field for field). Quantities are whole {@code baseUnit}s:
 * minutes when {@code unit} is {@code hours}, hundredths of a point for {@code storyPoints}.
 * Words the engine may add to in later versions ({@code unit}, {@code status}, warning codes)
 * are strings.
 *
 * <pre>{@code
 * IterationReport report = typed.iterationReport(request);
 * for (IterationReport.Member m : report.members()) {
 *     System.out.printf("%s: %d of %d minutes free (%s)%n", m.accountKey(), m.free(), m.capacity(), m.status());
 * }
 * }</pre>
 *
 * @param schema the report format's version
 * @param boardId the board
 * @param unit {@code hours} or {@code storyPoints}
 * @param baseUnit {@code minute} or {@code hundredthPoint}
 * @param iteration the iteration's dates as read
 * @param team the team's totals
 * @param roles totals per role
 * @param members each member's figures
 * @param days each date of the iteration
 * @param unassigned work with no assignee
 * @param nonMembers work of people who are not members of the board
 * @param unestimated items with no estimate
 * @param warnings what the reader should know
 */
public record IterationReport(int schema, String boardId, String unit, String baseUnit, Iteration iteration,
        Totals team, List<Role> roles, List<Member> members, List<Day> days, Unassigned unassigned,
        List<NonMember> nonMembers, Unestimated unestimated, List<Warning> warnings) {

    /**
     * The iteration as the engine read it.
     *
     * @param id its id
     * @param name its name
     * @param kind {@code version} or {@code range}; null for a sprint
     * @param firstDate its first date
     * @param lastDate its last date
     * @param dates every date it covers
     * @param reading how its instants were read, in words
     * @param asOf the date remaining capacity counts from, or null
     */
    public record Iteration(String id, String name, String kind, LocalDate firstDate, LocalDate lastDate,
            List<LocalDate> dates, String reading, LocalDate asOf) {
    }

    /**
     * The team's totals.
     *
     * @param capacity capacity in base units
     * @param workload workload in base units
     * @param free capacity − workload (negative when over)
     * @param utilisation percent, one decimal; null when capacity is 0
     * @param status {@code noCapacity}, {@code under}, {@code ok} or {@code over}
     * @param remainingCapacity capacity from {@code asOf} on, or null
     */
    public record Totals(long capacity, long workload, long free, Double utilisation, String status,
            Long remainingCapacity) {
    }

    /**
     * A role's totals.
     *
     * @param roleId the role's id
     * @param role its name
     * @param colour its colour, {@code #RRGGBB}
     * @param members how many members have it
     * @param capacity capacity in base units
     * @param workload workload in base units
     * @param free capacity − workload
     * @param utilisation percent, or null
     * @param status as for the team
     * @param remainingCapacity capacity from {@code asOf} on, or null
     */
    public record Role(String roleId, String role, String colour, int members, long capacity, long workload,
            long free, Double utilisation, String status, Long remainingCapacity) {
    }

    /**
     * One member's figures.
     *
     * @param accountKey the person
     * @param roleId their role's id
     * @param role their role's name
     * @param dailyCapacity daily capacity in base units
     * @param allocation percent of the person given to the board
     * @param capacity capacity in base units
     * @param workload workload in base units
     * @param free capacity − workload
     * @param utilisation percent, or null
     * @param status as for the team
     * @param remainingCapacity capacity from {@code asOf} on, or null
     * @param daysOff days off in the iteration
     * @param holidays holidays in the iteration
     * @param workingDays working days in the iteration
     * @param items the keys of the items counted as their workload
     * @param days capacity on each date of the iteration
     * @param iterationChange {@code added} or {@code changed} by the iteration's team changes, or null
     */
    public record Member(String accountKey, String roleId, String role, long dailyCapacity, double allocation,
            long capacity, long workload, long free, Double utilisation, String status, Long remainingCapacity,
            double daysOff, double holidays, int workingDays, List<String> items, List<Long> days,
            String iterationChange) {
    }

    /**
     * One date of the iteration.
     *
     * @param date the date
     * @param working whether it is a team working day
     * @param holiday the holiday's name, or null
     * @param capacity the team's capacity that day in base units
     */
    public record Day(LocalDate date, boolean working, String holiday, long capacity) {
    }

    /**
     * Work with no assignee.
     *
     * @param workload in base units
     * @param items the items' keys
     */
    public record Unassigned(long workload, List<String> items) {
    }

    /**
     * Work of someone who is not a member of the board.
     *
     * @param assignee their account key
     * @param workload in base units
     * @param items the items' keys
     */
    public record NonMember(String assignee, long workload, List<String> items) {
    }

    /**
     * Items without an estimate.
     *
     * @param count how many
     * @param items their keys
     */
    public record Unestimated(int count, List<String> items) {
    }

    /**
     * Something the reader should know (a non-member's work, a skipped team change...).
     *
     * @param code a stable code, such as {@code nonMemberWork}
     * @param message the same in words
     */
    public record Warning(String code, String message) {
    }
}
