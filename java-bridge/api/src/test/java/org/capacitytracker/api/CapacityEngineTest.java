package org.capacitytracker.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every operation of the engine, and every exception it maps, through the real library. */
class CapacityEngineTest {
    static final String BOARD = "{\"schema\":1,\"revision\":0,\"unit\":\"hours\",\"timeZone\":\"Europe/Paris\","
            + "\"members\":[{\"accountKey\":\"alice\",\"role\":\"Developer\",\"dailyCapacity\":6},"
            + "{\"accountKey\":\"bob\",\"role\":\"Tester\",\"dailyCapacity\":8,\"allocation\":50}]}";

    static final String ALICE_DAYS_OFF = "{\"schema\":1,\"revision\":0,\"accountKey\":\"alice\","
            + "\"ranges\":[{\"start\":\"2026-12-02\",\"end\":\"2026-12-02\",\"reason\":\"Dentist\"}]}";

    /** Monday 30 November to Friday 4 December 2026: five working days. */
    static final String REQUEST = "{\"boardId\":\"42\",\"iteration\":{\"id\":\"3\",\"name\":\"Sprint 3\","
            + "\"start\":\"2026-11-30\",\"end\":\"2026-12-04\"},\"items\":["
            + "{\"key\":\"DEMO-1\",\"assignee\":\"alice\",\"statusCategory\":\"indeterminate\",\"remainingSeconds\":14400},"
            + "{\"key\":\"DEMO-2\",\"assignee\":\"bob\",\"statusCategory\":\"new\",\"remainingSeconds\":7200},"
            + "{\"key\":\"DEMO-3\",\"assignee\":\"bob\",\"statusCategory\":\"done\",\"remainingSeconds\":7200}]}";

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
    void aNewBoardHasDefaultSettingsAtRevisionZero() {
        JsonNode settings = Json.parse(engine.getBoardSettings("42"));
        assertEquals(0, settings.get("revision").asLong());
        assertTrue(settings.get("schema").asInt() >= 1, settings.toString());
        assertEquals("hours", settings.get("unit").asText());
        assertEquals(0, settings.get("members").size());
        assertTrue(storage.map.isEmpty(), "reading stores nothing");
    }

    @Test
    void putBoardSettingsStoresTheNormalisedDocumentAtTheNextRevision() {
        JsonNode stored = Json.parse(engine.putBoardSettings("42", BOARD));
        assertEquals(1, stored.get("revision").asLong());
        assertEquals("Europe/Paris", stored.get("timeZone").asText());
        assertEquals(100, stored.get("members").get(0).get("allocation").asInt(), "defaults are filled in");
        assertTrue(storage.map.containsKey("org.capacitytracker:board:42"), storage.map.keySet().toString());

        JsonNode read = Json.parse(engine.getBoardSettings("42"));
        assertTrue(Json.sameJson(stored, read), "read back what was stored: " + read);

        JsonNode second = Json.parse(engine.putBoardSettings("42", read.toString()));
        assertEquals(2, second.get("revision").asLong());
    }

    @Test
    void daysOffAreEmptyUntilStoredThenReadBack() {
        JsonNode none = Json.parse(engine.getDaysOff("alice"));
        assertEquals(0, none.get("revision").asLong());
        assertEquals("alice", none.get("accountKey").asText());
        assertEquals(0, none.get("ranges").size());

        JsonNode stored = Json.parse(engine.putDaysOff("alice", ALICE_DAYS_OFF));
        assertEquals(1, stored.get("revision").asLong());
        assertEquals(1, stored.get("ranges").size());
        assertEquals("Dentist", stored.get("ranges").get(0).get("reason").asText());
        assertTrue(Json.sameJson(stored, Json.parse(engine.getDaysOff("alice"))));
        assertTrue(storage.map.containsKey("org.capacitytracker:daysoff:alice"), storage.map.keySet().toString());
    }

    @Test
    void iterationReportCountsCapacityDaysOffAndWorkload() {
        engine.putBoardSettings("42", BOARD);
        engine.putDaysOff("alice", ALICE_DAYS_OFF);
        JsonNode report = Json.parse(engine.iterationReport(REQUEST));

        assertEquals("42", report.get("boardId").asText());
        assertEquals("minute", report.get("baseUnit").asText());
        assertEquals(5, report.get("iteration").get("dates").size());
        JsonNode alice = member(report, "alice");
        assertEquals(4 * 360, alice.get("capacity").asLong(), "four days of six hours, one day off");
        assertEquals(240, alice.get("workload").asLong());
        assertEquals(1.0, alice.get("daysOff").asDouble());
        JsonNode bob = member(report, "bob");
        assertEquals(5 * 240, bob.get("capacity").asLong(), "half of eight hours, five days");
        assertEquals(120, bob.get("workload").asLong(), "done items do not count");
        assertEquals(4 * 360 + 5 * 240, report.get("team").get("capacity").asLong());
        assertEquals(360, report.get("team").get("workload").asLong());
    }

    @Test
    void reportingReadsOnly() {
        engine.putBoardSettings("42", BOARD);
        Map<String, String> before = storage.snapshot();
        engine.iterationReport(REQUEST);
        assertEquals(before, storage.snapshot());
    }

    @Test
    void unicodeSurvivesTheRoundTrip() {
        // Supplementary characters are where Java's modified UTF-8 and real UTF-8 differ.
        String name = "Noël 😀 \u4e2d\u6587 end";
        String board = BOARD.replace("\"members\":", "\"holidays\":[{\"date\":\"2026-12-25\",\"name\":"
                + Json.MAPPER.valueToTree(name) + "}],\"members\":");
        JsonNode stored = Json.parse(engine.putBoardSettings("42", board));
        assertEquals(name, stored.get("holidays").get(0).get("name").asText());
        assertEquals(name, Json.parse(engine.getBoardSettings("42")).get("holidays").get(0).get("name").asText());

        // A NUL (two bytes in modified UTF-8) reaches the engine as the character it is.
        CapacityValidationException nul = assertThrows(CapacityValidationException.class,
                () -> engine.getBoardSettings("a\u0000b"));
        assertEquals("boardId", nul.field());
        assertTrue(nul.getMessage().contains("a\\0b") || nul.getMessage().contains("a\\u{0}b"), nul.getMessage());

        // A lone surrogate is not UTF-16 text Rust can hold: it arrives replaced, and is refused as such.
        CapacityValidationException lone = assertThrows(CapacityValidationException.class,
                () -> engine.getBoardSettings("a\uD800b"));
        assertEquals("boardId", lone.field());
    }

    @Test
    void invalidSettingsThrowValidationNamingTheField() {
        String bad = BOARD.replace("\"dailyCapacity\":8", "\"dailyCapacity\":25");
        CapacityValidationException e = assertThrows(CapacityValidationException.class,
                () -> engine.putBoardSettings("42", bad));
        assertEquals(CapacityException.VALIDATION, e.code());
        assertEquals("members[1].dailyCapacity", e.field());
        assertTrue(e.getMessage().startsWith("members[1].dailyCapacity: "), e.getMessage());
        assertTrue(storage.map.isEmpty(), "nothing stored");
    }

    @Test
    void malformedIdsAndRequestsThrowValidation() {
        CapacityValidationException board = assertThrows(CapacityValidationException.class,
                () -> engine.getBoardSettings("no spaces allowed"));
        assertEquals("boardId", board.field());

        CapacityValidationException request = assertThrows(CapacityValidationException.class,
                () -> engine.iterationReport(REQUEST.replace("\"statusCategory\":\"new\"", "\"statusCategory\":\"later\"")));
        assertTrue(request.field().startsWith("items[1]"), request.field());

        CapacityValidationException notJson = assertThrows(CapacityValidationException.class,
                () -> engine.putDaysOff("alice", "{not json"));
        assertEquals(CapacityException.VALIDATION, notJson.code());
    }

    @Test
    void aStaleRevisionThrowsConflictWithTheCurrentRevisionAndWritesNothing() {
        engine.putBoardSettings("42", BOARD);
        engine.putBoardSettings("42", BOARD.replace("\"revision\":0", "\"revision\":1"));
        Map<String, String> before = storage.snapshot();

        CapacityConflictException e = assertThrows(CapacityConflictException.class,
                () -> engine.putBoardSettings("42", BOARD));
        assertEquals(CapacityException.CONFLICT, e.code());
        assertEquals(2, e.currentRevision());
        assertEquals(before, storage.snapshot());

        engine.putDaysOff("alice", ALICE_DAYS_OFF);
        CapacityConflictException daysOff = assertThrows(CapacityConflictException.class,
                () -> engine.putDaysOff("alice", ALICE_DAYS_OFF));
        assertEquals(1, daysOff.currentRevision());
    }

    /** A board of 500 members with long account keys: more than one storage value holds. */
    static String largeBoard(int revision) {
        StringBuilder members = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            if (i > 0) {
                members.append(',');
            }
            members.append("{\"accountKey\":\"member-").append(i).append('-').append("k".repeat(240))
                    .append("\",\"role\":\"Developer\",\"dailyCapacity\":6}");
        }
        return "{\"revision\":" + revision + ",\"members\":[" + members + "]}";
    }

    @Test
    void aDocumentLargerThanOneStorageValueIsStoredInPiecesAndReadWhole() {
        JsonNode stored = Json.parse(engine.putBoardSettings("42", largeBoard(0)));
        assertEquals(500, stored.get("members").size());
        assertTrue(storage.map.size() > 2, "stored in several values: " + storage.map.keySet());
        for (String value : storage.map.values()) {
            assertTrue(value.length() <= 99_000, "a value over the host limit: " + value.length());
        }
        assertTrue(Json.sameJson(stored, Json.parse(engine.getBoardSettings("42"))));
    }

    @Test
    void aWriteFailingHalfwayLeavesThePreviousDocumentReadable() {
        String first = engine.putBoardSettings("42", largeBoard(0));
        storage.putsBeforeFailure.set(1);
        storage.failPut = () -> new IllegalStateException("connection lost");
        CapacityStorageException e = assertThrows(CapacityStorageException.class,
                () -> engine.putBoardSettings("42", largeBoard(1)));
        assertEquals("connection lost", e.getCause().getMessage());
        storage.failPut = null;
        assertTrue(Json.sameJson(Json.parse(first), Json.parse(engine.getBoardSettings("42"))),
                "the previous document is still what is read");
    }

    @Test
    void aHostStorageExceptionBecomesTheCauseOfAStorageExceptionAndNothingChanges() {
        engine.putBoardSettings("42", BOARD);
        Map<String, String> before = storage.snapshot();
        IllegalStateException thrown = new IllegalStateException("database is read-only");
        storage.failPut = () -> thrown;

        CapacityStorageException e = assertThrows(CapacityStorageException.class,
                () -> engine.putBoardSettings("42", BOARD.replace("\"revision\":0", "\"revision\":1")));
        assertEquals(CapacityException.STORAGE, e.code());
        assertSame(thrown, e.getCause(), "the host's own exception is the cause");
        assertTrue(e.getMessage().contains("java.lang.IllegalStateException: database is read-only"), e.getMessage());
        assertEquals(before, storage.snapshot());

        storage.failPut = null;
        assertEquals(1, Json.parse(engine.getBoardSettings("42")).get("revision").asLong(), "engine still usable");
    }

    @Test
    void aFailingReadThrowsStorageForEveryOperation() {
        engine.putBoardSettings("42", BOARD);
        storage.failGet = () -> new UnsupportedOperationException();
        CapacityStorageException read = assertThrows(CapacityStorageException.class, () -> engine.getBoardSettings("42"));
        assertInstanceOf(UnsupportedOperationException.class, read.getCause());
        assertTrue(read.getMessage().contains("java.lang.UnsupportedOperationException"), read.getMessage());
        assertThrows(CapacityStorageException.class, () -> engine.getDaysOff("alice"));
        assertThrows(CapacityStorageException.class, () -> engine.putDaysOff("alice", ALICE_DAYS_OFF));
        assertThrows(CapacityStorageException.class, () -> engine.iterationReport(REQUEST));
        storage.failGet = null;
        assertEquals(0, Json.parse(engine.getDaysOff("alice")).get("revision").asLong());
    }

    @Test
    void aStoredDocumentThatCannotBeReadIsAStorageError() {
        storage.map.put("org.capacitytracker:board:42", "{ this is not a board");
        CapacityStorageException e = assertThrows(CapacityStorageException.class, () -> engine.getBoardSettings("42"));
        assertNull(e.getCause(), "no Java exception was involved");
    }

    @Test
    void nullArgumentsAreRefusedBeforeTheNativeCall() {
        assertThrows(NullPointerException.class, () -> CapacityEngine.open(null));
        assertThrows(NullPointerException.class, () -> engine.getBoardSettings(null));
        assertThrows(NullPointerException.class, () -> engine.putBoardSettings("42", null));
        assertThrows(NullPointerException.class, () -> engine.getDaysOff(null));
        assertThrows(NullPointerException.class, () -> engine.putDaysOff(null, ALICE_DAYS_OFF));
        assertThrows(NullPointerException.class, () -> engine.iterationReport(null));
    }

    @Test
    void aClosedEngineRefusesEveryCallAndClosesTwiceHarmlessly() {
        engine.close();
        engine.close();
        assertThrows(IllegalStateException.class, () -> engine.getBoardSettings("42"));
        assertThrows(IllegalStateException.class, () -> engine.putBoardSettings("42", BOARD));
        assertThrows(IllegalStateException.class, () -> engine.getDaysOff("alice"));
        assertThrows(IllegalStateException.class, () -> engine.putDaysOff("alice", ALICE_DAYS_OFF));
        assertThrows(IllegalStateException.class, () -> engine.iterationReport(REQUEST));
    }

    @Test
    void closingFromInsideAStorageCallbackIsRefusedNotDeadlocked() {
        storage.onGet = engine::close;
        CapacityStorageException e = assertThrows(CapacityStorageException.class, () -> engine.getBoardSettings("42"));
        assertInstanceOf(IllegalStateException.class, e.getCause());
        storage.onGet = null;
        assertEquals(0, Json.parse(engine.getBoardSettings("42")).get("revision").asLong(), "still open");
    }

    @Test
    void theStorageMayCallTheEngineAgainFromItsCallback() {
        engine.putDaysOff("bob", ALICE_DAYS_OFF.replace("alice", "bob"));
        String[] nested = new String[1];
        storage.onGet = () -> {
            storage.onGet = null;
            nested[0] = engine.getDaysOff("bob");
        };
        engine.getBoardSettings("42");
        assertEquals(1, Json.parse(nested[0]).get("revision").asLong());
    }

    @Test
    void versionAndPlatform() {
        assertTrue(CapacityEngine.nativeVersion().matches("\\d+\\.\\d+\\.\\d+.*"), CapacityEngine.nativeVersion());
        assertEquals("linux-x86_64", CapacityEngine.platform());
    }

    static JsonNode member(JsonNode report, String accountKey) {
        for (JsonNode m : report.get("members")) {
            if (m.get("accountKey").asText().equals(accountKey)) {
                return m;
            }
        }
        throw new AssertionError("no member " + accountKey + " in " + report);
    }
}
