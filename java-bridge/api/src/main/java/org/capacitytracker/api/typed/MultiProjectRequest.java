package org.capacitytracker.api.typed;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A request for a multi-project report: a stored definition ({@code reportId}) or one given
 * inline ({@code definition}) — the engine requires exactly one —, plus each board's
 * iterations with their work items.
 *
 * <pre>{@code
 * MultiProjectRequest request = MultiProjectRequest.builder()
 *     .definition(new MultiProjectRequest.Definition("March", List.of("A", "B"), null,
 *         new MultiProjectRequest.Period("2026-03-02", "2026-03-22"),
 *         MultiProjectRequest.Bucket.WEEK, MultiProjectRequest.Grouping.PERSON))
 *     .board("A", List.of(new MultiProjectRequest.BoardIteration("A1", null, "2026-03-02", "2026-03-13",
 *         List.of(WorkItem.builder("A-1").assignee("alice").status(StatusCategory.NEW)
 *             .remainingSeconds(86_400L).build()))))
 *     .build();
 * MultiProjectReport report = typed.multiProjectReport(request);
 * }</pre>
 *
 * @param reportId the id of a stored report definition, or null
 * @param definition an inline definition, or null
 * @param boards each board's iterations
 */
public record MultiProjectRequest(String reportId, Definition definition, List<Board> boards) {

    /** Checks the shape only: the board list is required (it may be empty). */
    public MultiProjectRequest {
        boards = List.copyOf(Objects.requireNonNull(boards, "boards"));
    }

    /** The length of a report's columns. */
    public enum Bucket {
        /** ISO weeks. */
        WEEK,
        /** Calendar months. */
        MONTH,
        /** Calendar quarters. */
        QUARTER
    }

    /** What a report's rows are. */
    public enum Grouping {
        /** One row per person. */
        PERSON,
        /** One row per role. */
        ROLE,
        /** One row per board. */
        BOARD
    }

    /**
     * A report definition, as stored by {@code putReportDefinition}.
     *
     * @param name the report's name
     * @param boardIds the boards it covers, or null
     * @param projectKeys the projects it covers (the caller resolves them to boards), or null
     * @param period the dates it covers
     * @param bucket the column length, or null for the engine's default
     * @param grouping the rows, or null for the engine's default
     */
    public record Definition(String name, List<String> boardIds, List<String> projectKeys, Period period,
            Bucket bucket, Grouping grouping) {
        /** Copies the lists; null stays null (left out). */
        public Definition {
            boardIds = boardIds == null ? null : List.copyOf(boardIds);
            projectKeys = projectKeys == null ? null : List.copyOf(projectKeys);
        }

        /**
         * Reads a definition given as JSON (as a client posts it inline), by shape only: the
         * engine still validates every value when the report runs. Fields the record does not
         * have are ignored.
         *
         * @param json a JSON object with the definition's fields
         * @return the definition
         * @throws IllegalArgumentException when the text is not JSON or a field has the wrong type
         */
        public static Definition fromJson(String json) {
            return RecordJson.read(Objects.requireNonNull(json, "json"), Definition.class);
        }
    }

    /**
     * What a report request covers: a stored definition's id, or an inline definition (which
     * wins when both are given, as in the engine). Read from a request's JSON, whose other
     * members (its boards) are ignored.
     *
     * @param reportId the stored definition's id, or null
     * @param definition the inline definition, or null
     */
    public record Scope(String reportId, Definition definition) {
        /**
         * @param json {@code {"reportId": ...}} or {@code {"definition": {...}}}
         * @return the scope
         * @throws IllegalArgumentException when the text is not JSON, a member has the wrong
         *     type, or it has neither member
         */
        public static Scope fromJson(String json) {
            Scope scope = RecordJson.read(Objects.requireNonNull(json, "json"), Scope.class);
            if (scope.reportId() == null && scope.definition() == null) {
                throw new IllegalArgumentException("a report request needs reportId or definition");
            }
            return scope;
        }
    }

    /**
     * A period, both dates included ({@code YYYY-MM-DD}; the engine validates them).
     *
     * @param start the first date
     * @param end the last date
     */
    public record Period(String start, String end) {
    }

    /**
     * One board's iterations in the report.
     *
     * @param boardId the board's id
     * @param iterations its iterations overlapping the period
     */
    public record Board(String boardId, List<BoardIteration> iterations) {
        /** Checks the shape only. */
        public Board {
            Objects.requireNonNull(boardId, "boardId");
            iterations = List.copyOf(Objects.requireNonNull(iterations, "iterations"));
        }
    }

    /**
     * One iteration of a board with its work items.
     *
     * @param id the iteration's id
     * @param kind sprint, version or range, or null (a sprint)
     * @param start its start instant or date
     * @param end its end instant or date
     * @param items its work items
     */
    public record BoardIteration(String id, IterationKind kind, String start, String end, List<WorkItem> items) {
        /** Checks the shape only. */
        public BoardIteration {
            items = List.copyOf(Objects.requireNonNull(items, "items"));
        }
    }

    /** @return a builder with no definition and no boards */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link MultiProjectRequest}. */
    public static final class Builder {
        private String reportId;
        private Definition definition;
        private final List<Board> boards = new ArrayList<>();

        private Builder() {
        }

        /** @param id a stored definition's id @return this */
        public Builder reportId(String id) {
            this.reportId = id;
            return this;
        }

        /** @param definition an inline definition @return this */
        public Builder definition(Definition definition) {
            this.definition = definition;
            return this;
        }

        /** @param board one more board @return this */
        public Builder board(Board board) {
            boards.add(Objects.requireNonNull(board, "board"));
            return this;
        }

        /** @param boardId the board @param iterations its iterations @return this */
        public Builder board(String boardId, List<BoardIteration> iterations) {
            return board(new Board(boardId, iterations));
        }

        /** @return the request */
        public MultiProjectRequest build() {
            return new MultiProjectRequest(reportId, definition, boards);
        }
    }
}
