package org.capacitytracker.jira.report;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.capacitytracker.api.typed.IterationKind;
import org.capacitytracker.api.typed.MultiProjectRequest;
import org.capacitytracker.api.typed.ReportItemSink;
import org.capacitytracker.api.typed.StatusCategory;
import org.capacitytracker.api.typed.TypedCapacityEngine;
import org.capacitytracker.api.typed.WorkItem;

/**
 * One server-side multi-project report for one user: reads the boards' work through a
 * {@link BoardWorkReader} straight into a {@link ReportItemSink} (no item is kept or turned
 * into JSON of its own), runs the report once, and keeps the answer until it expires.
 * Progress and state are read by other threads while it runs.
 */
public final class ReportJob {
    private static final System.Logger LOG = System.getLogger(ReportJob.class.getName());
    /** Where a job is. */
    public enum State {
        /** Waiting for a free worker. */
        QUEUED,
        /** Reading boards or computing the report. */
        RUNNING,
        /** The report is ready. */
        DONE,
        /** Reading or the engine failed; {@link #failure()} says why. */
        FAILED,
        /** Its owner cancelled it. */
        CANCELLED;

        /** @return whether the job has stopped */
        public boolean finished() {
            return this == DONE || this == FAILED || this == CANCELLED;
        }
    }

    /**
     * A consistent view of a job's progress.
     *
     * @param state where it is
     * @param boardsDone boards read completely
     * @param boardsTotal boards to read (0 until they are known)
     * @param items work items read so far
     */
    public record Progress(State state, int boardsDone, int boardsTotal, long items) {
    }

    /**
     * Something the report page tells the user about one board ({@link WorkOut#note}).
     *
     * @param boardId the board
     * @param code what it says, e.g. {@link WorkOut#BOARD_NOT_VISIBLE}
     */
    public record Note(String boardId, String code) {
    }

    private final String id;
    private final String owner;
    private final String joinKey;
    private final String reportId;
    private final MultiProjectRequest.Definition definition;
    private final Predicate<String> boardAllowed;
    private final Clock clock;

    private volatile State state = State.QUEUED;
    private volatile boolean cancelRequested;
    private final AtomicInteger boardsDone = new AtomicInteger();
    private volatile int boardsTotal;
    private final AtomicLong items = new AtomicLong();
    private volatile String reportJson;
    private volatile RuntimeException failure;
    private volatile Instant finishedAt;
    private final List<Note> notes = new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * A queued job.
     *
     * @param id its id (unguessable: it is the job's address)
     * @param owner the user key of who started it; only they may read or cancel it
     * @param joinKey what makes a second request the same job (owner and definition)
     * @param reportId the stored definition's id, or null for an inline one
     * @param definition the definition (read from storage or the request)
     * @param boardAllowed whether the owner may read a board in Capacity Tracker (its permissions)
     * @param clock for the expiry of the answer
     */
    public ReportJob(String id, String owner, String joinKey, String reportId, MultiProjectRequest.Definition definition,
            Predicate<String> boardAllowed, Clock clock) {
        this.id = Objects.requireNonNull(id, "id");
        this.owner = Objects.requireNonNull(owner, "owner");
        this.joinKey = Objects.requireNonNull(joinKey, "joinKey");
        this.reportId = reportId;
        this.definition = Objects.requireNonNull(definition, "definition");
        this.boardAllowed = Objects.requireNonNull(boardAllowed, "boardAllowed");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Reads and computes; returns when the job has finished, whatever the outcome. A
     * cancelled job stops at the reader's next item or request.
     *
     * @param reader Jira's work, as the owner sees it
     * @param engine the engine
     */
    public void run(BoardWorkReader reader, TypedCapacityEngine engine) {
        try {
            if (cancelRequested) {
                throw new ReportCancelledException();
            }
            state = State.RUNNING;
            List<String> boards = reader.boards(owner, orEmpty(definition.boardIds()), orEmpty(definition.projectKeys()))
                    .stream().filter(boardAllowed).toList();
            boardsTotal = boards.size();
            ReportItemSink sink = reportId != null ? ReportItemSink.forReportId(reportId)
                    : ReportItemSink.forDefinition(definition);
            LocalDate[] period = period();
            Out out = new Out(sink);
            for (String board : boards) {
                out.checkCancelled();
                sink.board(board);
                if (period != null) {
                    reader.read(owner, board, period[0], period[1], out);
                }
                boardsDone.incrementAndGet();
            }
            out.checkCancelled();
            // An invalid period reads nothing: the engine then names the field in its error.
            reportJson = engine.multiProjectReport(sink).toJson();
            state = State.DONE;
        } catch (ReportCancelledException e) {
            state = State.CANCELLED;
        } catch (RuntimeException e) {
            failure = e;
            state = State.FAILED;
            if (!(e instanceof org.capacitytracker.api.CapacityException) && !(e instanceof IllegalArgumentException)) {
                // The answer tells the user to ask an administrator; this is what they find.
                LOG.log(System.Logger.Level.ERROR, "Capacity Tracker report job " + id + " failed", e);
            }
        } catch (LinkageError e) {
            // A Jira API class that cannot load must fail the job, not leave it running forever.
            failure = new IllegalStateException("a Jira API the report needs is missing: " + e.getMessage(), e);
            state = State.FAILED;
            LOG.log(System.Logger.Level.ERROR, "Capacity Tracker report job " + id + " failed", e);
        } finally {
            // A job cancelled while queued finished then; a worker reaching it later keeps that time.
            if (finishedAt == null) {
                finishedAt = clock.instant();
            }
        }
    }

    /** Asks the job to stop; it does at its next item or board. */
    public void cancel() {
        cancelRequested = true;
        if (state == State.QUEUED) {
            // Not started: nothing to interrupt, so it is cancelled at once (a worker that
            // picks it up later sees the request and does nothing).
            state = State.CANCELLED;
            finishedAt = clock.instant();
        }
    }

    /** @return whether cancelling was asked for (a running job stops at its next item or board) */
    public boolean cancelRequested() {
        return cancelRequested;
    }

    /** @return the job's id */
    public String id() {
        return id;
    }

    /** @return the user key of who started it */
    public String owner() {
        return owner;
    }

    /** @return the owner and definition it is for */
    public String joinKey() {
        return joinKey;
    }

    /** @return its progress now */
    public Progress progress() {
        State now = state;
        return new Progress(now, boardsDone.get(), boardsTotal, items.get());
    }

    /** @return the notes so far, in the order the boards were read */
    public List<Note> notes() {
        return List.copyOf(notes);
    }

    /** @return the report's JSON once {@link State#DONE}, else null */
    public String reportJson() {
        return reportJson;
    }

    /** @return why it failed once {@link State#FAILED}, else null */
    public RuntimeException failure() {
        return failure;
    }

    /** @return when it finished, or null while it runs */
    public Instant finishedAt() {
        return finishedAt;
    }

    private LocalDate[] period() {
        MultiProjectRequest.Period p = definition.period();
        if (p == null || p.start() == null || p.end() == null) {
            return null;
        }
        try {
            return new LocalDate[] {LocalDate.parse(p.start()), LocalDate.parse(p.end())};
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static List<String> orEmpty(List<String> list) {
        return list == null ? List.of() : list;
    }

    /** Passes a reader's iterations and items to the sink and counts the items. */
    private final class Out implements WorkOut {
        private final ReportItemSink sink;

        Out(ReportItemSink sink) {
            this.sink = sink;
        }

        @Override
        public void iteration(String iterationId, IterationKind kind, String start, String end) {
            checkCancelled();
            sink.iteration(iterationId, kind, start, end);
        }

        @Override
        public void item(String key, String assignee, StatusCategory status, long remainingSeconds,
                long originalSeconds, double storyPoints, double customEstimate, String parent, boolean subtask) {
            checkCancelled();
            if (Double.isNaN(customEstimate)) {
                sink.item(key, assignee, status, remainingSeconds, originalSeconds, storyPoints, parent, subtask);
            } else {
                // Only boards estimating in a custom field have one: the record form carries it.
                sink.item(new WorkItem(key, assignee, status,
                        remainingSeconds == ReportItemSink.NONE ? null : remainingSeconds,
                        originalSeconds == ReportItemSink.NONE ? null : originalSeconds,
                        Double.isNaN(storyPoints) ? null : storyPoints, customEstimate, parent, subtask));
            }
            items.incrementAndGet();
        }

        @Override
        public void note(String boardId, String code) {
            notes.add(new Note(boardId, code));
        }

        @Override
        public void checkCancelled() {
            if (cancelRequested) {
                throw new ReportCancelledException();
            }
        }
    }
}
