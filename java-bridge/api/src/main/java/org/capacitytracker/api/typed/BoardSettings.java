package org.capacitytracker.api.typed;

import java.util.List;

/**
 * A board's settings document ({@code docs/json-api.md}, "Board settings"). Read from the
 * engine, every field is present; to write, leave a field null for the engine's default.
 * Dates stay {@code YYYY-MM-DD} strings and words ({@code unit}, {@code MON}...) stay strings:
 * the engine validates them and names the field when one is wrong.
 *
 * <pre>{@code
 * BoardSettings current = typed.getBoardSettings("42");
 * BoardSettings edited = current.withMembers(List.of(
 *     new BoardSettings.Member("alice", null, "Developer", 6.0, null, null, null, null)));
 * BoardSettings stored = typed.putBoardSettings("42", edited); // revision + 1
 * }</pre>
 *
 * @param schema the document's schema (null: the current one)
 * @param revision the revision it was read at (0 for a board never stored)
 * @param unit {@code hours} or {@code storyPoints}
 * @param estimateSource {@code remaining}, {@code original}, {@code storyPoints} or {@code custom}
 * @param customField with {@code custom}: the Jira number field read
 * @param subtaskPolicy {@code subtasks}, {@code parents} or {@code all}
 * @param timeZone the IANA zone the board's dates are read in
 * @param workingWeekdays {@code MON}…{@code SUN}
 * @param holidays the board's own holidays
 * @param holidayCalendar a shared holiday calendar's id
 * @param focusFactor percent of a working day that is plannable
 * @param thresholds utilisation thresholds
 * @param roles the roles
 * @param members the members
 */
public record BoardSettings(Integer schema, Long revision, String unit, String estimateSource, String customField,
        String subtaskPolicy, String timeZone, List<String> workingWeekdays, List<Holiday> holidays,
        String holidayCalendar, Double focusFactor, Thresholds thresholds, List<Role> roles, List<Member> members) {

    /** Copies the lists; null stays null (the engine's default). */
    public BoardSettings {
        workingWeekdays = workingWeekdays == null ? null : List.copyOf(workingWeekdays);
        holidays = holidays == null ? null : List.copyOf(holidays);
        roles = roles == null ? null : List.copyOf(roles);
        members = members == null ? null : List.copyOf(members);
    }

    /**
     * The same settings with other members (the revision stays the one read).
     *
     * @param newMembers the members
     * @return a copy
     */
    public BoardSettings withMembers(List<Member> newMembers) {
        return new BoardSettings(schema, revision, unit, estimateSource, customField, subtaskPolicy, timeZone,
                workingWeekdays, holidays, holidayCalendar, focusFactor, thresholds, roles, newMembers);
    }

    /**
     * A holiday of the board.
     *
     * @param date {@code YYYY-MM-DD}
     * @param name its name
     * @param fraction of the day off (null: a whole day)
     */
    public record Holiday(String date, String name, Double fraction) {
    }

    /**
     * Utilisation thresholds in percent.
     *
     * @param under below it a member is "under"
     * @param over above it a member is "over"
     */
    public record Thresholds(Double under, Double over) {
    }

    /**
     * A role.
     *
     * @param id its stable id
     * @param name its name
     * @param colour {@code #RRGGBB}, or null for one from the palette
     */
    public record Role(String id, String name, String colour) {
    }

    /**
     * A member of the board.
     *
     * @param accountKey the person
     * @param roleId a role's id — or null and {@code role}
     * @param role a role's name (picks or adds the role of that name); only when writing
     * @param dailyCapacity hours or points a day
     * @param allocation percent of the person given to the board (null: 100)
     * @param workingWeekdays their own working weekdays, or null for the board's
     * @param activeFrom first active date, or null
     * @param activeTo last active date, or null
     */
    public record Member(String accountKey, String roleId, String role, Double dailyCapacity, Double allocation,
            List<String> workingWeekdays, String activeFrom, String activeTo) {
        /** Copies the list; null stays null. */
        public Member {
            workingWeekdays = workingWeekdays == null ? null : List.copyOf(workingWeekdays);
        }
    }
}
