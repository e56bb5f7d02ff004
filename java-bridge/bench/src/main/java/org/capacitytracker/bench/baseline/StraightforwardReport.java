package org.capacitytracker.bench.baseline;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.capacitytracker.api.typed.IterationKind;
import org.capacitytracker.api.typed.MultiProjectReport;
import org.capacitytracker.api.typed.MultiProjectRequest;
import org.capacitytracker.api.typed.StatusCategory;
import org.capacitytracker.api.typed.WorkItem;

/**
 * The multi-project report as a vendor would write it in Java: {@code java.time} dates, maps
 * keyed by strings, boxed numbers, each member's capacity day by day. A benchmark baseline
 * only (see the package documentation); it computes what the engine computes, to the unit.
 */
public final class StraightforwardReport {
    private StraightforwardReport() {
    }

    /** One board of the report, as read. */
    private static final class Board {
        String id;
        Documents.Settings settings;
        Integer requestBoard;
        /** Each iteration's first and last day. */
        List<LocalDate[]> iterations = new ArrayList<>();
        LocalDate rangeFirst;
        LocalDate rangeLast;
        /** The fraction of each holiday date of the board's range. */
        Map<LocalDate, Long> holidays = new HashMap<>();
    }

    /** An item with where it was sent. */
    private record Placed(int requestBoard, int iteration, WorkItem item, Integer parent) {
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
        LocalDate first = LocalDate.parse(definition.period().start());
        LocalDate last = LocalDate.parse(definition.period().end());
        String bucketKind = definition.bucket().name().toLowerCase(java.util.Locale.ROOT);
        String grouping = definition.grouping().name().toLowerCase(java.util.Locale.ROOT);
        List<MultiProjectReport.Bucket> buckets = Rules.buckets(first, last, bucketKind);

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

        // Pass 1: each board's settings, calendar, iterations and days off.
        List<MultiProjectReport.Warning> warnings = new ArrayList<>();
        String unit = null;
        List<Board> boards = new ArrayList<>();
        Map<String, Map<LocalDate, Long>> daysOff = new HashMap<>();
        for (String id : boardIds) {
            Board board = new Board();
            board.id = id;
            board.settings = Documents.settings(stored.boards().get(id));
            if (unit == null) {
                unit = board.settings.unit();
            } else if (!unit.equals(board.settings.unit())) {
                throw new IllegalArgumentException("board " + id + " counts in another unit than the first board");
            }
            if (board.settings.members().isEmpty()) {
                warnings.add(new MultiProjectReport.Warning("boardWithoutTeam", "board " + id + " has no team members"));
            }
            String calendar = null;
            if (board.settings.calendarId() != null) {
                calendar = stored.calendars().get(board.settings.calendarId());
                if (calendar == null) {
                    warnings.add(new MultiProjectReport.Warning("holidayCalendarMissing", "board " + id + " uses holiday calendar \""
                            + board.settings.calendarId() + "\", which no longer exists; its holidays are not counted"));
                }
            }
            board.requestBoard = requestBoard.get(id);
            board.rangeFirst = first;
            board.rangeLast = last;
            if (board.requestBoard != null) {
                for (MultiProjectRequest.BoardIteration it : request.boards().get(board.requestBoard).iterations()) {
                    LocalDate[] dates = Rules.readDates(it.start(), it.end(), board.settings.zone());
                    board.iterations.add(dates);
                    if (dates[0].isBefore(board.rangeFirst)) {
                        board.rangeFirst = dates[0];
                    }
                    if (dates[1].isAfter(board.rangeLast)) {
                        board.rangeLast = dates[1];
                    }
                }
            }
            List<Documents.Holiday> holidays = new ArrayList<>();
            for (Documents.Holiday h : board.settings.holidays()) {
                if (!h.date().isBefore(board.rangeFirst) && !h.date().isAfter(board.rangeLast)) {
                    holidays.add(h);
                }
            }
            if (calendar != null) {
                holidays.addAll(Documents.calendarDays(calendar, board.rangeFirst, board.rangeLast));
            }
            for (Documents.Holiday h : holidays) {
                board.holidays.merge(h.date(), h.fraction(), (a, b) -> Math.min(Rules.ONE, a + b));
            }
            for (Documents.Member m : board.settings.members()) {
                daysOff.computeIfAbsent(m.accountKey(), k -> Documents.daysOff(stored.daysOff().get(k)));
            }
            boards.add(board);
        }
        if (unit == null) {
            unit = "hours";
        }

        // The items, parents found within their iteration; date ranges keep open, assigned work only.
        boolean hasRanges = request.boards().stream().flatMap(b -> b.iterations().stream()).anyMatch(i -> i.kind() == IterationKind.RANGE);
        List<Placed> items = new ArrayList<>();
        int dropped = 0;
        for (int b = 0; b < request.boards().size(); b++) {
            List<MultiProjectRequest.BoardIteration> iterations = request.boards().get(b).iterations();
            for (int i = 0; i < iterations.size(); i++) {
                MultiProjectRequest.BoardIteration it = iterations.get(i);
                boolean range = it.kind() == IterationKind.RANGE;
                Map<String, Integer> position = new HashMap<>();
                List<WorkItem> kept = new ArrayList<>();
                for (WorkItem item : it.items()) {
                    if (range && hasRanges && (item.statusCategory() == StatusCategory.DONE || item.assignee() == null)) {
                        dropped++;
                        continue;
                    }
                    position.put(item.key(), kept.size());
                    kept.add(item);
                }
                int offset = items.size();
                for (WorkItem item : kept) {
                    Integer parent = item.parent() == null ? null : position.get(item.parent());
                    items.add(new Placed(b, i, item, parent == null ? null : parent + offset));
                }
            }
        }
        if (dropped > 0) {
            warnings.add(new MultiProjectReport.Warning("rangeLeavesOut", dropped
                    + " items done or unassigned in date ranges are not counted: a date range counts open, assigned work only"));
        }

        // Raw workload (seconds or hundredths) per "board/member/iteration".
        Map<String, Long> raw = new HashMap<>();
        Set<Integer> trackedParents = new TreeSet<>();
        for (Placed p : items) {
            List<Integer> counting = countingBoards(boards, p.requestBoard());
            if (counting.isEmpty()) {
                continue;
            }
            Documents.Settings s = boards.get(counting.get(0)).settings;
            WorkItem it = p.item();
            Long estimate = estimate(s, it);
            boolean subtask = Boolean.TRUE.equals(it.subtask());
            if (subtask && p.parent() != null && estimate != null && "subtasks".equals(s.subtaskPolicy())) {
                trackedParents.add(p.parent());
            }
            if (it.statusCategory() == StatusCategory.DONE || (subtask && "parents".equals(s.subtaskPolicy())) || it.assignee() == null
                    || estimate == null) {
                continue;
            }
            // A board named twice counts its items on each (the person's first membership of each).
            for (Integer bi : counting) {
                add(raw, boards, bi, p, estimate);
            }
        }
        // Under the sub-tasks policy a parent with an estimated sub-task does not count.
        for (Integer index : trackedParents) {
            Placed p = items.get(index);
            WorkItem it = p.item();
            if (Boolean.TRUE.equals(it.subtask()) || it.statusCategory() == StatusCategory.DONE || it.assignee() == null) {
                continue;
            }
            List<Integer> counting = countingBoards(boards, p.requestBoard());
            Long estimate = estimate(boards.get(counting.get(0)).settings, it);
            if (estimate != null) {
                for (Integer bi : counting) {
                    add(raw, boards, bi, p, -estimate);
                }
            }
        }

        // Rows.
        List<String> rowKeys;
        if ("person".equals(grouping) || "role".equals(grouping)) {
            TreeSet<String> keys = new TreeSet<>(Rules.KEY_ORDER);
            for (Board board : boards) {
                for (Documents.Member m : board.settings.members()) {
                    keys.add("person".equals(grouping) ? m.accountKey() : m.role());
                }
            }
            rowKeys = new ArrayList<>(keys);
        } else {
            rowKeys = new ArrayList<>(boardIds);
        }
        Map<String, Integer> rowOfKey = new HashMap<>();
        for (int r = 0; r < rowKeys.size(); r++) {
            rowOfKey.putIfAbsent(rowKeys.get(r), r);
        }
        int nb = buckets.size();
        List<List<Long>> capacity = new ArrayList<>();
        List<List<Long>> workload = new ArrayList<>();
        for (int r = 0; r < rowKeys.size(); r++) {
            List<Long> c = new ArrayList<>();
            List<Long> w = new ArrayList<>();
            for (int b = 0; b < nb; b++) {
                c.add(0L);
                w.add(0L);
            }
            capacity.add(c);
            workload.add(w);
        }

        // Pass 2: each member's capacity day by day; workload spread over the buckets.
        for (int bi = 0; bi < boards.size(); bi++) {
            Board board = boards.get(bi);
            List<Documents.Member> members = board.settings.members();
            for (int m = 0; m < members.size(); m++) {
                Documents.Member member = members.get(m);
                int row = switch (grouping) {
                    case "person" -> rowOfKey.get(member.accountKey());
                    case "role" -> rowOfKey.get(member.role());
                    default -> bi;
                };
                Map<LocalDate, Long> off = daysOff.get(member.accountKey());
                Map<LocalDate, Long> day = new HashMap<>();
                for (LocalDate d = board.rangeFirst; !d.isAfter(board.rangeLast); d = d.plusDays(1)) {
                    day.put(d, dayCapacity(board, member, d, off.getOrDefault(d, 0L)));
                }
                for (int b = 0; b < nb; b++) {
                    MultiProjectReport.Bucket bucket = buckets.get(b);
                    capacity.get(row).set(b, capacity.get(row).get(b) + sum(day, bucket.start(), bucket.end()));
                }
                if (board.requestBoard == null) {
                    continue;
                }
                for (int it = 0; it < board.iterations.size(); it++) {
                    Long rawSum = raw.get(bi + "/" + m + "/" + it);
                    long total = Rules.toBaseUnits(rawSum == null ? 0 : rawSum, board.settings.unit());
                    if (total == 0) {
                        continue;
                    }
                    LocalDate a = board.iterations.get(it)[0];
                    LocalDate z = board.iterations.get(it)[1];
                    // Parts: days before the period, in each bucket, after it (bucket -1: outside).
                    List<Integer> partBucket = new ArrayList<>();
                    List<LocalDate[]> partDays = new ArrayList<>();
                    if (a.isBefore(first)) {
                        partBucket.add(-1);
                        partDays.add(new LocalDate[] {a, z.isBefore(first) ? z : first.minusDays(1)});
                    }
                    for (int b = 0; b < nb; b++) {
                        MultiProjectReport.Bucket bucket = buckets.get(b);
                        if (bucket.end().isBefore(a) || bucket.start().isAfter(z)) {
                            continue;
                        }
                        partBucket.add(b);
                        partDays.add(new LocalDate[] {a.isAfter(bucket.start()) ? a : bucket.start(), z.isBefore(bucket.end()) ? z : bucket.end()});
                    }
                    if (z.isAfter(last)) {
                        partBucket.add(-1);
                        partDays.add(new LocalDate[] {a.isAfter(last) ? a : last.plusDays(1), z});
                    }
                    long[] weights = new long[partBucket.size()];
                    boolean any = false;
                    for (int k = 0; k < weights.length; k++) {
                        weights[k] = sum(day, partDays.get(k)[0], partDays.get(k)[1]);
                        any |= weights[k] != 0;
                    }
                    if (!any) {
                        for (int k = 0; k < weights.length; k++) {
                            weights[k] = ChronoUnit.DAYS.between(partDays.get(k)[0], partDays.get(k)[1]) + 1;
                        }
                    }
                    long[] shares = Rules.spread(total, weights);
                    for (int k = 0; k < shares.length; k++) {
                        int b = partBucket.get(k);
                        if (b >= 0) {
                            workload.get(row).set(b, workload.get(row).get(b) + shares[k]);
                        }
                    }
                }
            }
        }

        // Cells and totals.
        List<MultiProjectReport.Row> rows = new ArrayList<>();
        long[] totalCapacity = new long[nb];
        long[] totalWorkload = new long[nb];
        for (int r = 0; r < rowKeys.size(); r++) {
            List<MultiProjectReport.Cell> cells = new ArrayList<>();
            long rc = 0;
            long rw = 0;
            for (int b = 0; b < nb; b++) {
                long c = capacity.get(r).get(b);
                long w = workload.get(r).get(b);
                cells.add(Rules.cell(c, w));
                rc += c;
                rw += w;
                totalCapacity[b] += c;
                totalWorkload[b] += w;
            }
            rows.add(new MultiProjectReport.Row(rowKeys.get(r), cells, Rules.cell(rc, rw)));
        }
        List<MultiProjectReport.Cell> totals = new ArrayList<>();
        for (int b = 0; b < nb; b++) {
            totals.add(Rules.cell(totalCapacity[b], totalWorkload[b]));
        }

        List<List<Documents.Member>> teams = new ArrayList<>();
        boards.forEach(b -> teams.add(b.settings.members()));
        List<MultiProjectReport.OverAllocation> overAllocations = overAllocations(boardIds, teams, buckets, first, last);
        List<String> overloaded = new ArrayList<>(new LinkedHashSet<>(overAllocations.stream().map(MultiProjectReport.OverAllocation::accountKey).toList()));
        if (!overloaded.isEmpty()) {
            warnings.add(Rules.overAllocated(overloaded));
        }
        return new MultiProjectReport(1, definition.name(), unit, "storyPoints".equals(unit) ? "hundredth" : "minute",
                new MultiProjectReport.Period(first, last), bucketKind, grouping, boardIds, buckets, rows, totals, overAllocations, warnings);
    }

    /** The boards (by index) whose items are request board {@code rb}'s. */
    private static List<Integer> countingBoards(List<Board> boards, int rb) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < boards.size(); i++) {
            if (boards.get(i).requestBoard != null && boards.get(i).requestBoard == rb) {
                out.add(i);
            }
        }
        return out;
    }

    private static Long estimate(Documents.Settings s, WorkItem it) {
        return Rules.rawEstimate(s.estimateSource(), s.unit(), it.remainingSeconds(), it.originalSeconds(), it.storyPoints(), it.customEstimate());
    }

    /** Adds to the item's assignee's cell on board {@code bi}, when they are a member of it. */
    private static void add(Map<String, Long> raw, List<Board> boards, int bi, Placed p, long amount) {
        List<Documents.Member> members = boards.get(bi).settings.members();
        for (int m = 0; m < members.size(); m++) {
            if (members.get(m).accountKey().equals(p.item().assignee())) {
                raw.merge(bi + "/" + m + "/" + p.iteration(), amount, Long::sum);
                return;
            }
        }
    }

    /** A member's capacity on one day of a board. */
    private static long dayCapacity(Board board, Documents.Member member, LocalDate d, long off) {
        int weekdays = member.weekdays() >= 0 ? member.weekdays() : board.settings.weekdays();
        if ((weekdays & (1 << (d.getDayOfWeek().getValue() - 1))) == 0 || !member.isActive(d)) {
            return 0;
        }
        long away = Math.min(Rules.ONE, board.holidays.getOrDefault(d, 0L) + off);
        return Rules.scale(member.daily(), member.allocation(), board.settings.focus(), Rules.ONE - away);
    }

    private static long sum(Map<LocalDate, Long> day, LocalDate from, LocalDate to) {
        long s = 0;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            s += day.getOrDefault(d, 0L);
        }
        return s;
    }

    /**
     * People whose allocations across boards add up to more than 100 % on some day of a
     * bucket: the highest sum in each bucket, and the boards making it. The competent
     * baseline uses this too: it is a small part of the work (once per membership and bucket).
     */
    static List<MultiProjectReport.OverAllocation> overAllocations(List<String> boardIds, List<List<Documents.Member>> teams,
            List<MultiProjectReport.Bucket> buckets, LocalDate first, LocalDate last) {
        record Membership(String board, long allocation, LocalDate from, LocalDate to) {
        }
        TreeMap<String, List<Membership>> byPerson = new TreeMap<>(Rules.KEY_ORDER);
        for (int bi = 0; bi < boardIds.size(); bi++) {
            for (Documents.Member m : teams.get(bi)) {
                LocalDate from = m.activeFrom() == null || m.activeFrom().isBefore(first) ? first : m.activeFrom();
                LocalDate to = m.activeTo() == null || m.activeTo().isAfter(last) ? last : m.activeTo();
                List<Membership> list = byPerson.computeIfAbsent(m.accountKey(), k -> new ArrayList<>());
                if (!from.isAfter(to)) {
                    list.add(new Membership(boardIds.get(bi), m.allocation(), from, to));
                }
            }
        }
        List<MultiProjectReport.OverAllocation> out = new ArrayList<>();
        for (Map.Entry<String, List<Membership>> person : byPerson.entrySet()) {
            List<Membership> group = person.getValue();
            if (group.stream().mapToLong(Membership::allocation).sum() <= Rules.ONE) {
                continue;
            }
            for (MultiProjectReport.Bucket b : buckets) {
                long worst = 0;
                LocalDate worstDay = null;
                List<LocalDate> days = new ArrayList<>();
                days.add(b.start());
                for (Membership s : group) {
                    if (!s.from().isBefore(b.start()) && !s.from().isAfter(b.end())) {
                        days.add(s.from());
                    }
                }
                for (LocalDate day : days) {
                    long sum = 0;
                    for (Membership s : group) {
                        if (!s.from().isAfter(day) && !day.isAfter(s.to())) {
                            sum += s.allocation();
                        }
                    }
                    if (sum > worst) {
                        worst = sum;
                        worstDay = day;
                    }
                }
                if (worstDay == null || worst <= Rules.ONE) {
                    continue;
                }
                List<String> on = new ArrayList<>();
                for (Membership s : group) {
                    if (!s.from().isAfter(worstDay) && !worstDay.isAfter(s.to())) {
                        on.add(s.board());
                    }
                }
                out.add(new MultiProjectReport.OverAllocation(person.getKey(), b.label(), worst / 100.0, on));
            }
        }
        return out;
    }
}
