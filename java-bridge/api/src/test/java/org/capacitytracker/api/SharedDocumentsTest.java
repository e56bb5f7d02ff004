package org.capacitytracker.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The engine operations beyond board settings and days off, each through its Java method
 * and the real library: iteration teams, templates, holiday calendars, report definitions
 * and the multi-project report, permissions, privacy and backup.
 */
class SharedDocumentsTest {
    static final String PERSON = "zelda.unique-person-key";

    /** Board 1: alice (Developer, 6 h) and the person (QA, 5 h), using holiday calendar "de". */
    static final String BOARD = "{\"revision\":0,\"holidayCalendar\":\"de\",\"members\":["
            + "{\"accountKey\":\"alice\",\"role\":\"Developer\",\"dailyCapacity\":6},"
            + "{\"accountKey\":\"" + PERSON + "\",\"role\":\"QA\",\"dailyCapacity\":5}]}";

    /** Two weeks from Monday 30 March 2026, Good Friday and Easter Monday inside. */
    static String sprint(String iterationId) {
        return "{\"boardId\":\"1\",\"iteration\":{\"id\":\"" + iterationId + "\",\"start\":\"2026-03-30\","
                + "\"end\":\"2026-04-10\"},\"items\":[]}";
    }

    MemoryHostStorage storage;
    CapacityEngine engine;

    @BeforeEach
    void open() {
        storage = new MemoryHostStorage();
        engine = CapacityEngine.open(storage);
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void iterationTeamsChangeOneSprintOnlyAndCopyToTheNext() {
        engine.putBoardSettings("1", BOARD);
        engine.putCalendar("de", "{\"name\":\"None\"}");
        JsonNode none = Json.parse(engine.getIterationTeam("1", "7"));
        assertEquals(0, none.get("revision").asLong());
        assertEquals("7", none.get("iterationId").asText());
        assertEquals(0, none.get("members").size());

        JsonNode stored = Json.parse(engine.putIterationTeam("1", "7", "{\"revision\":0,\"members\":["
                + "{\"accountKey\":\"alice\",\"action\":\"change\",\"dailyCapacity\":3},"
                + "{\"accountKey\":\"" + PERSON + "\",\"action\":\"remove\"},"
                + "{\"accountKey\":\"newbie\",\"action\":\"add\",\"role\":\"Developer\",\"dailyCapacity\":4}]}"));
        assertEquals(1, stored.get("revision").asLong());
        assertTrue(Json.sameJson(stored, Json.parse(engine.getIterationTeam("1", "7"))));

        JsonNode report = Json.parse(engine.iterationReport(sprint("7")));
        assertEquals(2, report.get("members").size());
        assertEquals("alice", report.get("members").get(0).get("accountKey").asText());
        assertEquals(10 * 180, report.get("members").get(0).get("capacity").asLong(), "3 h on ten days");
        assertEquals("changed", report.get("members").get(0).get("iterationChange").asText());
        assertEquals("added", report.get("members").get(1).get("iterationChange").asText());
        assertEquals(2, Json.parse(engine.iterationReport(sprint("8"))).get("members").size(),
                "another sprint keeps the board's team");

        JsonNode copied = Json.parse(engine.copyIterationTeam(
                "{\"boardId\":\"1\",\"fromIterationId\":\"7\",\"toIterationId\":\"8\",\"revision\":0}"));
        assertEquals("8", copied.get("iterationId").asText());
        assertEquals(1, copied.get("revision").asLong());
        assertEquals("newbie", Json.parse(engine.iterationReport(sprint("8"))).get("members").get(1).get("accountKey").asText());

        CapacityValidationException bad = assertThrows(CapacityValidationException.class, () -> engine.putIterationTeam("1", "9",
                "{\"members\":[{\"accountKey\":\"x\",\"action\":\"add\",\"role\":\"Dev\"}]}"));
        assertEquals("members[0].dailyCapacity", bad.field());
        CapacityConflictException stale = assertThrows(CapacityConflictException.class, () -> engine.copyIterationTeam(
                "{\"boardId\":\"1\",\"fromIterationId\":\"7\",\"toIterationId\":\"8\",\"revision\":0}"));
        assertEquals(1, stale.currentRevision());
        CapacityValidationException id = assertThrows(CapacityValidationException.class, () -> engine.getIterationTeam("1", "no spaces"));
        assertEquals("iterationId", id.field());
    }

    @Test
    void templatesAreStoredListedAppliedAndRemoved() {
        engine.putBoardSettings("1", BOARD);
        JsonNode squad = Json.parse(engine.putTemplate("squad", "{\"revision\":0,\"name\":\"Squad\",\"members\":["
                + "{\"accountKey\":\"alice\",\"role\":\"Developer\",\"dailyCapacity\":6},"
                + "{\"accountKey\":\"bob\",\"role\":\"Developer\",\"dailyCapacity\":7},"
                + "{\"accountKey\":\"carol\",\"role\":\"Designer\",\"dailyCapacity\":4}]}"));
        assertEquals(1, squad.get("revision").asLong());
        assertEquals("squad", squad.get("id").asText());
        assertTrue(Json.sameJson(squad, Json.parse(engine.getTemplate("squad"))));
        engine.putTemplate("pair", "{\"name\":\"Pair\",\"members\":[{\"accountKey\":\"alice\",\"role\":\"Lead\",\"dailyCapacity\":5}]}");
        assertTrue(Json.sameJson(Json.parse("[{\"id\":\"pair\",\"name\":\"Pair\"},{\"id\":\"squad\",\"name\":\"Squad\"}]"),
                Json.parse(engine.listTemplates())), engine.listTemplates());

        JsonNode applied = Json.parse(engine.applyTemplate("{\"templateId\":\"squad\",\"boardId\":\"1\",\"revision\":1}"));
        assertEquals(Json.parse("[\"bob\",\"carol\"]"), applied.get("added"));
        assertEquals(Json.parse("[\"alice\"]"), applied.get("unchanged"));
        assertEquals(Json.parse("[\"" + PERSON + "\"]"), applied.get("leftAlone"));
        assertEquals(2, applied.get("document").get("revision").asLong());
        assertEquals(4, Json.parse(engine.getBoardSettings("1")).get("members").size());

        JsonNode toSprint = Json.parse(engine.applyTemplate(
                "{\"templateId\":\"pair\",\"boardId\":\"1\",\"iterationId\":\"7\",\"revision\":0}"));
        assertEquals(Json.parse("[\"alice\"]"), toSprint.get("changed"));
        assertEquals("change", toSprint.get("document").get("members").get(0).get("action").asText());
        assertThrows(CapacityConflictException.class,
                () -> engine.applyTemplate("{\"templateId\":\"pair\",\"boardId\":\"1\",\"revision\":1}"));

        engine.removeTemplate("pair");
        CapacityNotFoundException gone = assertThrows(CapacityNotFoundException.class, () -> engine.getTemplate("pair"));
        assertEquals("templateId", gone.field());
        assertEquals(CapacityException.NOT_FOUND, gone.code());
        assertEquals(1, Json.parse(engine.listTemplates()).size());
        engine.removeTemplate("pair"); // already gone: not an error
        CapacityNotFoundException missing = assertThrows(CapacityNotFoundException.class,
                () -> engine.applyTemplate("{\"templateId\":\"pair\",\"boardId\":\"1\",\"revision\":2}"));
        assertEquals("templateId", missing.field());
        assertEquals("id", assertThrows(CapacityValidationException.class, () -> engine.putTemplate("a b", "{\"name\":\"x\"}")).field());
    }

    @Test
    void aSharedCalendarAddsItsHolidaysUntilItIsRemoved() {
        engine.putBoardSettings("1", BOARD);
        JsonNode without = Json.parse(engine.iterationReport(sprint("7")));
        assertEquals("holidayCalendarMissing", without.get("warnings").get(0).get("code").asText());
        assertEquals(10 * 360, CapacityEngineTest.member(without, "alice").get("capacity").asLong());

        JsonNode calendar = Json.parse(engine.putCalendar("de", "{\"revision\":0,\"name\":\"Germany\",\"rules\":["
                + "{\"type\":\"easter\",\"name\":\"Good Friday\",\"offset\":-2},"
                + "{\"type\":\"easter\",\"name\":\"Easter Monday\",\"offset\":1}]}"));
        assertEquals(1, calendar.get("revision").asLong());
        assertTrue(Json.sameJson(calendar, Json.parse(engine.getCalendar("de"))));
        assertTrue(Json.sameJson(Json.parse("[{\"id\":\"de\",\"name\":\"Germany\"}]"), Json.parse(engine.listCalendars())));
        JsonNode with = Json.parse(engine.iterationReport(sprint("7")));
        assertEquals(8 * 360, CapacityEngineTest.member(with, "alice").get("capacity").asLong());
        assertEquals("Good Friday", with.get("days").get(4).get("holiday").asText());

        CapacityValidationException rule = assertThrows(CapacityValidationException.class, () -> engine.putCalendar("de",
                "{\"revision\":1,\"name\":\"Germany\",\"rules\":[{\"type\":\"fixed\",\"name\":\"X\",\"month\":13,\"day\":1}]}"));
        assertEquals("rules[0].month", rule.field());

        engine.removeCalendar("de");
        assertEquals("calendarId", assertThrows(CapacityNotFoundException.class, () -> engine.getCalendar("de")).field());
        assertEquals(0, Json.parse(engine.listCalendars()).size());
        assertEquals("holidayCalendarMissing",
                Json.parse(engine.iterationReport(sprint("7"))).get("warnings").get(0).get("code").asText());
    }

    static final String MARCH = "{\"name\":\"March\",\"boardIds\":[\"A\",\"B\"],"
            + "\"period\":{\"start\":\"2026-03-02\",\"end\":\"2026-03-15\"},\"bucket\":\"week\",\"grouping\":\"person\"}";
    static final String MARCH_WORK = "[{\"boardId\":\"A\",\"iterations\":[{\"id\":\"1\",\"start\":\"2026-03-02\",\"end\":\"2026-03-13\",\"items\":["
            + "{\"key\":\"A-1\",\"assignee\":\"alice\",\"statusCategory\":\"new\",\"remainingSeconds\":36000},"
            + "{\"key\":\"A-2\",\"assignee\":\"bob\",\"statusCategory\":\"new\",\"remainingSeconds\":3600}]}]}]";

    @Test
    void reportDefinitionsAndTheMultiProjectReport() {
        engine.putBoardSettings("A", "{\"members\":[{\"accountKey\":\"alice\",\"role\":\"Developer\",\"dailyCapacity\":6,\"allocation\":50},"
                + "{\"accountKey\":\"bob\",\"role\":\"QA\",\"dailyCapacity\":8}]}");
        engine.putBoardSettings("B", "{\"members\":[{\"accountKey\":\"alice\",\"role\":\"Developer\",\"dailyCapacity\":6,"
                + "\"allocation\":60,\"activeFrom\":\"2026-03-09\"}]}");
        engine.putDaysOff("bob", "{\"ranges\":[{\"start\":\"2026-03-03\",\"end\":\"2026-03-03\"}]}");

        JsonNode definition = Json.parse(engine.putReportDefinition("march", MARCH));
        assertEquals(1, definition.get("revision").asLong());
        assertTrue(Json.sameJson(definition, Json.parse(engine.getReportDefinition("march"))));
        assertTrue(Json.sameJson(Json.parse("[{\"id\":\"march\",\"name\":\"March\"}]"), Json.parse(engine.listReportDefinitions())));

        JsonNode byId = Json.parse(engine.multiProjectReport("{\"reportId\":\"march\",\"boards\":" + MARCH_WORK + "}"));
        JsonNode inline = Json.parse(engine.multiProjectReport("{\"definition\":" + MARCH + ",\"boards\":" + MARCH_WORK + "}"));
        assertEquals(2, byId.get("buckets").size());
        JsonNode alice = byId.get("rows").get(0);
        assertEquals("alice", alice.get("key").asText());
        assertEquals(900, alice.get("cells").get(0).get("capacity").asLong());
        assertEquals(900 + 1080, alice.get("cells").get(1).get("capacity").asLong());
        assertEquals(300, alice.get("cells").get(0).get("workload").asLong());
        assertEquals(Json.parse("[{\"accountKey\":\"alice\",\"bucket\":\"2026-W11\",\"allocation\":110.0,\"boards\":[\"A\",\"B\"]}]"),
                byId.get("overAllocations"));
        assertEquals(byId.get("rows"), inline.get("rows"), "a stored definition and the same one inline agree");

        engine.putBoardSettings("P", "{\"unit\":\"storyPoints\"}");
        CapacityValidationException mixed = assertThrows(CapacityValidationException.class, () -> engine.multiProjectReport(
                "{\"definition\":" + MARCH.replace("[\"A\",\"B\"]", "[\"A\",\"P\"]") + ",\"boards\":[]}"));
        assertEquals("boards[1]", mixed.field());

        engine.removeReportDefinition("march");
        assertEquals("reportId", assertThrows(CapacityNotFoundException.class, () -> engine.getReportDefinition("march")).field());
        assertEquals(0, Json.parse(engine.listReportDefinitions()).size());
    }

    @Test
    void accessChecksFollowThePermissionsDocument() {
        JsonNode initial = Json.parse(engine.getPermissions());
        assertEquals(0, initial.get("revision").asLong());
        assertFalse(initial.get("enabled").asBoolean());
        String bobWrites = "{\"user\":\"bob\",\"groups\":[],\"action\":\"writeBoard\",\"boardId\":\"1\"}";
        assertTrue(Json.parse(engine.checkAccess(bobWrites)).get("allowed").asBoolean(), "disabled: everyone may");

        JsonNode stored = Json.parse(engine.putPermissions("{\"revision\":0,\"enabled\":true,\"boards\":{\"1\":{\"write\":{\"users\":[\"alice\"]}}}}"));
        assertEquals(1, stored.get("revision").asLong());
        assertTrue(Json.sameJson(stored, Json.parse(engine.getPermissions())));
        JsonNode denied = Json.parse(engine.checkAccess(bobWrites));
        assertFalse(denied.get("allowed").asBoolean());
        assertFalse(denied.get("reason").asText().isEmpty());
        assertTrue(Json.parse(engine.checkAccess(bobWrites.replace("bob", "alice"))).get("allowed").asBoolean());
        assertTrue(Json.parse(engine.checkAccess("{\"user\":\"bob\",\"admin\":true,\"action\":\"writeBoard\",\"boardId\":\"1\"}"))
                .get("allowed").asBoolean());

        assertEquals("action", assertThrows(CapacityValidationException.class,
                () -> engine.checkAccess("{\"user\":\"bob\",\"action\":\"fly\"}")).field());
        assertEquals(1, assertThrows(CapacityConflictException.class,
                () -> engine.putPermissions("{\"revision\":0,\"enabled\":false}")).currentRevision());
    }

    /** Stores the person in every kind of document that can name them. */
    void everythingAboutThePerson() {
        engine.putBoardSettings("1", BOARD);
        engine.putDaysOff(PERSON, "{\"ranges\":[{\"start\":\"2026-04-01\",\"end\":\"2026-04-02\",\"reason\":\"Holiday\"}]}");
        engine.putIterationTeam("1", "7", "{\"members\":[{\"accountKey\":\"" + PERSON + "\",\"action\":\"change\",\"dailyCapacity\":2}]}");
        engine.putTemplate("t", "{\"name\":\"T\",\"members\":[{\"accountKey\":\"" + PERSON + "\",\"role\":\"QA\",\"dailyCapacity\":5}]}");
        engine.putPermissions("{\"enabled\":true,\"boards\":{\"1\":{\"write\":{\"users\":[\"" + PERSON + "\",\"alice\"]}}},"
                + "\"rest\":{\"users\":[\"" + PERSON + "\"]}}");
    }

    @Test
    void exportUserReturnsEverythingAndForgetUserLeavesNoTrace() {
        everythingAboutThePerson();
        JsonNode exported = Json.parse(engine.exportUser(PERSON));
        assertEquals("1", exported.get("boards").get(0).get("boardId").asText());
        assertEquals("QA", exported.get("boards").get(0).get("role").asText());
        assertEquals("Holiday", exported.get("daysOff").get("ranges").get(0).get("reason").asText());
        assertEquals("7", exported.get("iterations").get(0).get("iterationId").asText());
        assertEquals("t", exported.get("templates").get(0).get("templateId").asText());
        assertEquals(Json.parse("[\"boards.1.write\",\"rest\"]"), exported.get("permissions"));
        JsonNode inventory = Json.parse(engine.dataInventory());
        assertEquals(2, inventory.get("people").asInt());
        assertTrue(inventory.get("categories").size() >= 5, inventory.toString());

        JsonNode removed = Json.parse(engine.forgetUser(PERSON));
        assertEquals(Json.parse("[\"1\"]"), removed.get("boards"));
        assertTrue(removed.get("daysOff").asBoolean());
        assertEquals(Json.parse("[\"1:7\"]"), removed.get("iterations"));
        assertEquals(Json.parse("[\"t\"]"), removed.get("templates"));
        storage.snapshot().forEach((key, value) -> {
            assertFalse(key.contains(PERSON), key);
            assertFalse(value.contains(PERSON), key + " still names the person: " + value);
        });
        assertTrue(engine.getBoardSettings("1").contains("alice"), "others are untouched");
        JsonNode again = Json.parse(engine.forgetUser(PERSON));
        assertEquals(0, again.get("boards").size());
        assertFalse(again.get("daysOff").asBoolean());
        assertEquals(1, Json.parse(engine.dataInventory()).get("people").asInt());
        assertEquals("accountKey", assertThrows(CapacityValidationException.class, () -> engine.exportUser("")).field());
    }

    @Test
    void anExportImportsIntoEmptyStorageAndMergesWithAReport() {
        everythingAboutThePerson();
        String export = engine.exportAll();
        JsonNode exported = Json.parse(export);
        assertEquals("capacity-tracker-export", exported.get("format").asText());
        assertEquals(5, exported.get("documents").size(), export);

        MemoryHostStorage freshStorage = new MemoryHostStorage();
        try (CapacityEngine fresh = CapacityEngine.open(freshStorage)) {
            JsonNode result = Json.parse(fresh.importAll("{\"mode\":\"empty\",\"export\":" + export + "}"));
            assertEquals(5, result.get("written").size());
            assertEquals(exported.get("documents"), Json.parse(fresh.exportAll()).get("documents"));

            assertEquals("mode", assertThrows(CapacityValidationException.class,
                    () -> fresh.importAll("{\"mode\":\"empty\",\"export\":" + export + "}")).field());
            fresh.putTemplate("t", "{\"revision\":1,\"name\":\"Renamed\",\"members\":[]}");
            JsonNode merged = Json.parse(fresh.importAll("{\"mode\":\"merge\",\"export\":" + export + "}"));
            assertEquals("template:t", merged.get("conflicts").get(0).get("document").asText());
            assertEquals(4, merged.get("unchanged").size());
        }

        ObjectNode bad = (ObjectNode) exported.deepCopy();
        ((ObjectNode) bad.get("documents").get(0).get("document").get("members").get(0)).put("dailyCapacity", -1);
        MemoryHostStorage empty = new MemoryHostStorage();
        try (CapacityEngine other = CapacityEngine.open(empty)) {
            CapacityValidationException e = assertThrows(CapacityValidationException.class,
                    () -> other.importAll("{\"mode\":\"empty\",\"export\":" + bad + "}"));
            assertEquals("export.documents[0].document.members[0].dailyCapacity", e.field());
            assertTrue(empty.map.isEmpty(), "nothing written: " + empty.map.keySet());
        }
    }

    /**
     * Every new method with valid input, in one list, so the checks below cannot miss one.
     * Each of these has to read the storage to answer.
     */
    static Map<String, Consumer<CapacityEngine>> everyOperation() {
        Map<String, Consumer<CapacityEngine>> ops = new LinkedHashMap<>();
        ops.put("getIterationTeam", e -> e.getIterationTeam("1", "7"));
        ops.put("putIterationTeam", e -> e.putIterationTeam("1", "7", "{\"members\":[]}"));
        ops.put("copyIterationTeam", e -> e.copyIterationTeam(
                "{\"boardId\":\"1\",\"fromIterationId\":\"7\",\"toIterationId\":\"8\",\"revision\":0}"));
        ops.put("getTemplate", e -> e.getTemplate("t"));
        ops.put("putTemplate", e -> e.putTemplate("t", "{\"name\":\"T\",\"members\":[]}"));
        ops.put("removeTemplate", e -> e.removeTemplate("t"));
        ops.put("listTemplates", CapacityEngine::listTemplates);
        ops.put("applyTemplate", e -> e.applyTemplate("{\"templateId\":\"t\",\"boardId\":\"1\",\"revision\":0}"));
        ops.put("getCalendar", e -> e.getCalendar("c"));
        ops.put("putCalendar", e -> e.putCalendar("c", "{\"name\":\"C\"}"));
        ops.put("removeCalendar", e -> e.removeCalendar("c"));
        ops.put("listCalendars", CapacityEngine::listCalendars);
        ops.put("getReportDefinition", e -> e.getReportDefinition("r"));
        ops.put("putReportDefinition", e -> e.putReportDefinition("r", MARCH));
        ops.put("removeReportDefinition", e -> e.removeReportDefinition("r"));
        ops.put("listReportDefinitions", CapacityEngine::listReportDefinitions);
        ops.put("multiProjectReport", e -> e.multiProjectReport("{\"definition\":" + MARCH + ",\"boards\":[]}"));
        ops.put("getPermissions", CapacityEngine::getPermissions);
        ops.put("putPermissions", e -> e.putPermissions("{\"enabled\":true}"));
        ops.put("checkAccess", e -> e.checkAccess("{\"user\":\"bob\",\"action\":\"useRest\"}"));
        ops.put("exportUser", e -> e.exportUser("alice"));
        ops.put("forgetUser", e -> e.forgetUser("alice"));
        ops.put("dataInventory", CapacityEngine::dataInventory);
        ops.put("exportAll", CapacityEngine::exportAll);
        ops.put("importAll", e -> e.importAll("{\"mode\":\"empty\",\"export\":{\"format\":\"capacity-tracker-export\","
                + "\"formatVersion\":1,\"engineVersion\":\"0.1.0\",\"documents\":[]}}"));
        return ops;
    }

    @Test
    void everyOperationFailsOnAClosedEngine() {
        engine.close();
        everyOperation().forEach((name, op) -> assertThrows(IllegalStateException.class, () -> op.accept(engine), name));
    }

    @Test
    void everyOperationReportsAFailingStorageAsAStorageErrorWithTheHostsException() {
        IllegalStateException gone = new IllegalStateException("database gone");
        HostStorage broken = new HostStorage() {
            @Override
            public String get(String key) {
                throw gone;
            }

            @Override
            public void put(String key, String value) {
                throw gone;
            }

            @Override
            public void remove(String key) {
                throw gone;
            }
        };
        try (CapacityEngine failing = CapacityEngine.open(broken)) {
            everyOperation().forEach((name, op) -> {
                CapacityStorageException e = assertThrows(CapacityStorageException.class, () -> op.accept(failing), name);
                assertSame(gone, e.getCause(), name);
            });
        }
    }

    @Test
    void nullArgumentsAreRefusedBeforeTheNativeCall() {
        List<Runnable> calls = List.of(
                () -> engine.getIterationTeam(null, "7"),
                () -> engine.getIterationTeam("1", null),
                () -> engine.putIterationTeam("1", "7", null),
                () -> engine.copyIterationTeam(null),
                () -> engine.getTemplate(null),
                () -> engine.putTemplate("t", null),
                () -> engine.removeTemplate(null),
                () -> engine.applyTemplate(null),
                () -> engine.getCalendar(null),
                () -> engine.putCalendar(null, "{}"),
                () -> engine.removeCalendar(null),
                () -> engine.getReportDefinition(null),
                () -> engine.putReportDefinition("r", null),
                () -> engine.removeReportDefinition(null),
                () -> engine.multiProjectReport(null),
                () -> engine.putPermissions(null),
                () -> engine.checkAccess(null),
                () -> engine.exportUser(null),
                () -> engine.forgetUser(null),
                () -> engine.importAll(null));
        for (Runnable call : calls) {
            assertThrows(NullPointerException.class, call::run);
        }
        assertEquals(Map.of(), storage.snapshot());
    }
}
