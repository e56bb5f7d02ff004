package org.capacitytracker.jira.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.capacitytracker.jira.engine.EngineHolder;
import org.capacitytracker.jira.testing.FakeHttp;
import org.capacitytracker.jira.testing.FakeUsers;
import org.capacitytracker.jira.testing.MemoryPluginSettings;
import org.junit.jupiter.api.Test;

/**
 * Writers racing on one document, as two browser tabs saving the same board do: each must
 * either win or get a conflict; none may silently overwrite another's stored revision.
 */
class ConcurrentWritesTest {
    private static final int WRITERS = 8;
    private static final int ROUNDS = 40;

    @Test
    void exactlyOneOfManyWritersOfTheSameRevisionWins() throws Exception {
        FakeUsers users = new FakeUsers().user("alice", "Alice Andersen");
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try (EngineHolder engines = new EngineHolder(new MemoryPluginSettings())) {
            BoardResource boards = new BoardResource(users, engines);
            for (int round = 0; round < ROUNDS; round++) {
                String document = "{\"schema\":1,\"revision\":" + round + ",\"focusFactor\":" + (50 + round) + "}";
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Integer>> statuses = new ArrayList<>();
                for (int w = 0; w < WRITERS; w++) {
                    statuses.add(pool.submit(() -> {
                        start.await();
                        return boards.putSettings("race", new FakeHttp.Request().user("alice").build(),
                                FakeHttp.body(document)).getStatus();
                    }));
                }
                start.countDown();
                int won = 0;
                int conflicts = 0;
                for (Future<Integer> status : statuses) {
                    int s = status.get();
                    if (s == 200) {
                        won++;
                    } else if (s == 409) {
                        conflicts++;
                    }
                }
                assertEquals(1, won, "round " + round + ": writers that stored revision " + (round + 1));
                assertEquals(WRITERS - 1, conflicts, "round " + round);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
