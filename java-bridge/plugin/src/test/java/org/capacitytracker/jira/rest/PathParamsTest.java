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
    void acceptsSeventyTwoCharactersCountedAsCodePoints() {
        String emoji = "\uD83D\uDE00".repeat(72); // 144 UTF-16 units, 72 characters
        assertEquals(emoji, PathParams.accountKey(emoji));
        assertEquals("k".repeat(72), PathParams.accountKey("k".repeat(72)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " alice", "alice ", "al\u0000ice", "al\nice", "\u00a0alice"})
    void refusesMalformedAccountKeysNamingTheParameter(String key) {
        RestProblem p = assertThrows(RestProblem.class, () -> PathParams.accountKey(key));
        assertEquals(400, p.status);
        assertEquals("accountKey", p.field);
    }

    @Test
    void refusesAccountKeysLongerThanSeventyTwo() {
        RestProblem p = assertThrows(RestProblem.class, () -> PathParams.accountKey("k".repeat(73)));
        assertTrue(p.getMessage().contains("73"), p.getMessage());
    }
}
