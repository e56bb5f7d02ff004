package org.capacitytracker.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.capacitytracker.api.typed.BoardSettings;
import org.capacitytracker.api.typed.DaysOff;
import org.capacitytracker.api.typed.IterationRequest;
import org.capacitytracker.api.typed.MultiProjectReport;
import org.capacitytracker.api.typed.MultiProjectRequest;
import org.capacitytracker.api.typed.MultiProjectTable;
import org.capacitytracker.api.typed.ReportItemSink;
import org.capacitytracker.api.typed.TypedCapacityEngine;
import org.capacitytracker.api.typed.WorkItem;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The typed API agrees with the JSON API on every conformance vector: the vector's
 * documents and request are turned into the typed records (by Jackson here, as a caller's
 * code would build them), stored and computed through {@link TypedCapacityEngine}, and the
 * typed answer is compared field by field with what the JSON API answers for the vector's
 * own JSON — in a second engine, so neither path sees the other's writes. Every field of the
 * JSON answers must be a record component (nothing is dropped) and equal in value; an
 * error must be the same exception code and field.
 */
class TypedConformanceTest {
    /** Case-insensitive enums: the JSON words are lower case, the constants upper case. */
    private static final ObjectMapper RECORDS = JsonMapper.builder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS).build();

    /**
     * Vectors whose input the typed records cannot express, each a validation error the
     * compiler now catches: a misspelt item field (there is no such component) and a status
     * category outside the enum.
     */
    private static final Set<String> NOT_EXPRESSIBLE = Set.of("51-error-unknown-item-field", "55-error-unknown-status-category");

    @TestFactory
    Stream<DynamicTest> everyVectorAgrees() throws IOException {
        List<Path> vectors = ConformanceVectorsTest.vectorFolders();
        assertFalse(vectors.isEmpty());
        return vectors.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> agree(dir)));
    }

    /** The list above is exact: a vector that becomes expressible (or stops being) must be noticed. */
    @Test
    void theVectorsTheRecordsCannotExpressAreExactlyTheListedOnes() throws IOException {
        Set<String> inexpressible = new TreeSet<>();
        for (Path dir : ConformanceVectorsTest.vectorFolders()) {
            try {
                typedRequest(dir);
            } catch (JsonProcessingException e) {
                inexpressible.add(dir.getFileName().toString());
                JsonNode expected = Json.parse(ConformanceVectorsTest.read(dir.resolve("expected.json")));
                assertEquals(1, expected.path("error").path("code").asInt(), dir + " expects a validation error");
            }
        }
        assertEquals(new TreeSet<>(NOT_EXPRESSIBLE), inexpressible);
    }

    private static Object typedRequest(Path dir) throws IOException {
        boolean multi = Files.isRegularFile(dir.resolve("multi-request.json"));
        String request = ConformanceVectorsTest.read(dir.resolve(multi ? "multi-request.json" : "request.json"));
        Class<?> type = multi ? MultiProjectRequest.class : IterationRequest.class;
        return RECORDS.readValue(request, type);
    }

    static void agree(Path dir) throws IOException {
        if (NOT_EXPRESSIBLE.contains(dir.getFileName().toString())) {
            return; // proven above to be an inexpressible validation error
        }
        boolean multi = Files.isRegularFile(dir.resolve("multi-request.json"));
        String request = ConformanceVectorsTest.read(dir.resolve(multi ? "multi-request.json" : "request.json"));
        try (CapacityEngine jsonEngine = CapacityEngine.open(new MemoryHostStorage());
             CapacityEngine typedEngine = CapacityEngine.open(new MemoryHostStorage())) {
            TypedCapacityEngine typed = new TypedCapacityEngine(typedEngine);
            Path board = dir.resolve("board.json");
            if (Files.isRegularFile(board)) {
                String boardId = Json.parse(request).get("boardId").asText();
                String json = ConformanceVectorsTest.read(board);
                jsonEngine.putBoardSettings(boardId, json);
                typed.putBoardSettings(boardId, RECORDS.readValue(json, BoardSettings.class));
                // Reading back agrees too: every stored field is a component.
                sameAs(typed.getBoardSettings(boardId), Json.parse(jsonEngine.getBoardSettings(boardId)), "board");
            }
            Path daysOff = dir.resolve("days-off.json");
            if (Files.isRegularFile(daysOff)) {
                Iterator<Map.Entry<String, JsonNode>> people = Json.parse(ConformanceVectorsTest.read(daysOff)).fields();
                while (people.hasNext()) {
                    Map.Entry<String, JsonNode> person = people.next();
                    jsonEngine.putDaysOff(person.getKey(), person.getValue().toString());
                    DaysOff doc = RECORDS.treeToValue(person.getValue(), DaysOff.class);
                    typed.putDaysOff(new DaysOff(doc.schema(), doc.revision(), person.getKey(), doc.ranges()));
                    sameAs(typed.getDaysOff(person.getKey()), Json.parse(jsonEngine.getDaysOff(person.getKey())), "daysOff");
                }
            }
            Path setup = dir.resolve("setup.json");
            if (Files.isRegularFile(setup)) {
                // Templates, calendars, team changes: JSON-only operations, the same in both.
                for (JsonNode step : Json.parse(ConformanceVectorsTest.read(setup))) {
                    ConformanceVectorsTest.setupStep(jsonEngine, step);
                    ConformanceVectorsTest.setupStep(typedEngine, step);
                }
            }
            JsonNode viaJson = ConformanceVectorsTest.compute(jsonEngine, request, multi);
            Object viaTyped;
            try {
                viaTyped = multi
                        ? typed.multiProjectReport(RECORDS.readValue(request, MultiProjectRequest.class))
                        : typed.iterationReport(RECORDS.readValue(request, IterationRequest.class));
            } catch (CapacityException e) {
                MultiProjectRequest records = multi ? RECORDS.readValue(request, MultiProjectRequest.class) : null;
                if (multi && !(records.reportId() != null && records.definition() != null)) {
                    // The streamed request fails the same way (a sink has either a report id or
                    // a definition by construction, so vector 60's error cannot be streamed).
                    // Its items go by the bulk path, which names an item by its position among
                    // all items (`items[3].key`), so an item's error names the same field of it.
                    CapacityException streamed = assertThrows(CapacityException.class,
                            () -> typed.multiProjectReport(streamed(RECORDS.readValue(request, MultiProjectRequest.class))));
                    assertEquals(e.getClass(), streamed.getClass(), dir + ": " + streamed.getMessage());
                    String jsonField = e instanceof CapacityValidationException v ? v.field() : null;
                    if (jsonField != null && jsonField.matches("boards\\[\\d+]\\.iterations\\[\\d+]\\.items\\[\\d+]\\..*")) {
                        String itemField = jsonField.substring(jsonField.lastIndexOf('.') + 1);
                        String bulkField = ((CapacityValidationException) streamed).field();
                        String expected = itemField.equals("assignee") ? "people\\[\\d+]"
                                : "items\\[\\d+]\\." + itemField.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
                        assertTrue(bulkField.matches(expected),
                                dir + ": " + jsonField + " streamed as " + bulkField);
                    } else {
                        assertEquals(e.getMessage(), streamed.getMessage(), dir.toString());
                    }
                }
                assertTrue(viaJson.has("error"), dir + ": typed call failed but the JSON call did not: " + e.getMessage());
                assertEquals(viaJson.get("error").get("code").asInt(), e.code(), dir + ": " + e.getMessage());
                // Rendered as the JSON runner renders it: "" for an error about the whole input.
                String field = e instanceof CapacityValidationException v ? (v.field() == null ? "" : v.field())
                        : e instanceof CapacityTooLargeException t ? (t.field() == null ? "" : t.field()) : null;
                JsonNode jsonField = viaJson.get("error").get("field");
                assertEquals(jsonField.isNull() ? null : jsonField.asText(), field, dir + ": " + e.getMessage());
                return;
            }
            assertFalse(viaJson.has("error"), dir + ": the JSON call failed with " + viaJson + " but the typed call answered");
            sameAs(viaTyped, viaJson, "report");
            if (multi) {
                assertEquals(viaTyped, typed.multiProjectReport(streamed(RECORDS.readValue(request, MultiProjectRequest.class))),
                        dir + ": the items streamed through a ReportItemSink (the bulk path) give the same report");
                assertEquals(viaJson, Json.parse(typed.multiProjectReportJson(streamed(RECORDS.readValue(request, MultiProjectRequest.class)))),
                        dir + ": the bulk path's JSON is the JSON API's");
                MultiProjectTable table = typed.multiProjectTable(streamed(RECORDS.readValue(request, MultiProjectRequest.class)));
                assertEquals(viaTyped, table.toReport(), dir + ": the array-native table's records are the typed report");
                sameCells((MultiProjectReport) viaTyped, table, dir.toString());
            }
        }
    }

    /** Every cell read through the table's index accessors (no records) is the report's. */
    static void sameCells(MultiProjectReport report, MultiProjectTable table, String where) {
        assertEquals(report.rows().size(), table.rowCount(), where + ": rows");
        assertEquals(report.buckets().size(), table.bucketCount(), where + ": buckets");
        for (int r = 0; r < table.rowCount(); r++) {
            MultiProjectReport.Row row = report.rows().get(r);
            assertEquals(row.key(), table.rowKey(r), where + ": row " + r);
            for (int b = 0; b <= table.bucketCount(); b++) {
                MultiProjectReport.Cell c = b < table.bucketCount() ? row.cells().get(b) : row.total();
                int i = b < table.bucketCount() ? table.cell(r, b) : table.rowTotal(r);
                String at = where + ": row " + r + (b < table.bucketCount() ? " bucket " + b : " total");
                assertEquals(c.capacity(), table.capacity(i), at);
                assertEquals(c.workload(), table.workload(i), at);
                assertEquals(c.free(), table.free(i), at);
                assertEquals(c.status(), table.status(i), at);
                if (c.utilisation() == null) {
                    assertTrue(Double.isNaN(table.utilisation(i)), at);
                } else {
                    assertEquals(c.utilisation(), table.utilisation(i), at);
                }
            }
        }
    }

    /** The request streamed into a sink, items with a custom estimate as records, the others by value. */
    static ReportItemSink streamed(MultiProjectRequest request) {
        ReportItemSink sink = request.definition() == null
                ? ReportItemSink.forReportId(request.reportId())
                : ReportItemSink.forDefinition(request.definition());
        for (MultiProjectRequest.Board board : request.boards()) {
            sink.board(board.boardId());
            for (MultiProjectRequest.BoardIteration it : board.iterations()) {
                sink.iteration(it.id(), it.kind(), it.start(), it.end());
                for (WorkItem item : it.items()) {
                    if (item.customEstimate() != null || Boolean.FALSE.equals(item.subtask())) {
                        sink.item(item);
                    } else {
                        sink.item(item.key(), item.assignee(), item.statusCategory(),
                                item.remainingSeconds() == null ? ReportItemSink.NONE : item.remainingSeconds(),
                                item.originalSeconds() == null ? ReportItemSink.NONE : item.originalSeconds(),
                                item.storyPoints() == null ? Double.NaN : item.storyPoints(),
                                item.parent(), Boolean.TRUE.equals(item.subtask()));
                    }
                }
            }
        }
        return sink;
    }

    /** Whether a typed value and a JSON value say the same, down to every field. */
    static void sameAs(Object typed, JsonNode json, String path) {
        if (json == null || json.isNull() || json.isMissingNode()) {
            assertTrue(typed == null || (typed instanceof List<?> l && l.isEmpty()), path + ": JSON has nothing, typed has " + typed);
            return;
        }
        if (typed instanceof Record record) {
            assertTrue(json.isObject(), path + ": JSON " + json + " is not an object");
            List<String> names = new ArrayList<>();
            for (RecordComponent c : record.getClass().getRecordComponents()) {
                names.add(c.getName());
                Object value;
                try {
                    value = c.getAccessor().invoke(record);
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
                sameAs(value, json.get(c.getName()), path + "." + c.getName());
            }
            Iterator<String> fields = json.fieldNames();
            while (fields.hasNext()) {
                String field = fields.next();
                assertTrue(names.contains(field), path + "." + field + " is in the JSON answer but no component of "
                        + record.getClass().getSimpleName() + ": the typed API would drop it");
            }
        } else if (typed instanceof List<?> list) {
            assertTrue(json.isArray(), path + ": JSON " + json + " is not an array");
            assertEquals(json.size(), list.size(), path + ": lengths differ");
            for (int i = 0; i < list.size(); i++) {
                sameAs(list.get(i), json.get(i), path + "[" + i + "]");
            }
        } else if (typed instanceof Enum<?> e) {
            assertTrue(json.asText().equalsIgnoreCase(e.name()), path + ": " + e + " vs " + json);
        } else if (typed instanceof String || typed instanceof LocalDate) {
            assertTrue(json.isTextual(), path + ": JSON " + json + " is not a string");
            assertEquals(json.asText(), typed.toString(), path);
        } else if (typed instanceof Boolean b) {
            assertTrue(json.isBoolean(), path + ": JSON " + json + " is not a boolean");
            assertEquals(json.asBoolean(), b, path);
        } else if (typed instanceof Number n) {
            assertTrue(json.isNumber(), path + ": JSON " + json + " is not a number");
            assertEquals(0, json.decimalValue().compareTo(new java.math.BigDecimal(n.toString())), path + ": " + n + " vs " + json);
        } else {
            fail(path + ": typed has " + typed + " where JSON has " + json);
        }
    }
}
