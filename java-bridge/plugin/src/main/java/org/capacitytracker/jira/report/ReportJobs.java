package org.capacitytracker.jira.report;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.capacitytracker.api.typed.MultiProjectRequest;
import org.capacitytracker.api.typed.TypedCapacityEngine;

/**
 * The node's server-side report jobs: a few run at once (each holds a whole report's items
 * until the engine has it), a second request by the same user for the same definition joins
 * the running job, and a finished job's answer is kept for its owner for a bounded time.
 *
 * <p>Jobs live on the node that started them: on Data Center, the load balancer's sticky
 * sessions (which Jira requires) send the owner's polls to the same node.
 */
public final class ReportJobs implements AutoCloseable {
    /** Jobs computed at once on a node. */
    public static final int WORKERS = 2;
    /** Jobs that may wait for a worker. */
    public static final int WAITING = 8;
    /** How long a finished job's answer is kept. */
    public static final Duration KEEP = Duration.ofMinutes(15);

    /** Refused: too many jobs on this node; the caller may try again shortly. */
    public static final class BusyException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BusyException(int limit) {
            super("too many reports are running on this node (at most " + limit + "); try again shortly");
        }
    }

    /** Refused: the job belongs to someone else. */
    public static final class NotOwnerException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotOwnerException() {
            super("only the user who started a report may read or cancel it");
        }
    }

    private static final SecureRandom IDS = new SecureRandom();

    private final BoardWorkReader reader;
    private final Supplier<TypedCapacityEngine> engine;
    private final Clock clock;
    private final int workers;
    private final int waiting;
    private final Duration keep;
    private final ExecutorService executor;
    private final Map<String, ReportJob> jobs = new LinkedHashMap<>();

    /**
     * The plugin's jobs with the default limits.
     *
     * @param reader Jira's work
     * @param engine the engine, asked for when a job computes (it may be reopened meanwhile)
     */
    public ReportJobs(BoardWorkReader reader, Supplier<TypedCapacityEngine> engine) {
        this(reader, engine, Clock.systemUTC(), WORKERS, WAITING, KEEP);
    }

    /**
     * Jobs with the given limits (tests).
     *
     * @param reader Jira's work
     * @param engine the engine
     * @param clock for expiry
     * @param workers jobs computed at once
     * @param waiting jobs that may wait
     * @param keep how long answers are kept
     */
    public ReportJobs(BoardWorkReader reader, Supplier<TypedCapacityEngine> engine, Clock clock, int workers,
            int waiting, Duration keep) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.workers = workers;
        this.waiting = waiting;
        this.keep = Objects.requireNonNull(keep, "keep");
        AtomicInteger threads = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                r -> {
                    Thread t = new Thread(r, "capacity-report-" + threads.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    /**
     * Starts a report for {@code owner}, or returns the job already running for the same
     * owner and definition.
     *
     * @param owner the user's key
     * @param reportId the stored definition's id, or null
     * @param definition the definition
     * @param boardAllowed whether the owner may read a board in Capacity Tracker
     * @return the job
     * @throws BusyException when {@code workers + waiting} jobs have not finished
     */
    public synchronized ReportJob start(String owner, String reportId, MultiProjectRequest.Definition definition,
            Predicate<String> boardAllowed) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(definition, "definition");
        expire();
        // Records compare by value, so the same inline definition joins as a stored one does.
        String joinKey = owner + '\u0000' + (reportId != null ? "id:" + reportId : "definition:" + definition);
        int unfinished = 0;
        for (ReportJob job : jobs.values()) {
            if (!job.progress().state().finished()) {
                // A job being cancelled is not joined: the page cancels its run and starts the
                // same report again when the user picks it anew, and would get "cancelled".
                if (job.joinKey().equals(joinKey) && !job.cancelRequested()) {
                    return job;
                }
                unfinished++;
            }
        }
        if (unfinished >= workers + waiting) {
            throw new BusyException(workers + waiting);
        }
        byte[] id = new byte[16];
        IDS.nextBytes(id);
        ReportJob job = new ReportJob(HexFormat.of().formatHex(id), owner, joinKey, reportId, definition, boardAllowed,
                clock);
        jobs.put(job.id(), job);
        executor.execute(() -> job.run(reader, engine.get()));
        return job;
    }

    /**
     * The owner's job.
     *
     * @param id the job's id
     * @param user who asks
     * @return the job, or null when there is none (or it expired)
     * @throws NotOwnerException when it is someone else's
     */
    public synchronized ReportJob find(String id, String user) {
        expire();
        ReportJob job = jobs.get(id);
        if (job == null) {
            return null;
        }
        if (!job.owner().equals(user)) {
            throw new NotOwnerException();
        }
        return job;
    }

    /**
     * Cancels the owner's job; a finished one stays as it is.
     *
     * @param id the job's id
     * @param user who asks
     * @return the job, or null when there is none
     * @throws NotOwnerException when it is someone else's
     */
    public synchronized ReportJob cancel(String id, String user) {
        ReportJob job = find(id, user);
        if (job != null) {
            job.cancel();
        }
        return job;
    }

    /** Cancels every job and stops the workers (the plugin is being disabled). */
    @Override
    public synchronized void close() {
        jobs.values().forEach(ReportJob::cancel);
        executor.shutdownNow();
    }

    private void expire() {
        Instant now = clock.instant();
        jobs.values().removeIf(job -> {
            Instant finished = job.finishedAt();
            return finished != null && job.progress().state().finished() && !finished.plus(keep).isAfter(now);
        });
    }
}
