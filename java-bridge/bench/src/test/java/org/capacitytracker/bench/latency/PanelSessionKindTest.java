package org.capacitytracker.bench.latency;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PanelSessionKindTest {
    @Test
    void idsAreLeftOutOfAKind() {
        assertEquals("GET boards/{}/settings", PanelSession.kind("GET", "/rest/capacity/1.0/boards/12/settings"));
        assertEquals("GET boards/{}/iterations/{}/team",
                PanelSession.kind("GET", "/rest/capacity/1.0/boards/12/iterations/7/team"));
        assertEquals("GET people/{}/days-off", PanelSession.kind("GET", "/rest/capacity/1.0/people/alice/days-off"));
        assertEquals("POST boards/{}/report", PanelSession.kind("POST", "/rest/capacity/1.0/boards/3/report"));
        assertEquals("GET boards/{}/settings", PanelSession.kind("GET", "/jira/rest/capacity/1.0/boards/12/settings"),
                "below the host's context path");
    }
}
