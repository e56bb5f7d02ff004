package org.capacitytracker.bench.baseline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.capacitytracker.api.CapacityEngine;
import org.capacitytracker.api.typed.IterationKind;
import org.capacitytracker.api.typed.MultiProjectRequest;
import org.capacitytracker.api.typed.StatusCategory;
import org.capacitytracker.api.typed.WorkItem;

/**
 * W2, the instance-wide year (1,500 boards, 21,000 people each on 1–3 boards, 1,000,000 items,
 * 26 two-week sprints per board, a year in weeks), built exactly as
 * {@code core/benches/support/workloads.rs} builds it: the same xorshift generator drawn in
 * the same order, so the documents stored and the request sent are the Rust benchmark's.
 * The sizes are parameters so the tests can build a small one.
 */
public final class W2Workload {
    static final String[] ROLES = {"Developer", "QA", "Designer", "Analyst"};

    /** The request (items inside their iterations, keys {@code W2-<index>}). */
    public final MultiProjectRequest request;
    /** How many items the request holds. */
    public final int items;

    /** workloads.rs's generator: xorshift64, seed at least 1. */
    static final class Rng {
        private long state;

        Rng(long seed) {
            state = Math.max(seed, 1);
        }

        long next() {
            long x = state;
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
            state = x;
            return x;
        }

        long below(long n) {
            return Long.remainderUnsigned(next(), n);
        }
    }

    private W2Workload(MultiProjectRequest request, int items) {
        this.request = request;
        this.items = items;
    }

    /** The full W2, its documents stored through {@code engine}. */
    public static W2Workload build(CapacityEngine engine) {
        return build(engine, 1500, 21_000, 1_000_000);
    }

    /** W2's shape at another size (the full one is 1,500, 21,000, 1,000,000). */
    public static W2Workload build(CapacityEngine engine, int boards, int peopleCount, int itemCount) {
        Rng rng = new Rng(2);
        List<String> people = new ArrayList<>(peopleCount);
        for (int i = 0; i < peopleCount; i++) {
            people.add(String.format(java.util.Locale.ROOT, "p%05d", i));
        }
        List<List<Integer>> teams = new ArrayList<>();
        for (int b = 0; b < boards; b++) {
            teams.add(new ArrayList<>());
        }
        for (int p = 0; p < peopleCount; p++) {
            int n = 1 + (int) rng.below(3);
            for (int k = 0; k < n; k++) {
                int b = (p * 7 + k * 131) % boards;
                if (!teams.get(b).contains(p)) {
                    teams.get(b).add(p);
                }
            }
        }
        for (int b = 0; b < boards; b++) {
            StringBuilder members = new StringBuilder();
            List<Integer> team = teams.get(b);
            for (int i = 0; i < team.size(); i++) {
                int p = team.get(i);
                if (i > 0) {
                    members.append(',');
                }
                members.append("{\"accountKey\":\"").append(people.get(p)).append("\",\"role\":\"").append(ROLES[i % 4])
                        .append("\",\"dailyCapacity\":6,\"allocation\":").append(40 + (p % 4) * 20).append('}');
            }
            engine.putBoardSettings("B" + b, "{\"holidays\":[{\"date\":\"2026-12-25\",\"name\":\"Christmas\"},"
                    + "{\"date\":\"2026-05-01\",\"name\":\"Labour\"}],\"members\":[" + members + "]}");
        }
        for (int p = 0; p < peopleCount; p += 10) {
            engine.putDaysOff(people.get(p), "{\"ranges\":[{\"start\":\"2026-07-06\",\"end\":\"2026-07-17\"}]}");
        }
        int sprints = 26;
        List<List<List<WorkItem>>> byIteration = new ArrayList<>();
        for (int b = 0; b < boards; b++) {
            List<List<WorkItem>> its = new ArrayList<>();
            for (int s = 0; s < sprints; s++) {
                its.add(new ArrayList<>());
            }
            byIteration.add(its);
        }
        for (int i = 0; i < itemCount; i++) {
            int b = (int) rng.below(boards);
            List<Integer> team = teams.get(b);
            String assignee = team.isEmpty() ? null : people.get(team.get((int) rng.below(team.size())));
            int iteration = (int) rng.below(sprints);
            long remaining = rng.below(16) * 1800;
            boolean done = rng.below(4) == 0;
            byIteration.get(b).get(iteration).add(new WorkItem("W2-" + i, assignee, done ? StatusCategory.DONE : StatusCategory.NEW,
                    remaining, null, null, null, null, null));
        }
        MultiProjectRequest.Builder request = MultiProjectRequest.builder().definition(new MultiProjectRequest.Definition("Year", List.of(),
                List.of("ALL"), new MultiProjectRequest.Period("2026-01-05", "2027-01-03"), MultiProjectRequest.Bucket.WEEK,
                MultiProjectRequest.Grouping.PERSON));
        LocalDate firstSprint = LocalDate.of(2026, 1, 5);
        for (int b = 0; b < boards; b++) {
            List<MultiProjectRequest.BoardIteration> iterations = new ArrayList<>();
            for (int s = 0; s < sprints; s++) {
                LocalDate start = firstSprint.plusDays(14L * s);
                iterations.add(new MultiProjectRequest.BoardIteration(Integer.toString(s), IterationKind.SPRINT, start.toString(),
                        start.plusDays(11).toString(), byIteration.get(b).get(s)));
            }
            request.board("B" + b, iterations);
        }
        return new W2Workload(request.build(), itemCount);
    }
}
