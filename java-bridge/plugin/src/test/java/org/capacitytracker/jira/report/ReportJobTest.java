package org.capacitytracker.jira.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.capacitytracker.api.CapacityValidationException;
import org.capacitytracker.api.typed.IterationKind;
import org.capacitytracker.api.typed.MultiProjectRequest;
import org.capacitytracker.api.typed.ReportItemSink;
import org.capacitytracker.api.typed.StatusCategory;
import org.capacitytracker.api.typed.TypedCapacityEngine;
import org.capacitytracker.jira.engine.EngineHolder;
import org.capacitytracker.jira.testing.DemoSprint;
import org.capacitytracker.jira.testing.MemoryPluginSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A report job over a fake Jira and the real engine. */
class ReportJobTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final MultiProjectRequest.Definition DEFINITION = new MultiProjectRequest.Definition("Dec",
            List.of("1", "2"), List.of(), new MultiProjectRequest.Period("2026-11-30", "2026-12-13"),
            MultiProjectRequest.Bucket.WEEK, MultiProjectRequest.Grouping.PERSON);

    private static final java.util.Comparator<JsonNode> SAME_NUMBERS = (a, b) ->
            a.isNumber() && b.isNumber() ? Double.compare(a.doubleValue(), b.doubleValue()) : a.equals(b) ? 0 : 1;

    private final EngineHolder holder = new EngineHolder(new MemoryPluginSettings());
    private final TypedCapacityEngine typed;

    ReportJobTest() {
        holder.engine().putBoardSettings("1", DemoSprint.BOARD_SETTINGS);
        holder.engine().putBoardSettings("2", DemoSprint.BOARD_SETTINGS);
        typed = new TypedCapacityEngine(holder.engine());
    }

    @AfterEach
    void close() {
        holder.close();
    }

    /** Two boards, one sprint each, items for alice and bob; records what was asked. */
    static class TwoBoards implements BoardWorkReader {
        final List<String> calls = new ArrayList<>();

        @Override
        public List<String> boards(String userKey, List<String> boardIds, List<String> projectKeys) {
            calls.add("boards " + userKey + " " + boardIds);
            return boardIds;
        }

        @Override
        public void read(String userKey, String boardId, LocalDate start, LocalDate end, WorkOut out) {
            calls.add("read " + userKey + " " + boardId + " " + start + ".." + end);
            out.iteration("s" + boardId, IterationKind.SPRINT, "2026-11-30T09:00:00.000+01:00",
                    "2026-12-11T17:00:00.000+01:00");
            out.item(boardId + "-1", "alice", StatusCategory.NEW, 8 * 3600, ReportItemSink.NONE, Double.NaN, 1.5, null,
                    false);
            out.item(boardId + "-2", "bob", StatusCategory.INDETERMINATE, 4 * 3600, 6 * 3600, 3, Double.NaN, null, false);
            out.item(boardId + "-3", "bob", StatusCategory.NEW, 2 * 3600, ReportItemSink.NONE, Double.NaN, Double.NaN,
                    boardId + "-2", true);
            out.note(boardId, WorkOut.KANBAN_WITHOUT_PERIODS);
        }
    }

    private ReportJob job(String reportId, java.util.function.Predicate<String> allowed) {
        return new ReportJob("j1", "alice", "k", reportId, DEFINITION, allowed, Clock.systemUTC());
    }

    @Test
    void streamsEveryBoardsItemsInOrderAndGivesTheReportTheJsonApiGives() throws Exception {
        TwoBoards reader = new TwoBoards();
        ReportJob job = job(null, b -> true);
        job.run(reader, typed);

        assertEquals(ReportJob.State.DONE, job.progress().state(), String.valueOf(job.failure()));
        assertEquals(new ReportJob.Progress(ReportJob.State.DONE, 2, 2, 6), job.progress());
        assertEquals(List.of("boards alice [1, 2]", "read alice 1 2026-11-30..2026-12-13",
                "read alice 2 2026-11-30..2026-12-13"), reader.calls);
        // The same request through the JSON API, written by hand in the order read.
        String board = """
                {"boardId":"%1$s","iterations":[{"id":"s%1$s","kind":"sprint","start":"2026-11-30T09:00:00.000+01:00",
                 "end":"2026-12-11T17:00:00.000+01:00","items":[
                 {"key":"%1$s-1","assignee":"alice","statusCategory":"new","remainingSeconds":28800,"customEstimate":1.5},
                 {"key":"%1$s-2","assignee":"bob","statusCategory":"indeterminate","remainingSeconds":14400,
                  "originalSeconds":21600,"storyPoints":3},
                 {"key":"%1$s-3","assignee":"bob","statusCategory":"new","remainingSeconds":7200,"parent":"%1$s-2",
                  "subtask":true}]}]}""";
        String request = "{\"definition\":{\"name\":\"Dec\",\"boardIds\":[\"1\",\"2\"],\"projectKeys\":[],"
                + "\"period\":{\"start\":\"2026-11-30\",\"end\":\"2026-12-13\"},\"bucket\":\"week\",\"grouping\":\"person\"},"
                + "\"boards\":[" + board.formatted("1") + "," + board.formatted("2") + "]}";
        JsonNode expected = JSON.readTree(holder.engine().multiProjectReport(request));
        JsonNode actual = JSON.readTree(job.reportJson());
        // Numbers compare by value: the typed API writes 0.0 as 0, the same JSON number.
        for (String field : List.of("rows", "totals", "boards", "buckets", "overAllocations", "period")) {
            assertTrue(expected.get(field).equals(SAME_NUMBERS, actual.get(field)),
                    field + ": " + expected.get(field) + " vs " + actual.get(field));
        }
        assertTrue(actual.get("rows").size() > 0, "the report has rows");
        assertEquals(List.of(new ReportJob.Note("1", "kanban-without-periods"), new ReportJob.Note("2", "kanban-without-periods")),
                job.notes(), "the readers' notes, in board order");
    }

    @Test
    void leavesOutBoardsTheUserMayNotReadInCapacityTracker() throws Exception {
        TwoBoards reader = new TwoBoards();
        ReportJob job = job(null, b -> !b.equals("2"));
        job.run(reader, typed);

        assertEquals(ReportJob.State.DONE, job.progress().state(), String.valueOf(job.failure()));
        assertEquals(1, job.progress().boardsTotal());
        assertFalse(reader.calls.stream().anyMatch(c -> c.startsWith("read alice 2")), "board 2 is never read");
        assertFalse(job.reportJson().contains("\"2-1\""), "no item of board 2");
        assertEquals(3, job.progress().items());
    }

    @Test
    void aStoredDefinitionIsReportedByItsId() throws Exception {
        holder.engine().putReportDefinition("dec", "{\"revision\":0,\"name\":\"Dec\",\"boardIds\":[\"1\",\"2\"],"
                + "\"period\":{\"start\":\"2026-11-30\",\"end\":\"2026-12-13\"},\"bucket\":\"week\",\"grouping\":\"person\"}");
        ReportJob job = new ReportJob("j2", "alice", "k", "dec", typed.getReportDefinition("dec"), b -> true,
                Clock.systemUTC());
        job.run(new TwoBoards(), typed);
        assertEquals(ReportJob.State.DONE, job.progress().state(), String.valueOf(job.failure()));
        assertEquals("Dec", JSON.readTree(job.reportJson()).get("name").asText());
    }

    @Test
    void anInvalidPeriodReadsNothingAndFailsWithTheEnginesNamedField() {
        TwoBoards reader = new TwoBoards();
        MultiProjectRequest.Definition bad = new MultiProjectRequest.Definition("Dec", List.of("1"), null,
                new MultiProjectRequest.Period("2026-13-01", "2026-12-13"), null, null);
        ReportJob job = new ReportJob("j3", "alice", "k", null, bad, b -> true, Clock.systemUTC());
        job.run(reader, typed);
        assertEquals(ReportJob.State.FAILED, job.progress().state());
        assertTrue(job.failure() instanceof CapacityValidationException, String.valueOf(job.failure()));
        assertEquals("definition", ((CapacityValidationException) job.failure()).field());
        assertFalse(reader.calls.stream().anyMatch(c -> c.startsWith("read")));
        assertNull(job.reportJson());
    }

    @Test
    void aJiraApiClassThatCannotLoadFailsTheJobInsteadOfLeavingItRunning() {
        BoardWorkReader broken = new TwoBoards() {
            @Override
            public void read(String userKey, String boardId, LocalDate start, LocalDate end, WorkOut out) {
                throw new NoClassDefFoundError("org/joda/time/DateTime");
            }
        };
        ReportJob job = job(null, b -> true);
        job.run(broken, typed);
        assertEquals(ReportJob.State.FAILED, job.progress().state());
        assertTrue(job.failure().getMessage().contains("org/joda/time/DateTime"), job.failure().getMessage());
        assertTrue(job.progress().state().finished());
    }

    @Test
    void cancellingStopsTheReaderAtItsNextItem() throws Exception {
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch cancelled = new CountDownLatch(1);
        List<Integer> written = new ArrayList<>();
        BoardWorkReader slow = new TwoBoards() {
            @Override
            public void read(String userKey, String boardId, LocalDate start, LocalDate end, WorkOut out) {
                out.iteration("s", IterationKind.SPRINT, "2026-11-30", "2026-12-11");
                for (int i = 0; i < 1_000_000; i++) {
                    out.item("K-" + i, "alice", StatusCategory.NEW, 60, ReportItemSink.NONE, Double.NaN, Double.NaN, null, false);
                    written.add(i);
                    if (i == 10) {
                        reading.countDown();
                        await(cancelled);
                    }
                }
            }
        };
        ReportJob job = job(null, b -> true);
        Thread worker = new Thread(() -> job.run(slow, typed));
        worker.start();
        assertTrue(reading.await(10, TimeUnit.SECONDS));
        job.cancel();
        cancelled.countDown();
        worker.join(10_000);
        assertEquals(ReportJob.State.CANCELLED, job.progress().state());
        assertEquals(11, written.size(), "no item after the cancel is read");
        assertNull(job.reportJson());
    }

    @Test
    void aJobCancelledBeforeItStartsReadsNothing() {
        TwoBoards reader = new TwoBoards();
        ReportJob job = job(null, b -> true);
        job.cancel();
        assertEquals(ReportJob.State.CANCELLED, job.progress().state());
        job.run(reader, typed);
        assertEquals(ReportJob.State.CANCELLED, job.progress().state());
        assertTrue(reader.calls.isEmpty());
    }

    static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
