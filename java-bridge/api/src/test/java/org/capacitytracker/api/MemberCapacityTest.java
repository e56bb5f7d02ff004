package org.capacitytracker.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The small member query through the real library: the member's row of the iteration report. */
class MemberCapacityTest {
    MemoryHostStorage storage;
    CapacityEngine engine;

    @BeforeEach
    void open() {
        storage = new MemoryHostStorage();
        engine = CapacityEngine.open(storage);
        engine.putBoardSettings("42", CapacityEngineTest.BOARD);
        engine.putDaysOff("alice", CapacityEngineTest.ALICE_DAYS_OFF);
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void theFiguresAreTheMembersRowOfTheIterationReport() {
        String request = CapacityEngineTest.REQUEST.replace("\"end\":\"2026-12-04\"",
                "\"end\":\"2026-12-04\",\"asOf\":\"2026-12-03\"");
        JsonNode report = Json.parse(engine.iterationReport(request));
        for (JsonNode row : report.get("members")) {
            MemberFigures f = engine.memberCapacity(request, row.get("accountKey").asText());
            assertEquals(report.get("unit").asText(), f.unit());
            assertEquals(report.get("baseUnit").asText(), f.baseUnit());
            assertEquals(row.get("capacity").asLong(), f.capacity());
            assertEquals(Long.valueOf(row.get("remainingCapacity").asLong()), f.remainingCapacity());
            assertEquals(row.get("workload").asLong(), f.workload());
            assertEquals(row.get("dailyCapacity").asLong(), f.dailyCapacity());
            assertEquals(row.get("allocation").asDouble(), f.allocation());
            assertEquals(row.get("workingDays").asInt(), f.workingDays());
            assertEquals(row.get("daysOff").asDouble(), f.daysOff());
            assertEquals(LocalDate.parse(report.get("iteration").get("firstDate").asText()), f.firstDate());
            assertEquals(LocalDate.parse(report.get("iteration").get("lastDate").asText()), f.lastDate());
            assertEquals(LocalDate.of(2026, 12, 3), f.asOf());
        }
        MemberFigures alice = engine.memberCapacity(request, "alice");
        assertEquals(4 * 6 * 60, alice.capacity(), "five days, one off");
        assertEquals(1.0, alice.daysOff());
        assertEquals(240, alice.workload());
        assertEquals(50.0, engine.memberCapacity(request, "bob").allocation());
    }

    @Test
    void withoutAsOfThereIsNoRemainingCapacity() {
        MemberFigures f = engine.memberCapacity(CapacityEngineTest.REQUEST.replaceAll("\"items\":\\[.*\\]", "\"items\":[]"), "bob");
        assertNull(f.remainingCapacity());
        assertNull(f.asOf());
        assertEquals(0, f.workload());
    }

    @Test
    void aKeyOffTheTeamIsNotFoundAndBadInputNamesTheField() {
        Map<String, String> before = Map.copyOf(storage.map);
        CapacityNotFoundException stranger = assertThrows(CapacityNotFoundException.class,
                () -> engine.memberCapacity(CapacityEngineTest.REQUEST, "zed"));
        assertEquals("accountKey", stranger.field());
        assertTrue(stranger.getMessage().startsWith("accountKey: zed is not a member of board 42"), stranger.getMessage());
        CapacityValidationException badKey = assertThrows(CapacityValidationException.class,
                () -> engine.memberCapacity(CapacityEngineTest.REQUEST, ""));
        assertEquals("accountKey", badKey.field());
        CapacityValidationException badRequest = assertThrows(CapacityValidationException.class,
                () -> engine.memberCapacity(CapacityEngineTest.REQUEST.replace("2026-12-04", "2026-11-01"), "alice"));
        assertEquals("iteration.end", badRequest.field());
        assertThrows(NullPointerException.class, () -> engine.memberCapacity(null, "alice"));
        assertEquals(before, Map.copyOf(storage.map), "a query stores nothing");
    }
}
