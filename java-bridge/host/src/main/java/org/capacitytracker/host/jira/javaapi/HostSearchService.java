package org.capacitytracker.host.jira.javaapi;

import com.atlassian.jira.bc.issue.search.SearchService;
import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.issue.search.SearchException;
import com.atlassian.jira.issue.search.SearchResults;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.jira.util.MessageSet;
import com.atlassian.jira.web.bean.PagerFilter;
import com.atlassian.query.Query;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.capacitytracker.host.auth.HostUser;
import org.capacitytracker.host.jira.JiraWorkSource.WorkIssue;
import org.capacitytracker.host.jira.VisibleWork;

/**
 * Jira's {@code SearchService} for the queries a capacity report asks: the issues of one
 * sprint or one fix version, by id ({@code sprint = 7}, {@code fixVersion = 10001}), the issues
 * of several sprints ({@code sprint in (7, 8)}: a Scrum board's sprints in one search), and a
 * project's open, assigned issues ({@code project = "OPS" AND statusCategory != done AND
 * assignee IS NOT EMPTY}: a Kanban board's date range), optionally {@code ORDER BY key [ASC]}. Any other JQL is refused with a parse error naming what the host
 * answers, rather than answered wrongly: the host's REST search has the full JQL subset, this
 * service only what the plugin's Java path needs.
 *
 * <p>Results carry Jira's browse permission through {@link VisibleWork}: the searcher is
 * looked up again by key on every search (so a user deactivated since is refused), an
 * anonymous searcher (null) sees what anonymous users may browse — nothing in the demo.
 * Pages are cut after the permission check, so {@code getTotal()} counts visible issues only,
 * as Jira's does. Unlike Jira, an unknown sprint or version id is not a parse error: it
 * matches no issues.
 */
public final class HostSearchService implements SearchService {
    private static final Pattern JQL = Pattern.compile(
            "\\s*(sprint|fixVersion)\\s*=\\s*(\\d{1,18})\\s*(?:order\\s+by\\s+(?:key|issuekey)(?:\\s+asc)?\\s*)?",
            Pattern.CASE_INSENSITIVE);
    /** Several sprints by id: {@code sprint in (7, 8, 9)}. */
    private static final Pattern SPRINTS = Pattern.compile(
            "\\s*sprint\\s+in\\s*\\(\\s*(\\d{1,18}(?:\\s*,\\s*\\d{1,18})*)\\s*\\)\\s*"
            + "(?:order\\s+by\\s+(?:key|issuekey)(?:\\s+asc)?\\s*)?",
            Pattern.CASE_INSENSITIVE);
    /** A Kanban board's range: its project's open, assigned issues. */
    private static final Pattern OPEN_ASSIGNED = Pattern.compile(
            "\\s*project\\s*=\\s*(\"?)([A-Z][A-Z0-9_]{0,254})\\1\\s+and\\s+statusCategory\\s*!=\\s*\"?done\"?"
            + "\\s+and\\s+assignee\\s+is\\s+not\\s+empty\\s*(?:order\\s+by\\s+(?:key|issuekey)(?:\\s+asc)?\\s*)?",
            Pattern.CASE_INSENSITIVE);
    /** Jira's own ceiling on one page of a search (jira.search.views.default.max). */
    static final int MAX_PAGE = 1000;

    /**
     * Test only: milliseconds every search waits first, from the environment variable
     * {@code CT_HOST_SEARCH_DELAY_MS} (0 when unset or not a number, at most 10 s). The browser
     * spec server-report.test.js holds a server-side report running with it long enough to
     * cancel it; no timing is asserted.
     */
    static final long DELAY_MS = delayFromEnvironment(System.getenv("CT_HOST_SEARCH_DELAY_MS"));

    private final VisibleWork work;
    private final Function<String, Optional<HostUser>> byKey;
    private final long delayMs;

    /**
     * @param work the data with Jira's permissions
     * @param byKey the host's user lookup by key
     */
    public HostSearchService(VisibleWork work, Function<String, Optional<HostUser>> byKey) {
        this(work, byKey, DELAY_MS);
    }

    HostSearchService(VisibleWork work, Function<String, Optional<HostUser>> byKey, long delayMs) {
        this.work = Objects.requireNonNull(work, "work");
        this.byKey = Objects.requireNonNull(byKey, "byKey");
        this.delayMs = delayMs;
    }

    static long delayFromEnvironment(String value) {
        try {
            return value == null ? 0 : Math.max(0, Math.min(10_000, Long.parseLong(value.trim())));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** A parsed query: which kind of iteration and its id. */
    private record IterationQuery(String field, long id, boolean orderByKey, String text) implements Query {
        @Override
        public String getQueryString() {
            return text;
        }
    }

    /** A parsed query of several sprints' issues. */
    private record SprintsQuery(List<Long> ids, boolean orderByKey, String text) implements Query {
        @Override
        public String getQueryString() {
            return text;
        }
    }

    /** A parsed query of a project's open, assigned issues. */
    private record OpenAssignedQuery(String projectKey, boolean orderByKey, String text) implements Query {
        @Override
        public String getQueryString() {
            return text;
        }
    }

    private record Messages(Set<String> errors) implements MessageSet {
        @Override
        public boolean hasAnyErrors() {
            return !errors.isEmpty();
        }

        @Override
        public Set<String> getErrorMessages() {
            return errors;
        }
    }

    @Override
    public ParseResult parseQuery(ApplicationUser searcher, String query) {
        if (query == null || query.isBlank()) {
            return new ParseResult(null, new Messages(Set.of("The JQL query is empty.")));
        }
        boolean ordered = query.toLowerCase(Locale.ROOT).contains("order");
        Matcher open = OPEN_ASSIGNED.matcher(query);
        if (open.matches()) {
            return new ParseResult(new OpenAssignedQuery(open.group(2), ordered, query.strip()), new Messages(Set.of()));
        }
        Matcher several = SPRINTS.matcher(query);
        if (several.matches()) {
            List<Long> ids = java.util.Arrays.stream(several.group(1).split(",")).map(String::strip)
                    .map(Long::valueOf).toList();
            return new ParseResult(new SprintsQuery(ids, ordered, query.strip()), new Messages(Set.of()));
        }
        Matcher m = JQL.matcher(query);
        if (!m.matches()) {
            return new ParseResult(null, new Messages(Set.of("This host's SearchService answers only"
                    + " 'sprint = <id>', 'sprint in (<id>, ...)', 'fixVersion = <id>' or 'project = <KEY> AND statusCategory != done AND"
                    + " assignee IS NOT EMPTY' (optionally ORDER BY key ASC), not: " + query)));
        }
        String field = m.group(1).toLowerCase(Locale.ROOT);
        return new ParseResult(new IterationQuery(field, Long.parseLong(m.group(2)), ordered, query.strip()),
                new Messages(Set.of()));
    }

    @Override
    public SearchResults<Issue> search(ApplicationUser searcher, Query query, PagerFilter pager) throws SearchException {
        if (!(query instanceof IterationQuery) && !(query instanceof OpenAssignedQuery)
                && !(query instanceof SprintsQuery)) {
            throw new SearchException("The query was not made by this SearchService's parseQuery: " + query);
        }
        if (pager == null) {
            throw new IllegalArgumentException("pager must not be null (Jira requires one; use new PagerFilter(start, max))");
        }
        if (pager.getStart() < 0 || pager.getMax() < 0) {
            throw new IllegalArgumentException("pager start and max must not be negative: " + pager.getStart() + ", "
                    + pager.getMax());
        }
        if (delayMs > 0) {
            try {
                Thread.sleep(delayMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SearchException("interrupted");
            }
        }
        HostUser viewer = searcher == null ? null : byKey.apply(searcher.getKey()).orElse(null);
        if (searcher != null && viewer == null) {
            throw new SearchException("Unknown searcher: " + searcher.getKey());
        }
        List<WorkIssue> visible = new ArrayList<>();
        boolean orderByKey;
        if (query instanceof OpenAssignedQuery open) {
            // Jira's statusCategory != done keeps issues of the other two categories (and of none).
            work.projectIssues(viewer, open.projectKey(), i -> {
                if (!"done".equals(i.statusCategory()) && i.assigneeKey() != null) {
                    visible.add(i);
                }
            });
            orderByKey = open.orderByKey();
        } else if (query instanceof SprintsQuery sprints) {
            work.sprintsIssues(viewer, sprints.ids(), visible::add);
            orderByKey = sprints.orderByKey();
        } else {
            IterationQuery q = (IterationQuery) query;
            if (q.field().equals("sprint")) {
                work.sprintIssues(viewer, q.id(), visible::add);
            } else {
                work.versionIssues(viewer, q.id(), visible::add);
            }
            orderByKey = q.orderByKey();
        }
        if (orderByKey) {
            visible.sort(Comparator.comparing((WorkIssue i) -> i.projectKey()).thenComparingLong(HostSearchService::number));
        }
        int max = Math.min(pager.getMax(), MAX_PAGE);
        int from = Math.min(pager.getStart(), visible.size());
        int to = (int) Math.min((long) from + max, visible.size());
        List<Issue> page = visible.subList(from, to).stream().map(i -> (Issue) new HostIssue(i, work)).toList();
        return new SearchResults<>(page, visible.size(), max, from);
    }

    private static long number(WorkIssue issue) {
        String key = issue.key();
        return Long.parseLong(key.substring(key.lastIndexOf('-') + 1));
    }
}
