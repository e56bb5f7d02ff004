package org.capacitytracker.host.jira.jql;

import java.util.List;

/**
 * A parsed JQL query: an optional condition (null matches every issue) and the
 * {@code ORDER BY} keys in order.
 *
 * <pre>{@code JqlQuery q = JqlParser.parse("project = DEMO AND sprint in openSprints() ORDER BY key DESC");}</pre>
 */
public record JqlQuery(Clause where, List<SortKey> orderBy) {

    /** One node of the condition tree. */
    public sealed interface Clause permits And, Or, Not, Terminal {
    }

    public record And(List<Clause> clauses) implements Clause {
    }

    public record Or(List<Clause> clauses) implements Clause {
    }

    public record Not(Clause clause) implements Clause {
    }

    /**
     * {@code field operator operand}: {@code field} is the canonical field name (see
     * {@link JqlFields}); {@code text} is the clause as written, for error messages.
     */
    public record Terminal(String field, Operator operator, List<Operand> operands, String text) implements Clause {
    }

    public enum Operator {
        EQUALS("="), NOT_EQUALS("!="), IN("in"), NOT_IN("not in"), IS("is"), IS_NOT("is not");

        public final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        public boolean negated() {
            return this == NOT_EQUALS || this == NOT_IN || this == IS_NOT;
        }
    }

    /** A literal value, {@code EMPTY}/{@code NULL}, or a function call such as {@code openSprints()}. */
    public sealed interface Operand permits Value, Empty, Function {
    }

    public record Value(String text) implements Operand {
    }

    public record Empty() implements Operand {
    }

    public record Function(String name) implements Operand {
    }

    public record SortKey(String field, boolean descending) {
    }
}
