package org.capacitytracker.host;

import org.capacitytracker.host.jira.DemoData;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The Capacity Tracker documents of the full demo, as the engine's JSON (docs/json-api.md):
 * the settings of boards 2–5, two holiday calendars with yearly rules, days off (half days
 * too), sprint-only team changes on WEB's active sprint, two templates, a saved multi-project
 * report that flags people booked above 100 % across boards, and permissions that restrict
 * board 2 to the payments team. Board 1 keeps DEMO.md's settings ({@link DemoData#boardSettingsJson()}),
 * and none of its four people gets a day off, so its numbers stay those the tests check.
 * {@link DemoSeeder} writes each document through the plugin's engine, only where none is stored.
 */
final class DemoPlan {
    /** One document to write: what kind, its id(s), its JSON. */
    record Doc(Kind kind, String id, String secondId, String json) {
    }

    enum Kind { CALENDAR, BOARD, DAYS_OFF, ITERATION_TEAM, TEMPLATE, REPORT, PERMISSIONS }

    private DemoPlan() {
    }

    /** The documents in the order they must be written (calendars before the boards naming them). */
    static List<Doc> full(LocalDate anchor) {
        List<Doc> docs = new ArrayList<>();
        docs.add(new Doc(Kind.CALENDAR, "germany", null, """
                {"name":"Germany (national)","rules":[
                  {"type":"fixed","name":"New Year's Day","month":1,"day":1},
                  {"type":"easter","name":"Good Friday","offset":-2},
                  {"type":"easter","name":"Easter Monday","offset":1},
                  {"type":"fixed","name":"Labour Day","month":5,"day":1},
                  {"type":"easter","name":"Ascension Day","offset":39},
                  {"type":"easter","name":"Whit Monday","offset":50},
                  {"type":"fixed","name":"German Unity Day","month":10,"day":3},
                  {"type":"fixed","name":"Christmas Eve (afternoon)","month":12,"day":24,"fraction":0.5},
                  {"type":"fixed","name":"Christmas Day","month":12,"day":25},
                  {"type":"fixed","name":"Boxing Day","month":12,"day":26},
                  {"type":"fixed","name":"New Year's Eve (afternoon)","month":12,"day":31,"fraction":0.5}]}
                """));
        docs.add(new Doc(Kind.CALENDAR, "us", null, """
                {"name":"United States (federal)","rules":[
                  {"type":"fixed","name":"New Year's Day","month":1,"day":1},
                  {"type":"nthWeekday","name":"Martin Luther King Jr. Day","month":1,"weekday":"MON","n":3},
                  {"type":"lastWeekday","name":"Memorial Day","month":5,"weekday":"MON"},
                  {"type":"fixed","name":"Independence Day","month":7,"day":4},
                  {"type":"nthWeekday","name":"Labor Day","month":9,"weekday":"MON","n":1},
                  {"type":"nthWeekday","name":"Thanksgiving Day","month":11,"weekday":"THU","n":4},
                  {"type":"nthWeekday","name":"Day after Thanksgiving","month":11,"weekday":"FRI","n":4,"fraction":0.5},
                  {"type":"fixed","name":"Christmas Day","month":12,"day":25}]}
                """));
        docs.add(new Doc(Kind.BOARD, "2", null, """
                {"unit":"storyPoints","estimateSource":"storyPoints","timeZone":"Europe/Berlin",
                 "holidayCalendar":"germany","holidays":[{"date":"%s","name":"Team offsite","fraction":0.5}],
                 "focusFactor":90,
                 "roles":[{"id":"developer","name":"Developer","colour":"#0052CC"},{"id":"qa","name":"QA","colour":"#36B37E"},
                          {"id":"po","name":"Product owner","colour":"#6554C0"}],
                 "members":[
                  {"accountKey":"frank","roleId":"developer","dailyCapacity":1},
                  {"accountKey":"grace","roleId":"developer","dailyCapacity":1},
                  {"accountKey":"ivan","roleId":"developer","dailyCapacity":1,"allocation":50},
                  {"accountKey":"erin","roleId":"developer","dailyCapacity":1,"allocation":50},
                  {"accountKey":"heidi","roleId":"qa","dailyCapacity":0.8},
                  {"accountKey":"judy","roleId":"po","dailyCapacity":0.5,"allocation":50}]}
                """.formatted(anchor.plusDays(10))));
        docs.add(new Doc(Kind.BOARD, "3", null, """
                {"unit":"hours","estimateSource":"remaining","timeZone":"America/New_York","holidayCalendar":"us",
                 "focusFactor":80,"thresholds":{"under":70,"over":100},
                 "roles":[{"id":"developer","name":"Developer","colour":"#0052CC"},{"id":"qa","name":"QA","colour":"#36B37E"},
                          {"id":"designer","name":"Designer","colour":"#FF8B00"}],
                 "members":[
                  {"accountKey":"ken","roleId":"developer","dailyCapacity":7},
                  {"accountKey":"laura","roleId":"developer","dailyCapacity":7},
                  {"accountKey":"bob","roleId":"developer","dailyCapacity":6,"allocation":60},
                  {"accountKey":"mike","roleId":"qa","dailyCapacity":6},
                  {"accountKey":"nina","roleId":"designer","dailyCapacity":6,"workingWeekdays":["MON","TUE","WED","THU"]},
                  {"accountKey":"dave","roleId":"designer","dailyCapacity":4,"allocation":40},
                  {"accountKey":"uma","roleId":"designer","dailyCapacity":6,"allocation":50},
                  {"accountKey":"yara","roleId":"developer","dailyCapacity":7,"activeFrom":"%s"}]}
                """.formatted(anchor.plusDays(9))));
        docs.add(new Doc(Kind.BOARD, "4", null, """
                {"unit":"hours","estimateSource":"original","timeZone":"America/New_York","holidayCalendar":"us",
                 "roles":[{"id":"sre","name":"Site reliability","colour":"#00875A"},{"id":"designer","name":"Designer","colour":"#FF8B00"}],
                 "members":[
                  {"accountKey":"oscar","roleId":"sre","dailyCapacity":7},
                  {"accountKey":"peggy","roleId":"sre","dailyCapacity":7},
                  {"accountKey":"quinn","roleId":"sre","dailyCapacity":6,"allocation":80},
                  {"accountKey":"wendy","roleId":"sre","dailyCapacity":7,"workingWeekdays":["TUE","WED","THU","FRI","SAT"]},
                  {"accountKey":"dave","roleId":"designer","dailyCapacity":4,"allocation":20}]}
                """));
        docs.add(new Doc(Kind.BOARD, "5", null, """
                {"unit":"storyPoints","estimateSource":"storyPoints","timeZone":"Europe/Berlin","holidayCalendar":"germany",
                 "roles":[{"id":"support","name":"Support engineer","colour":"#00B8D9"},{"id":"developer","name":"Developer","colour":"#0052CC"}],
                 "members":[
                  {"accountKey":"rita","roleId":"support","dailyCapacity":0.8},
                  {"accountKey":"sam","roleId":"support","dailyCapacity":0.8},
                  {"accountKey":"tina","roleId":"support","dailyCapacity":0.8},
                  {"accountKey":"ivan","roleId":"developer","dailyCapacity":1,"allocation":50},
                  {"accountKey":"erin","roleId":"developer","dailyCapacity":1,"allocation":50}]}
                """));
        // Days off: whole days and half days, none for board 1's people.
        daysOff(docs, anchor, "frank", 3, 3, 0.5, "Doctor's appointment");
        daysOff(docs, anchor, "grace", 7, 9, 1, "Vacation");
        daysOff(docs, anchor, "ken", 2, 2, 1, "Moving day");
        daysOff(docs, anchor, "laura", 4, 4, 0.5, "School play");
        daysOff(docs, anchor, "oscar", 1, 2, 1, "Conference");
        daysOff(docs, anchor, "rita", 8, 8, 0.5, "Dentist");
        daysOff(docs, anchor, "heidi", 14, 18, 1, "Vacation");
        // WEB Sprint 9 only: Ken works part-time, Xavier joins for the load tests, Uma is on leave.
        docs.add(new Doc(Kind.ITERATION_TEAM, "3", "11", """
                {"members":[
                  {"accountKey":"ken","action":"change","dailyCapacity":4},
                  {"accountKey":"xavier","action":"add","role":"Developer","dailyCapacity":7},
                  {"accountKey":"uma","action":"remove"}]}
                """));
        docs.add(new Doc(Kind.TEMPLATE, "web-squad", null, """
                {"name":"Web squad","members":[
                  {"accountKey":"wendy","role":"Developer","dailyCapacity":7},
                  {"accountKey":"xavier","role":"Developer","dailyCapacity":7},
                  {"accountKey":"yara","role":"QA","dailyCapacity":6,"allocation":50}]}
                """));
        docs.add(new Doc(Kind.TEMPLATE, "support-rotation", null, """
                {"name":"Support rotation","members":[
                  {"accountKey":"rita","role":"Support engineer","dailyCapacity":0.8},
                  {"accountKey":"sam","role":"Support engineer","dailyCapacity":0.8}]}
                """));
        // Bob (boards 1 and 3) and Dave (boards 1, 3 and 4) are booked above 100 %.
        docs.add(new Doc(Kind.REPORT, "delivery-hours", null, """
                {"name":"Delivery teams (hours)","boardIds":["1","3","4"],"projectKeys":[],
                 "period":{"start":"%s","end":"%s"},"bucket":"week","grouping":"person"}
                """.formatted(anchor.minusDays(14), anchor.plusDays(27))));
        docs.add(new Doc(Kind.REPORT, "payments-points", null, """
                {"name":"Payments (story points)","boardIds":[],"projectKeys":["PAY"],
                 "period":{"start":"%s","end":"%s"},"bucket":"month","grouping":"role"}
                """.formatted(anchor.withDayOfMonth(1), anchor.plusMonths(1).withDayOfMonth(1).plusMonths(1).minusDays(1))));
        // Permissions on: board 2 only for the payments team; the other boards readable by every
        // Jira Software user and writable by the planners; victor (a contractor outside
        // jira-developers) can read those boards but not change them, and cannot open board 2.
        String open = """
                {"read":{"users":[],"groups":["jira-software-users"]},"write":{"users":[],"groups":["jira-developers"]}}""";
        docs.add(new Doc(Kind.PERMISSIONS, "global", null, """
                {"enabled":true,"boards":{"1":%s,"2":{"read":{"users":[],"groups":[]},
                 "write":{"users":["judy"],"groups":["payments-team"]}},"3":%s,"4":%s,"5":%s},
                 "templates":{"users":[],"groups":["jira-developers"]},
                 "reports":{"users":[],"groups":["jira-developers"]},
                 "rest":{"users":[],"groups":["jira-software-users"]}}
                """.formatted(open, open, open, open)));
        return docs;
    }

    private static void daysOff(List<Doc> docs, LocalDate anchor, String who, int from, int to, double fraction, String reason) {
        docs.add(new Doc(Kind.DAYS_OFF, who, null, """
                {"accountKey":"%s","ranges":[{"start":"%s","end":"%s","fraction":%s,"reason":"%s"}]}
                """.formatted(who, anchor.plusDays(from), anchor.plusDays(to), fraction, reason)));
    }
}
