package org.capacitytracker.jira.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import org.capacitytracker.jira.testing.Json;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ReportRequestsTest {
    @Test
    void addsTheBoardAsFirstMember() {
        String spliced = ReportRequests.withBoardId("DEMO-1", "{\"iteration\":{\"id\":\"3\"},\"items\":[]}");
        assertEquals("{\"boardId\":\"DEMO-1\",\"iteration\":{\"id\":\"3\"},\"items\":[]}", spliced);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", " \r\n\t{ \n}", "{\"a\":{\"b\":[1,{}]}}", "\n{ \"x\" : \"{\\\"}\" }  "})
    void keepsEveryValidObjectValidAndOtherwiseUnchanged(String body) {
        JsonNode original = Json.parse(body);
        JsonNode spliced = Json.parse(ReportRequests.withBoardId("7", body));
        assertEquals("7", spliced.get("boardId").asText());
        ((com.fasterxml.jackson.databind.node.ObjectNode) spliced).remove("boardId");
        assertEquals(original, spliced);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"text\"", "  ", "null", "\uFEFF{}", "x{}"})
    void refusesBodiesThatAreNotObjects(String body) {
        RestProblem p = assertThrows(RestProblem.class, () -> ReportRequests.withBoardId("1", body));
        assertEquals(400, p.status);
        assertEquals("body", p.field);
    }
}
