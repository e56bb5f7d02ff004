package org.capacitytracker.host.jira;

import org.capacitytracker.host.jira.jql.JqlQuery;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Narrows a search's scope through the dataset's indexes before the JQL evaluator looks at
 * each issue: a query whose top level requires {@code sprint = / in} or {@code project = / in}
 * literal values can only match the issues of those sprints or projects. The evaluator then
 * runs the whole query on what is left, so the answer is the same; with a million issues it
 * reads a sprint's few dozen instead of every one.
 */
final class JqlNarrowing {
    private JqlNarrowing() {
    }

    /** {@code scope} or the part of it the query can match, in {@code scope}'s order. */
    static List<DemoData.Issue> narrow(JqlQuery query, DemoData data, List<DemoData.Issue> scope) {
        if (query.where() == null) {
            return scope;
        }
        List<JqlQuery.Clause> required = query.where() instanceof JqlQuery.And and ? and.clauses() : List.of(query.where());
        List<DemoData.Issue> best = null;
        for (JqlQuery.Clause clause : required) {
            List<DemoData.Issue> candidates = candidates(clause, data);
            if (candidates != null && (best == null || candidates.size() < best.size())) {
                best = candidates;
            }
        }
        if (best == null || best.size() >= scope.size()) {
            return scope;
        }
        if (scope == data.allIssues()) {
            // The index lists are in the dataset's order; several of them are merged back into it.
            return best;
        }
        Set<DemoData.Issue> allowed = Collections.newSetFromMap(new IdentityHashMap<>());
        allowed.addAll(best);
        return scope.stream().filter(allowed::contains).toList();
    }

    /** The issues a clause can match, or null when the indexes cannot tell. */
    private static List<DemoData.Issue> candidates(JqlQuery.Clause clause, DemoData data) {
        if (!(clause instanceof JqlQuery.Terminal t)
                || (t.operator() != JqlQuery.Operator.EQUALS && t.operator() != JqlQuery.Operator.IN)) {
            return null;
        }
        List<String> values = new ArrayList<>();
        for (JqlQuery.Operand operand : t.operands()) {
            if (!(operand instanceof JqlQuery.Value v)) {
                return null;
            }
            values.add(v.text().toLowerCase(Locale.ROOT));
        }
        List<List<DemoData.Issue>> lists = new ArrayList<>();
        switch (t.field()) {
            case "sprint" -> data.allSprints().stream()
                    .filter(s -> values.contains(Long.toString(s.id())) || values.contains(s.name().toLowerCase(Locale.ROOT)))
                    .forEach(s -> lists.add(data.issuesInSprint(s.id())));
            case "project" -> data.projects().stream()
                    .filter(p -> values.contains(p.key().toLowerCase(Locale.ROOT)) || values.contains(Long.toString(p.id()))
                            || values.contains(p.name().toLowerCase(Locale.ROOT)))
                    .forEach(p -> lists.add(data.issuesInProject(p.id())));
            default -> {
                return null;
            }
        }
        if (lists.size() == 1) {
            return lists.get(0);
        }
        // Several sprints or projects: back into the dataset's order (a membership test per
        // issue, far cheaper than evaluating the query on each).
        Set<DemoData.Issue> union = Collections.newSetFromMap(new IdentityHashMap<>());
        lists.forEach(union::addAll);
        return data.allIssues().stream().filter(union::contains).toList();
    }
}
