package org.capacitytracker.jira.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.capacitytracker.api.typed.MultiProjectRequest;
import org.capacitytracker.api.typed.TypedCapacityEngine;
import org.capacitytracker.jira.engine.EngineHolder;
import org.capacitytracker.jira.testing.MemoryPluginSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The node's job registry: joining, limits, owners and expiry. */
class ReportJobsTest {
    private final EngineHolder holder = new EngineHolder(new MemoryPluginSettings());
    private final CountDownLatch release = new CountDownLatch(1);
    private final MutableClock clock = new MutableClock();
    /** Blocks every read until released, so jobs stay running. */
    private final BoardWorkReader blocking = new BoardWorkReader() {
        @Override
        public List<String> boards(String userKey, List<String> boardIds, List<String> projectKeys) {
            ReportJobTest.await(release);
            return boardIds;
        }

        @Override
        public void read(String userKey, String boardId, LocalDate start, LocalDate end, WorkOut out) {
        }
    };
    private final ReportJobs jobs = new ReportJobs(blocking, () -> new TypedCapacityEngine(holder.engine()), clock, 1, 1,
            Duration.ofMinutes(15));

    @AfterEach
    void close() {
        release.countDown();
        jobs.close();
        holder.close();
    }

    static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-12-04T12:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static MultiProjectRequest.Definition definition(String name) {
        return new MultiProjectRequest.Definition(name, List.of("1"), null,
                new MultiProjectRequest.Period("2026-11-30", "2026-12-13"), null, null);
    }

    @Test
    void theSameUserAskingForTheSameDefinitionJoinsTheRunningJob() {
        ReportJob first = jobs.start("alice", "dec", definition("Dec"), b -> true);
        assertSame(first, jobs.start("alice", "dec", definition("Dec"), b -> true));
        assertSame(first, jobs.find(first.id(), "alice"));
    }

    @Test
    void aJobBeingCancelledIsNotJoined() throws Exception {
        // The native library is loaded here, not first in the job's worker (where the extraction's file lock was seen interrupted).
        holder.engine();
        ReportJob first = jobs.start("alice", "dec", definition("Dec"), b -> true);
        for (int i = 0; i < 500 && first.progress().state() != ReportJob.State.RUNNING; i++) {
            Thread.sleep(10);
        }
        assertEquals(ReportJob.State.RUNNING, first.progress().state());
        jobs.cancel(first.id(), "alice");
        assertTrue(!first.progress().state().finished(), "still running until its next item");
        ReportJob again = jobs.start("alice", "dec", definition("Dec"), b -> true);
        assertNotSame(first, again);
        assertTrue(!again.cancelRequested());
    }

    @Test
    void anotherUserOrAnotherDefinitionGetsItsOwnJob() {
        ReportJob alice = jobs.start("alice", null, definition("Dec"), b -> true);
        assertSame(alice, jobs.start("alice", null, definition("Dec"), b -> true), "equal inline definitions join");
        ReportJob bob = jobs.start("bob", null, definition("Dec"), b -> true);
        assertNotSame(alice, bob);
        assertTrue(alice.id().matches("[0-9a-f]{32}"));
    }

    @Test
    void refusesMoreJobsThanWorkersAndWaitingPlaces() {
        jobs.start("alice", "a", definition("A"), b -> true);
        jobs.start("alice", "b", definition("B"), b -> true);
        ReportJobs.BusyException e = assertThrows(ReportJobs.BusyException.class,
                () -> jobs.start("bob", "c", definition("C"), b -> true));
        assertTrue(e.getMessage().contains("at most 2"), e.getMessage());
    }

    @Test
    void anotherUserCanNeitherReadNorCancelAJob() {
        ReportJob job = jobs.start("alice", "dec", definition("Dec"), b -> true);
        assertThrows(ReportJobs.NotOwnerException.class, () -> jobs.find(job.id(), "bob"));
        assertThrows(ReportJobs.NotOwnerException.class, () -> jobs.cancel(job.id(), "bob"));
        assertTrue(!job.progress().state().finished(), "bob's cancel changed nothing");
        assertNull(jobs.find("0123", "alice"));
    }

    @Test
    void theOwnerCancelsAndTheAnswerIsKeptForABoundedTime() throws Exception {
        ReportJob job = jobs.start("alice", "dec", definition("Dec"), b -> true);
        jobs.cancel(job.id(), "alice");
        release.countDown();
        for (int i = 0; i < 500 && job.finishedAt() == null; i++) {
            Thread.sleep(10);
        }
        assertEquals(ReportJob.State.CANCELLED, job.progress().state());
        clock.now = clock.now.plus(Duration.ofMinutes(14));
        assertSame(job, jobs.find(job.id(), "alice"));
        clock.now = clock.now.plus(Duration.ofMinutes(2));
        assertNull(jobs.find(job.id(), "alice"), "expired");
    }

    @Test
    void aFinishedJobIsNotJoinedAndFreesItsPlace() throws Exception {
        ReportJob job = jobs.start("alice", "dec", definition("Dec"), b -> true);
        release.countDown();
        for (int i = 0; i < 1000 && !job.progress().state().finished(); i++) {
            Thread.sleep(10);
        }
        assertTrue(job.progress().state().finished());
        assertNotSame(job, jobs.start("alice", "dec", definition("Dec"), b -> true));
        jobs.start("alice", "other", definition("O"), b -> true);
    }
}
