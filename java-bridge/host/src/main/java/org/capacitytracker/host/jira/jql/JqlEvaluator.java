package org.capacitytracker.host.jira.jql;

import org.capacitytracker.host.jira.jql.JqlQuery.Clause;
import org.capacitytracker.host.jira.jql.JqlQuery.Operand;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Runs a {@link JqlQuery} over a list of issues, with Jira's semantics for the negative
 * operators: {@code assignee != alice} and {@code NOT IN} never match an issue whose field is
 * empty; {@code IS EMPTY} and {@code = EMPTY} match exactly those.
 *
 * @param <T> the issue type; {@link Facts} tells the evaluator what each issue holds
 */
public final class JqlEvaluator<T> {

    /** What the evaluator needs to know about issues and the world around them. */
    public interface Facts<T> {
        /** Every spelling of the issue's values for {@code field} (key, id, name...); empty if the field is empty. */
        List<String> values(T issue, String field);

        /** The values function {@code name} (lower case, e.g. {@code opensprints}) stands for. */
        Set<String> function(String name);

        /** Whether {@code value} names something that exists for {@code field} (Jira refuses unknown values). */
        boolean exists(String field, String value);

        /** The value to sort by; null sorts as empty. */
        Comparable<?> sortValue(T issue, String sortKey);
    }

    private final Facts<T> facts;

    public JqlEvaluator(Facts<T> facts) {
        this.facts = facts;
    }

    /** The issues matching {@code query}, in its order (stable: ties keep the input order). */
    public List<T> run(JqlQuery query, List<T> issues) throws JqlException {
        return run(query, issues, null);
    }

    /**
     * As {@link #run(JqlQuery, List)}; with {@code warnings} non-null, an unknown value is not an
     * error but a warning added there (Jira's {@code validateQuery=false}), and matches nothing.
     */
    public List<T> run(JqlQuery query, List<T> issues, List<String> warnings) throws JqlException {
        if (query.where() != null) {
            try {
                validate(query.where());
            } catch (JqlException e) {
                if (warnings == null || !e.getMessage().startsWith("The value '")) {
                    throw e;
                }
                warnings.add(e.getMessage());
            }
        }
        List<T> out = new ArrayList<>();
        for (T issue : issues) {
            if (query.where() == null || matches(query.where(), issue)) {
                out.add(issue);
            }
        }
        if (!query.orderBy().isEmpty()) {
            out.sort(comparator(query.orderBy()));
        }
        return out;
    }

    private void validate(Clause clause) throws JqlException {
        if (clause instanceof JqlQuery.And and) {
            for (Clause c : and.clauses()) {
                validate(c);
            }
        } else if (clause instanceof JqlQuery.Or or) {
            for (Clause c : or.clauses()) {
                validate(c);
            }
        } else if (clause instanceof JqlQuery.Not not) {
            validate(not.clause());
        } else if (clause instanceof JqlQuery.Terminal t) {
            for (Operand operand : t.operands()) {
                if (operand instanceof JqlQuery.Value v && !facts.exists(t.field(), v.text())) {
                    throw new JqlException("The value '" + v.text() + "' does not exist for the field '" + t.field() + "'.");
                }
            }
        }
    }

    boolean matches(Clause clause, T issue) {
        if (clause instanceof JqlQuery.And and) {
            return and.clauses().stream().allMatch(c -> matches(c, issue));
        }
        if (clause instanceof JqlQuery.Or or) {
            return or.clauses().stream().anyMatch(c -> matches(c, issue));
        }
        if (clause instanceof JqlQuery.Not not) {
            return !matches(not.clause(), issue);
        }
        return matchesTerminal((JqlQuery.Terminal) clause, issue);
    }

    /** A terminal's operands, worked out once per search rather than once per issue (openSprints() may be thousands). */
    private record Wanted(Set<String> values, boolean empty) {
    }

    private final java.util.Map<JqlQuery.Terminal, Wanted> wantedByTerminal = new java.util.IdentityHashMap<>();

    private Wanted wanted(JqlQuery.Terminal t) {
        Wanted cached = wantedByTerminal.get(t);
        if (cached != null) {
            return cached;
        }
        boolean wantsEmpty = false;
        Set<String> wanted = new HashSet<>();
        for (Operand operand : t.operands()) {
            if (operand instanceof JqlQuery.Empty) {
                wantsEmpty = true;
            } else if (operand instanceof JqlQuery.Value v) {
                wanted.add(v.text().toLowerCase(Locale.ROOT));
            } else if (operand instanceof JqlQuery.Function f) {
                wanted.addAll(lower(facts.function(f.name().toLowerCase(Locale.ROOT))));
            }
        }
        Wanted made = new Wanted(wanted, wantsEmpty);
        wantedByTerminal.put(t, made);
        return made;
    }

    private boolean matchesTerminal(JqlQuery.Terminal t, T issue) {
        Set<String> have = lower(facts.values(issue, t.field()));
        Wanted w = wanted(t);
        boolean wantsEmpty = w.empty();
        Set<String> wanted = w.values();
        boolean hit = (wantsEmpty && have.isEmpty()) || have.stream().anyMatch(wanted::contains);
        if (!t.operator().negated()) {
            return hit;
        }
        // != and NOT IN never match an empty field; IS NOT EMPTY matches every non-empty one.
        return !have.isEmpty() && !hit;
    }

    private static Set<String> lower(Iterable<String> values) {
        Set<String> out = new HashSet<>();
        for (String v : values) {
            out.add(v.toLowerCase(Locale.ROOT));
        }
        return out;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Comparator<T> comparator(List<JqlQuery.SortKey> keys) {
        Comparator<T> result = (a, b) -> 0;
        for (JqlQuery.SortKey key : keys) {
            Comparator<Comparable> order = key.descending()
                    ? Comparator.nullsFirst(Comparator.<Comparable>naturalOrder().reversed())
                    : Comparator.nullsLast(Comparator.<Comparable>naturalOrder());
            Comparator<T> one = (a, b) -> order.compare((Comparable) facts.sortValue(a, key.field()),
                    (Comparable) facts.sortValue(b, key.field()));
            result = result.thenComparing(one);
        }
        return result;
    }
}
