package org.capacitytracker.jira.testing;

/**
 * The demo board's settings and sprint 3 (docs: helpers' DEMO.md), anchored on Monday
 * 2026-11-30: the numbers the browser test expects, checked here through the REST layer.
 */
public final class DemoSprint {
    private DemoSprint() {
    }

    public static final String BOARD_SETTINGS = """
            {"schema":1,"revision":0,"unit":"hours","estimateSource":"remaining","subtaskPolicy":"subtasks",
             "timeZone":"Europe/Berlin","workingWeekdays":["MON","TUE","WED","THU","FRI"],"holidays":[],
             "focusFactor":100,"thresholds":{"under":80,"over":100},
             "members":[
               {"accountKey":"alice","role":"Developer","dailyCapacity":6,"allocation":100},
               {"accountKey":"bob","role":"Developer","dailyCapacity":6,"allocation":50},
               {"accountKey":"carol","role":"QA","dailyCapacity":5,"allocation":100},
               {"accountKey":"dave","role":"Designer","dailyCapacity":4,"allocation":100}]}
            """;

    private static String item(String key, String assignee, String status, Integer remainingHours,
                               Integer originalHours, Integer points, String parent, boolean subtask) {
        return "{\"key\":\"" + key + "\",\"assignee\":" + (assignee == null ? "null" : "\"" + assignee + "\"")
                + ",\"statusCategory\":\"" + status + "\""
                + ",\"remainingSeconds\":" + (remainingHours == null ? "null" : remainingHours * 3600)
                + ",\"originalSeconds\":" + (originalHours == null ? "null" : originalHours * 3600)
                + ",\"storyPoints\":" + points
                + ",\"parent\":" + (parent == null ? "null" : "\"" + parent + "\"")
                + ",\"subtask\":" + subtask + "}";
    }

    /** The POST body of {@code /boards/1/report} for sprint 3 (no boardId: it is in the URL). */
    public static final String SPRINT_3_REPORT_BODY = "{\"iteration\":{\"id\":\"3\",\"name\":\"DEMO Sprint 3\","
            + "\"start\":\"2026-11-30T09:00:00.000+01:00\",\"end\":\"2026-12-11T17:00:00.000+01:00\"},"
            + "\"items\":["
            + String.join(",",
                    item("DEMO-5", "alice", "indeterminate", 8, 8, 5, null, false),
                    item("DEMO-6", "alice", "new", 12, 16, 8, null, false),
                    item("DEMO-7", "alice", "done", 4, 4, 2, null, false),
                    item("DEMO-8", "alice", "indeterminate", 6, 6, 5, null, false),
                    item("DEMO-9", "alice", "new", 3, 3, null, "DEMO-8", true),
                    item("DEMO-10", "alice", "indeterminate", 5, 5, null, "DEMO-8", true),
                    item("DEMO-11", "bob", "new", 10, 10, 5, null, false),
                    item("DEMO-12", "bob", "indeterminate", 14, 14, 8, null, false),
                    item("DEMO-13", "carol", "new", 20, 20, null, null, false),
                    item("DEMO-14", "carol", "indeterminate", 16, 16, null, null, false),
                    item("DEMO-15", "carol", "new", 15, 15, null, null, false),
                    item("DEMO-16", "dave", "new", 6, 6, 3, null, false),
                    item("DEMO-17", "erin", "new", 5, 5, null, null, false),
                    item("DEMO-18", null, "new", 4, 4, null, null, false),
                    item("DEMO-19", null, "new", null, null, null, null, false))
            + "]}";
}
