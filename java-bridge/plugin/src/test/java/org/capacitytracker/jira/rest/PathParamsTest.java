package org.capacitytracker.jira.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PathParamsTest {
    @ParameterizedTest
    @ValueSource(strings = {"1", "DEMO_board-2", "abcdefghijabcdefghijabcdefghijabcdefghij"})
    void acceptsBoardIdsOfTheContract(String id) {
        assertEquals(id, PathParams.boardId(id));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1 2", "1/2", "\"<script>", "abcdefghijabcdefghijabcdefghijabcdefghijX", "é", "1.0"})
    void refusesOtherBoardIdsNamingTheParameter(String id) {
        RestProblem p = assertThrows(RestProblem.class, () -> PathParams.boardId(id));
        assertEquals(400, p.status);
        assertEquals("boardId", p.field);
        assertTrue(p.getMessage().startsWith("boardId: "), p.getMessage());
    }

    @Test
    void refusesAMissingBoardId() {
        assertEquals("boardId", assertThrows(RestProblem.class, () -> PathParams.boardId(null)).field);
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice", "JIRAUSER10100", "first.last@example.com", "Zoë Ångström", "a b"})
    void acceptsJiraUserKeys(String key) {
        assertEquals(key, PathParams.accountKey(key));
    }

    @Test
    void acceptsTheEnginesLimitCountedAsCodePoints() {
        // The engine's rule (core/src/documents/ids.rs), the same as for members in board settings.
        String emoji = "\uD83D\uDE00".repeat(255); // 510 UTF-16 units, 255 characters
        assertEquals(emoji, PathParams.accountKey(emoji));
        assertEquals("k".repeat(255), PathParams.accountKey("k".repeat(255)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " alice", "alice ", "al\u0000ice", "al\nice", "\u00a0alice"})
    void refusesMalformedAccountKeysNamingTheParameter(String key) {
        RestProblem p = assertThrows(RestProblem.class, () -> PathParams.accountKey(key));
        assertEquals(400, p.status);
        assertEquals("accountKey", p.field);
    }

    @Test
    void refusesAccountKeysLongerThanTheEnginesLimit() {
        RestProblem p = assertThrows(RestProblem.class, () -> PathParams.accountKey("k".repeat(256)));
        assertTrue(p.getMessage().startsWith("accountKey: "), p.getMessage());
        assertTrue(p.getMessage().contains("256"), p.getMessage());
    }
}
