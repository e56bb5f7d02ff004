package org.capacitytracker.host.jira;

import org.capacitytracker.host.jira.jql.JqlException;
import org.capacitytracker.host.jira.jql.JqlQuery;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Narrows a search's scope through the dataset's indexes before the JQL evaluator looks at
 * each issue: a query whose top level requires {@code sprint = / in} or {@code project = / in}
 * literal values can only match the issues of those sprints or projects. The evaluator then
 * runs the whole query on what is left, so the answer is the same; with a million issues it
 * reads a sprint's few dozen instead of every one.
 *
 * <p>A dataset whose issues stay in the database ({@link DemoData#isBacked()}) is narrowed
 * by its store's indexed queries, by {@code assignee}, {@code fixVersion} and {@code key} too;
 * a search over every issue that none of these narrows is refused with Jira's 400 and a
 * message, never answered by reading the whole table.
 */
final class JqlNarrowing {
    private JqlNarrowing() {
    }

    /** The message of a search over a database-backed dataset that no indexed clause narrows. */
    static final String TOO_BROAD = "This search would read every issue: the host serves this dataset from its "
            + "database and answers a search whose JQL requires sprint, project, fixVersion, assignee or key "
            + "(= or in, with values) at its top level";

    /** {@code scope} or the part of it the query can match, in {@code scope}'s order. */
    static List<DemoData.Issue> narrow(JqlQuery query, DemoData data, List<DemoData.Issue> scope) throws JqlException {
        return narrow(query, data, scope, List::of);
    }

    /**
     * @param assigneeKeys the user keys an assignee value names (a backed dataset's store is
     *     queried by key; a value naming nobody narrows to no issue)
     * @throws JqlException when {@code data} is backed, the scope is every issue and no clause narrows it
     */
    static List<DemoData.Issue> narrow(JqlQuery query, DemoData data, List<DemoData.Issue> scope,
            Function<String, List<String>> assigneeKeys) throws JqlException {
        boolean everything = scope == data.allIssues();
        if (query.where() == null) {
            if (data.isBacked() && everything) {
                throw new JqlException(TOO_BROAD);
            }
            return scope;
        }
        List<JqlQuery.Clause> required = query.where() instanceof JqlQuery.And and ? and.clauses() : List.of(query.where());
        List<DemoData.Issue> best = null;
        for (JqlQuery.Clause clause : required) {
            List<DemoData.Issue> candidates = candidates(clause, data, assigneeKeys);
            if (candidates != null && (best == null || candidates.size() < best.size())) {
                best = candidates;
            }
        }
        if (data.isBacked() && everything) {
            if (best == null) {
                throw new JqlException(TOO_BROAD);
            }
            return best;
        }
        if (best == null || best.size() >= scope.size()) {
            return scope;
        }
        if (everything) {
            // The index lists are in the dataset's order; several of them are merged back into it.
            return best;
        }
        // A backed dataset's lists are read afresh by each query: equal issues, not the same objects.
        Set<DemoData.Issue> allowed = data.isBacked() ? new java.util.HashSet<>()
                : Collections.newSetFromMap(new IdentityHashMap<>());
        allowed.addAll(best);
        return scope.stream().filter(allowed::contains).toList();
    }

    /** The issues a clause can match, or null when the indexes cannot tell. */
    private static List<DemoData.Issue> candidates(JqlQuery.Clause clause, DemoData data,
            Function<String, List<String>> assigneeKeys) {
        if (!(clause instanceof JqlQuery.Terminal t)
                || (t.operator() != JqlQuery.Operator.EQUALS && t.operator() != JqlQuery.Operator.IN)) {
            return null;
        }
        List<String> values = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (JqlQuery.Operand operand : t.operands()) {
            if (!(operand instanceof JqlQuery.Value v)) {
                return null;
            }
            values.add(v.text().toLowerCase(Locale.ROOT));
            texts.add(v.text());
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
            case "assignee" -> {
                if (!data.isBacked()) {
                    return null;
                }
                texts.stream().flatMap(v -> assigneeKeys.apply(v).stream()).distinct()
                        .forEach(k -> lists.add(data.store().byAssignee(k)));
            }
            case "fixVersion" -> {
                if (!data.isBacked()) {
                    return null;
                }
                data.projects().stream().flatMap(p -> data.versions(p.id()).stream())
                        .filter(v -> values.contains(Long.toString(v.id())) || values.contains(v.name().toLowerCase(Locale.ROOT)))
                        .forEach(v -> lists.add(data.store().byFixVersion(v.id())));
            }
            case "key" -> {
                if (!data.isBacked()) {
                    return null;
                }
                texts.forEach(k -> data.issue(k).ifPresent(i -> lists.add(List.of(i))));
            }
            default -> {
                return null;
            }
        }
        if (lists.size() == 1) {
            return lists.get(0);
        }
        if (data.isBacked()) {
            // Each list is in id order; their union back into it, each issue once.
            java.util.Map<Long, DemoData.Issue> byId = new java.util.TreeMap<>();
            lists.forEach(l -> l.forEach(i -> byId.putIfAbsent(i.id(), i)));
            return List.copyOf(byId.values());
        }
        // Several sprints or projects: back into the dataset's order (a membership test per
        // issue, far cheaper than evaluating the query on each).
        Set<DemoData.Issue> union = Collections.newSetFromMap(new IdentityHashMap<>());
        lists.forEach(union::addAll);
        return data.allIssues().stream().filter(union::contains).toList();
    }
}
