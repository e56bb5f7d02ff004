package org.capacitytracker.host.jira;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.capacitytracker.host.auth.UserStore;
import org.capacitytracker.host.jira.jql.JqlEvaluator;
import org.capacitytracker.host.jira.jql.JqlException;
import org.capacitytracker.host.jira.jql.JqlParser;
import org.capacitytracker.host.jira.jql.JqlQuery;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Issue search as Jira pages it ({@code expand}, {@code startAt}, {@code maxResults},
 * {@code total}, {@code issues}): used by the platform's /search and by the agile board and
 * sprint issue lists, which run their own scope and then the caller's {@code jql}.
 */
final class IssueSearch {
    private final DemoData data;
    private final UserStore users;
    private final IssueJson issues;

    IssueSearch(DemoData data, UserStore users, IssueJson issues) {
        this.data = data;
        this.users = users;
        this.issues = issues;
    }

    /**
     * Runs {@code jql} over {@code scope}; a JQL problem is Jira's 400, except unknown values
     * when {@code warnings} is given (validateQuery=false), which are added to it.
     */
    List<DemoData.Issue> find(RestCall call, List<DemoData.Issue> scope, String jql, List<String> warnings) throws RestError {
        try {
            JqlQuery query = JqlParser.parse(jql);
            return new JqlEvaluator<>(new DemoJqlFacts(data, users, call.user()))
                    .run(query, JqlNarrowing.narrow(query, data, scope, this::assigneeKeys), warnings);
        } catch (JqlException e) {
            throw RestError.badRequest(e.getMessage());
        }
    }

    /** The user keys an assignee value in JQL names: a user's key or user name (itself when it names nobody). */
    private List<String> assigneeKeys(String value) {
        return users.byKey(value).or(() -> users.byUsername(value)).map(u -> List.of(u.key())).orElse(List.of(value));
    }

    /** The paged result; {@code agile} selects the agile representation and its default fields. */
    ObjectNode page(RestCall call, List<DemoData.Issue> scope, boolean agile) throws RestError {
        // Jira's validateQuery: true (the default) or "strict" refuses unknown values; false or
        // "warn" answers with warningMessages instead.
        String validate = call.param("validateQuery");
        List<String> warnings = validate != null && (validate.equalsIgnoreCase("false") || validate.equalsIgnoreCase("warn"))
                ? new ArrayList<>() : null;
        List<DemoData.Issue> found = find(call, scope, call.param("jql"), warnings);
        int startAt = call.startAt();
        int maxResults = call.maxResults();
        Set<String> fields = IssueFields.select(call.param("fields"), agile);
        Set<String> expand = IssueJson.expansions(call.param("expand"));
        ObjectNode out = PlatformJson.NODES.objectNode();
        out.put("expand", "schema,names");
        out.put("startAt", startAt);
        out.put("maxResults", maxResults);
        out.put("total", found.size());
        ArrayNode list = out.putArray("issues");
        for (DemoData.Issue issue : AgileJson.slice(found, startAt, maxResults)) {
            list.add(issues.issue(call.base, issue, fields, Set.of(), agile));
        }
        List<IssueFields.Field> described = new ArrayList<>();
        for (IssueFields.Field f : IssueFields.ALL) {
            if (fields.contains(f.id()) && (agile || !f.agileOnly())) {
                described.add(f);
            }
        }
        if (expand.contains("names")) {
            out.set("names", IssueJson.names(described));
        }
        if (expand.contains("schema")) {
            out.set("schema", IssueJson.schemas(described));
        }
        if (warnings != null && !warnings.isEmpty()) {
            ArrayNode w = out.putArray("warningMessages");
            warnings.forEach(w::add);
        }
        return out;
    }
}
