package org.capacitytracker.bench.baseline;

import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.capacitytracker.api.typed.MultiProjectReport;

/**
 * The arithmetic rules both Java baselines share with the engine, written once here from
 * {@code docs/json-api.md} and the Rust sources they mirror ({@code documents/units.rs},
 * {@code reports/status.rs}, {@code reports/multi/spread.rs}, {@code capacity/calendar.rs}):
 * ratios in ten-thousandths, rounding half up, exact proportional spreading, the status
 * judgement and the reading of iteration dates in a board's zone.
 */
final class Rules {
    /** 100 % as a ratio. */
    static final long ONE = 10_000;
    /** The default thresholds the multi-project report judges every cell by. */
    static final long UNDER = 8_000;
    static final long OVER = 10_000;

    private Rules() {
    }

    /** {@code value × r1 × r2 × …}, ratios in ten-thousandths, rounded half up once. */
    static long scale(long value, long... ratios) {
        BigInteger num = BigInteger.valueOf(value);
        BigInteger den = BigInteger.ONE;
        BigInteger one = BigInteger.valueOf(ONE);
        for (long r : ratios) {
            num = num.multiply(BigInteger.valueOf(r));
            den = den.multiply(one);
        }
        return num.shiftLeft(1).add(den).divide(den.shiftLeft(1)).longValueExact();
    }

    /** {@link #scale} for three ratios in 64 bits when it fits (the hot path of a day's capacity). */
    static long scale3(long value, long a, long b, long c) {
        // value ≤ 100,000 and each ratio ≤ 10,000: the product fits in 64 bits.
        long num = value * a * b * c;
        long den = ONE * ONE * ONE;
        return (num * 2 + den) / (den * 2);
    }

    /** A fraction (0..1) as a ratio. */
    static long fraction(double value) {
        return Math.round(value * ONE);
    }

    /** A percentage as a ratio. */
    static long percent(double value) {
        return Math.round(value * 100.0);
    }

    /** Minutes (hours boards) or hundredths (points boards) per unit. */
    static long basePerUnit(String unit) {
        return "storyPoints".equals(unit) ? 100 : 60;
    }

    /** A raw sum (seconds or hundredths) in base units: seconds round half up to minutes. */
    static long toBaseUnits(long raw, String unit) {
        return "storyPoints".equals(unit) ? raw : (raw + 30) / 60;
    }

    /** The estimate a board reads, raw (seconds or hundredths), or null when the item has none. */
    static Long rawEstimate(String source, String unit, Long remaining, Long original, Double points, Double custom) {
        switch (source) {
            case "remaining":
                return remaining;
            case "original":
                return original;
            case "storyPoints":
                return points == null ? null : Math.round(points * 100.0);
            default:
                if (custom == null) {
                    return null;
                }
                return "storyPoints".equals(unit) ? Math.round(custom * 100.0) : Math.round(custom * 3600.0);
        }
    }

    /** A cell as the report shows it: utilisation to one decimal and its status. */
    static MultiProjectReport.Cell cell(long capacity, long workload) {
        if (capacity <= 0) {
            return new MultiProjectReport.Cell(capacity, workload, capacity - workload, null, "noCapacity");
        }
        long perMille;
        try {
            perMille = Math.addExact(Math.multiplyExact(workload, 2000L), capacity) / Math.multiplyExact(capacity, 2L);
        } catch (ArithmeticException e) {
            perMille = BigInteger.valueOf(workload).multiply(BigInteger.valueOf(2000)).add(BigInteger.valueOf(capacity))
                    .divide(BigInteger.valueOf(capacity).shiftLeft(1)).longValue();
        }
        double percent = perMille / 10.0;
        long shown = Math.round(percent * 10.0) * 10;
        String status = shown < UNDER ? "under" : shown > OVER ? "over" : "ok";
        return new MultiProjectReport.Cell(capacity, workload, capacity - workload, percent, status);
    }

    /**
     * Splits {@code total} over {@code weights} in proportion, exactly: each part rounded down,
     * the units left to the largest remainders (earliest first on ties); evenly over all parts
     * when every weight is zero.
     */
    static long[] spread(long total, long[] weights) {
        int n = weights.length;
        long[] parts = new long[n];
        if (n == 0) {
            return parts;
        }
        long sum = 0;
        for (long w : weights) {
            sum += w;
        }
        long[] w = weights;
        if (sum == 0) {
            w = new long[n];
            Arrays.fill(w, 1);
            sum = n;
        }
        long[] remainders = new long[n];
        long given = 0;
        for (int i = 0; i < n; i++) {
            long product;
            try {
                product = Math.multiplyExact(total, w[i]);
                parts[i] = product / sum;
                remainders[i] = product % sum;
            } catch (ArithmeticException e) {
                BigInteger[] qr = BigInteger.valueOf(total).multiply(BigInteger.valueOf(w[i])).divideAndRemainder(BigInteger.valueOf(sum));
                parts[i] = qr[0].longValueExact();
                remainders[i] = qr[1].longValueExact();
            }
            given += parts[i];
        }
        long rest = total - given;
        if (rest > 0) {
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            long[] r = remainders;
            Arrays.sort(order, Comparator.<Integer>comparingLong(i -> -r[i]).thenComparingInt(i -> i));
            for (int k = 0; k < rest; k++) {
                parts[order[k]]++;
            }
        }
        return parts;
    }

    /** Up to ten names, then "and N more", as the engine's warnings list people. */
    static String nameSome(List<String> names) {
        String text = String.join(", ", names.subList(0, Math.min(10, names.size())));
        return names.size() > 10 ? text + " and " + (names.size() - 10) + " more" : text;
    }

    /** The warning naming the people allocated above 100 % across boards. */
    static MultiProjectReport.Warning overAllocated(List<String> people) {
        return new MultiProjectReport.Warning("overAllocated",
                (people.size() == 1 ? "1 person is" : "people are") + " allocated above 100 % across boards: " + nameSome(people));
    }

    /** Orders strings as the engine does: by their UTF-8 bytes, which is code point order. */
    static int compareKeys(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    static final Comparator<String> KEY_ORDER = Rules::compareKeys;

    /**
     * The local dates an iteration covers in {@code zone}: a plain date as given, an instant as
     * its local date, and an end at exactly local midnight excludes that date.
     */
    static LocalDate[] readDates(String start, String end, ZoneId zone) {
        LocalDate first;
        if (isPlainDate(start)) {
            first = LocalDate.parse(start);
        } else {
            first = instant(start).atZoneSameInstant(zone).toLocalDate();
        }
        LocalDate last;
        if (isPlainDate(end)) {
            last = LocalDate.parse(end);
        } else {
            ZonedDateTime local = instant(end).atZoneSameInstant(zone);
            last = local.toLocalTime().equals(LocalTime.MIDNIGHT) ? local.toLocalDate().minusDays(1) : local.toLocalDate();
        }
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("iteration ends before it starts: " + start + " to " + end);
        }
        return new LocalDate[] {first, last};
    }

    private static boolean isPlainDate(String text) {
        return text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-';
    }

    /** RFC 3339, or Jira's form with an offset without a colon ({@code +0200}). */
    private static OffsetDateTime instant(String text) {
        String t = text;
        int n = t.length();
        if (n > 5 && (t.charAt(n - 5) == '+' || t.charAt(n - 5) == '-') && Character.isDigit(t.charAt(n - 1))
                && t.substring(n - 4).chars().allMatch(Character::isDigit)) {
            t = t.substring(0, n - 2) + ":" + t.substring(n - 2);
        }
        return OffsetDateTime.parse(t, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /** The period's buckets, as the report labels them. */
    static List<MultiProjectReport.Bucket> buckets(LocalDate first, LocalDate last, String bucket) {
        List<MultiProjectReport.Bucket> out = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            String label;
            LocalDate start;
            switch (bucket) {
                case "week" -> {
                    label = String.format(java.util.Locale.ROOT, "%d-W%02d", d.get(IsoFields.WEEK_BASED_YEAR), d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
                    start = d.minusDays(d.getDayOfWeek().getValue() - 1);
                }
                case "month" -> {
                    label = String.format(java.util.Locale.ROOT, "%d-%02d", d.getYear(), d.getMonthValue());
                    start = d.withDayOfMonth(1);
                }
                default -> {
                    int q = (d.getMonthValue() - 1) / 3;
                    label = d.getYear() + "-Q" + (q + 1);
                    start = LocalDate.of(d.getYear(), q * 3 + 1, 1);
                }
            }
            if (out.isEmpty() || !out.get(out.size() - 1).label().equals(label)) {
                out.add(new MultiProjectReport.Bucket(label, start.isBefore(first) ? first : start, d));
            } else {
                MultiProjectReport.Bucket b = out.get(out.size() - 1);
                out.set(out.size() - 1, new MultiProjectReport.Bucket(label, b.start(), d));
            }
        }
        return out;
    }
}
