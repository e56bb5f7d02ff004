package org.capacitytracker.bench.baseline;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.capacitytracker.api.typed.MultiProjectRequest;

/**
 * The stored documents as both baselines compute with them: read from the JSON the engine
 * stores (complete documents, defaults already applied), with ratios in ten-thousandths and
 * capacities in base units as {@code documents/settings.rs} validates them.
 */
final class Documents {
    static final ObjectMapper JSON = JsonMapper.builder().enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final String[] DAYS = {"MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"};

    private Documents() {
    }

    /** A holiday: a date, its name and the fraction of the day off. */
    record Holiday(LocalDate date, String name, long fraction) {
    }

    /**
     * A member: daily capacity in base units, allocation as a ratio, own weekdays as a mask
     * (bit 0 Monday) or -1 for the board's.
     */
    record Member(String accountKey, String role, long daily, long allocation, int weekdays, LocalDate activeFrom,
            LocalDate activeTo) {
        boolean isActive(LocalDate d) {
            return (activeFrom == null || !d.isBefore(activeFrom)) && (activeTo == null || !d.isAfter(activeTo));
        }
    }

    /** A board's settings. */
    record Settings(String unit, String estimateSource, String subtaskPolicy, ZoneId zone, int weekdays,
            List<Holiday> holidays, String calendarId, long focus, List<Member> members) {
    }

    static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MultiProjectRequest.Definition definition(String json) {
        try {
            return JSON.readValue(json, MultiProjectRequest.Definition.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int mask(JsonNode days) {
        int mask = 0;
        for (JsonNode d : days) {
            for (int i = 0; i < 7; i++) {
                if (DAYS[i].equals(d.asText())) {
                    mask |= 1 << i;
                }
            }
        }
        return mask;
    }

    static Settings settings(String json) {
        JsonNode doc = tree(json);
        String unit = doc.get("unit").asText();
        Map<String, String> roleNames = new HashMap<>();
        for (JsonNode r : doc.get("roles")) {
            roleNames.put(r.get("id").asText(), r.get("name").asText());
        }
        List<Holiday> holidays = new ArrayList<>();
        for (JsonNode h : doc.get("holidays")) {
            holidays.add(new Holiday(LocalDate.parse(h.get("date").asText()), h.get("name").asText(), Rules.fraction(h.get("fraction").asDouble())));
        }
        List<Member> members = new ArrayList<>();
        for (JsonNode m : doc.get("members")) {
            members.add(new Member(m.get("accountKey").asText(), roleNames.get(m.get("roleId").asText()),
                    Math.round(m.get("dailyCapacity").asDouble() * Rules.basePerUnit(unit)), Rules.percent(m.get("allocation").asDouble()),
                    m.hasNonNull("workingWeekdays") ? mask(m.get("workingWeekdays")) : -1,
                    m.hasNonNull("activeFrom") ? LocalDate.parse(m.get("activeFrom").asText()) : null,
                    m.hasNonNull("activeTo") ? LocalDate.parse(m.get("activeTo").asText()) : null));
        }
        return new Settings(unit, doc.get("estimateSource").asText(), doc.get("subtaskPolicy").asText(),
                ZoneId.of(doc.get("timeZone").asText()), mask(doc.get("workingWeekdays")), holidays,
                doc.hasNonNull("holidayCalendar") ? doc.get("holidayCalendar").asText() : null,
                Rules.percent(doc.get("focusFactor").asDouble()), members);
    }

    /** A days-off document as the fraction away on each date (overlapping ranges take the largest). */
    static Map<LocalDate, Long> daysOff(String json) {
        Map<LocalDate, Long> byDate = new HashMap<>();
        for (JsonNode r : tree(json).get("ranges")) {
            long f = Rules.fraction(r.hasNonNull("fraction") ? r.get("fraction").asDouble() : 1.0);
            LocalDate end = LocalDate.parse(r.get("end").asText());
            for (LocalDate d = LocalDate.parse(r.get("start").asText()); !d.isAfter(end); d = d.plusDays(1)) {
                byDate.merge(d, f, Math::max);
            }
        }
        return byDate;
    }

    /** A holiday calendar's dates from {@code first} to {@code last}: its dates, then its yearly rules. */
    static List<Holiday> calendarDays(String json, LocalDate first, LocalDate last) {
        JsonNode doc = tree(json);
        List<Holiday> out = new ArrayList<>();
        for (JsonNode d : doc.get("dates")) {
            LocalDate date = LocalDate.parse(d.get("date").asText());
            if (!date.isBefore(first) && !date.isAfter(last)) {
                out.add(new Holiday(date, d.get("name").asText(), Rules.fraction(fractionOf(d))));
            }
        }
        for (int year = first.getYear() - 1; year <= last.getYear() + 1; year++) {
            for (JsonNode r : doc.get("rules")) {
                LocalDate date = ruleDate(r, year);
                if (date != null && !date.isBefore(first) && !date.isAfter(last)) {
                    out.add(new Holiday(date, r.get("name").asText(), Rules.fraction(fractionOf(r))));
                }
            }
        }
        return out;
    }

    private static double fractionOf(JsonNode n) {
        return n.hasNonNull("fraction") ? n.get("fraction").asDouble() : 1.0;
    }

    private static LocalDate ruleDate(JsonNode r, int year) {
        try {
            switch (r.get("type").asText()) {
                case "fixed":
                    return LocalDate.of(year, r.get("month").asInt(), r.get("day").asInt());
                case "nthWeekday": {
                    DayOfWeek wd = DayOfWeek.of(Integer.numberOfTrailingZeros(mask(JSON.createArrayNode().add(r.get("weekday").asText()))) + 1);
                    LocalDate d = LocalDate.of(year, r.get("month").asInt(), 1).with(TemporalAdjusters.dayOfWeekInMonth(r.get("n").asInt(), wd));
                    return d.getMonthValue() == r.get("month").asInt() ? d : null;
                }
                case "lastWeekday": {
                    DayOfWeek wd = DayOfWeek.of(Integer.numberOfTrailingZeros(mask(JSON.createArrayNode().add(r.get("weekday").asText()))) + 1);
                    return LocalDate.of(year, r.get("month").asInt(), 1).with(TemporalAdjusters.lastInMonth(wd));
                }
                default:
                    return easter(year).plusDays(r.get("offset").asLong());
            }
        } catch (java.time.DateTimeException e) {
            return null; // 29 February in a common year: no such date that year
        }
    }

    /** Easter Sunday (Gregorian, the anonymous algorithm). */
    static LocalDate easter(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }
}
