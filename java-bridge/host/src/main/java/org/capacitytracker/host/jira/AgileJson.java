package org.capacitytracker.host.jira;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;

/** The JSON shapes of Jira Software's agile REST ({@code /rest/agile/1.0}): boards, sprints, versions, pages. */
final class AgileJson {
    /** Jira's instant format: milliseconds and a numeric offset with a colon. */
    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

    private AgileJson() {
    }

    /**
     * Jira Agile's page: {@code maxResults}, {@code startAt}, optionally {@code total},
     * {@code isLast} and {@code values}.
     */
    static <T> ObjectNode page(List<T> all, int startAt, int maxResults, boolean withTotal, Function<T, ObjectNode> render) {
        ObjectNode out = PlatformJson.NODES.objectNode();
        out.put("maxResults", maxResults);
        out.put("startAt", startAt);
        if (withTotal) {
            out.put("total", all.size());
        }
        out.put("isLast", (long) startAt + maxResults >= all.size());
        ArrayNode values = out.putArray("values");
        for (T item : slice(all, startAt, maxResults)) {
            values.add(render.apply(item));
        }
        return out;
    }

    static <T> List<T> slice(List<T> all, int startAt, int maxResults) {
        if (startAt >= all.size()) {
            return List.of();
        }
        return all.subList(startAt, (int) Math.min(all.size(), (long) startAt + maxResults));
    }

    static ObjectNode board(String base, DemoData.Board b) {
        ObjectNode node = PlatformJson.NODES.objectNode();
        node.put("id", b.id());
        node.put("self", base + "/rest/agile/1.0/board/" + b.id());
        node.put("name", b.name());
        node.put("type", b.type());
        ObjectNode location = node.putObject("location");
        DemoData.Project p = b.project();
        String display = p.name() + " (" + p.key() + ")";
        location.put("projectId", p.id());
        location.put("displayName", display);
        location.put("projectName", p.name());
        location.put("projectKey", p.key());
        location.put("projectTypeKey", "software");
        location.put("avatarURI", base + "/secure/projectavatar?size=xsmall&avatarId=10324");
        location.put("name", display);
        return node;
    }

    static ObjectNode boardConfiguration(String base, DemoData.Board b) {
        ObjectNode node = PlatformJson.NODES.objectNode();
        node.put("id", b.id());
        node.put("name", b.name());
        node.put("type", b.type());
        node.put("self", base + "/rest/agile/1.0/board/" + b.id() + "/configuration");
        ObjectNode location = node.putObject("location");
        location.put("type", "project");
        location.put("key", b.project().key());
        location.put("id", Long.toString(b.project().id()));
        location.put("self", base + "/rest/api/2/project/" + b.project().id());
        location.put("name", b.project().name());
        ObjectNode filter = node.putObject("filter");
        filter.put("id", "10000");
        filter.put("self", base + "/rest/api/2/filter/10000");
        ObjectNode columnConfig = node.putObject("columnConfig");
        ArrayNode columns = columnConfig.putArray("columns");
        for (DemoData.Status status : DemoData.Status.values()) {
            ObjectNode column = columns.addObject();
            column.put("name", status.displayName);
            ObjectNode st = column.putArray("statuses").addObject();
            st.put("id", status.id);
            st.put("self", base + "/rest/api/2/status/" + status.id);
        }
        columnConfig.put("constraintType", "issueCount");
        ObjectNode estimation = node.putObject("estimation");
        estimation.put("type", "field");
        ObjectNode field = estimation.putObject("field");
        field.put("fieldId", DemoData.STORY_POINTS_FIELD);
        field.put("displayName", "Story Points");
        node.putObject("ranking").put("rankCustomFieldId", 10105);
        return node;
    }

    static ObjectNode sprint(String base, DemoData.Sprint s) {
        ObjectNode node = PlatformJson.NODES.objectNode();
        node.put("id", s.id());
        node.put("self", base + "/rest/agile/1.0/sprint/" + s.id());
        node.put("state", s.state());
        node.put("name", s.name());
        // An imported future sprint may have no dates yet; Jira then leaves them out.
        if (s.start() != null) {
            node.put("startDate", instant(s.start()));
        }
        if (s.end() != null) {
            node.put("endDate", instant(s.end()));
        }
        if (!"future".equals(s.state()) && s.start() != null) {
            node.put("activatedDate", instant(s.start()));
        }
        if (s.complete() != null) {
            node.put("completeDate", instant(s.complete()));
        }
        node.put("originBoardId", s.boardId());
        node.put("goal", s.goal());
        return node;
    }

    /** A version as the agile board/{id}/version lists it (release date as an instant). */
    static ObjectNode version(String base, DemoData.Version v) {
        ObjectNode node = PlatformJson.NODES.objectNode();
        node.put("self", base + "/rest/api/2/version/" + v.id());
        node.put("id", v.id());
        node.put("projectId", v.projectId());
        node.put("name", v.name());
        node.put("description", v.description());
        node.put("archived", v.archived());
        node.put("released", v.released());
        // Both dates as instants at the team's local midnight, the way the list gives releaseDate;
        // a Kanban board's capacity plans a version from its start to its release date.
        if (v.startDate() != null) {
            node.put("startDate", instant(v.startDate().atTime(LocalTime.MIDNIGHT).atZone(DemoData.TEAM_ZONE)));
        }
        if (v.releaseDate() != null) {
            node.put("releaseDate", instant(v.releaseDate().atTime(LocalTime.MIDNIGHT).atZone(DemoData.TEAM_ZONE)));
        }
        return node;
    }

    static String instant(ZonedDateTime t) {
        return INSTANT.format(t);
    }
}
