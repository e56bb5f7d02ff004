package org.capacitytracker.bench.baseline;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.capacitytracker.api.CapacityEngine;
import org.capacitytracker.api.CapacityNotFoundException;
import org.capacitytracker.api.typed.MultiProjectRequest;

/**
 * The stored documents a multi-project report reads, as the engine stores them: fetched
 * through its JSON API before a Java baseline runs (the baselines have no storage of their
 * own), and parsed by them as part of their work.
 *
 * @param definition the stored report definition's JSON when the request names one, else null
 * @param boards each board's settings JSON, by board id
 * @param daysOff each member's days-off JSON, by account key
 * @param calendars each named holiday calendar's JSON, by id; null when it no longer exists
 */
public record StoredDocuments(String definition, Map<String, String> boards, Map<String, String> daysOff,
        Map<String, String> calendars) {

    /** Reads from {@code engine} every document {@code request} needs. */
    public static StoredDocuments fetch(CapacityEngine engine, MultiProjectRequest request) {
        String definition = request.reportId() == null ? null : engine.getReportDefinition(request.reportId());
        List<String> defined = request.definition() != null ? request.definition().boardIds()
                : Documents.definition(definition).boardIds();
        Set<String> ids = new LinkedHashSet<>(defined == null ? List.of() : defined);
        request.boards().forEach(b -> ids.add(b.boardId()));
        Map<String, String> boards = new LinkedHashMap<>();
        Map<String, String> daysOff = new LinkedHashMap<>();
        Map<String, String> calendars = new LinkedHashMap<>();
        for (String id : ids) {
            String json = engine.getBoardSettings(id);
            boards.put(id, json);
            Documents.Settings settings = Documents.settings(json);
            if (settings.calendarId() != null && !calendars.containsKey(settings.calendarId())) {
                String calendar;
                try {
                    calendar = engine.getCalendar(settings.calendarId());
                } catch (CapacityNotFoundException e) {
                    calendar = null;
                }
                calendars.put(settings.calendarId(), calendar);
            }
            for (Documents.Member m : settings.members()) {
                daysOff.computeIfAbsent(m.accountKey(), engine::getDaysOff);
            }
        }
        return new StoredDocuments(definition, boards, daysOff, calendars);
    }
}
