package org.capacitytracker.bench.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.capacitytracker.api.CapacityEngine;
import org.capacitytracker.api.typed.IterationKind;
import org.capacitytracker.api.typed.MultiProjectReport;
import org.capacitytracker.api.typed.MultiProjectRequest;
import org.capacitytracker.api.typed.StatusCategory;
import org.capacitytracker.api.typed.TypedCapacityEngine;
import org.capacitytracker.api.typed.WorkItem;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Both baselines against the engine on seeded random scenarios, beyond what the vectors pin
 * down: several boards sharing people (over-allocations), both units and every estimate
 * source and sub-task policy, time zones with instants ending at local midnight, own
 * weekdays, active ranges, half holidays, holiday calendars with yearly rules (Easter too),
 * overlapping days off, iterations running out of the period, sprints, versions and date
 * ranges, parents with sub-tasks, and every bucket and grouping. Each seed is its own case,
 * so a failure names the seed to replay.
 */
class RandomScenariosTest {
    private static final String[] ZONES = {"UTC", "Europe/Berlin", "America/Los_Angeles", "Asia/Tokyo", "Australia/Lord_Howe"};
    private static final String[] DAYS = {"MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"};

    @TestFactory
    Stream<DynamicTest> bothBaselinesGiveTheEnginesReport() {
        return IntStream.range(1, 41).mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () -> compare(seed)));
    }

    /** The scenarios reach what they are meant to: not a test that passes on empty reports. */
    @Test
    void theScenariosCoverWhatTheyAreMeantTo() {
        java.util.Set<String> seen = new java.util.TreeSet<>();
        for (int seed = 1; seed < 41; seed++) {
            try (CapacityEngine engine = CapacityEngine.open(new MapStorage())) {
                MultiProjectReport r = new TypedCapacityEngine(engine).multiProjectReport(scenario(new Random(seed), engine));
                seen.add("bucket " + r.bucket());
                seen.add("grouping " + r.grouping());
                seen.add("unit " + r.unit());
                r.warnings().forEach(w -> seen.add("warning " + w.code()));
                if (r.totals().stream().anyMatch(c -> c.workload() > 0)) {
                    seen.add("workload");
                }
                if (r.rows().stream().anyMatch(row -> row.cells().stream().filter(c -> c.workload() > 0).count() > 1)) {
                    seen.add("workload in several buckets");
                }
            }
        }
        assertEquals(new java.util.TreeSet<>(List.of("bucket month", "bucket quarter", "bucket week", "grouping board", "grouping person",
                "grouping role", "unit hours", "unit storyPoints", "warning boardWithoutTeam", "warning holidayCalendarMissing",
                "warning overAllocated", "warning rangeLeavesOut", "workload", "workload in several buckets")), seen);
    }

    static void compare(long seed) {
        Random rng = new Random(seed);
        try (CapacityEngine engine = CapacityEngine.open(new MapStorage())) {
            MultiProjectRequest request = scenario(rng, engine);
            MultiProjectReport expected = new TypedCapacityEngine(engine).multiProjectReport(request);
            assertTrue(!expected.rows().isEmpty(), "seed " + seed + " has rows");
            StoredDocuments stored = StoredDocuments.fetch(engine, request);
            assertEquals(expected, StraightforwardReport.compute(stored, request), "straightforward, seed " + seed);
            assertEquals(expected, CompetentReport.compute(stored, request), "competent, seed " + seed);
        }
    }

    private static String pick(Random rng, String... options) {
        return options[rng.nextInt(options.length)];
    }

    private static String days(Random rng) {
        List<String> out = new ArrayList<>();
        for (String d : DAYS) {
            if (rng.nextInt(10) < 7) {
                out.add("\"" + d + "\"");
            }
        }
        if (out.isEmpty()) {
            out.add("\"WED\"");
        }
        return "[" + String.join(",", out) + "]";
    }

    private static String fraction(Random rng) {
        return pick(rng, "1", "0.5", "0.25", "0.75", "0.3");
    }

    static MultiProjectRequest scenario(Random rng, CapacityEngine engine) {
        boolean points = rng.nextInt(3) == 0;
        LocalDate periodStart = LocalDate.of(2025 + rng.nextInt(3), 1 + rng.nextInt(12), 1 + rng.nextInt(28));
        LocalDate periodEnd = periodStart.plusDays(10 + rng.nextInt(200));
        int peopleCount = 3 + rng.nextInt(8);
        String calendar = null;
        if (rng.nextBoolean()) {
            calendar = "cal";
            engine.putCalendar(calendar, "{\"name\":\"Random\",\"dates\":[{\"date\":\"" + periodStart.plusDays(rng.nextInt(20))
                    + "\",\"name\":\"One-off\",\"fraction\":" + fraction(rng) + "}],\"rules\":["
                    + "{\"type\":\"fixed\",\"name\":\"New Year\",\"month\":1,\"day\":1},"
                    + "{\"type\":\"fixed\",\"name\":\"Leap\",\"month\":2,\"day\":29,\"fraction\":0.5},"
                    + "{\"type\":\"easter\",\"name\":\"Easter Monday\",\"offset\":1},"
                    + "{\"type\":\"nthWeekday\",\"name\":\"Fifth Friday\",\"month\":" + (1 + rng.nextInt(12)) + ",\"weekday\":\"FRI\",\"n\":"
                    + (1 + rng.nextInt(5)) + "},"
                    + "{\"type\":\"lastWeekday\",\"name\":\"Last Monday\",\"month\":" + (1 + rng.nextInt(12)) + ",\"weekday\":\"MON\"}]}");
        }
        for (int p = 0; p < peopleCount; p++) {
            if (rng.nextBoolean()) {
                StringBuilder ranges = new StringBuilder();
                int n = 1 + rng.nextInt(3);
                for (int r = 0; r < n; r++) {
                    LocalDate s = periodStart.plusDays(rng.nextInt(60) - 10);
                    ranges.append(r > 0 ? "," : "").append("{\"start\":\"").append(s).append("\",\"end\":\"").append(s.plusDays(rng.nextInt(6)))
                            .append("\",\"fraction\":").append(fraction(rng)).append('}');
                }
                engine.putDaysOff("u" + p, "{\"ranges\":[" + ranges + "]}");
            }
        }
        int boards = 1 + rng.nextInt(4);
        String[] sources = points ? new String[] {"storyPoints", "custom"} : new String[] {"remaining", "original", "custom"};
        List<String> boardIds = new ArrayList<>();
        MultiProjectRequest.Builder request = MultiProjectRequest.builder();
        for (int b = 0; b < boards; b++) {
            String id = "B" + b;
            boardIds.add(id);
            StringBuilder members = new StringBuilder();
            int n = rng.nextInt(5) + (b == 0 ? 1 : 0);
            List<String> team = new ArrayList<>();
            for (int m = 0; m < n; m++) {
                String person = "u" + rng.nextInt(peopleCount);
                if (team.contains(person)) {
                    continue;
                }
                team.add(person);
                StringBuilder member = new StringBuilder("{\"accountKey\":\"" + person + "\",\"role\":\"" + pick(rng, "Dev", "QA", "UX")
                        + "\",\"dailyCapacity\":" + (points ? pick(rng, "0.75", "1", "2.5") : pick(rng, "8", "6", "7.5", "4.25"))
                        + ",\"allocation\":" + pick(rng, "100", "50", "80", "33.33", "60"));
                if (rng.nextInt(4) == 0) {
                    member.append(",\"workingWeekdays\":").append(days(rng));
                }
                if (rng.nextInt(4) == 0) {
                    LocalDate from = periodStart.plusDays(rng.nextInt(40) - 5);
                    member.append(",\"activeFrom\":\"").append(from).append('"');
                    if (rng.nextBoolean()) {
                        member.append(",\"activeTo\":\"").append(from.plusDays(rng.nextInt(50))).append('"');
                    }
                }
                members.append(members.length() > 0 ? "," : "").append(member).append('}');
            }
            String zone = pick(rng, ZONES);
            String source = pick(rng, sources);
            String settings = "{\"unit\":\"" + (points ? "storyPoints" : "hours") + "\",\"estimateSource\":\"" + source + "\""
                    + ("custom".equals(source) ? ",\"customField\":\"customfield_10001\"" : "")
                    + ",\"subtaskPolicy\":\"" + pick(rng, "subtasks", "parents", "all") + "\",\"timeZone\":\"" + zone + "\""
                    + ",\"workingWeekdays\":" + days(rng) + ",\"focusFactor\":" + pick(rng, "100", "85", "70.5")
                    + ",\"holidays\":[{\"date\":\"" + periodStart.plusDays(rng.nextInt(30)) + "\",\"name\":\"H\",\"fraction\":" + fraction(rng) + "}]"
                    + (calendar != null && rng.nextBoolean() ? ",\"holidayCalendar\":\"" + calendar + "\""
                            : rng.nextInt(8) == 0 ? ",\"holidayCalendar\":\"gone\"" : "")
                    + ",\"members\":[" + members + "]}";
            engine.putBoardSettings(id, settings);
            if (rng.nextInt(5) == 0) {
                continue; // on the definition only: capacity without work
            }
            List<MultiProjectRequest.BoardIteration> iterations = new ArrayList<>();
            int its = 1 + rng.nextInt(4);
            for (int i = 0; i < its; i++) {
                LocalDate s = periodStart.plusDays(rng.nextInt(Math.max(1, (int) (periodEnd.toEpochDay() - periodStart.toEpochDay()) + 20)) - 15);
                LocalDate e = s.plusDays(3 + rng.nextInt(25));
                String start = rng.nextBoolean() ? s.toString() : s + "T" + pick(rng, "00:00:00Z", "09:00:00+01:00", "23:30:00.000+0000");
                String end = rng.nextBoolean() ? e.toString() : e + "T" + pick(rng, "00:00:00Z", "17:00:00+01:00", "00:00:00.000+0900");
                IterationKind kind = IterationKind.values()[rng.nextInt(3)];
                List<WorkItem> items = new ArrayList<>();
                int count = rng.nextInt(12);
                for (int k = 0; k < count; k++) {
                    String key = id + "-" + i + "-" + k;
                    boolean subtask = k > 0 && rng.nextInt(3) == 0;
                    String parent = subtask ? id + "-" + i + "-" + rng.nextInt(k) : null;
                    items.add(new WorkItem(key, rng.nextInt(6) == 0 ? null : (rng.nextInt(8) == 0 ? "stranger" : "u" + rng.nextInt(peopleCount)),
                            StatusCategory.values()[rng.nextInt(3)],
                            rng.nextInt(4) == 0 ? null : (long) rng.nextInt(40_000),
                            rng.nextInt(3) == 0 ? null : (long) rng.nextInt(50_000),
                            rng.nextInt(3) == 0 ? null : rng.nextInt(130) / 10.0,
                            rng.nextInt(3) == 0 ? null : rng.nextInt(170) / 8.0,
                            parent, subtask ? Boolean.TRUE : null));
                }
                iterations.add(new MultiProjectRequest.BoardIteration("i" + i, kind, start, end, items));
            }
            request.board(id, iterations);
        }
        List<String> defined = new ArrayList<>(boardIds.subList(0, 1 + rng.nextInt(boardIds.size())));
        MultiProjectRequest.Bucket bucket = MultiProjectRequest.Bucket.values()[rng.nextInt(3)];
        MultiProjectRequest.Grouping grouping = MultiProjectRequest.Grouping.values()[rng.nextInt(3)];
        MultiProjectRequest.Definition definition = new MultiProjectRequest.Definition("Random " + bucket.name().toLowerCase(Locale.ROOT),
                defined, null, new MultiProjectRequest.Period(periodStart.toString(), periodEnd.toString()), bucket, grouping);
        if (rng.nextInt(4) == 0) {
            engine.putReportDefinition("saved", "{\"name\":\"Saved\",\"boardIds\":[" + String.join(",", defined.stream().map(d -> "\"" + d + "\"").toList())
                    + "],\"period\":{\"start\":\"" + periodStart + "\",\"end\":\"" + periodEnd + "\"},\"bucket\":\""
                    + bucket.name().toLowerCase(Locale.ROOT) + "\",\"grouping\":\"" + grouping.name().toLowerCase(Locale.ROOT) + "\"}");
            return new MultiProjectRequest("saved", null, request.build().boards());
        }
        return new MultiProjectRequest(null, definition, request.build().boards());
    }
}
