package org.capacitytracker.bench.baseline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.capacitytracker.api.typed.IterationKind;
import org.capacitytracker.api.typed.MultiProjectReport;
import org.capacitytracker.api.typed.MultiProjectRequest;
import org.capacitytracker.api.typed.StatusCategory;
import org.capacitytracker.api.typed.WorkItem;

/**
 * The multi-project report as a competent Java developer would write it for speed: dates as
 * day numbers, people and members as indices, workload summed into one {@code long[]},
 * each board's holidays precomputed once per distinct calendar and sprint cadence, and each
 * member's capacity as a prefix sum over the board's days (shared by members alike when they
 * have no days off), so a bucket or iteration part costs one subtraction. A benchmark
 * baseline only (see the package documentation); it computes what the engine computes.
 */
public final class CompetentReport {
    private CompetentReport() {
    }

    /** A board's days: holidays, iteration parts, and the capacity prefix sums of members alike. */
    private static final class Shape {
        long rangeFirst;
        int days;
        /** Day of the week (0 Monday) of the range's first day. */
        int weekdayOfFirst;
        long[] holiday;
        /** Per iteration: parts as {bucket or -1, first day, last day} in range indices. */
        int[][][] parts;
        final Map<String, long[]> plain = new HashMap<>();
    }

    /** One board of the report. */
    private static final class Plan {
        Documents.Settings settings;
        int requestBoard = -1;
        long[][] iterations = new long[0][];
        long rangeFirst;
        long rangeLast;
        Shape shape;
        int rawAt;
        String calendar;
    }

    /**
     * Computes the report.
     *
     * @param stored the stored documents, as the engine keeps them
     * @param request the request with its items
     * @return the report, as the engine's typed API returns it
     */
    public static MultiProjectReport compute(StoredDocuments stored, MultiProjectRequest request) {
        MultiProjectRequest.Definition definition = request.definition() != null ? request.definition()
                : Documents.definition(stored.definition());
        LocalDate firstDate = LocalDate.parse(definition.period().start());
        LocalDate lastDate = LocalDate.parse(definition.period().end());
        long first = firstDate.toEpochDay();
        long last = lastDate.toEpochDay();
        String bucketKind = definition.bucket().name().toLowerCase(java.util.Locale.ROOT);
        String grouping = definition.grouping().name().toLowerCase(java.util.Locale.ROOT);
        List<MultiProjectReport.Bucket> buckets = Rules.buckets(firstDate, lastDate, bucketKind);
        int nb = buckets.size();
        long[] bucketStart = new long[nb];
        long[] bucketEnd = new long[nb];
        for (int b = 0; b < nb; b++) {
            bucketStart[b] = buckets.get(b).start().toEpochDay();
            bucketEnd[b] = buckets.get(b).end().toEpochDay();
        }

        List<String> boardIds = new ArrayList<>(definition.boardIds() == null ? List.of() : definition.boardIds());
        Set<String> named = new HashSet<>(boardIds);
        Map<String, Integer> requestBoard = new HashMap<>();
        for (int i = 0; i < request.boards().size(); i++) {
            String id = request.boards().get(i).boardId();
            if (named.add(id)) {
                boardIds.add(id);
            }
            requestBoard.put(id, i);
        }

        // Pass 1. Settings parsed once per distinct document text (boards alike share it).
        List<MultiProjectReport.Warning> warnings = new ArrayList<>();
        Map<String, Documents.Settings> parsed = new HashMap<>();
        Map<String, Shape> shapes = new HashMap<>();
        // Each distinct iteration array (boards with the same sprint dates share one), numbered.
        Map<long[][], Integer> cadences = new IdentityHashMap<>();
        Plan[] plans = new Plan[boardIds.size()];
        String unit = null;
        int rawLen = 0;
        Plan previous = null;
        List<MultiProjectRequest.BoardIteration> previousIterations = null;
        for (int bi = 0; bi < plans.length; bi++) {
            String id = boardIds.get(bi);
            Plan plan = new Plan();
            plan.settings = parsed.computeIfAbsent(stored.boards().get(id), Documents::settings);
            if (unit == null) {
                unit = plan.settings.unit();
            } else if (!unit.equals(plan.settings.unit())) {
                throw new IllegalArgumentException("board " + id + " counts in another unit than the first board");
            }
            if (plan.settings.members().isEmpty()) {
                warnings.add(new MultiProjectReport.Warning("boardWithoutTeam", "board " + id + " has no team members"));
            }
            if (plan.settings.calendarId() != null) {
                plan.calendar = stored.calendars().get(plan.settings.calendarId());
                if (plan.calendar == null) {
                    warnings.add(new MultiProjectReport.Warning("holidayCalendarMissing", "board " + id + " uses holiday calendar \""
                            + plan.settings.calendarId() + "\", which no longer exists; its holidays are not counted"));
                }
            }
            Integer rb = requestBoard.get(id);
            plan.rangeFirst = first;
            plan.rangeLast = last;
            if (rb != null) {
                plan.requestBoard = rb;
                List<MultiProjectRequest.BoardIteration> asked = request.boards().get(rb).iterations();
                if (previous != null && previous.settings.zone().equals(plan.settings.zone()) && sameDates(previousIterations, asked)) {
                    plan.iterations = previous.iterations;
                    plan.rangeFirst = previous.rangeFirst;
                    plan.rangeLast = previous.rangeLast;
                } else {
                    plan.iterations = new long[asked.size()][];
                    for (int i = 0; i < asked.size(); i++) {
                        LocalDate[] d = Rules.readDates(asked.get(i).start(), asked.get(i).end(), plan.settings.zone());
                        plan.iterations[i] = new long[] {d[0].toEpochDay(), d[1].toEpochDay()};
                        plan.rangeFirst = Math.min(plan.rangeFirst, plan.iterations[i][0]);
                        plan.rangeLast = Math.max(plan.rangeLast, plan.iterations[i][1]);
                    }
                    previous = plan;
                    previousIterations = asked;
                }
                plan.rawAt = rawLen;
                rawLen += plan.iterations.length * plan.settings.members().size();
            }
            Integer cadence = cadences.computeIfAbsent(plan.iterations, x -> cadences.size());
            plan.shape = shapes.computeIfAbsent(shapeKey(plan, cadence), k -> shape(plan, first, last, bucketStart, bucketEnd));
            plans[bi] = plan;
        }
        if (unit == null) {
            unit = "hours";
        }

        // People: every member's account key, numbered; memberships by person (plan, member).
        Map<String, Integer> personOf = new HashMap<>();
        List<String> people = new ArrayList<>();
        int memberCount = 0;
        for (Plan plan : plans) {
            for (Documents.Member m : plan.settings.members()) {
                if (personOf.putIfAbsent(m.accountKey(), people.size()) == null) {
                    people.add(m.accountKey());
                }
                memberCount++;
            }
        }
        int[] slotAt = new int[people.size() + 1];
        for (Plan plan : plans) {
            if (plan.requestBoard >= 0) {
                for (Documents.Member m : plan.settings.members()) {
                    slotAt[personOf.get(m.accountKey()) + 1]++;
                }
            }
        }
        for (int p = 1; p < slotAt.length; p++) {
            slotAt[p] += slotAt[p - 1];
        }
        int[] slotPlan = new int[slotAt[people.size()]];
        int[] slotMember = new int[slotPlan.length];
        int[] next = Arrays.copyOf(slotAt, slotAt.length);
        for (int bi = 0; bi < plans.length; bi++) {
            if (plans[bi].requestBoard >= 0) {
                List<Documents.Member> members = plans[bi].settings.members();
                for (int m = 0; m < members.size(); m++) {
                    int p = personOf.get(members.get(m).accountKey());
                    slotPlan[next[p]] = bi;
                    slotMember[next[p]++] = m;
                }
            }
        }

        // The items: summed into raw[plan.rawAt + member × iterations + iteration].
        int[][] counting = new int[request.boards().size()][];
        for (int bi = 0; bi < plans.length; bi++) {
            int rb = plans[bi].requestBoard;
            if (rb >= 0) {
                counting[rb] = counting[rb] == null ? new int[] {bi} : append(counting[rb], bi);
            }
        }
        boolean hasRanges = request.boards().stream().flatMap(b -> b.iterations().stream()).anyMatch(i -> i.kind() == IterationKind.RANGE);
        long[] raw = new long[rawLen];
        int dropped = 0;
        Map<WorkItem, int[]> trackedParents = new IdentityHashMap<>();
        for (int rb = 0; rb < counting.length; rb++) {
            List<MultiProjectRequest.BoardIteration> iterations = request.boards().get(rb).iterations();
            int[] boards = counting[rb];
            Documents.Settings s = boards == null ? null : plans[boards[0]].settings;
            for (int i = 0; i < iterations.size(); i++) {
                MultiProjectRequest.BoardIteration it = iterations.get(i);
                boolean range = hasRanges && it.kind() == IterationKind.RANGE;
                Map<String, WorkItem> byKey = null;
                for (WorkItem item : it.items()) {
                    boolean done = item.statusCategory() == StatusCategory.DONE;
                    if (range && (done || item.assignee() == null)) {
                        dropped++;
                        continue;
                    }
                    if (s == null) {
                        continue;
                    }
                    Long estimate = Rules.rawEstimate(s.estimateSource(), s.unit(), item.remainingSeconds(), item.originalSeconds(),
                            item.storyPoints(), item.customEstimate());
                    boolean subtask = Boolean.TRUE.equals(item.subtask());
                    if (subtask && item.parent() != null && estimate != null && "subtasks".equals(s.subtaskPolicy())) {
                        if (byKey == null) {
                            byKey = new HashMap<>();
                            for (WorkItem other : it.items()) {
                                if (!range || (other.statusCategory() != StatusCategory.DONE && other.assignee() != null)) {
                                    byKey.put(other.key(), other);
                                }
                            }
                        }
                        WorkItem parent = byKey.get(item.parent());
                        if (parent != null) {
                            trackedParents.put(parent, new int[] {rb, i});
                        }
                    }
                    if (done || (subtask && "parents".equals(s.subtaskPolicy())) || item.assignee() == null || estimate == null) {
                        continue;
                    }
                    Integer person = personOf.get(item.assignee());
                    if (person != null) {
                        addToMembers(raw, plans, boards, slotAt, slotPlan, slotMember, person, i, estimate);
                    }
                }
            }
        }
        for (Map.Entry<WorkItem, int[]> e : trackedParents.entrySet()) {
            WorkItem it = e.getKey();
            if (Boolean.TRUE.equals(it.subtask()) || it.statusCategory() == StatusCategory.DONE || it.assignee() == null) {
                continue;
            }
            int[] boards = counting[e.getValue()[0]];
            Documents.Settings s = plans[boards[0]].settings;
            Long estimate = Rules.rawEstimate(s.estimateSource(), s.unit(), it.remainingSeconds(), it.originalSeconds(), it.storyPoints(),
                    it.customEstimate());
            Integer person = personOf.get(it.assignee());
            if (estimate != null && person != null) {
                addToMembers(raw, plans, boards, slotAt, slotPlan, slotMember, person, e.getValue()[1], -estimate);
            }
        }
        if (dropped > 0) {
            warnings.add(new MultiProjectReport.Warning("rangeLeavesOut", dropped
                    + " items done or unassigned in date ranges are not counted: a date range counts open, assigned work only"));
        }

        // Rows: each member's row, numbered in key order.
        int[] memberRow = new int[memberCount];
        List<String> rowKeys;
        if ("board".equals(grouping)) {
            rowKeys = boardIds;
            int k = 0;
            for (int bi = 0; bi < plans.length; bi++) {
                for (int m = 0; m < plans[bi].settings.members().size(); m++) {
                    memberRow[k++] = bi;
                }
            }
        } else {
            boolean person = "person".equals(grouping);
            Map<String, Integer> distinct = new HashMap<>();
            for (Plan plan : plans) {
                for (Documents.Member m : plan.settings.members()) {
                    distinct.putIfAbsent(person ? m.accountKey() : m.role(), 0);
                }
            }
            String[] sorted = distinct.keySet().toArray(new String[0]);
            Arrays.sort(sorted, Rules.KEY_ORDER);
            for (int r = 0; r < sorted.length; r++) {
                distinct.put(sorted[r], r);
            }
            rowKeys = Arrays.asList(sorted);
            int k = 0;
            for (Plan plan : plans) {
                for (Documents.Member m : plan.settings.members()) {
                    memberRow[k++] = distinct.get(person ? m.accountKey() : m.role());
                }
            }
        }

        // Pass 2: capacity prefix sums, bucket capacities, workload spread over the parts.
        Map<String, long[][]> daysOff = new HashMap<>();
        long[] capacity = new long[rowKeys.size() * nb];
        long[] workload = new long[rowKeys.size() * nb];
        long[] buffer = new long[0];
        int k = 0;
        for (Plan plan : plans) {
            Shape shape = plan.shape;
            if (buffer.length < shape.days + 1) {
                buffer = new long[shape.days + 1];
            }
            List<Documents.Member> members = plan.settings.members();
            int shift = (int) (first - shape.rangeFirst);
            for (int m = 0; m < members.size(); m++, k++) {
                Documents.Member member = members.get(m);
                long[][] off = daysOff.computeIfAbsent(member.accountKey(), key -> offArrays(stored.daysOff().get(key)));
                long[] prefix;
                if (off == null) {
                    prefix = shape.plain.computeIfAbsent(memberShape(member, plan.settings, shape), x -> {
                        long[] out = new long[shape.days + 1];
                        sweep(shape, member, plan.settings, null, out);
                        return out;
                    });
                } else {
                    sweep(shape, member, plan.settings, off, buffer);
                    prefix = buffer;
                }
                int at = memberRow[k] * nb;
                for (int b = 0; b < nb; b++) {
                    capacity[at + b] += prefix[(int) (bucketEnd[b] - first) + 1 + shift] - prefix[(int) (bucketStart[b] - first) + shift];
                }
                if (plan.requestBoard < 0) {
                    continue;
                }
                int n = plan.iterations.length;
                for (int it = 0; it < n; it++) {
                    long total = Rules.toBaseUnits(raw[plan.rawAt + m * n + it], plan.settings.unit());
                    if (total == 0) {
                        continue;
                    }
                    int[][] parts = shape.parts[it];
                    if (parts.length == 1) {
                        if (parts[0][0] >= 0) {
                            workload[at + parts[0][0]] += total;
                        }
                        continue;
                    }
                    long[] weights = new long[parts.length];
                    boolean any = false;
                    for (int p = 0; p < parts.length; p++) {
                        weights[p] = prefix[parts[p][2] + 1] - prefix[parts[p][1]];
                        any |= weights[p] != 0;
                    }
                    if (!any) {
                        for (int p = 0; p < parts.length; p++) {
                            weights[p] = parts[p][2] - parts[p][1] + 1;
                        }
                    }
                    long[] shares = Rules.spread(total, weights);
                    for (int p = 0; p < parts.length; p++) {
                        if (parts[p][0] >= 0) {
                            workload[at + parts[p][0]] += shares[p];
                        }
                    }
                }
            }
        }

        List<MultiProjectReport.Row> rows = new ArrayList<>(rowKeys.size());
        long[] totalCapacity = new long[nb];
        long[] totalWorkload = new long[nb];
        for (int r = 0; r < rowKeys.size(); r++) {
            List<MultiProjectReport.Cell> cells = new ArrayList<>(nb);
            long rc = 0;
            long rw = 0;
            for (int b = 0; b < nb; b++) {
                long c = capacity[r * nb + b];
                long w = workload[r * nb + b];
                cells.add(Rules.cell(c, w));
                rc += c;
                rw += w;
                totalCapacity[b] += c;
                totalWorkload[b] += w;
            }
            rows.add(new MultiProjectReport.Row(rowKeys.get(r), cells, Rules.cell(rc, rw)));
        }
        List<MultiProjectReport.Cell> totals = new ArrayList<>(nb);
        for (int b = 0; b < nb; b++) {
            totals.add(Rules.cell(totalCapacity[b], totalWorkload[b]));
        }
        List<List<Documents.Member>> teams = new ArrayList<>();
        for (Plan plan : plans) {
            teams.add(plan.settings.members());
        }
        List<MultiProjectReport.OverAllocation> overAllocations = StraightforwardReport.overAllocations(boardIds, teams, buckets, firstDate, lastDate);
        List<String> overloaded = new ArrayList<>();
        for (MultiProjectReport.OverAllocation o : overAllocations) {
            if (overloaded.isEmpty() || !overloaded.get(overloaded.size() - 1).equals(o.accountKey())) {
                overloaded.add(o.accountKey());
            }
        }
        if (!overloaded.isEmpty()) {
            warnings.add(Rules.overAllocated(overloaded));
        }
        return new MultiProjectReport(1, definition.name(), unit, "storyPoints".equals(unit) ? "hundredth" : "minute",
                new MultiProjectReport.Period(firstDate, lastDate), bucketKind, grouping, boardIds, buckets, rows, totals, overAllocations,
                warnings);
    }

    private static boolean sameDates(List<MultiProjectRequest.BoardIteration> a, List<MultiProjectRequest.BoardIteration> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).start().equals(b.get(i).start()) || !a.get(i).end().equals(b.get(i).end())) {
                return false;
            }
        }
        return true;
    }

    private static int[] append(int[] a, int v) {
        int[] out = Arrays.copyOf(a, a.length + 1);
        out[a.length] = v;
        return out;
    }

    /** Adds to the person's first membership of each of {@code boards}. */
    private static void addToMembers(long[] raw, Plan[] plans, int[] boards, int[] slotAt, int[] slotPlan, int[] slotMember, int person,
            int iteration, long amount) {
        for (int bi : boards) {
            for (int s = slotAt[person]; s < slotAt[person + 1]; s++) {
                if (slotPlan[s] == bi) {
                    Plan plan = plans[bi];
                    raw[plan.rawAt + slotMember[s] * plan.iterations.length + iteration] += amount;
                    break;
                }
            }
        }
    }

    private static String shapeKey(Plan plan, int cadence) {
        StringBuilder key = new StringBuilder();
        key.append(plan.rangeFirst).append(':').append(plan.rangeLast).append(':').append(plan.settings.calendarId()).append(':')
                .append(plan.calendar != null);
        for (Documents.Holiday h : plan.settings.holidays()) {
            key.append('|').append(h.date()).append('=').append(h.fraction());
        }
        // Boards with the same sprint dates and zone share one iteration array (read once).
        return key.append('#').append(cadence).toString();
    }

    /** A board's days, holidays and iteration parts. */
    private static Shape shape(Plan plan, long first, long last, long[] bucketStart, long[] bucketEnd) {
        Shape shape = new Shape();
        shape.rangeFirst = plan.rangeFirst;
        shape.days = (int) (plan.rangeLast - plan.rangeFirst + 1);
        shape.weekdayOfFirst = (int) Math.floorMod(plan.rangeFirst + 3, 7L);
        shape.holiday = new long[shape.days];
        List<Documents.Holiday> holidays = new ArrayList<>(plan.settings.holidays());
        if (plan.calendar != null) {
            holidays.addAll(Documents.calendarDays(plan.calendar, LocalDate.ofEpochDay(plan.rangeFirst), LocalDate.ofEpochDay(plan.rangeLast)));
        }
        for (Documents.Holiday h : holidays) {
            long i = h.date().toEpochDay() - plan.rangeFirst;
            if (i >= 0 && i < shape.days) {
                shape.holiday[(int) i] = Math.min(Rules.ONE, shape.holiday[(int) i] + h.fraction());
            }
        }
        int shift = (int) (first - plan.rangeFirst);
        long periodLast = last - first;
        shape.parts = new int[plan.iterations.length][][];
        for (int it = 0; it < plan.iterations.length; it++) {
            long a = plan.iterations[it][0] - first;
            long z = plan.iterations[it][1] - first;
            List<int[]> parts = new ArrayList<>();
            if (a < 0) {
                parts.add(new int[] {-1, (int) a + shift, (int) Math.min(z, -1) + shift});
            }
            for (int b = 0; b < bucketStart.length; b++) {
                long s = bucketStart[b] - first;
                long e = bucketEnd[b] - first;
                if (e < a || s > z) {
                    continue;
                }
                parts.add(new int[] {b, (int) Math.max(a, s) + shift, (int) Math.min(z, e) + shift});
            }
            if (z > periodLast) {
                parts.add(new int[] {-1, (int) Math.max(a, periodLast + 1) + shift, (int) z + shift});
            }
            shape.parts[it] = parts.toArray(new int[0][]);
        }
        return shape;
    }

    private static String memberShape(Documents.Member m, Documents.Settings s, Shape shape) {
        return (m.weekdays() >= 0 ? m.weekdays() : s.weekdays()) + ":" + m.daily() + ":" + m.allocation() + ":" + s.focus() + ":"
                + m.activeFrom() + ":" + m.activeTo();
    }

    /** A days-off document as sorted (day, fraction) arrays, or null when it has no day. */
    private static long[][] offArrays(String json) {
        Map<LocalDate, Long> byDate = Documents.daysOff(json);
        if (byDate.isEmpty()) {
            return null;
        }
        long[] days = byDate.keySet().stream().mapToLong(LocalDate::toEpochDay).sorted().toArray();
        long[] fractions = new long[days.length];
        for (int i = 0; i < days.length; i++) {
            fractions[i] = byDate.get(LocalDate.ofEpochDay(days[i]));
        }
        return new long[][] {days, fractions};
    }

    /** The member's capacity of days {@code 0..k} of the board's range, for every k, into {@code out}. */
    private static void sweep(Shape shape, Documents.Member member, Documents.Settings s, long[][] off, long[] out) {
        int mask = member.weekdays() >= 0 ? member.weekdays() : s.weekdays();
        long ordinary = Rules.scale3(member.daily(), member.allocation(), s.focus(), Rules.ONE);
        long from = member.activeFrom() == null ? Long.MIN_VALUE : member.activeFrom().toEpochDay() - shape.rangeFirst;
        long to = member.activeTo() == null ? Long.MAX_VALUE : member.activeTo().toEpochDay() - shape.rangeFirst;
        int o = 0;
        if (off != null) {
            while (o < off[0].length && off[0][o] < shape.rangeFirst) {
                o++;
            }
        }
        out[0] = 0;
        int weekday = shape.weekdayOfFirst;
        for (int i = 0; i < shape.days; i++) {
            long value = 0;
            long offFraction = 0;
            if (off != null && o < off[0].length && off[0][o] == shape.rangeFirst + i) {
                offFraction = off[1][o++];
            }
            if ((mask & (1 << weekday)) != 0 && i >= from && i <= to) {
                long away = shape.holiday[i] + offFraction;
                value = away == 0 ? ordinary : away >= Rules.ONE ? 0 : Rules.scale3(member.daily(), member.allocation(), s.focus(), Rules.ONE - away);
            }
            out[i + 1] = out[i] + value;
            weekday = weekday == 6 ? 0 : weekday + 1;
        }
    }
}
