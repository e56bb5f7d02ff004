package org.capacitytracker.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.capacitytracker.api.typed.MultiProjectReport;
import org.capacitytracker.api.typed.MultiProjectRequest;
import org.capacitytracker.api.typed.ReportItemSink;
import org.capacitytracker.api.typed.StatusCategory;
import org.capacitytracker.api.typed.TypedCapacityEngine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The bulk path ({@link BulkItems}, {@link CapacityEngine#multiProjectReportBulk}, and the
 * {@link ReportItemSink} over it) gives what the JSON API gives on generated data shaped like
 * the benchmark's W1/W2 (several boards, sprints, parents, sub-tasks, done items, people on
 * and off the boards), and names a bad item's field by its position.
 */
class BulkReportTest {
    private static final ObjectMapper RECORDS = JsonMapper.builder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS).build();
    private static final String BOARDS_HEAD = "{\"definition\":{\"name\":\"Q\",\"boardIds\":[\"A\"],"
            + "\"period\":{\"start\":\"2026-03-02\",\"end\":\"2026-03-15\"},\"bucket\":\"week\",\"grouping\":\"person\"},"
            + "\"boards\":[{\"boardId\":\"A\",\"iterations\":[{\"id\":\"1\",\"start\":\"2026-03-02\",\"end\":\"2026-03-13\"}]}]}";

    /** One generated item. */
    private record Gen(int board, int iteration, String key, String assignee, StatusCategory status, Long remaining,
            Long original, Double points, String parent, boolean subtask) {
    }

    @ParameterizedTest
    @ValueSource(strings = {"person", "role", "board"})
    void generatedReportsAgreeWithTheJsonApi(String grouping) throws Exception {
        Random random = new Random(42);
        int boards = 4;
        int sprints = 6;
        try (CapacityEngine engine = CapacityEngine.open(new MemoryHostStorage())) {
            for (int b = 0; b < boards; b++) {
                StringBuilder members = new StringBuilder();
                for (int p = 0; p < 12; p++) {
                    members.append(p == 0 ? "" : ",").append("{\"accountKey\":\"u").append(b * 8 + p)
                            .append("\",\"role\":\"R").append(p % 3).append("\",\"dailyCapacity\":").append(4 + p % 5)
                            .append(",\"allocation\":").append(50 + 10 * (p % 6)).append('}');
                }
                engine.putBoardSettings("B" + b, "{\"revision\":0,\"members\":[" + members + "]}");
            }
            List<Gen> items = new ArrayList<>();
            for (int b = 0; b < boards; b++) {
                for (int s = 0; s < sprints; s++) {
                    int n = 150 + random.nextInt(100);
                    for (int i = 0; i < n; i++) {
                        boolean sub = i > 0 && random.nextInt(4) == 0;
                        String parent = sub ? "K" + (random.nextInt(i)) : (random.nextInt(20) == 0 ? "ELSEWHERE-1" : null);
                        int est = random.nextInt(4);
                        items.add(new Gen(b, s, "K" + i, random.nextInt(10) == 0 ? null : "u" + random.nextInt(50),
                                StatusCategory.values()[random.nextInt(3)],
                                est == 0 ? Long.valueOf(random.nextInt(100_000)) : null,
                                est == 1 ? Long.valueOf(random.nextInt(100_000)) : null,
                                est == 2 ? Double.valueOf(random.nextInt(40) / 4.0) : null, parent, sub));
                    }
                }
            }
            String definition = "{\"name\":\"Year\",\"boardIds\":[\"B0\",\"B1\",\"B2\",\"B3\"],\"period\":{\"start\":\"2026-01-05\","
                    + "\"end\":\"2026-04-26\"},\"bucket\":\"week\",\"grouping\":\"" + grouping + "\"}";
            StringBuilder json = new StringBuilder("{\"definition\":" + definition + ",\"boards\":[");
            for (int b = 0; b < boards; b++) {
                json.append(b == 0 ? "" : ",").append("{\"boardId\":\"B").append(b).append("\",\"iterations\":[");
                for (int s = 0; s < sprints; s++) {
                    json.append(s == 0 ? "" : ",").append("{\"id\":\"").append(b * 100 + s).append("\",\"start\":\"")
                            .append(java.time.LocalDate.of(2026, 1, 5).plusWeeks(2L * s)).append("\",\"end\":\"")
                            .append(java.time.LocalDate.of(2026, 1, 16).plusWeeks(2L * s)).append("\",\"items\":[");
                    boolean first = true;
                    for (Gen g : items) {
                        if (g.board() != b || g.iteration() != s) {
                            continue;
                        }
                        json.append(first ? "" : ",").append("{\"key\":\"").append(g.key()).append('"');
                        first = false;
                        if (g.assignee() != null) {
                            json.append(",\"assignee\":\"").append(g.assignee()).append('"');
                        }
                        json.append(",\"statusCategory\":\"").append(g.status().name().toLowerCase(java.util.Locale.ROOT)).append('"');
                        if (g.remaining() != null) {
                            json.append(",\"remainingSeconds\":").append(g.remaining());
                        }
                        if (g.original() != null) {
                            json.append(",\"originalSeconds\":").append(g.original());
                        }
                        if (g.points() != null) {
                            json.append(",\"storyPoints\":").append(g.points());
                        }
                        if (g.parent() != null) {
                            json.append(",\"parent\":\"").append(g.parent()).append('"');
                        }
                        if (g.subtask()) {
                            json.append(",\"subtask\":true");
                        }
                        json.append('}');
                    }
                    json.append("]}");
                }
                json.append("]}");
            }
            json.append("]}");
            String request = json.toString();

            TypedCapacityEngine typed = new TypedCapacityEngine(engine);
            MultiProjectReport viaJson = typed.multiProjectReport(RECORDS.readValue(request, MultiProjectRequest.class));
            assertTrue(viaJson.rows().size() >= 3, "the data makes a real report: " + viaJson.rows().size() + " rows");
            MultiProjectReport viaBulk = typed.multiProjectReport(sink(RECORDS.readValue(request, MultiProjectRequest.class)));
            assertEquals(viaJson, viaBulk);
            assertEquals(Json.parse(engine.multiProjectReport(request)),
                    Json.parse(typed.multiProjectReportJson(sink(RECORDS.readValue(request, MultiProjectRequest.class)))));
        }
    }

    private static ReportItemSink sink(MultiProjectRequest request) {
        ReportItemSink sink = ReportItemSink.forDefinition(request.definition());
        for (MultiProjectRequest.Board board : request.boards()) {
            sink.board(board.boardId());
            for (MultiProjectRequest.BoardIteration it : board.iterations()) {
                sink.iteration(it.id(), it.kind(), it.start(), it.end());
                it.items().forEach(sink::item);
            }
        }
        return sink;
    }

    /** A bad value in one field of item 1 (item 0 is right). */
    private static String badField(java.util.function.Consumer<BulkItems> second) {
        try (CapacityEngine engine = CapacityEngine.open(new MemoryHostStorage())) {
            BulkItems items = new BulkItems();
            int alice = items.person("alice");
            items.add(0, 0, alice, BulkItems.NO_INDEX, BulkItems.HAS_REMAINING, 3600, 0, 0, 0);
            second.accept(items);
            CapacityValidationException e = assertThrows(CapacityValidationException.class,
                    () -> engine.multiProjectReportBulk(BOARDS_HEAD, items));
            return e.field();
        }
    }

    @Test
    void eachBadItemFieldIsNamedByPosition() {
        assertEquals("items[1].board", badField(i -> i.add(1, 0, 0, BulkItems.NO_INDEX, 0, 0, 0, 0, 0)));
        assertEquals("items[1].iteration", badField(i -> i.add(0, 1, 0, BulkItems.NO_INDEX, 0, 0, 0, 0, 0)));
        assertEquals("items[1].assignee", badField(i -> i.add(0, 0, 5, BulkItems.NO_INDEX, 0, 0, 0, 0, 0)));
        assertEquals("items[1].parent", badField(i -> i.add(0, 0, 0, 1, 0, 0, 0, 0, 0)));
        assertEquals("items[1].parent", badField(i -> i.add(0, 0, 0, 7, 0, 0, 0, 0, 0)));
        assertEquals("items[1].flags", badField(i -> i.add(0, 0, 0, BulkItems.NO_INDEX, 1 << 9, 0, 0, 0, 0)));
        assertEquals("items[1].remaining_seconds", badField(i -> i.add(0, 0, 0, BulkItems.NO_INDEX, BulkItems.HAS_REMAINING, -1, 0, 0, 0)));
        assertEquals("items[1].original_seconds", badField(i -> i.add(0, 0, 0, BulkItems.NO_INDEX, BulkItems.HAS_ORIGINAL, 0, -5, 0, 0)));
        assertEquals("items[1].story_points", badField(i -> i.add(0, 0, 0, BulkItems.NO_INDEX, BulkItems.HAS_STORY_POINTS, 0, 0, Double.NaN, 0)));
        assertEquals("items[1].custom_estimate", badField(i -> i.add(0, 0, 0, BulkItems.NO_INDEX, BulkItems.HAS_CUSTOM_ESTIMATE, 0, 0, 0, -1)));
        assertEquals("people[1]", badField(i -> i.add(0, 0, i.person(""), BulkItems.NO_INDEX, 0, 0, 0, 0, 0)));
    }

    @Test
    void badKeysAreNamedByPosition() {
        try (CapacityEngine engine = CapacityEngine.open(new MemoryHostStorage())) {
            java.util.function.Function<String[], String> field = keys -> {
                BulkItems items = new BulkItems();
                for (int k = 0; k < keys.length; k += 2) {
                    items.addKeyed(keys[k], keys[k + 1], 0, 0, BulkItems.NO_INDEX, 0, 0, 0, 0, 0);
                }
                return assertThrows(CapacityValidationException.class, () -> engine.multiProjectReportBulk(BOARDS_HEAD, items)).field();
            };
            assertEquals("items[1].key", field.apply(new String[] {"A-1", null, "A-1", null}));
            assertEquals("items[0].key", field.apply(new String[] {"", null}));
            assertEquals("items[0].key", field.apply(new String[] {"K".repeat(256), null}));
            assertEquals("items[1].parent", field.apply(new String[] {"A-1", null, "A-2", "A-2"}));
        }
    }

    @Test
    void keyedAndPositionalItemsDoNotMix() {
        BulkItems items = new BulkItems();
        items.add(0, 0, BulkItems.NO_INDEX, BulkItems.NO_INDEX, 0, 0, 0, 0, 0);
        assertThrows(IllegalStateException.class, () -> items.addKeyed("K", null, 0, 0, BulkItems.NO_INDEX, 0, 0, 0, 0, 0));
    }

    @Test
    void theCompactReportHoldsEveryCellOnce() {
        try (CapacityEngine engine = CapacityEngine.open(new MemoryHostStorage())) {
            engine.putBoardSettings("A", "{\"revision\":0,\"members\":[{\"accountKey\":\"alice\",\"role\":\"Dev\",\"dailyCapacity\":8},"
                    + "{\"accountKey\":\"bob\",\"role\":\"Dev\",\"dailyCapacity\":0}]}");
            BulkItems items = new BulkItems(1);
            for (int i = 0; i < 5000; i++) {
                items.add(0, 0, items.person(i % 2 == 0 ? "alice" : "bob"), BulkItems.NO_INDEX, BulkItems.HAS_REMAINING, 60, 0, 0, 0);
            }
            MultiReportArrays report = engine.multiProjectReportBulk(BOARDS_HEAD, items);
            assertEquals(2, report.rows());
            assertEquals(2, report.buckets());
            assertEquals(2 * (2 * 2 + 2), report.cells().length);
            assertEquals(Json.parse(engine.multiProjectReport(BOARDS_HEAD)).get("buckets"), Json.parse(report.headJson()).get("buckets"));
            assertEquals("[\"alice\",\"bob\"]", report.rowKeysJson());
            // bob has no capacity: his total cell (the last) is judged as such, his work all there.
            assertEquals("noCapacity", MultiReportArrays.STATUS_NAMES[report.statuses()[report.statuses().length - 1]]);
            assertEquals(2500L * 60 / 60, report.cells()[report.cells().length - 1]);
        }
    }
    private static final String TWO_SPRINTS = "{\"definition\":{\"name\":\"Q\",\"boardIds\":[\"A\"],"
            + "\"period\":{\"start\":\"2026-03-02\",\"end\":\"2026-03-29\"},\"bucket\":\"week\",\"grouping\":\"person\"},"
            + "\"boards\":[{\"boardId\":\"A\",\"iterations\":[{\"id\":\"1\",\"start\":\"2026-03-02\",\"end\":\"2026-03-13\"ITEMS1},"
            + "{\"id\":\"2\",\"start\":\"2026-03-16\",\"end\":\"2026-03-27\"ITEMS2}]}]}";

    @Test
    void keyedItemsOfAnIterationNeedNotComeTogether() {
        try (CapacityEngine engine = CapacityEngine.open(new MemoryHostStorage())) {
            engine.putBoardSettings("A", "{\"revision\":0,\"members\":[{\"accountKey\":\"alice\",\"role\":\"Dev\",\"dailyCapacity\":8}]}");
            // Sprint 1, sprint 2, then sprint 1 again: the parent of A-2 is sprint 1's A-1, not sprint 2's.
            BulkItems items = new BulkItems(1);
            int alice = items.person("alice");
            items.addKeyed("A-1", null, 0, 0, alice, BulkItems.HAS_REMAINING, 3600, 0, 0, 0);
            items.addKeyed("A-1", null, 0, 1, alice, BulkItems.HAS_REMAINING, 7200, 0, 0, 0);
            items.addKeyed("A-2", "A-1", 0, 0, alice, BulkItems.SUBTASK | BulkItems.HAS_REMAINING, 1800, 0, 0, 0);
            items.addKeyed("A-3", "A-1", 0, 1, alice, BulkItems.SUBTASK | BulkItems.DONE, 0, 0, 0, 0);
            String item = "{\"key\":\"%s\",\"assignee\":\"alice\"%s}";
            String json = TWO_SPRINTS.replace("ITEMS1", ",\"items\":[" + String.format(item, "A-1", ",\"remainingSeconds\":3600") + ","
                    + String.format(item, "A-2", ",\"remainingSeconds\":1800,\"parent\":\"A-1\",\"subtask\":true") + "]")
                    .replace("ITEMS2", ",\"items\":[" + String.format(item, "A-1", ",\"remainingSeconds\":7200") + ","
                            + String.format(item, "A-3", ",\"statusCategory\":\"done\",\"parent\":\"A-1\",\"subtask\":true") + "]");
            String head = TWO_SPRINTS.replace("ITEMS1", "").replace("ITEMS2", "");
            assertEquals(Json.parse(engine.multiProjectReport(json)), Json.parse(engine.multiProjectReportBulkJson(head, items)));

            // A key met again in its iteration after another iteration's items is still a repeat.
            BulkItems repeated = new BulkItems(1);
            repeated.addKeyed("A-1", null, 0, 0, BulkItems.NO_INDEX, 0, 0, 0, 0, 0);
            repeated.addKeyed("B-1", null, 0, 1, BulkItems.NO_INDEX, 0, 0, 0, 0, 0);
            repeated.addKeyed("A-1", null, 0, 0, BulkItems.NO_INDEX, 0, 0, 0, 0, 0);
            assertEquals("items[2].key", assertThrows(CapacityValidationException.class,
                    () -> engine.multiProjectReportBulk(head, repeated)).field());
        }
    }

    @Test
    void anAccountKeyIsOnePersonWhateverTheStringInstance() {
        try (CapacityEngine engine = CapacityEngine.open(new MemoryHostStorage())) {
            engine.putBoardSettings("A", "{\"revision\":0,\"members\":[{\"accountKey\":\"alice\",\"role\":\"Dev\",\"dailyCapacity\":8},"
                    + "{\"accountKey\":\"bob\",\"role\":\"Dev\",\"dailyCapacity\":6}]}");
            TypedCapacityEngine typed = new TypedCapacityEngine(engine);
            MultiProjectRequest.Definition definition = new MultiProjectRequest.Definition("Q", List.of("A"), null,
                    new MultiProjectRequest.Period("2026-03-02", "2026-03-15"), MultiProjectRequest.Bucket.WEEK, MultiProjectRequest.Grouping.PERSON);
            MultiProjectReport[] reports = new MultiProjectReport[2];
            for (int copies = 0; copies < 2; copies++) {
                ReportItemSink sink = ReportItemSink.forDefinition(definition).board("A").iteration("1", null, "2026-03-02", "2026-03-13");
                for (int i = 0; i < 200; i++) {
                    String who = i % 3 == 0 ? "bob" : "alice";
                    // The second time, every item's account key is a String of its own.
                    sink.item("A-" + i, copies == 0 ? who : new String(who.toCharArray()), StatusCategory.NEW, 600L * (i % 7),
                            ReportItemSink.NONE, Double.NaN, null, false);
                }
                reports[copies] = typed.multiProjectReport(sink);
            }
            assertEquals(2, reports[0].rows().size());
            assertEquals(reports[0], reports[1]);
        }
    }
}
