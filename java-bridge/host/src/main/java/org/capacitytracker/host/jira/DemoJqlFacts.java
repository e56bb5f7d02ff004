package org.capacitytracker.host.jira;

import org.capacitytracker.host.auth.HostUser;
import org.capacitytracker.host.auth.UserStore;
import org.capacitytracker.host.jira.jql.JqlEvaluator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** What JQL can ask of the demo's issues, for one caller (whose name {@code currentUser()} is). */
final class DemoJqlFacts implements JqlEvaluator.Facts<DemoData.Issue> {
    private final DemoData data;
    private final UserStore users;
    private final HostUser caller;

    DemoJqlFacts(DemoData data, UserStore users, HostUser caller) {
        this.data = data;
        this.users = users;
        this.caller = caller;
    }

    @Override
    public List<String> values(DemoData.Issue i, String field) {
        List<String> out = new ArrayList<>();
        switch (field) {
            case "project" -> {
                DemoData.Project p = data.projectOf(i);
                out.addAll(List.of(p.key(), Long.toString(p.id()), p.name()));
            }
            case "sprint" -> data.sprint(i.sprintId()).ifPresent(s -> out.addAll(List.of(Long.toString(s.id()), s.name())));
            case "assignee" -> {
                if (i.assignee() != null) {
                    out.add(i.assignee());
                    person(i.assignee()).ifPresent(u -> out.addAll(List.of(u.username(), u.displayName(), u.email())));
                }
            }
            case "statusCategory" -> out.addAll(List.of(i.status().category.key, i.status().category.displayName,
                    Integer.toString(i.status().category.id)));
            case "status" -> out.addAll(List.of(i.status().displayName, i.status().id));
            case "fixVersion" -> data.fixVersionsOf(i).forEach(v -> out.addAll(List.of(v.name(), Long.toString(v.id()))));
            case "issuetype" -> out.addAll(List.of(i.type().displayName, i.type().id));
            case "parent" -> data.issue(i.parentKey() == null ? "" : i.parentKey())
                    .ifPresent(p -> out.addAll(List.of(p.key(), Long.toString(p.id()))));
            case "key" -> out.addAll(List.of(i.key(), Long.toString(i.id())));
            default -> {
            }
        }
        return out;
    }

    /** Per search: each assignee read from the user store once, not once per issue. */
    private final java.util.Map<String, java.util.Optional<HostUser>> people = new java.util.HashMap<>();

    private java.util.Optional<HostUser> person(String key) {
        return people.computeIfAbsent(key, users::byKey);
    }

    /** Per search: the evaluator asks for a function's values once per issue. */
    private final java.util.Map<String, Set<String>> functions = new java.util.HashMap<>();

    @Override
    public Set<String> function(String name) {
        return functions.computeIfAbsent(name, this::evaluate);
    }

    private Set<String> evaluate(String name) {
        return switch (name) {
            case "opensprints" -> sprintIds(Set.of("active", "future"));
            case "closedsprints" -> sprintIds(Set.of("closed"));
            case "futuresprints" -> sprintIds(Set.of("future"));
            case "currentuser" -> caller == null ? Set.of() : new java.util.HashSet<>(List.of(caller.key(), caller.username()));
            case "releasedversions" -> versionIds(true);
            case "unreleasedversions" -> versionIds(false);
            default -> Set.of();
        };
    }

    private Set<String> sprintIds(Set<String> states) {
        return data.allSprints().stream().filter(s -> states.contains(s.state())).map(s -> Long.toString(s.id()))
                .collect(Collectors.toSet());
    }

    private Set<String> versionIds(boolean released) {
        return data.projects().stream().flatMap(p -> data.versions(p.id()).stream()).filter(v -> v.released() == released)
                .map(v -> Long.toString(v.id())).collect(Collectors.toSet());
    }

    @Override
    public boolean exists(String field, String value) {
        String v = value.toLowerCase(Locale.ROOT);
        return switch (field) {
            case "project" -> data.project(value).isPresent()
                    || data.projects().stream().anyMatch(p -> p.name().equalsIgnoreCase(value));
            case "sprint" -> data.allSprints().stream().anyMatch(s -> Long.toString(s.id()).equals(value)
                    || s.name().equalsIgnoreCase(value));
            case "assignee" -> users.byUsername(value).isPresent() || users.byKey(value).isPresent()
                    || users.all().stream().anyMatch(u -> u.displayName().equalsIgnoreCase(value) || v.equals(u.email()));
            case "fixVersion" -> data.projects().stream().flatMap(p -> data.versions(p.id()).stream())
                    .anyMatch(x -> x.name().equalsIgnoreCase(value) || Long.toString(x.id()).equals(value));
            case "key", "parent" -> data.issue(value).isPresent();
            case "statusCategory" -> Set.of("new", "indeterminate", "done", "undefined", "to do", "in progress",
                    "no category", "1", "2", "3", "4").contains(v);
            case "status" -> java.util.Arrays.stream(DemoData.Status.values())
                    .anyMatch(s -> s.displayName.equalsIgnoreCase(value) || s.id.equals(value));
            case "issuetype" -> java.util.Arrays.stream(DemoData.IssueType.values())
                    .anyMatch(t -> t.displayName.equalsIgnoreCase(value) || t.id.equals(value));
            default -> true;
        };
    }

    @Override
    public Comparable<?> sortValue(DemoData.Issue i, String key) {
        return switch (key) {
            case "key", "rank", "created", "updated" -> i.id();
            case "summary" -> i.summary().toLowerCase(Locale.ROOT);
            case "assignee" -> i.assignee() == null ? null
                    : person(i.assignee()).map(u -> u.displayName().toLowerCase(Locale.ROOT)).orElse(i.assignee());
            case "status" -> i.status().ordinal();
            case "statusCategory" -> i.status().category.ordinal();
            case "issuetype" -> i.type().displayName;
            case "project" -> data.projectOf(i).key();
            case "sprint" -> i.sprintId();
            case "fixVersion" -> data.fixVersionsOf(i).isEmpty() ? null : data.fixVersionsOf(i).get(0).id();
            case "priority" -> 3;
            case "storyPoints" -> i.storyPoints();
            default -> null;
        };
    }
}
