package org.capacitytracker.api.typed;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A request for one iteration's capacity report: the board, the iteration's dates and the
 * work items in it. The board's settings and people's days off are read from storage.
 *
 * <pre>{@code
 * IterationRequest request = IterationRequest.builder("42")
 *     .iteration("3", "Sprint 3", LocalDate.of(2026, 11, 30), LocalDate.of(2026, 12, 11))
 *     .item(WorkItem.builder("DEMO-12").assignee("alice").status(StatusCategory.NEW)
 *         .remainingSeconds(14_400L).build())
 *     .build();
 * IterationReport report = typed.iterationReport(request);
 * }</pre>
 *
 * @param boardId the board whose settings apply
 * @param iteration the iteration's id, name and dates
 * @param items the work items (may be empty)
 */
public record IterationRequest(String boardId, Iteration iteration, List<WorkItem> items) {

    /** Checks the shape only: board, iteration and item list are required. */
    public IterationRequest {
        Objects.requireNonNull(boardId, "boardId");
        Objects.requireNonNull(iteration, "iteration");
        items = List.copyOf(Objects.requireNonNull(items, "items"));
    }

    /**
     * An iteration's identity and dates. {@code start} and {@code end} are instants
     * ({@code 2026-11-30T09:00:00.000+01:00}) or dates ({@code 2026-11-30}), read in the
     * board's time zone; the engine validates them and names the field when one is wrong.
     *
     * @param id the iteration's id
     * @param name its name, or null
     * @param kind sprint, version or range, or null (a sprint)
     * @param start its start instant or date
     * @param end its end instant or date
     * @param asOf the date from which remaining capacity is counted, or null
     */
    public record Iteration(String id, String name, IterationKind kind, String start, String end, String asOf) {
        /** Checks the shape only: start and end are required. */
        public Iteration {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
        }
    }

    /**
     * Starts a request for the board.
     *
     * @param boardId the board's id
     * @return a builder
     */
    public static Builder builder(String boardId) {
        return new Builder(boardId);
    }

    /** Builds an {@link IterationRequest}; the iteration is required. */
    public static final class Builder {
        private final String boardId;
        private Iteration iteration;
        private final List<WorkItem> items = new ArrayList<>();

        private Builder(String boardId) {
            this.boardId = Objects.requireNonNull(boardId, "boardId");
        }

        /** @param iteration the iteration @return this */
        public Builder iteration(Iteration iteration) {
            this.iteration = iteration;
            return this;
        }

        /**
         * A sprint covering the dates from {@code first} to {@code last}, both included.
         *
         * @param id the sprint's id
         * @param name its name
         * @param first its first date
         * @param last its last date
         * @return this
         */
        public Builder iteration(String id, String name, LocalDate first, LocalDate last) {
            return iteration(new Iteration(id, name, null, first.toString(), last.toString(), null));
        }

        /** @param item one more work item @return this */
        public Builder item(WorkItem item) {
            items.add(Objects.requireNonNull(item, "item"));
            return this;
        }

        /** @param more more work items @return this */
        public Builder items(List<WorkItem> more) {
            more.forEach(this::item);
            return this;
        }

        /** @return the request @throws NullPointerException when no iteration was given */
        public IterationRequest build() {
            return new IterationRequest(boardId, Objects.requireNonNull(iteration, "iteration"), items);
        }
    }
}
