package org.capacitytracker.jira.anonymize;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PrivacyCountsTest {
    @Test
    void countsTopLevelArraysAndPresentValues() {
        String forget = "{\"accountKey\":\"a,\\\"b\",\"boards\":[\"1\",\"2\"],\"daysOff\":true,\"iterations\":[],"
                + "\"templates\":[\"t\"],\"permissions\":[\"boards.1.read\"]}";
        assertEquals(Map.of("boards", 2L, "daysOff", 1L, "templates", 1L, "permissions", 1L), PrivacyCounts.of(forget));
    }

    @Test
    void skipsNestedValuesOfTheExport() {
        String export = "{ \"accountKey\": \"dave\", \"boards\": [ {\"boardId\":\"1\",\"member\":{\"x\":[1,2,{\"y\":\"]}\"}]}} ],"
                + " \"daysOff\": {\"ranges\":[{\"start\":\"2026-12-07\"}]}, \"iterations\": [], \"templates\": [],"
                + " \"permissions\": [] }";
        assertEquals(Map.of("boards", 1L, "daysOff", 1L), PrivacyCounts.of(export));
    }

    @Test
    void absentDaysOffAndFalseCountNothing() {
        assertEquals(Map.of(), PrivacyCounts.of("{\"accountKey\":\"x\",\"daysOff\":null,\"boards\":[]}"));
        assertEquals(Map.of(), PrivacyCounts.of("{\"daysOff\":false}"));
        assertEquals(Map.of(), PrivacyCounts.of("{}"));
    }

    @Test
    void refusesWhatIsNotAnObject() {
        assertThrows(IllegalArgumentException.class, () -> PrivacyCounts.of("[1]"));
        assertThrows(IllegalArgumentException.class, () -> PrivacyCounts.of("{\"boards\":[1,2"));
        assertThrows(IllegalArgumentException.class, () -> PrivacyCounts.of("{\"boards\" [1]}"));
    }
}
